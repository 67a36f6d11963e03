/**
 * passages: the extracted blocks cut into citable passages of about 40–250 words.
 *
 * Paragraphs and list items are merged (a list stays with its lead-in sentence
 * when it fits) or split at sentence boundaries; a heading starts a new passage
 * and labels the ones after it; nothing crosses a page. Each passage id is the
 * document id plus a hash of the passage's normalised text, so a permalink
 * survives re-indexing and edits elsewhere in the document.
 */
import { createHash } from 'node:crypto';
import type { Passage } from '../../contract/document.js';
import { fail, type Job, type Stage } from './stage.js';
import { type Block, type OcrPage } from '../../contract/extracted.js';

export const MIN_PASSAGE_WORDS = 40;
export const MAX_PASSAGE_WORDS = 250;

/** Separator between blocks in the document's full text. */
const BLOCK_SEPARATOR = '\n\n';

/** The document's full text. Passage offsets index into this string, so whatever reads those offsets must build it here. */
export function fullText(blocks: readonly Block[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

/** Text as hashed for an id: case, width variants and spacing do not change it. */
export function normalisePassageText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `${docId}_${hash8}`, with `-2`, `-3`... for the 2nd, 3rd... passage of the document with the same normalised text. */
export function passageId(docId: string, text: string, occurrence = 1): string {
  const hash8 = createHash('sha256').update(normalisePassageText(text)).digest('hex').slice(0, 8);
  return occurrence > 1 ? `${docId}_${hash8}-${occurrence}` : `${docId}_${hash8}`;
}

/** Scripts written without spaces between words, where whitespace cannot count words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** [start, end) of each word in `text`. */
function wordSpans(text: string): Array<[number, number]> {
  if (!UNSPACED_SCRIPT.test(text)) {
    return Array.from(text.matchAll(/\S+/g), (m) => [m.index, m.index + m[0].length]);
  }
  const spans: Array<[number, number]> = [];
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike) spans.push([segment.index, segment.index + segment.segment.length]);
  }
  return spans;
}

export function countWords(text: string): number {
  if (!UNSPACED_SCRIPT.test(text)) return text.match(/\S+/g)?.length ?? 0;
  return wordSpans(text).length;
}

/** A run of text that is never cut further: a paragraph, a list item, or a piece of a long paragraph. */
interface Unit {
  start: number;
  end: number;
  words: number;
  kind: Block['kind'];
  /** Ends with a colon: introduces what follows (usually a list). */
  leadIn: boolean;
}

/** Consecutive units on one page under one heading: passages never cross a section's edge. */
interface Section {
  page: number;
  heading: string | null;
  units: Unit[];
}

/**
 * Intl.Segmenter slows down sharply on long strings (a 50,000-word paragraph takes
 * seconds), so long text is first cut into windows of about this many characters,
 * each ending after sentence punctuation and a space, and segmented window by window.
 */
const SEGMENT_WINDOW = 2000;

/** [start, end) windows of `text`, each ending at a likely sentence boundary where one exists. */
function segmentWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > SEGMENT_WINDOW) {
    const slice = text.slice(start, start + SEGMENT_WINDOW * 2);
    let cut = -1;
    for (const match of slice.matchAll(/[.!?…]["'”’)\]]*\s+|[。！？]+/g)) {
      cut = match.index + match[0].length;
      if (cut >= SEGMENT_WINDOW) break;
    }
    if (cut <= 0) cut = slice.lastIndexOf(' ') + 1 || slice.length;
    windows.push([start, start + cut]);
    start += cut;
  }
  windows.push([start, text.length]);
  return windows;
}

/** [start, end) of each sentence in `text`, trailing whitespace excluded. */
function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const [windowStart, windowEnd] of segmentWindows(text)) {
    for (const { segment, index } of sentenceSegmenter.segment(text.slice(windowStart, windowEnd))) {
      const trimmed = segment.trimEnd();
      if (trimmed.trim()) spans.push([windowStart + index, windowStart + index + trimmed.length]);
    }
  }
  return spans;
}

/**
 * Cuts spans (sentences, or words of an over-long sentence) into pieces of at
 * most MAX words, aiming at equal sizes so a 300-word paragraph gives 150 + 150
 * rather than 250 + 50.
 */
