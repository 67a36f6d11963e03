/**
 * A spelling suggestion for a query with no results. Meilisearch has no "did
 * you mean", so each query word is compared with the collection's own
 * vocabulary (theme labels, speaker and organisation names): a word one edit
 * (two for words of eight letters or more) from a known word is replaced by it.
 */
import type { AppContext } from '../context.js';
import type { SearchOutcome } from './library.js';
import { editDistance } from './edit-distance.js';

export function suggestFromVocabulary(q: string, vocabulary: Iterable<string>): string | null {
  const words = new Set<string>();
  for (const phrase of vocabulary) for (const word of phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= 4) words.add(word);
  let changed = false;
  const suggestion = q
    .split(/\s+/)
    .map((word) => {
      const lower = word.toLowerCase();
      if (lower.length < 4 || words.has(lower)) return word;
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

export function suggestSpelling(q: string, outcome: SearchOutcome, context: AppContext): string | null {
  const vocabulary: string[] = context.themes.themes().flatMap((t) => [t.label, ...t.terms.phrases]);
  for (const facet of outcome.facets) if (facet.param === 'speaker' || facet.param === 'org') vocabulary.push(...facet.values.map((v) => v.value));
  return suggestFromVocabulary(q, vocabulary);
}
