/**
 * DocumentRecord -> CSL-JSON item: the one description of a document that every
 * citation format (APA, Chicago, BibTeX, RIS, CSL-JSON) is rendered from.
 */
import { parse as parseName } from '@citation-js/name';
import { DOC_TYPE_LABELS, isPaginated, type DocType, type DocumentRecord, type PassageRecord, type Person } from '../../contract/document.js';
import { foldAccents } from '../../contract/ids.js';
import { documentUrl, passageUrl } from '../links.js';
import { cleanLine, isoDateParts, isoDay } from './text.js';

export type CslDateParts = [number] | [number, number] | [number, number, number];
export interface CslDate {
  'date-parts': [CslDateParts];
}

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  /** An institution or any name that must not be split. */
  literal?: string;
}

export type CslType = 'report' | 'speech' | 'article-newspaper' | 'webpage' | 'legislation' | 'hearing' | 'document';

export interface CslItem {
  id: string;
  type: CslType;
  'citation-key': string;
  title: string;
  author?: CslName[];
  issued?: CslDate;
  accessed: CslDate;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  /** The kind of document in words ("Policy paper"), shown by APA in brackets; none for news articles and web pages. */
  genre?: string;
  'event-place'?: string;
  /** Page of the cited passage (pinpoint), only for documents with real pages. */
  page?: string;
  language?: string;
  abstract?: string;
  /** The original when its address is known, else the copy in Entente. */
  URL: string;
  /** "Retrieved from Entente: <permalink>" when URL is the original's. */
  note?: string;
  /** Where the copy that was read is kept, and its permalink (CSL's archive variables). */
  archive?: string;
  archive_location?: string;
}

/** The passage fields a citation needs: its id for the permalink, its page and number for the pinpoint. */
export type CitedPassage = Pick<PassageRecord, 'id' | 'page'> & Partial<Pick<PassageRecord, 'ordinal'>>;

/** Where in the work the cited words are: p. 7 for pages, para. 3 (passage number) for the rest. */
export interface Pinpoint {
  label: 'page' | 'paragraph';
  value: string;
}

export interface CiteOptions {
  /** Public origin of the site, e.g. "http://localhost:3000". */
  baseUrl: string;
  /** Cite this passage: permalink and pinpoint. */
  passage?: CitedPassage;
  /** Access date; by default the day the original was fetched (a source fetched by URL), else today (UTC). A Date or `YYYY-MM-DD`. */
  accessed?: Date | string;
}

/*
 * Keyed by string rather than DocType: types the metadata side may add
 * (legislation, hearing, web page) map without a change here.
 */
const CSL_TYPES: Record<string, CslType> = {
  'policy-paper': 'report',
  briefing: 'report',
  report: 'report',
  // The document held is a written report of the event.
  'event-report': 'report',
  speech: 'speech',
  news: 'article-newspaper',
  webpage: 'webpage',
  legislation: 'legislation',
  hearing: 'hearing',
  statement: 'document',
  other: 'document',
};

/** The CSL type of a document: a statement or other item read from a web page is a web page. */
export function cslType(doc: Pick<DocumentRecord, 'type' | 'format' | 'sourceUrl'>): CslType {
  const mapped = CSL_TYPES[doc.type] ?? 'document';
  if (mapped === 'document' && doc.format === 'html' && originalUrl(doc) !== null) return 'webpage';
  return mapped;
}

/** The original's address when it is a web address a reader can follow: its stated URL, else where a fetch of it ended. */
export function originalUrl(doc: Pick<DocumentRecord, 'sourceUrl' | 'finalUrl'>): string | null {
  for (const candidate of [doc.sourceUrl, doc.finalUrl]) {
    const url = candidate ? cleanLine(candidate) : '';
    if (/^https?:\/\/[^\s]+$/i.test(url)) return url;
  }
  return null;
}

/** The page to cite, when the document has pages a reader can turn to (a PDF, or anything paginated). */
export function pinpointPage(doc: Pick<DocumentRecord, 'format' | 'pages'>, passage: CitedPassage | undefined): number | null {
  if (!passage || !isPaginated(doc)) return null;
  return Number.isInteger(passage.page) && passage.page >= 1 ? passage.page : null;
}

