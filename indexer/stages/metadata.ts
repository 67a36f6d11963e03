/**
 * metadata: what a document is, who is in it, when and where, and where each of
 * those facts came from. Per field, the strongest source that has a value wins:
 *   sidecar NAME.meta.yml > front matter / PDF info / HTML meta > the text > the file name.
 * Each field's source is recorded in `provenance` so a reader can judge it.
 */
import { basename, extname } from 'node:path';
import { clipSummary, type Person, type Provenance, type ProvenanceMap } from '../../contract/document.js';
import { dateFromUrl, parseDateValue } from '../metadata/dates.js';
import { readGivenMetadata, type GivenMetadata } from '../metadata/input.js';
import { guessLanguage } from '../metadata/language.js';
import { dedupePeople, makePerson, readName } from '../metadata/names.js';
import { knownPublisher, publisherFromUrl, uniqueOrganisations } from '../metadata/organisations.js';
import { readTextMetadata } from '../metadata/text.js';
import { detectType } from '../metadata/type.js';
import { fail, type DocumentMetadata, type Job, type Stage } from './stage.js';
import { type Extracted, type MetadataInput } from '../../contract/extracted.js';

/** Metadata from one source, with the source's name. */
interface Layer {
  source: Provenance;
  values: GivenMetadata;
}

/** Reads a property whose key may be spelled several ways (HTML meta names vary by publisher). */
function pick(properties: MetadataInput, ...keys: string[]): unknown {
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) {
    const value = lower.get(key);
    if (value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')) return value;
  }
  return undefined;
}

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() || undefined : Array.isArray(value) ? asText(value[0]) : undefined;

/**
 * Authors named in file properties. Only values that read as people's names
 * are kept: PDF Author fields often hold a login name or an organisation.
 */
function authorsFrom(value: unknown): Person[] {
  const raw = Array.isArray(value) ? value.map(asText) : (asText(value) ?? '').split(/\s*(?:;|,|\band\b|&)\s*/u);
  const people: Person[] = [];
  for (const item of raw) {
    if (!item) continue;
    const parsed = readName(item);
    // The whole value must be the name: "Jane Roe" yes, "Jane Roe's laptop" or "Ministry of Defence" no.
    if (parsed && parsed.display.split(' ').length === item.trim().split(/\s+/).length) people.push(makePerson(parsed, 'author'));
  }
  return people;
}

function fromPdfInfo(properties: MetadataInput): GivenMetadata {
  const values: GivenMetadata = {};
  const title = asText(pick(properties, 'title'));
  if (title) values.title = title;
  // CreationDate says when the file was made, so it only stands in for the publication date.
  const created = parseDateValue(pick(properties, 'created', 'creationdate'));
  if (created) values.published = created;
  const authors = authorsFrom(pick(properties, 'author', 'authors'));
  if (authors.length > 0) values.people = authors;
  return values;
}