function packSpans(spans: Array<[number, number, number]>, totalWords: number): Array<[number, number, number]> {
  const target = totalWords / Math.ceil(totalWords / MAX_PASSAGE_WORDS);
  const pieces: Array<[number, number, number]> = [];
  let current: [number, number, number] | null = null;
  for (const [start, end, words] of spans) {
    if (current && (current[2] >= target || current[2] + words > MAX_PASSAGE_WORDS)) {
      pieces.push(current);
      current = null;
    }
    current = current ? [current[0], end, current[2] + words] : [start, end, words];
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Splits a block longer than MAX words at sentence boundaries, and an over-long sentence between words. */
function splitLongText(text: string): Array<[number, number, number]> {
  const spans: Array<[number, number, number]> = [];
  for (const [start, end] of sentenceSpans(text)) {
    const sentence = text.slice(start, end);
    const words = countWords(sentence);
    if (words <= MAX_PASSAGE_WORDS) {
      spans.push([start, end, words]);
      continue;
    }
    const wordPieces = packSpans(
      wordSpans(sentence).map(([s, e]) => [start + s, start + e, 1] as [number, number, number]),
      words,
    );
    spans.push(...wordPieces);
  }
  const total = spans.reduce((sum, span) => sum + span[2], 0);
  return packSpans(spans, total);
}

/** Blocks -> sections of units, with offsets into `fullText(blocks)`. */
function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let heading: string | null = null;
  let current: Section | null = null;
  let offset = 0;
  for (const block of blocks) {
    const blockStart = offset;
    offset += block.text.length + BLOCK_SEPARATOR.length;
    if (block.kind === 'heading') {
      heading = block.text;
      current = null;
      continue;
    }
    if (!current || current.page !== block.page) {
      current = { page: block.page, heading, units: [] };
      sections.push(current);
    }
    const words = countWords(block.text);
    const leadIn = /:\s*$/.test(block.text);
    if (words <= MAX_PASSAGE_WORDS) {
      current.units.push({ start: blockStart, end: blockStart + block.text.length, words, kind: block.kind, leadIn });
      continue;
    }
    for (const [start, end, pieceWords] of splitLongText(block.text)) {
      current.units.push({ start: blockStart + start, end: blockStart + end, words: pieceWords, kind: block.kind, leadIn: false });
    }
  }
  return sections;
}

/** A list, with the sentence that introduces it, kept as one unit when it fits in a passage. */
function groupLists(units: Unit[]): Unit[] {
  const grouped: Unit[] = [];
  const asOne = (run: Unit[]): Unit | null => {
    const words = run.reduce((sum, u) => sum + u.words, 0);
    if (run.length === 0 || words > MAX_PASSAGE_WORDS) return null;
    return { start: run[0]!.start, end: run[run.length - 1]!.end, words, kind: 'list-item', leadIn: false };
  };
  let i = 0;
  while (i < units.length) {
    const unit = units[i]!;
    const hasLeadIn = unit.leadIn && unit.kind === 'paragraph' && units[i + 1]?.kind === 'list-item';
    if (!hasLeadIn && unit.kind !== 'list-item') {
      grouped.push(unit);
      i += 1;
      continue;
    }
    const listStart = hasLeadIn ? i + 1 : i;
    let end = listStart;
    while (end < units.length && units[end]!.kind === 'list-item') end += 1;
    const withLeadIn = asOne(units.slice(i, end));
    const listOnly = withLeadIn ? null : asOne(units.slice(listStart, end));
    if (withLeadIn) grouped.push(withLeadIn);
    else if (listOnly) grouped.push(...units.slice(i, listStart), listOnly);
    else grouped.push(...units.slice(i, end));
    i = end;
  }
  return grouped;
}

/** Packs a section's units into passage spans: a passage closes once it reaches MIN words or would pass MAX. */
function packSection(units: Unit[]): Unit[] {
  const packed: Unit[] = [];
  for (const unit of groupLists(units)) {
    const current = packed[packed.length - 1];
    if (current && current.words < MIN_PASSAGE_WORDS && current.words + unit.words <= MAX_PASSAGE_WORDS) {
      packed[packed.length - 1] = { ...current, end: unit.end, words: current.words + unit.words };
    } else {
      packed.push({ ...unit });
    }
  }

  // A short remainder joins the passage before it when that stays within MAX.
  const merged: Unit[] = [];
  for (const span of packed) {
    const previous = merged[merged.length - 1];
    if (previous && span.words < MIN_PASSAGE_WORDS && previous.words + span.words <= MAX_PASSAGE_WORDS) {
      merged[merged.length - 1] = { ...previous, end: span.end, words: previous.words + span.words };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** Passages of a document, in reading order, with stable ids. */
export function buildPassages(docId: string, blocks: readonly Block[], ocrPages: readonly OcrPage[] = []): Passage[] {
  const ocrByPage = new Map(ocrPages.map(({ page, confidence, belowFloor }) => [page, { confidence, belowFloor }]));
  const text = fullText(blocks);
  const spans: Array<{ page: number; heading: string | null; start: number; end: number }> = [];
  for (const section of sectionsOf(blocks)) {
    for (const unit of packSection(section.units)) {
      spans.push({ page: section.page, heading: section.heading, start: unit.start, end: unit.end });
    }
  }
  // Headings only (a title page, a stub): the text is still findable, one passage per page.
  if (spans.length === 0) {
    let offset = 0;
    for (const block of blocks) {
      const last = spans[spans.length - 1];
      if (last && last.page === block.page) last.end = offset + block.text.length;
      else spans.push({ page: block.page, heading: null, start: offset, end: offset + block.text.length });
      offset += block.text.length + BLOCK_SEPARATOR.length;
    }
  }

  // Counted by id rather than by text, so two different texts whose hashes collide still get distinct ids.
  const occurrences = new Map<string, number>();
  return spans.map((span, ordinal) => {
    const passageText = text.slice(span.start, span.end);
    const baseId = passageId(docId, passageText);
    const occurrence = (occurrences.get(baseId) ?? 0) + 1;
    occurrences.set(baseId, occurrence);
    // Passages never cross a page, so a passage's page says whether OCR read it.
    const ocr = ocrByPage.get(span.page);
    return {
      ...(ocr ? { ocr } : {}),
      id: occurrence > 1 ? `${baseId}-${occurrence}` : baseId,
      ordinal,
      page: span.page,
      start: span.start,
      end: span.end,
      heading: span.heading,
      text: passageText,
      themes: [],
      themeTags: [],
    };
  });
}

export const passagesStage: Stage = {
  name: 'passages',
  run(job: Job) {
    if (!job.extracted) return fail('no extracted text to split into passages');
    job.passages = buildPassages(job.source.id, job.extracted.blocks, job.extracted.ocrPages);
  },
};
