/**
 * Turns the positioned text runs pdf.js reports for one page into blocks:
 * runs -> lines (pdf.js's end-of-line marks and baseline changes) -> paragraphs
 * (vertical gaps, font-size changes, short last lines, indents, bullets) -> clean text.
 * Pure functions, independent of pdf.js, so the rules can be tested on their own.
 */
import type { Block } from '../../../contract/extracted.js';

/** One text run as pdf.js reports it, reduced to what layout needs. */
export interface TextRun {
  str: string;
  /** Baseline origin in PDF user space (y grows upwards). */
  x: number;
  y: number;
  /** Advance width in user space. */
  width: number;
  fontSize: number;
  /** pdf.js's own judgement that a line break follows this run. */
  hasEOL: boolean;
}

export interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  fontSize: number;
}

/** Runs pdf.js gives as [a, b, c, d, e, f] transforms; font size is the vertical scale. */
export function runFromTextItem(item: { str: string; transform: number[]; width: number; hasEOL: boolean }): TextRun {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  return { str: item.str, x: e, y: f, width: item.width, fontSize, hasEOL: item.hasEOL };
}

// Control characters (C0 and C1 except tab/newline), U+FFFD left by failed glyph
// mapping and a byte-order mark carry no text; a soft hyphen matters only at the end
// of a line, where it marks a split word.
const JUNK_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD\uFEFF]|\u00AD(?!$)/gu;
// Compatibility forms that stand for ordinary letters: Latin/Armenian/Hebrew ligatures
// and Arabic presentation forms (U+FB00-U+FDFF, U+FE70-U+FEFF) and half/full-width
// forms (U+FF00-U+FFEF). NFKC on these alone makes "ﬁ" searchable as "fi" and Arabic
// shaping forms match their base letters, without NFKC's damage elsewhere ("m²" -> "m2").
const COMPATIBILITY_FORMS = /[\uFB00-\uFDFF\uFE70-\uFEFF\uFF00-\uFFEF]+/gu;

/** Removes control characters, unfolds compatibility forms, NFC-normalises; keeps line breaks. */
export function cleanText(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(JUNK_CHARS, '')
    .replace(COMPATIBILITY_FORMS, (forms) => forms.normalize('NFKC'))
    .normalize('NFC');
}

interface LineInProgress {
  parts: string[];
  x: number;
  y: number;
  right: number;
  fontSize: number;
  /** Characters set in `fontSize`: the line's size is that of most of its text, not a large initial. */
  sizeWeight: number;
  lastRunEnd: number;
}

function lineOf(building: LineInProgress): Line | null {
  const text = building.parts.join('');
  return text.trim() === '' ? null : { text, x: building.x, y: building.y, right: building.right, fontSize: building.fontSize };
}

export function buildLines(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = [];
  let building: LineInProgress | null = null;
  const finish = (): void => {
    const line = building && lineOf(building);
    if (line) lines.push(line);
    building = null;
  };

  for (const run of runs) {
    // pdf.js usually marks line ends itself; a baseline jump catches runs it did not.
    const current: LineInProgress | null = building;
    if (current && Math.abs(run.y - current.y) > 0.5 * Math.max(run.fontSize, current.fontSize)) finish();
    if (run.str !== '') {
      let line: LineInProgress | null = building;
      if (line === null) {
        line = { parts: [], x: run.x, y: run.y, right: run.x, fontSize: run.fontSize, sizeWeight: 0, lastRunEnd: run.x };
        building = line;
      } else {
        // Wide gaps between runs on one line (table cells, lost spaces) become a space.
        const gap = run.x - line.lastRunEnd;
        const previous = line.parts[line.parts.length - 1] ?? '';
        if (gap > 0.3 * run.fontSize && !/\s$/u.test(previous) && !/^\s/u.test(run.str)) line.parts.push(' ');
      }
      line.parts.push(run.str);
      line.x = Math.min(line.x, run.x);
      line.right = Math.max(line.right, run.x + run.width);
      const weight = run.str.trim().length;
      if (weight > line.sizeWeight) {
        line.fontSize = run.fontSize;
        line.sizeWeight = weight;
      }
      line.lastRunEnd = run.x + run.width;
    }
    if (run.hasEOL) finish();
  }
  finish();
  return lines;
}

const PAGE_NUMBER_LINE =
  /^(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|de|von)\s*\d{1,4})?$/iu;
const PAGE_SEPARATOR_LINE = /^[-–—]+\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*[-–—]+$/u;

export function isPageNumberLine(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER_LINE.test(trimmed) || PAGE_SEPARATOR_LINE.test(trimmed);
}

const BULLET = /^\s*(?:[•◦▪▫●○■□‣⁃∙·*]|[-–—](?=\s)|\(?(?:\d{1,2}|[a-z])[.)](?=\s))/u;
const BULLET_MARK = /^\s*(?:[•◦▪▫●○■□‣⁃∙·*]|[-–—](?=\s))\s*/u;
const SENTENCE_END = /[.!?:;…"”’»)\]。！？]$/u;
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/u;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Joins the lines of one paragraph: hyphenated words rejoined, CJK without spaces. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (text === '') {
      text = line;
      continue;
    }
    if (text.endsWith('\u00AD')) {
      text = text.slice(0, -1) + line;
      continue;
    }
    const hyphenated = /(\p{L})[-\u2010]$/u.test(text);
    if (hyphenated && /^\p{Ll}/u.test(line)) {
      // "defen-" + "ce" -> "defence", but "peer-to-" + "peer" keeps the hyphen:
      // a word that already holds a hyphen is a compound, not a split word.
      const lastWord = text.slice(text.search(/\S+$/u));
      text = lastWord.slice(0, -1).includes('-') ? text + line : text.slice(0, -1) + line;
    } else if (hyphenated || (CJK.test(text.slice(-1)) && CJK.test(line.charAt(0)))) {
      // "UK-" + "EU" -> "UK-EU"; CJK is written without spaces between words.
      text += line;
    } else {
      text += ' ' + line;
    }
  }
  return text;
}