function fromHtmlMeta(properties: MetadataInput): GivenMetadata {
  const values: GivenMetadata = {};
  const title = asText(pick(properties, 'citation_title', 'dc.title', 'og:title', 'title'));
  if (title) values.title = title;
  const published = parseDateValue(
    asText(
      pick(properties, 'citation_publication_date', 'citation_date', 'article:published_time', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'dcterms.date', 'date', 'published'),
    ),
  );
  if (published) values.published = published;
  const people = authorsFrom(pick(properties, 'citation_author', 'dc.creator', 'dcterms.creator', 'author', 'authors'));
  if (people.length > 0) values.people = people;
  const publisher = asText(pick(properties, 'citation_publisher', 'dc.publisher', 'dcterms.publisher', 'publisher'));
  if (publisher) values.publisher = publisher;
  const language = asText(pick(properties, 'language', 'lang', 'dc.language', 'og:locale'));
  if (language && /^[a-z]{2}(?:[-_][a-z0-9]+)*$/i.test(language)) values.language = language.slice(0, 2).toLowerCase();
  const url = asText(pick(properties, 'canonical', 'og:url', 'citation_public_url', 'url', 'source_url'));
  if (url && /^https?:\/\//i.test(url)) values.sourceUrl = url;
  const summary = asText(pick(properties, 'description', 'og:description', 'dc.description'));
  if (summary) values.summary = summary;
  return values;
}

/** "2025/uk-eu_defence-roundtable.txt" -> "Uk eu defence roundtable". */
export function titleFromFileName(relativePath: string): string {
  const name = basename(relativePath, extname(relativePath))
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : relativePath;
}

type Field = Exclude<keyof GivenMetadata, 'summary'>;

/** The publisher's name as the known body is called ("EEAS" -> European External Action Service). */
const canonicalPublisher = (name: string) => knownPublisher(name) ?? name;

/** The first layer that has the field, with its source. */
function strongest<K extends Field>(layers: Layer[], field: K): { value: NonNullable<GivenMetadata[K]>; source: Provenance } | null {
  for (const layer of layers) {
    const value = layer.values[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    return { value: value as NonNullable<GivenMetadata[K]>, source: layer.source };
  }
  return null;
}

/** Combines the sources into the document's metadata. Exported for tests and --explain. */
export function buildMetadata(job: Job): DocumentMetadata | { error: string } {
  const extracted: Extracted | null = job.extracted;
  const layers: Layer[] = [];
  const warnings: string[] = [];

  if (job.sidecar) {
    const sidecarName = basename(job.source.sidecarPath ?? `${basename(job.source.path, extname(job.source.path))}.meta.yml`);
    const read = readGivenMetadata(job.sidecar, { strict: true });
    if (!read.ok) return { error: `sidecar ${sidecarName}: ${read.error}` };
    warnings.push(...read.warnings.map((w) => `sidecar ${sidecarName}: ${w}`));
    layers.push({ source: 'sidecar', values: withGivenPublisher(read.value) });
  }

  let fileAuthors: Layer | null = null;
  /** The site's name (og:site_name, "GOV.UK"): the publisher only when nothing names a more specific body. */
  let siteName: Layer | null = null;
  if (extracted && extracted.propertiesSource) {
    const properties = extracted.properties;
    if (extracted.propertiesSource === 'front-matter') {
      const read = readGivenMetadata(properties, { strict: false });
      if (!read.ok) return { error: `front matter: ${read.error}` };
      warnings.push(...read.warnings.map((w) => `front matter: ${w}`));
      layers.push({ source: 'front-matter', values: withGivenPublisher(read.value) });
    } else {
      const source = extracted.propertiesSource;
      const values = source === 'pdf-info' ? fromPdfInfo(properties) : fromHtmlMeta(properties);
      // Authors in file properties are weaker than the people the text names (see authorsFrom).
      if (values.people) {
        fileAuthors = { source, values: { people: values.people } };
        delete values.people;
      }
      const site = source === 'html-meta' ? asText(pick(properties, 'og:site_name')) : undefined;
      if (site) siteName = { source, values: { publisher: site } };
      layers.push({ source, values });
    }
  }

  const blocks = extracted?.blocks ?? [];
  const fromText = readTextMetadata(blocks);
  const textValues: GivenMetadata = {};
  if (fromText.title) textValues.title = fromText.title;
  if (fromText.date) textValues.date = fromText.date;
  if (fromText.published) textValues.published = fromText.published;
  if (fromText.organisations.length) textValues.organisations = fromText.organisations;
  if (fromText.publisher) textValues.publisher = fromText.publisher;
  if (fromText.place) textValues.place = fromText.place;
  if (fromText.people.length) textValues.people = fromText.people;
  const fullText = blocks.map((b) => b.text).join('\n');
  const language = guessLanguage(fullText);
  if (language) textValues.language = language;
  layers.push({ source: 'text', values: textValues });
  // The web address a document came from names its publisher's site and often its day.
  const givenUrl = strongest(layers, 'sourceUrl')?.value;
  const urlValues: GivenMetadata = {};
  const urlPublisher = publisherFromUrl(givenUrl);
  if (urlPublisher) urlValues.publisher = urlPublisher;
  const urlDate = dateFromUrl(givenUrl);
  if (urlDate) urlValues.published = urlDate;
  layers.push({ source: 'source-url', values: urlValues });
  if (siteName) layers.push(siteName);
  if (fileAuthors) layers.push(fileAuthors);
  layers.push({ source: 'file', values: { title: titleFromFileName(job.source.relativePath) } });

  const provenance: ProvenanceMap = {};
  const title = strongest(layers, 'title')!;
  provenance.title = title.source;

  const published = strongest(layers, 'published');
  if (published) provenance.published = published.source;

  // The event's date, else the publication date, unless that is only the PDF's creation time.
  let date = strongest(layers, 'date');
  if (!date && published && published.source !== 'pdf-info') date = published;
  if (date) provenance.date = date.source;

  const organisations = strongest(layers, 'organisations');
  const publisher = strongest(layers, 'publisher');
  if (publisher) provenance.publisher = publisher.source;
  // The publisher heads the organisations list: when it is the list's only source, it says where the list came from.
  if (organisations) provenance.organisations = organisations.source;
  else if (publisher) provenance.organisations = publisher.source;
  const publisherName = publisher ? canonicalPublisher(publisher.value) : null;
  const place = strongest(layers, 'place');
  if (place) provenance.place = place.source;
  const lang = strongest(layers, 'language');
  if (lang) provenance.language = lang.source;
  const sourceUrl = strongest(layers, 'sourceUrl');
  if (sourceUrl) provenance.sourceUrl = sourceUrl.source;
  const people = strongest(layers, 'people');
  if (people) provenance.people = people.source;
  const peopleList = dedupePeople(people?.value ?? []);
  const givenThemes = strongest(layers, 'themes');
  if (givenThemes) provenance.themes = givenThemes.source;

  let type = strongest(layers, 'type');
  if (!type) {
    const detected = detectType(title.value, fullText, peopleList);
    type = { value: detected, source: 'text' };
    if (detected !== 'other') provenance.type = 'text';
  } else provenance.type = type.source;

  const givenSummary = layers.find((l) => l.values.summary)?.values.summary;
  let summary = clipSummary(givenSummary ?? fromText.summary);
  if (summary === title.value) summary = '';

  const sidecarValues = layers.find((l) => l.source === 'sidecar')?.values;
  return {
    title: title.value,
    date: date?.value ?? null,
    published: published?.value ?? null,
    type: type.value,
    organisations: uniqueOrganisations([...(publisherName ? [publisherName] : []), ...(organisations?.value ?? [])]),
    publisher: publisherName,
    place: place?.value ?? null,
    language: lang?.value ?? null,
    sourceUrl: sourceUrl?.value ?? null,
    // Only a sidecar says where and when a copy was fetched: a page's own markup cannot.
    finalUrl: sidecarValues?.finalUrl ?? null,
    retrievedAt: sidecarValues?.retrievedAt ?? null,
    people: peopleList,
    summary,
    provenance,
    warnings,
    givenThemes: givenThemes?.value ?? [],
  };
}

/** Organisations a person named without saying who published: the first is taken as the publisher. */
function withGivenPublisher(values: GivenMetadata): GivenMetadata {
  if (values.publisher || !values.organisations?.length) return values;
  return { ...values, publisher: values.organisations[0]! };
}

export const metadataStage: Stage = {
  name: 'metadata',
  run(job) {
    const metadata = buildMetadata(job);
    if ('error' in metadata) return fail(metadata.error);
    job.metadata = metadata;
  },
};