/**
 * The pinpoint of a cited passage: its page when the work has pages, else its
 * number among the document's passages (APA 8.28 "para."), which the document
 * page shows beside each passage.
 */
export function pinpoint(doc: Pick<DocumentRecord, 'format' | 'pages'>, passage: CitedPassage | undefined): Pinpoint | null {
  const page = pinpointPage(doc, passage);
  if (page !== null) return { label: 'page', value: String(page) };
  if (passage && Number.isInteger(passage.ordinal) && (passage.ordinal ?? -1) >= 0) return { label: 'paragraph', value: String((passage.ordinal ?? 0) + 1) };
  return null;
}

const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;

/** "Ursula von der Leyen" -> {given: "Ursula", non-dropping-particle: "von der", family: "Leyen"}. */
export function personName(canonicalName: string): CslName {
  const words = cleanLine(canonicalName).split(' ').filter(Boolean);
  let suffix: string | undefined;
  if (words.length > 2 && NAME_SUFFIX.test(words[words.length - 1] ?? '')) suffix = words.pop();
  const parsed = parseName(words.join(' '));
  if (!parsed.family) return { literal: cleanLine(canonicalName) };
  const name: CslName = { family: parsed.family };
  if (parsed.given) name.given = parsed.given;
  if (parsed['non-dropping-particle']) name['non-dropping-particle'] = parsed['non-dropping-particle'];
  if (parsed['dropping-particle']) name['dropping-particle'] = parsed['dropping-particle'];
  if (suffix) name.suffix = suffix;
  return name;
}

function peopleWithRole(doc: DocumentRecord, role: Person['role']): Person[] {
  return doc.people.filter((person) => person.role === role && cleanLine(person.name) !== '');
}

function organisations(doc: Pick<DocumentRecord, 'organisations'>): string[] {
  return doc.organisations.map(cleanLine).filter(Boolean);
}

/**
 * Who the work is by: its named authors; for a speech with none, its speakers;
 * otherwise the organisation as an institutional author (APA's "group author"),
 * except for news, where the outlet is the container, not the author.
 */
export function cslAuthors(doc: DocumentRecord): CslName[] {
  const authors = peopleWithRole(doc, 'author');
  if (authors.length > 0) return authors.map((person) => personName(person.name));
  if (doc.type === 'speech') {
    const speakers = peopleWithRole(doc, 'speaker');
    if (speakers.length > 0) return speakers.map((person) => personName(person.name));
  }
  if (doc.type === 'news') return [];
  return organisations(doc).map((literal) => ({ literal }));
}

function cslDate(parts: CslDateParts | null): CslDate | undefined {
  return parts ? { 'date-parts': [parts] } : undefined;
}

function accessedParts(accessed: Date | string | undefined): CslDateParts {
  const iso = accessed === undefined ? isoDay(new Date()) : typeof accessed === 'string' ? accessed : isoDay(accessed);
  const parts = isoDateParts(iso);
  if (!parts) throw new RangeError(`accessed date is not YYYY-MM-DD: ${JSON.stringify(accessed)}`);
  return parts;
}

const LEADING_ARTICLES = new Set(['a', 'an', 'the']);

/** ASCII letters and digits only: "Müller" -> "muller", "UK–EU" -> "ukeu". */
function keyPart(text: string): string {
  return foldAccents(text).replace(/[^a-z0-9]/g, '');
}