interface Paragraph {
  lines: Line[];
  listItem: boolean;
}

/** `lineGap` is the page's usual baseline distance for body text of size `bodySize`. */
function startsParagraph(previous: Line, next: Line, paragraph: Paragraph, lineGap: number, bodySize: number): boolean {
  const size = Math.max(previous.fontSize, next.fontSize);
  const drop = previous.y - next.y;
  const previousText = previous.text.trim();
  const nextText = next.text.trim();
  const continues = /[\p{Ll},\-\u2010]$/u.test(previousText) && /^\p{Ll}/u.test(nextText);

  if (BULLET.test(nextText)) return true;
  if (Math.abs(previous.fontSize - next.fontSize) > 0.15 * size) return true;
  // Moving up the page: a new column or a new region; keep a sentence that runs on.
  if (drop < -0.5 * size) return !continues;
  // Larger type has proportionally larger line spacing (a two-line title).
  const expectedGap = lineGap > 0 && bodySize > 0 ? (lineGap * size) / bodySize : 1.2 * size;
  if (drop > Math.max(1.4 * expectedGap, expectedGap + 0.5 * size)) return true;
  if (continues) return false;
  const endsSentence = SENTENCE_END.test(previousText);
  if (!endsSentence) return false;
  // A first-line indent after a finished sentence.
  const indent = next.x - previous.x;
  if (indent > 1.2 * size && indent < 8 * size && Math.abs(previous.x - paragraph.lines[0]!.x) < 0.5 * size) return true;
  // A short last line: the sentence ended well before the paragraph's right edge.
  const widest = Math.max(next.right, ...paragraph.lines.map((line) => line.right));
  return previous.right < widest - 4 * size;
}

const NUMBERED_SECTION = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-Z]\.)\s+\p{Lu}/u;

function blockKind(paragraph: Paragraph, text: string, bodySize: number): Block['kind'] {
  const size = paragraph.lines[0]!.fontSize;
  const words = text.split(/\s+/u).length;
  const titleLike = paragraph.lines.length <= 2 && words <= 15 && text.length <= 120 && !/[.,;:]$/u.test(text);
  // "1. Introduction" looks like a list item but is a section heading.
  if (titleLike && paragraph.lines.length === 1 && words <= 10 && NUMBERED_SECTION.test(text)) return 'heading';
  if (paragraph.listItem) return 'list-item';
  const larger = bodySize > 0 && size >= 1.15 * bodySize;
  const shouting = /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && words <= 10;
  return titleLike && /\p{L}/u.test(text) && (larger || shouting) ? 'heading' : 'paragraph';
}

/** Splits one page's runs into cleaned blocks, all on `page`. */
export function pageBlocks(runs: readonly TextRun[], page: number): Block[] {
  const lines = buildLines(runs.map((run) => ({ ...run, str: cleanText(run.str) })));
  // Page numbers and "-- n of N --" separators sit at the top or bottom of the page,
  // or come first or last in the content stream.
  const topY = Math.max(...lines.map((line) => line.y));
  const bottomY = Math.min(...lines.map((line) => line.y));
  const atEdge = (line: Line, index: number): boolean =>
    index < 2 ||
    index >= lines.length - 2 ||
    line.y >= topY - 2 * line.fontSize ||
    line.y <= bottomY + 2 * line.fontSize;
  const kept = lines.filter((line, index) => !(isPageNumberLine(line.text) && atEdge(line, index)));
  if (kept.length === 0) return [];

  const bodySize = median(kept.flatMap((line) => Array<number>(Math.min(line.text.length, 200)).fill(line.fontSize)));
  const gaps: number[] = [];
  for (let i = 1; i < kept.length; i++) {
    const previous = kept[i - 1]!;
    const next = kept[i]!;
    const drop = previous.y - next.y;
    if (drop > 0 && drop < 3 * next.fontSize && Math.abs(previous.fontSize - next.fontSize) < 0.1 * next.fontSize) {
      gaps.push(drop);
    }
  }
  const lineGap = median(gaps);

  const paragraphs: Paragraph[] = [];
  let paragraph: Paragraph = { lines: [kept[0]!], listItem: BULLET.test(kept[0]!.text) };
  for (let i = 1; i < kept.length; i++) {
    const next = kept[i]!;
    if (startsParagraph(kept[i - 1]!, next, paragraph, lineGap, bodySize)) {
      paragraphs.push(paragraph);
      paragraph = { lines: [next], listItem: BULLET.test(next.text) };
    } else {
      paragraph.lines.push(next);
    }
  }
  paragraphs.push(paragraph);

  const blocks: Block[] = [];
  for (const para of paragraphs) {
    let text = joinLines(para.lines.map((line) => line.text))
      .replace(/\u00AD/gu, '')
      .replace(/\s+/gu, ' ')
      .trim();
    if (para.listItem) text = text.replace(BULLET_MARK, '');
    if (text === '' || !/[\p{L}\p{N}]/u.test(text)) continue;
    blocks.push({ page, kind: blockKind(para, text, bodySize), text });
  }
  return blocks;
}
