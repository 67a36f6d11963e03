/**
 * Plain-text extractor, plus the text clean-up every text-based extractor shares.
 *
 * Plain text has no markup, so structure is inferred from layout: blank lines
 * separate paragraphs, a form feed starts a new page, "- " lines are list items,
 * and a short capitalised line standing alone is a heading. Files come either
 * hard-wrapped (lines of ~72 characters joined back into paragraphs) or with one
 * paragraph per line (each sentence-ending line is its own paragraph).
 */
import type { Block, Extracted } from '../../contract/extracted.js';
import { type Extractor } from './extractor.js';
import { ExtractionError, emptyExtracted } from '../../contract/extracted.js';

/** C0/C1 control characters except newline and tab (tab is whitespace, collapsed later). */
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Invisible characters that split words for search: soft hyphen, zero-width space, word joiner, stray BOM. */
const INVISIBLE_CHARS = /[\u00ad\u200b\u2060\ufeff]/g;

/** Text of one block as stored: NFC, no control or invisible characters, whitespace collapsed to single spaces. */
export function cleanBlockText(text: string): string {
  return text
    .normalize('NFC')
    .replace(CONTROL_CHARS, '')
    .replace(INVISIBLE_CHARS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Appends a block unless its cleaned text is empty. */
export function pushBlock(blocks: Block[], page: number, kind: Block['kind'], text: string): void {
  const cleaned = cleanBlockText(text);
  if (cleaned) blocks.push({ page, kind, text: cleaned });
}

/** Decodes file bytes as UTF-8 without a BOM, with `\n` line ends. Preflight has already checked the encoding. */
export function decodeUtf8(data: Buffer | null): string {
  if (!data) throw new ExtractionError('file contents were not read');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new ExtractionError('not valid UTF-8 text');
  }
  return text.replace(/\r\n?/g, '\n');
}

/** Punctuation that ends a sentence or a lead-in, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…:]["'”’)\]]*$/;
/** Punctuation a heading never ends with. */
const CLOSING_PUNCTUATION = /[.!?…:;,]["'”’)\]]*$/;
/** Bullet markers that are dropped from the item's text. */
const BULLET = /^\s*[-*•‣◦▪–—]\s+/;
/** Numbered or lettered item markers ("1.", "2)", "a)"), kept in the text because readers cite them. */
const ENUMERATION = /^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\([a-z]\)|\([ivx]{1,5}\))\s+\S/;
/** Headings numbered like "2. Findings" or "3.1 Method". */
const NUMBERED_HEADING = /^\d{1,3}(?:\.\d{1,3})*\.?\s+\p{Lu}/u;
/** Lowercase words allowed inside a Title Case heading. */
const MINOR_WORDS = new Set(
  'a an and as at but by de des du et for from in into la le les nor of on or over per the to upon v vs via with within without'.split(' '),
);
/** A heading is at most this many words and characters. */
const HEADING_MAX_WORDS = 14;
const HEADING_MAX_CHARS = 120;
/** A paragraph whose lines are all at most this long (and one at least as long as the shortest wrap) is treated as hard-wrapped. */
const WRAP_WIDTH = 100;
/** No tool wraps text narrower than this: shorter lines stacked together are a menu, a masthead, an address. */
const NARROWEST_WRAP = 40;
/**
 * In a file with one paragraph per line, a line this close to the longest line beside it was wrapped by the
 * tool that saved it; a shorter line without a full stop is a unit of its own (a title, a caption, a name).
 */
const WRAPPED_SHARE = 0.8;
/** A line opening in lower case carries on the sentence above it. */
const CONTINUATION = /^\s*[\p{Ll}(,;]/u;
/** A line ending in a comma, a dash or a word that needs its object ("submitted by", "the Minister of") runs on. */
const RUNS_ON = /(?:[,;–—-]|\b(?:and|or|of|the|by|to|for|in|on|at|with|from|a|an))$/iu;

function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  return words.every((word, i) => {
    const first = word.replace(/^[^\p{L}\p{N}]+/u, '');
    if (/^[\p{Lu}\p{N}]/u.test(first)) return true;
    return i > 0 && MINOR_WORDS.has(first.toLowerCase().replace(/[^\p{L}]+$/u, ''));
  });
}

function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Shape of a heading, regardless of context: short, no closing punctuation, capitalised or numbered. */
function looksLikeHeading(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > HEADING_MAX_CHARS) return false;
  if (trimmed.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  if (CLOSING_PUNCTUATION.test(trimmed) || BULLET.test(trimmed)) return false;
  return NUMBERED_HEADING.test(trimmed) || isAllCaps(trimmed) || isTitleCase(trimmed);
}

function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trim());
}

