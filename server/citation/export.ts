/**
 * A result set as a file: CSV for spreadsheets; BibTeX, biblatex, RIS and
 * CSL-JSON for reference managers. For a search, each document brings the
 * passages that matched, with their permalinks.
 */
import { stringify } from 'csv-stringify/sync';
import type { DocumentRecord, PassageRecord } from '../../contract/document.js';
import { bibtexEntries } from './bibtex.js';
import type { DownloadFile } from './cite.js';
import { originalUrl, pinpoint, publisherName, toCslItem, type CslItem } from './csl.js';
import { documentUrl, passageUrl } from '../links.js';
import { MEDIA_TYPES } from './media-types.js';
import { risRecord } from './ris.js';
import { cleanLine } from './text.js';

export const EXPORT_FORMATS = [
  { id: 'csv', label: 'CSV', extension: 'csv', contentType: MEDIA_TYPES.csv },
  { id: 'bibtex', label: 'BibTeX', extension: 'bib', contentType: MEDIA_TYPES.bibtex },
  { id: 'ris', label: 'RIS', extension: 'ris', contentType: MEDIA_TYPES.ris },
  { id: 'csl-json', label: 'CSL-JSON', extension: 'json', contentType: MEDIA_TYPES.cslJson },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportFormatId = ExportFormat['id'];

export function isExportFormatId(value: unknown): value is ExportFormatId {
  return EXPORT_FORMATS.some((format) => format.id === value);
}

export interface ExportOptions {
  baseUrl: string;
  /** Access date for BibTeX and RIS; today (UTC) by default. */
  accessed?: Date | string;
  /** For a search: the passages of each document that matched, best first. */
  passages?: ReadonlyMap<string, readonly PassageRecord[]>;
}

export const CSV_COLUMNS = [
  'id', 'title', 'date', 'type', 'organisations', 'publisher', 'people', 'themes', 'summary', 'source_url', 'url', 'passages',
] as const;

/**
 * A spreadsheet evaluates a cell that starts with one of these as a formula
 * (CSV injection); a leading apostrophe makes it text (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r|%]/;

function csvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** "p. 7: “text…” <permalink>", one line per passage, for a spreadsheet cell. */
function passageLines(doc: DocumentRecord, passages: readonly PassageRecord[], baseUrl: string): string {
  return passages
    .map((passage) => {
      const where = pinpointText(doc, passage);
      return `${where ? `${where}: ` : ''}“${cleanLine(passage.text)}” ${passageUrl(baseUrl, passage.id)}`;
    })
    .join('\n');
}

function csvRow(doc: DocumentRecord, options: ExportOptions): Record<(typeof CSV_COLUMNS)[number], string> {
  const themeLabels = doc.themeTags.length > 0 ? doc.themeTags.map((tag) => tag.label) : doc.themes;
  const row = {
    id: doc.id,
    title: doc.title,
    date: doc.date ?? '',
    type: doc.type,
    organisations: doc.organisations.join('; '),
    publisher: publisherName(doc),
    people: doc.people.map((person) => `${person.name} (${person.role})`).join('; '),
    themes: themeLabels.join('; '),
    summary: doc.summary ?? '',
    source_url: originalUrl(doc) ?? '',
    url: documentUrl(options.baseUrl, doc.id),
  };
  const cells = Object.fromEntries(Object.entries(row).map(([column, value]) => [column, csvCell(cleanLine(value))]));
  // Passages keep one line each inside the quoted cell; each line is guarded as its own cell would be.
  const lines = passageLines(doc, options.passages?.get(doc.id) ?? [], options.baseUrl).split('\n').map(csvCell).join('\n');
  return { ...cells, passages: lines } as Record<(typeof CSV_COLUMNS)[number], string>;
}

/**
 * RFC 4180 CSV (CRLF, fields quoted when needed) with a header row. Starts with
 * a UTF-8 byte order mark, without which Excel reads "UK–EU" as mojibake.
 */
export function resultsCsv(docs: DocumentRecord[], options: ExportOptions): string {
  return stringify(
    docs.map((doc) => csvRow(doc, options)),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', bom: true },
  );
}

/** Citation keys made unique within one file: the second "muller2024rebuilding" becomes "muller2024rebuildingb". */
function withUniqueKeys(items: CslItem[]): CslItem[] {
  const seen = new Map<string, number>();
  const taken = new Set(items.map((item) => item['citation-key']));
  return items.map((item) => {
    const key = item['citation-key'];
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return item;
    let suffix = count;
    let unique = `${key}${disambiguator(suffix)}`;
    while (taken.has(unique)) unique = `${key}${disambiguator(++suffix)}`;
    taken.add(unique);
    return { ...item, 'citation-key': unique };
  });
}

/** 2 -> "b", 26 -> "z", then numbers: the year-suffix convention readers know. */
function disambiguator(occurrence: number): string {
  return occurrence <= 26 ? String.fromCharCode(96 + occurrence) : String(occurrence);
}

/** "p. 7" or "para. 3": where a passage is, as the citation's pinpoint says it. */
function pinpointText(doc: DocumentRecord, passage: PassageRecord): string | null {
  const at = pinpoint(doc, passage);
  return at ? `${at.label === 'page' ? 'p.' : 'para.'} ${at.value}` : null;
}

/**
 * The items of an export, one per document, keys kept unique in the file. For
 * a search, the note names the matching passages with pinpoint and permalink:
 * a reference manager gets one item per work, not one per passage.
 */
export function exportItems(docs: DocumentRecord[], options: ExportOptions): CslItem[] {
  return withUniqueKeys(
    docs.map((doc) => {
      const item = toCslItem(doc, options);
      const passages = options.passages?.get(doc.id) ?? [];
      if (passages.length === 0) return item;
      const listed = passages.map((passage) => [pinpointText(doc, passage), passageUrl(options.baseUrl, passage.id)].filter(Boolean).join(', '));
      return { ...item, note: [item.note, `Matching passages: ${listed.join('; ')}`].filter(Boolean).join('. ') };
    }),
  );
}

export function resultsBibtex(docs: DocumentRecord[], options: ExportOptions): string {
  return bibtexEntries(exportItems(docs, options), 'biblatex');
}

export function resultsRis(docs: DocumentRecord[], options: ExportOptions): string {
  return exportItems(docs, options).map((item) => risRecord(item)).join('\r\n');
}

export function resultsCslJson(docs: DocumentRecord[], options: ExportOptions): string {
  return `${JSON.stringify(exportItems(docs, options), null, 2)}\n`;
}

export function exportResults(id: ExportFormatId, docs: DocumentRecord[], options: ExportOptions): string {
  switch (id) {
    case 'csv':
      return resultsCsv(docs, options);
    case 'bibtex':
      return resultsBibtex(docs, options);
    case 'ris':
      return resultsRis(docs, options);
    case 'csl-json':
      return resultsCslJson(docs, options);
  }
}

/** The export as a download; `stem` names the file (default "entente-results"), reduced to safe characters. */
export function exportFile(id: ExportFormatId, docs: DocumentRecord[], options: ExportOptions & { stem?: string }): DownloadFile {
  const format = EXPORT_FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new RangeError(`unknown export format: ${id}`);
  const stem = (options.stem ?? 'entente-results').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'entente-results';
  return { body: exportResults(id, docs, options), contentType: format.contentType, filename: `${stem}.${format.extension}` };
}
