/**
 * English word stems (Porter's algorithm, the `stemmer` package): "spending",
 * "spends" and "spend" share the stem "spend". The indexer writes every
 * record's text as stems into a field of its own and a query is also searched
 * as stems, so a word finds its other forms; Meilisearch has no stemming.
 * Shared by both sides, so they stem alike.
 */
import { stemmer } from 'stemmer';

/** The searchable field that holds a record's text as stems. */
export const STEMS_FIELD = 'stems';

/** Words Porter's rules apply to: Latin letters only (other scripts are kept as written). */
const ENGLISH_WORD = /^[a-z]+$/;
const WORD = /[\p{L}\p{N}]+/gu;

/** A collection repeats its words: each is stemmed once (bounded, so memory stays flat). */
const memo = new Map<string, string>();
const MEMO_SIZE = 100_000;

/** The stem of one word, lower-cased. */
export function stemWord(word: string): string {
  const lower = word.toLowerCase();
  let stem = memo.get(lower);
  if (stem === undefined) {
    stem = ENGLISH_WORD.test(lower) ? stemmer(lower) : lower;
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(lower, stem);
  }
  return stem;
}

/** A text as the stems of its words, in order, separated by spaces. */
export function stemText(text: string): string {
  return (text.match(WORD) ?? []).map(stemWord).join(' ');
}
