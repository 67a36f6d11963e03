/**
 * People's names as a researcher types them: accents and case do not matter
 * ("Antonio Costa" is "António Costa"), and a misspelt name is offered the
 * closest names in the collection ("Kalas" -> "Kaja Kallas").
 */
import { foldAccents } from '../../contract/ids.js';
import { editDistance } from './edit-distance.js';

const fold = (name: string) => foldAccents(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

interface FoldedName {
  name: string;
  folded: string;
  parts: string[];
}

/**
 * Names folded once: the speaker list is matched against on every search, and
 * folding (Unicode normalisation and two regular expressions per name) cost more
 * than the matching itself. Build one when the list changes and pass it instead of
 * the names; the functions below take either.
 */
export class NameList implements Iterable<string> {
  readonly entries: readonly FoldedName[];

  constructor(names: Iterable<string>) {
    this.entries = [...names].map((name) => {
      const folded = fold(name);
      return { name, folded, parts: folded.split(' ').filter((p) => p !== '') };
    });
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const entry of this.entries) yield entry.name;
  }
}

const entriesOf = (known: Iterable<string>): readonly FoldedName[] => (known instanceof NameList ? known : new NameList(known)).entries;

/** The names in `known` that are `input` up to accents, case and punctuation. */
export function sameName(input: string, known: Iterable<string>): string[] {
  const wanted = fold(input);
  return entriesOf(known)
    .filter((entry) => entry.folded === wanted)
    .map((entry) => entry.name);
}

/** Up to `limit` names from `known` closest to `input`, best first; only names within a few typos of it. */
export function closestNames(input: string, known: Iterable<string>, limit = 5): string[] {
  const words = fold(input).split(' ').filter((w) => w.length >= 3);
  if (words.length === 0) return [];
  const scored: { name: string; score: number }[] = [];
  for (const { name, folded } of entriesOf(known)) {
    const parts = folded.split(' ');
    let score = 0;
    let matched = 0;
    for (const word of words) {
      let best = 3;
      for (const part of parts) {
        if (part === word || (word.length >= 4 && part.startsWith(word))) best = 0;
        else best = Math.min(best, editDistance(word, part));
      }
      // One typo in a short word, two in a long one.
      if (best <= (word.length >= 7 ? 2 : 1)) matched++;
      score += best;
    }
    if (matched > 0) scored.push({ name, score: score + (words.length - matched) * 3 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/**
 * The people in `known` a query names: by their whole name ("Kaja Kallas") or
 * their surname ("kallas", or with one typo when it is long enough: "Kalas"),
 * accents and case aside. Short surnames must be exact: "Rute" is too far from
 * too many words to be read as "Rutte".
 */
export function speakersNamed(words: readonly string[], known: Iterable<string>): string[] {
  const typed = fold(words.join(' ')).split(' ').filter((w) => w !== '');
  if (typed.length === 0) return [];
  const padded = ` ${typed.join(' ')} `;
  const named: string[] = [];
  for (const { name, parts } of entriesOf(known)) {
    const surname = parts[parts.length - 1];
    if (!surname) continue;
    const whole = parts.length > 1 && padded.includes(` ${parts.join(' ')} `);
    const bySurname =
      surname.length >= 4 &&
      typed.some((word) => word === surname || (word.length >= 5 && surname.length >= 5 && withinOneEdit(word, surname)));
    if (whole || bySurname) named.push(name);
  }
  return named;
}

/**
 * Whether `a` and `b` are at most one insertion, deletion or substitution apart: the same
 * answer as editDistance(a, b) <= 1 in one pass, since it runs for every speaker on every search.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (i === short.length) return true;
  // First difference: skip one character of the longer word, or one of each when the lengths are equal.
  const rest = short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
  return rest;
}
