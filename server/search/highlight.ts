/**
 * Escape-first highlighting. Meilisearch marks matches with private-use
 * characters; the whole string is HTML-escaped first, then only balanced
 * marker pairs become <mark> elements. Document text and queries therefore
 * cannot inject markup, not even a stray `</mark>`.
 */
import { escapeHtml } from '../html.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './query.js';


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
