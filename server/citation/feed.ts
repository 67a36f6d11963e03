/**
 * Atom (RFC 4287) feed of a search's results, so a researcher can follow a
 * query in a feed reader.
 */
import { create } from 'xmlbuilder2';
import type { DocumentRecord, Format } from '../../contract/document.js';
import { documentFileUrl, documentUrl, trimBaseUrl } from '../links.js';
import { cleanLine, isoDateParts } from './text.js';

type XMLBuilder = ReturnType<typeof create>;

const ATOM_NS = 'http://www.w3.org/2005/Atom';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

const FILE_TYPES: Record<Format, string> = {
  pdf: 'application/pdf',
  markdown: 'text/markdown',
  text: 'text/plain',
  html: 'text/html',
};

/** Contributors shown beside authors: the people who spoke at or ran the event. */
const CONTRIBUTOR_ROLES = new Set(['chair', 'speaker', 'moderator']);

export interface AtomFeedOptions {
  title: string;
  /** This feed's own URL (rel="self"); also its permanent id. */
  selfUrl: string;
  /** The HTML search page the feed mirrors (rel="alternate"). */
  searchUrl: string;
  /** When the results last changed; by default the newest entry's `updated`. */
  updated?: Date | string;
  /** Entries in the order given (the search's order, newest first). */
  docs: DocumentRecord[];
  baseUrl: string;
}

/** RFC 3339 timestamp of a Date, an ISO timestamp or an ISO day; null when unreadable. */
function rfc3339(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const day = isoDateParts(value);
  if (day && /^\d{4}(-\d{2}){0,2}$/.test(value.trim())) {
    const [year, month = 1, date = 1] = day;
    return new Date(Date.UTC(year, month - 1, date)).toISOString();
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function text(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(name).txt(cleanLine(value));
}

function person(parent: XMLBuilder, element: 'author' | 'contributor', name: string): void {
  const cleaned = cleanLine(name);
  if (cleaned) parent.ele(element).ele('name').txt(cleaned);
}

function entry(feed: XMLBuilder, doc: DocumentRecord, baseUrl: string, fallbackUpdated: string): void {
  const url = documentUrl(baseUrl, doc.id);
  const published = rfc3339(doc.published ?? doc.date);
  const element = feed.ele('entry');
  text(element, 'id', url);
  text(element, 'title', doc.title || doc.id);
  text(element, 'updated', rfc3339(doc.indexedAt) ?? published ?? fallbackUpdated);
  if (published) text(element, 'published', published);

  const authors = doc.people.filter((entryPerson) => entryPerson.role === 'author').map((entryPerson) => entryPerson.name);
  for (const name of authors.length > 0 ? authors : doc.organisations) person(element, 'author', name);
  for (const contributor of doc.people.filter((entryPerson) => CONTRIBUTOR_ROLES.has(entryPerson.role))) {
    person(element, 'contributor', contributor.name);
  }

  element.ele('link', { rel: 'alternate', type: 'text/html', href: url });
  element.ele('link', {
    rel: 'enclosure',
    type: FILE_TYPES[doc.format],
    href: documentFileUrl(baseUrl, doc.id),
    ...(doc.bytes > 0 ? { length: String(doc.bytes) } : {}),
  });

  const labels = new Map(doc.themeTags.map((tag) => [tag.id, tag.label]));
  for (const themeId of doc.themes) {
    element.ele('category', {
      term: cleanLine(themeId),
      label: cleanLine(labels.get(themeId) ?? themeId),
      scheme: `${trimBaseUrl(baseUrl)}/themes`,
    });
  }
  if (doc.summary.trim()) element.ele('summary', { type: 'text' }).txt(cleanLine(doc.summary));
}

/** The feed as an XML string. Every value is escaped by the builder; characters XML forbids are dropped first. */
export function atomFeed(options: AtomFeedOptions): string {
  const entryTimes = options.docs.map((doc) => rfc3339(doc.indexedAt) ?? rfc3339(doc.published ?? doc.date)).filter((time): time is string => time !== null);
  const newestEntry = entryTimes.sort().at(-1);
  const updated = rfc3339(options.updated) ?? newestEntry ?? new Date().toISOString();

  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM_NS, 'feed');
  text(feed, 'id', options.selfUrl);
  text(feed, 'title', options.title);
  text(feed, 'updated', updated);
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: cleanLine(options.selfUrl) });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: cleanLine(options.searchUrl) });
  // Atom requires an author on every entry; the feed's author stands in for entries that name none.
  person(feed, 'author', 'Entente');
  feed.ele('generator', { uri: `${trimBaseUrl(options.baseUrl)}/` }).txt('Entente');

  for (const doc of options.docs) entry(feed, doc, options.baseUrl, updated);
  return feed.end({ prettyPrint: true, wellFormed: true });
}
