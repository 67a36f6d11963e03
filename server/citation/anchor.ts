/**
 * Re-anchoring a quote in a changed document, as annotation tools anchor a
 * Web Annotation TextQuoteSelector: find the quoted text approximately (Myers'
 * bit-parallel algorithm, allowing edits), then rank the candidates by how well
 * the text before and after them matches the quote's recorded context.
 */
import search from 'approx-string-match';

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface AnchorTarget {
  id: string;
  text: string;
}

export interface Anchored {
  /** The passage holding most of the match. */
  id: string;
  /** 1 for the same words, falling towards 0.5 (half the characters edited, the most accepted). */
  similarity: number;
}

/** Blocks of a document's text are joined like this in its full text. */
const SEPARATOR = '\n\n';
/** Weights as in common annotation clients: the quote counts most, its context breaks ties. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;

/** 1 minus the share of edits needed to find `pattern` in `text`; 0 when absent. */
function contextSimilarity(text: string, pattern: string): number {
  if (pattern === '') return 1;
  if (text === '') return 0;
  const matches = search(text, pattern, pattern.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((match) => match.errors));
  return 1 - errors / pattern.length;
}

/** The current passage where the quoted passage now is, or null when no passage is close enough to it. */
export function anchorQuote(quote: TextQuote, passages: readonly AnchorTarget[]): Anchored | null {
  const exact = quote.exact.trim();
  if (exact === '' || passages.length === 0) return null;
  const starts: number[] = [];
  let text = '';
  for (const passage of passages) {
    if (text !== '') text += SEPARATOR;
    starts.push(text.length);
    text += passage.text;
  }
  // Half the quote may have changed and it is still the same passage; beyond that it is another one.
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  const matches = search(text, exact, maxErrors);
  let best: { start: number; end: number; score: number; errors: number } | null = null;
  for (const match of matches) {
    const before = text.slice(Math.max(0, match.start - quote.prefix.length), match.start);
    const after = text.slice(match.end, match.end + quote.suffix.length);
    const score =
      QUOTE_WEIGHT * (1 - match.errors / exact.length) +
      CONTEXT_WEIGHT * contextSimilarity(before, quote.prefix) +
      CONTEXT_WEIGHT * contextSimilarity(after, quote.suffix);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score, errors: match.errors };
  }
  if (!best) return null;
  const middle = (best.start + best.end) / 2;
  let index = 0;
  while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= middle) index += 1;
  const passage = passages[index];
  return passage ? { id: passage.id, similarity: 1 - best.errors / exact.length } : null;
}