/** Short stable name for an organisation: initials of its main words ("Centre for European Reform" -> "cer"). */
function organisationKeyPart(organisation: string): string {
  const words = organisation.split(/[\s\-–—/]+/).map(keyPart).filter(Boolean);
  const main = organisation
    .split(/[\s\-–—/]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map(keyPart)
    .filter(Boolean);
  if (main.length >= 3) return main.map((word) => word[0]).join('');
  return words.join('').slice(0, 24);
}

/**
 * BibTeX/CSL citation key: first author's family name (else the organisation's
 * initials), year (else "nd"), first title word after any article:
 * "Müller", 2024, "Rebuilding European Defence" -> "muller2024rebuilding".
 * Depends only on the record, so the same document always gets the same key.
 */
export function citationKey(doc: DocumentRecord): string {
  const [first] = cslAuthors(doc);
  let who = '';
  if (first?.family) who = keyPart(first.family);
  else if (first?.literal) who = organisationKeyPart(first.literal);
  if (!who && organisations(doc)[0]) who = organisationKeyPart(organisations(doc)[0] ?? '');
  const year = isoDateParts(doc.published ?? doc.date)?.[0] ?? doc.year;
  const titleWords = cleanLine(doc.title).split(' ').map((word) => ({ word, part: keyPart(word) }));
  const firstWord = titleWords.find(({ word, part }) => part !== '' && !LEADING_ARTICLES.has(word.toLowerCase()))?.part ?? '';
  return `${who || 'anon'}${year ?? 'nd'}${firstWord.slice(0, 20)}`;
}

/**
 * The date the original carries, no more precise than its source states it:
 * a record dated 2025-05-01 with precision "month" is issued May 2025.
 */
export function issuedParts(doc: Pick<DocumentRecord, 'date' | 'published' | 'year' | 'datePrecision'>): CslDateParts | null {
  const usesDate = doc.published === null || doc.published === doc.date;
  const parts = isoDateParts(doc.published ?? doc.date);
  if (!parts) return doc.year ? [doc.year] : null;
  const precision = usesDate ? (doc.datePrecision ?? 'day') : 'day';
  if (precision === 'year') return [parts[0]];
  if (precision === 'month' && parts.length >= 2) return [parts[0], parts[1] as number];
  return parts;
}

/** Who published the original: the recorded publisher, else the organisations behind it. */
export function publisherName(doc: Pick<DocumentRecord, 'publisher' | 'organisations'>): string {
  const named = doc.publisher ? cleanLine(doc.publisher) : '';
  return named || organisations(doc).join('; ');
}

/** The CSL-JSON item for a document, or for one of its passages when `passage` is given. */
export function toCslItem(doc: DocumentRecord, options: CiteOptions): CslItem {
  const title = cleanLine(doc.title) || doc.id;
  const type = cslType(doc);
  const place = doc.place ? cleanLine(doc.place) : '';
  const entente = options.passage ? passageUrl(options.baseUrl, options.passage.id) : documentUrl(options.baseUrl, doc.id);
  const original = originalUrl(doc);

  const item: CslItem = {
    id: doc.id,
    type,
    'citation-key': citationKey(doc),
    title,
    accessed: { 'date-parts': [accessedParts(options.accessed ?? (doc.retrievedAt ? doc.retrievedAt.slice(0, 10) : undefined))] },
    URL: original ?? entente,
  };
  if (original) {
    item.archive = 'Entente';
    item.archive_location = entente;
    item.note = `Retrieved from Entente: ${entente}`;
  }

  // APA and Chicago describe a newspaper article or a web page by its outlet or site, without a bracketed kind;
  // a text of no known kind gets none rather than "[Other]".
  if (type !== 'article-newspaper' && type !== 'webpage' && doc.type !== 'other') item.genre = DOC_TYPE_LABELS[doc.type as DocType] ?? cleanLine(doc.type);
  const authors = cslAuthors(doc);
  if (authors.length > 0) item.author = authors;
  const issued = cslDate(issuedParts(doc));
  if (issued) item.issued = issued;
  const publisher = publisherName(doc);
  if (publisher) item.publisher = publisher;
  if ((type === 'article-newspaper' || type === 'webpage') && publisher) item['container-title'] = publisher;

  if (type === 'speech') {
    if (place) item['event-place'] = place;
  } else if (place && type !== 'webpage') {
    item['publisher-place'] = place;
  }

  const page = pinpointPage(doc, options.passage);
  if (page !== null) item.page = String(page);
  if (doc.language) item.language = cleanLine(doc.language);
  const summary = cleanLine(doc.summary ?? '');
  if (summary) item.abstract = summary;
  return item;
}
