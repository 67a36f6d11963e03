/**
 * Escape-first highlighting. Meilisearch marks matches with private-use
 * characters; the whole string is HTML-escaped first, then only balanced
 * marker pairs become <mark> elements. Document text and queries therefore
 * cannot inject markup, not even a stray `</mark>`.
 */
import { escapeHtml } from '../html.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './query.js';
import { stemWord } from '../../contract/stems.js';


const MARKED = new RegExp(`${HIGHLIGHT_PRE}([^${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]*)${HIGHLIGHT_POST}`, 'g');
const STRAY = new RegExp(`[${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`, 'g');

/**
 * A typo or prefix match is marked only as far as the query's letters reach
 * ("Kalas" marks "Kalla" in "Kallas"): the mark is widened to the whole word.
 */
const PARTIAL_WORD = new RegExp(`([\\p{L}\\p{N}]*)${HIGHLIGHT_PRE}([^${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]*)${HIGHLIGHT_POST}([\\p{L}\\p{N}]*)`, 'gu');

export function wholeWordHighlights(marked: string): string {
  return marked.replace(PARTIAL_WORD, `${HIGHLIGHT_PRE}$1$2$3${HIGHLIGHT_POST}`);
}

/** Safe HTML from a Meilisearch-highlighted string. */
export function highlightHtml(marked: string): string {
  return escapeHtml(wholeWordHighlights(marked)).replace(MARKED, '<mark>$1</mark>').replace(STRAY, '');
}

/** Whether a Meilisearch-highlighted string marks any match. */
export function hasHighlight(marked: string): boolean {
  return marked.includes(HIGHLIGHT_PRE);
}

/** Safe HTML of a plain string (no highlights): markers a document might contain are dropped. */
export function plainHtml(text: string): string {
  return escapeHtml(text).replace(STRAY, '');
}

/** The crop marker Meilisearch puts where it cuts a snippet. */
const CROP_MARKER = '…';
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A passage found by the stems of the query's words, marked as Meilisearch
 * marks the others: every word with one of `stems` as its stem is marked, and
 * the text is cut to `cropWords` words from a little before the first match.
 */
export function stemSnippet(text: string, stems: ReadonlySet<string>, cropWords: number): string {
  const words = [...text.matchAll(WORD)];
  const matched = words.map((w) => stems.has(stemWord(w[0])));
  const first = Math.max(0, matched.indexOf(true));
  const from = Math.max(0, Math.min(first - Math.floor(cropWords / 4), words.length - cropWords));
  const to = Math.min(words.length, from + cropWords);
  if (words.length === 0) return text;
  const start = from === 0 ? 0 : words[from]!.index;
  const last = words[to - 1]!;
  const end = to === words.length ? text.length : last.index + last[0].length;
  let out = from === 0 ? '' : CROP_MARKER;
  let at = start;
  for (let i = from; i < to; i++) {
    if (!matched[i]) continue;
    const word = words[i]!;
    out += text.slice(at, word.index).replace(STRAY, '') + HIGHLIGHT_PRE + word[0] + HIGHLIGHT_POST;
    at = word.index + word[0].length;
  }
  out += text.slice(at, end).replace(STRAY, '');
  return to === words.length ? out : `${out}${CROP_MARKER}`;
}
