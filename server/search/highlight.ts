/**
 * Escape-first highlighting. Meilisearch marks matches with private-use
 * characters; the whole string is HTML-escaped first, then only balanced
 * marker pairs become <mark> elements. Document text and queries therefore
 * cannot inject markup, not even a stray `</mark>`.
 */
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './query.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const MARKED = new RegExp(`${HIGHLIGHT_PRE}([^${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]*)${HIGHLIGHT_POST}`, 'g');
const STRAY = new RegExp(`[${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`, 'g');

/** Safe HTML from a Meilisearch-highlighted string. */
export function highlightHtml(marked: string): string {
  return escapeHtml(marked).replace(MARKED, '<mark>$1</mark>').replace(STRAY, '');
}

/** Safe HTML of a plain string (no highlights): markers a document might contain are dropped. */
export function plainHtml(text: string): string {
  return escapeHtml(text).replace(STRAY, '');
}
