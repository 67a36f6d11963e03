/**
 * The PDF info dictionary, normalised into the properties the metadata stage reads:
 * {title, author, subject, keywords, created, modified, producer, pages}.
 */
import { cleanText } from './layout.js';

export interface PdfProperties {
  title?: string;
  author?: string;
  subject?: string;
  /** Split on commas and semicolons. */
  keywords?: string[];
  /** ISO 8601 timestamps. */
  created?: string;
  modified?: string;
  producer?: string;
  pages: number;
}

/** Titles that name a file or a template rather than the document. */
const JUNK_TITLE = [
  /^microsoft\s+(?:word|powerpoint|excel)\s*-/iu,
  /^(?:untitled|untitled document|no title|title|document|doc\d*|slide \d+|layout \d+|powerpoint presentation|presentation\d*|blank|none|null|unknown)$/iu,
  /\.(?:docx?|pdf|pptx?|xlsx?|rtf|odt|indd|qxd|tex|dvi|ps|eps|txt|html?)$/iu,
  /^[^\p{L}]*$/u,
];

export function isJunkTitle(title: string): boolean {
  return JUNK_TITLE.some((pattern) => pattern.test(title.trim()));
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanText(value).replace(/\s+/gu, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

/**
 * `toDate` is pdf.js's PDFDateString.toDateObject ("D:20090401163925-07'00'" -> Date),
 * passed in so this module stays free of pdf.js. Implausible years are dropped: fuzzed
 * and badly exported files carry dates like 0001 or 2107, and PDF itself dates from 1993.
 */
export function normaliseInfo(
  info: Record<string, unknown>,
  pages: number,
  toDate: (value: string) => Date | null,
): PdfProperties {
  const date = (value: unknown): string | undefined => {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const parsed = toDate(value);
    if (!parsed || Number.isNaN(parsed.getTime())) return undefined;
    const year = parsed.getUTCFullYear();
    return year >= 1990 && year <= new Date().getUTCFullYear() + 1 ? parsed.toISOString() : undefined;
  };
  const properties: PdfProperties = { pages };
  const title = text(info['Title']);
  if (title !== undefined && !isJunkTitle(title)) properties.title = title;
  const author = text(info['Author']);
  if (author !== undefined) properties.author = author;
  const subject = text(info['Subject']);
  if (subject !== undefined) properties.subject = subject;
  const keywords = text(info['Keywords'])
    ?.split(/[,;]/u)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
  if (keywords !== undefined && keywords.length > 0) properties.keywords = keywords;
  const created = date(info['CreationDate']);
  if (created !== undefined) properties.created = created;
  const modified = date(info['ModDate']);
  if (modified !== undefined) properties.modified = modified;
  const producer = text(info['Producer']);
  if (producer !== undefined) properties.producer = producer;
  return properties;
}
