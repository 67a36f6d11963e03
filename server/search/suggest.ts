/**
 * A spelling suggestion for a query with no results. Meilisearch has no "did
 * you mean", so each query word is compared with the collection's own
 * vocabulary (theme labels, speaker and organisation names): a word one edit
 * (two for words of eight letters or more) from a known word is replaced by it.
 */
import type { AppContext } from '../context.js';
import type { Theme } from '../../contract/taxonomy.js';
import { editDistance } from './edit-distance.js';

/** The words of a vocabulary's phrases that a query word may be corrected to (four letters or more, lower case). */
export function vocabularyWords(vocabulary: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const phrase of vocabulary) for (const word of phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= 4) into.add(word);
  return into;
}

export function suggestFromVocabulary(q: string, vocabulary: Iterable<string>): string | null {
  return suggestFromWords(q, vocabularyWords(vocabulary));
}

/** A word a suggestion may respell: four letters or more and not in `words`. */
const respellable = (lower: string, words: ReadonlySet<string>) => lower.length >= 4 && !words.has(lower);

function suggestFromWords(q: string, words: ReadonlySet<string>): string | null {
  let changed = false;
  const suggestion = q
    .split(/\s+/)
    .map((word) => {
      const lower = word.toLowerCase();
      if (!respellable(lower, words)) return word;
      // One edit for short words, two for long ones: "republic" is not a misspelling of "public".
      let best: string | null = null;
      let bestDistance = lower.length >= 8 ? 3 : 2;
      for (const known of words) {
        const distance = editDistance(lower, known);
        if (distance < bestDistance) {
          best = known;
          bestDistance = distance;
        }
      }
      if (best) changed = true;
      return best ?? word;
    })
    .join(' ');
  return changed ? suggestion : null;
}

/** The themes' words, split once per taxonomy (the catalog hands out the same array until themes.yml changes). */
const themeWords = new WeakMap<readonly Theme[], ReadonlySet<string>>();

function themeVocabulary(context: AppContext): ReadonlySet<string> {
  const themes = context.themes.themes();
  let words = themeWords.get(themes);
  if (!words) {
    words = vocabularyWords(themes.flatMap((t) => [t.label, ...t.terms.phrases]));
    themeWords.set(themes, words);
  }
  return words;
}

/**
 * Whether names could change the suggestion: a word the themes already know is never
 * respelt, so a query made only of such words needs no speakers or organisations (and
 * no request for them).
 */
export function needsNames(q: string, context: AppContext): boolean {
  const words = themeVocabulary(context);
  return q.split(/\s+/).some((word) => respellable(word.toLowerCase(), words));
}

/** `names`: the speakers and organisations under the search's filters (Library.filterVocabulary). */
export function suggestSpelling(q: string, names: readonly string[], context: AppContext): string | null {
  const words = themeVocabulary(context);
  return suggestFromWords(q, names.length > 0 ? vocabularyWords(names, new Set(words)) : words);
}