interface Pending {
  kind: 'paragraph' | 'list-item';
  lines: string[];
}

/** Splits one blank-line-separated chunk of lines into blocks. */
function chunkBlocks(lines: string[], page: number, blocks: Block[]): void {
  const longest = Math.max(...lines.map((l) => l.trimEnd().length));
  const hardWrapped = lines.length > 1 && longest <= WRAP_WIDTH && longest >= NARROWEST_WRAP;
  const wrappedLength = Math.max(WRAPPED_SHARE * longest, NARROWEST_WRAP);
  let pending: Pending | null = null;
  let previousWasHeading = false;
  const flush = (): void => {
    if (pending) pushBlock(blocks, page, pending.kind, pending.lines.join(' '));
    pending = null;
  };

  lines.forEach((line, i) => {
    const previous = i > 0 ? lines[i - 1]! : null;
    const next = i + 1 < lines.length ? lines[i + 1]! : null;
    const startsParagraph = previous === null || previousWasHeading || endsSentence(previous);
    previousWasHeading = false;
    // A heading stands alone: it starts a paragraph and is followed by a blank line or by longer text.
    if (
      startsParagraph &&
      looksLikeHeading(line) &&
      (next === null || next.trim().length > line.trim().length)
    ) {
      flush();
      pushBlock(blocks, page, 'heading', line);
      previousWasHeading = true;
      return;
    }
    if (BULLET.test(line) || ENUMERATION.test(line)) {
      flush();
      pending = { kind: 'list-item', lines: [line.replace(BULLET, '')] };
      return;
    }
    const current = pending as Pending | null;
    if (!current) {
      pending = { kind: 'paragraph', lines: [line] };
      return;
    }
    // Is this line break a wrap inside a paragraph, or the end of one?
    const continues = hardWrapped
      ? current.kind === 'paragraph' || /^\s/.test(line)
      : !endsSentence(previous ?? '') &&
        (CONTINUATION.test(line) || RUNS_ON.test((previous ?? '').trimEnd()) || (previous ?? '').trimEnd().length >= wrappedLength);
    if (continues) {
      current.lines.push(line);
    } else {
      flush();
      pending = { kind: 'paragraph', lines: [line] };
    }
  });
  flush();
}

/** Blocks of one page of plain text. */
function pageBlocks(pageText: string, page: number, blocks: Block[]): void {
  let chunk: string[] = [];
  for (const line of pageText.split('\n')) {
    if (line.trim() === '') {
      if (chunk.length) chunkBlocks(chunk, page, blocks);
      chunk = [];
    } else {
      chunk.push(line);
    }
  }
  if (chunk.length) chunkBlocks(chunk, page, blocks);
}

/** Blocks of a whole plain-text document; form feeds separate pages. */
export function textBlocks(text: string): { blocks: Block[]; pages: number } {
  const pageTexts = text.normalize('NFC').split('\f');
  // A form feed at the very end closes the last page rather than opening an empty one.
  while (pageTexts.length > 1 && pageTexts[pageTexts.length - 1]!.trim() === '') pageTexts.pop();
  const blocks: Block[] = [];
  pageTexts.forEach((pageText, i) => pageBlocks(pageText, i + 1, blocks));
  return { blocks, pages: pageTexts.length };
}

export const extractText: Extractor = async (job): Promise<Extracted> => {
  const { blocks, pages } = textBlocks(decodeUtf8(job.data));
  return { ...emptyExtracted(), blocks, pages };
};
