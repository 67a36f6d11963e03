/**
 * The records Entente stores in Meilisearch: the contract between the indexer,
 * which writes them, and the server, which reads them. Nothing here depends on
 * either side.
 */

export const DOC_TYPES = [
  'event-report',
  'policy-paper',
  'speech',
  'statement',
  'briefing',
  'news',
  'other',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  'event-report': 'Event report',
  'policy-paper': 'Policy paper',
  speech: 'Speech',
  statement: 'Statement',
  briefing: 'Briefing',
  news: 'News',
  other: 'Other',
};

export const ROLES = ['chair', 'speaker', 'author', 'moderator', 'mentioned'] as const;
export type Role = (typeof ROLES)[number];

export const FORMATS = ['pdf', 'markdown', 'text', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Where a metadata value came from, strongest first. Shown in the UI so a reader can judge it. */
export const PROVENANCES = ['sidecar', 'front-matter', 'pdf-info', 'html-meta', 'text', 'source-url', 'file'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export const PROVENANCE_LABELS: Record<Provenance, string> = {
  sidecar: 'sidecar file (.meta.yml)',
  'front-matter': 'front matter',
  'pdf-info': 'PDF document properties',
  'html-meta': 'HTML meta tags',
  text: 'read from the text',
  'source-url': 'the source web address',
  file: 'file name',
};

export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface Person {
  /** Canonical name: honorifics stripped ("Alan Dashwood"). */
  name: string;
  /** Name as written for display, honorifics kept ("Professor Sir Alan Dashwood KC"). */
  display: string;
  role: Role;
  /** URL slug of the canonical name (contract/ids.ts personSlug): never empty, never shared by two names; the key for /people/:slug. */
  slug: string;
}

/** How much of a document a theme takes: its subject, or only a passing mention. */
export const THEME_WEIGHTS = ['about', 'mentions'] as const;
export type ThemeWeight = (typeof THEME_WEIGHTS)[number];

export interface ThemeTag {
  id: string;
  label: string;
  /** Matched term -> occurrences: why the theme was assigned. */
  evidence: Record<string, number>;
  /**
   * Weighted strength of the evidence: each occurrence counts by where it stands
   * (title, heading, opening, body, closing notes) and how specific the term is.
   * Absent on passage tags.
   */
  score?: number;
  /** Share of the document's themed words this theme takes (0–1). Absent on passage tags. */
  share?: number;
  /** `about`: the document's subject (the theme facet); `mentions`: named in passing. Absent on passage tags. */
  weight?: ThemeWeight;
  /** Where a person gave this theme (a sidecar, front matter): it is `about` because they said so, whatever the score. */
  given?: Provenance;
}

/** The precision a date is written with ("2025" year, "2025-05" month, "2025-05-05" day). */
export function datePrecisionOf(date: string | null): DatePrecision | null {
  if (!date) return null;
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** The first day of a date written to any precision ("2025-05" -> "2025-05-01"): how records store it, with its precision beside. */
export function firstDayOf(date: string | null): string | null {
  if (!date) return null;
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Metadata fields that carry provenance. */
export type ProvenanceMap = Partial<
  Record<
    'title' | 'date' | 'published' | 'type' | 'organisations' | 'publisher' | 'place' | 'language' | 'sourceUrl' | 'people' | 'themes',
    Provenance
  >
>;

/** One record per document in `<prefix>_documents`. */
export interface DocumentRecord {
  /** Slug of the path relative to the corpus: stable across runs. */
  id: string;
  /** Path relative to the corpus, POSIX separators. Never taken from a URL. */
  file: string;
  format: Format;
  title: string;
  /**
   * Date of the event, else of publication, as YYYY-MM-DD: the first day of the
   * month or year when the source gives only that (see `datePrecision`); null when unknown.
   */
  date: string | null;
  /**
   * How much of `date` the source states: "May 2025" is stored as 2025-05-01 with
   * precision 'month'. Absent on records written before precision was kept: read as 'day'.
   */
  datePrecision?: DatePrecision;
  /** Unix seconds of `date` (UTC midnight), for range filters and sorting; null when unknown. */
  dateTs: number | null;
  year: number | null;
  /** Publication date, YYYY-MM-DD (the first day when only a month or year is given). */
  published: string | null;
  type: DocType;
  /** Bodies behind the document; the publisher first when known. */
  organisations: string[];
  /** Who published the original (an outlet, ministry, think tank); absent when not known apart from `organisations`. */
  publisher?: string | null;
  place: string | null;
  language: string | null;
  sourceUrl: string | null;
  /** For a source fetched by URL: where `sourceUrl` led after redirects. Absent for files put in the corpus. */
  finalUrl?: string | null;
  /** For a source fetched by URL: when the content indexed was retrieved (ISO date-time); citations give it. */
  retrievedAt?: string | null;
  people: Person[];
  /** Canonical names of people who spoke (chair, speaker, moderator, author): the speaker facet. */
  speakers: string[];
  /** Ids of the themes the document is about: the theme facet. */
  themes: string[];
  /** Ids of every theme the document names, about or in passing: the "mentions" facet. */
  themeMentions: string[];
  /** Every theme found, about and mentions, with evidence, score and weight. */
  themeTags: ThemeTag[];
  /** Glossary acronyms mentioned by any spelling (filterable): how an acronym in capitals is searched. */
  acronyms: string[];
  provenance: ProvenanceMap;
  /** Short description/summary: first passage or explicit abstract. */
  summary: string;
  /** Full text for matching whole documents (passages carry the snippets). */
  text: string;
  /** The text as word stems (contract/stems.ts): searched so that a word finds its other forms. */
  stems: string;
  pages: number;
  passageCount: number;
  needsOcr: boolean;
  /** Present when some pages' text was recognised by OCR: how many, their mean confidence (0–100), and the pages below the floor. */
  ocr?: { pages: number; confidence: number; lowConfidencePages: number[] };
  /** Problems met while indexing that a reader should know (an empty front-matter date, a page that failed): shown on /about. */
  warnings: string[];
  /** sha256 of the file, its sidecar and the indexer configuration: unchanged fingerprint = skip. */
  fingerprint: string;
  /**
   * Digest of the text left out as repeated across the document's source ('' or absent: none):
   * a later run redoes the document when what its source repeats no longer matches.
   */
  boilerplate?: string;
  sha256: string;
  bytes: number;
  /** ISO timestamp of the run that wrote the record. */
  indexedAt: string;
}

/** One record per passage in `<prefix>_passages`, with the document's facet fields copied in. */
export interface PassageRecord {
  /** `${docId}_${hash8}` (then `-2`, `-3` on collision within the document). Slugs never contain `_`. */
  id: string;
  docId: string;
  ordinal: number;
  /** 1-based page; 1 for formats without pages. */
  page: number;
  /** Character offsets in the document's extracted text. */
  start: number;
  end: number;
  heading: string | null;
  text: string;
  /** The text as word stems (contract/stems.ts): searched so that a word finds its other forms. */
  stems: string;
  /** Present when the passage's page was read by OCR: tesseract's mean confidence (0–100), and whether it is below the floor. */
  ocr?: PassageOcr;
  /** Themes matched in this passage. */
  themes: string[];
  /** Glossary acronyms this passage mentions by any spelling. */
  acronyms: string[];
  /** Copied from the document so passage searches can filter by the same facets. */
  title: string;
  type: DocType;
  organisations: string[];
  speakers: string[];
  year: number | null;
  dateTs: number | null;
  date: string | null;
  /** The document's themeMentions, for the "mentions" facet on passage searches. */
  themeMentions: string[];
}

export interface PassageOcr {
  confidence: number;
  belowFloor: boolean;
}

/** A passage as produced by the passages stage, before the document's fields are copied in. */
export type Passage = Pick<PassageRecord, 'id' | 'ordinal' | 'page' | 'start' | 'end' | 'heading' | 'text' | 'themes' | 'ocr'> & {
  /** Theme evidence within this passage. */
  themeTags: ThemeTag[];
};

/** Longest summary a record carries; longer ones are cut at a word and end with "…". */
export const SUMMARY_MAX = 300;

export function clipSummary(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length > max / 2 ? atWord : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** One person of a document with every role they have in it. */
export interface PersonWithRoles {
  slug: string;
  name: string;
  display: string;
  roles: Role[];
}

/** A document's people grouped by person (slug), in order of first appearance, each with their roles. */
export function groupPeople(people: readonly Person[]): PersonWithRoles[] {
  const bySlug = new Map<string, PersonWithRoles>();
  for (const person of people) {
    let entry = bySlug.get(person.slug);
    if (!entry) {
      entry = { slug: person.slug, name: person.name, display: person.display, roles: [] };
      bySlug.set(person.slug, entry);
    }
    if (!entry.roles.includes(person.role)) entry.roles.push(person.role);
  }
  return [...bySlug.values()];
}

/** A document has pages a reader can turn to (a PDF, or anything with more than one page); others are cited by section and paragraph. */
export function isPaginated(doc: Pick<DocumentRecord, 'format' | 'pages'>): boolean {
  return doc.format === 'pdf' || doc.pages > 1;
}

/**
 * Where a passage is, as a reader would look for it: "Page 4" in a paginated
 * document, else its section and paragraph ("Industrial participation, paragraph 7").
 */
export function passageLocation(
  doc: Pick<DocumentRecord, 'format' | 'pages'>,
  passage: { page: number; ordinal?: number | undefined; heading?: string | null | undefined },
): string {
  if (isPaginated(doc)) return `Page ${passage.page}`;
  const paragraph = passage.ordinal === undefined ? '' : `paragraph ${passage.ordinal + 1}`;
  if (passage.heading) return paragraph ? `${passage.heading}, ${paragraph}` : passage.heading;
  return paragraph ? `Paragraph ${passage.ordinal! + 1}` : 'Passage';
}
