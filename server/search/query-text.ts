/**
 * The query box's syntax, read leniently: `"a phrase"`, `-word` and `-"a phrase"`
 * to exclude, `OR` between words (any of them; results with more of the words
 * rank first anyway). An unbalanced quote, a lone `-` or a stray `OR` is dropped
 * rather than refused, so no query text is ever an error. A glossary acronym
 * written in capitals ("SAFE", not "safe") must be mentioned by every result.
 */

import { stemText } from '../../contract/stems.js';

export interface ParsedQuery {
  /** The query as Meilisearch is sent it: normalised, stray operators dropped. */
  text: string;
  /** Words and phrases a result should contain (phrases with their quotes), in order. */
  terms: string[];
  excluded: string[];
  /** Glossary acronyms written in capitals: results must mention them (any spelling). */
  acronyms: string[];
  /** The acronym each such term means (the acronym itself, or the entry a glossary term of several words spells). */
  termAcronyms: Record<string, string>;
  /** `OR` was used: acronyms then widen the results rather than narrow them. */
  anyOf: boolean;
  /**
   * With `OR`, the queries whose results are joined: `OR` binds the terms beside
   * it, so "uk a OR b" is "uk a" or "uk b". Without `OR`, just `text`.
   */
  alternatives: Alternative[];
}

export interface Alternative {
  text: string;
  acronyms: string[];
  /** How much its results count when joined with the others (1 = as much as the whole query). */
  weight?: number;
  /** The one term this alternative searches on its own, when it is a single-word query. */
  term?: string;
  /** Only documents where one of these people speaks or writes (a name the query gives). */
  speakers?: string[];
  /** The query's rarest word, left out of this alternative (see withoutRarestTerm). */
  dropped?: string;
  /** The query as word stems, searched in the records' stems: other forms of its words (see contract/stems.ts). */
  stems?: boolean;
}

/** A document found only by other forms of the query's words counts this much: the words as written come first. */
export const STEM_WEIGHT = 0.8;

/** A term as stems: a phrase stays a phrase, "&" in it read as "and". */
function stemTerm(term: string): string {
  if (!term.startsWith('"')) return stemText(term);
  return `"${stemText(term.slice(1, -1).replace(AMPERSANDS, '$1and'))}"`;
}

/**
 * The query in stems, when some word has another form than as written
 * ("spending" -> "spend"); null when stems would find nothing more.
 */
function stemAlternative(terms: readonly string[], excluded: readonly string[], acronyms: string[]): Alternative | null {
  const stemmed = terms.map(stemTerm).filter((t) => t !== '' && t !== '""');
  if (stemmed.length === 0) return null;
  const asWritten = terms.map((t) => t.replace(/"/g, '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '');
  if (stemmed.every((stem, i) => stem.replace(/"/g, '') === asWritten[i])) return null;
  const text = [...stemmed, ...excluded.map((e) => `-${stemTerm(e)}`)].join(' ');
  return { text, acronyms, weight: STEM_WEIGHT, stems: true };
}

/**
 * A question in several words is answered by the whole query (documents with the
 * most words, rarest first) joined with each word on its own, weighted down: a
 * document with only some of the words is still found, below those with more.
 */
export const SINGLE_TERM_WEIGHT = 0.3;

/** Words of a question too common to find anything on their own ("what did the EU agree"). */
const FUNCTION_WORDS = new Set(
  'a an the and or but of to in on at by for with from into onto about as is are was were be been being do does did done has have had will would can could should may might must shall what which who whom whose when where why how this that these those it its their there here than then so not no'.split(' '),
);

interface Part {
  text: string;
  acronym: string | null;
}

/** `&` as a word of a phrase: documents write "and" as often, and a phrase must match word for word. */
const AMPERSAND = /(^|\s)&(\s|$)/;

/** A quoted term with `&` as one of its words. */
export const isAmpersandPhrase = (term: string) => term.startsWith('"') && AMPERSAND.test(term.slice(1, -1));
const AMPERSANDS = /(^|\s)&(?=\s|$)/g;

/** More alternatives than this (several ORs) are cut: each is one more query. */
export const MAX_ALTERNATIVES = 8;

interface Token {
  kind: 'word' | 'phrase' | 'or';
  text: string;
  negated: boolean;
  /** A glossary term of several words that spells an acronym's entry ("European Union"): that acronym. */
  acronym?: string;
}

/** A quote mark of any common kind. */
const QUOTE = /["“”„«»]/;
/** A question's or sentence's punctuation after a word ("migration?"), not an abbreviation's full stop ("U.S."). */
const SENTENCE_PUNCTUATION = /(?<=^[^.]*)[?!.,;:]+$|[?!,;:]+$/;

/** The longest glossary term (in words) read as one term of a query. */
const MAX_TERM_WORDS = 8;

/**
 * Consecutive words of the query that make a glossary term of several words
 * ("illegal migration", "European Union") become one term, so the term is
 * searched whole on its own too and its synonyms apply: split into single
 * words, "illegal" and "migration" would each find other things. A term that
 * spells an acronym's entry means that entry, as the acronym in capitals does.
 */
function joinGlossaryTerms(tokens: Token[], phrases: GlossaryPhrases): Token[] {
  if (phrases.size === 0 || tokens.some((t) => t.kind === 'or')) return tokens;
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let found = 0;
    for (let n = Math.min(MAX_TERM_WORDS, tokens.length - i); n >= 2 && found === 0; n--) {
      const run = tokens.slice(i, i + n);
      if (run.every((t) => t.kind === 'word' && !t.negated) && phrases.has(glossaryKey(run.map((t) => t.text).join(' ')))) found = n;
    }
    if (found === 0) joined.push(tokens[i]!);
    else {
      const text = tokens.slice(i, i + found).map((t) => t.text).join(' ');
      const acronym = phrases.get(glossaryKey(text));
      joined.push({ kind: 'word', text, negated: false, ...(acronym ? { acronym } : {}) });
      i += found - 1;
    }
  }
  return joined;
}

/** How a glossary term and the query's words are compared: case, accents and hyphens aside. */
export function glossaryKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Characters Meilisearch would read as syntax inside a word. */
const STRAY = /["“”„«»]/g;

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    while (i < q.length && /\s/.test(q[i]!)) i++;
    if (i >= q.length) break;
    let negated = false;
    while (q[i] === '-') {
      negated = true;
      i++;
    }
    if (i < q.length && QUOTE.test(q[i]!)) {
      const rest = q.slice(i + 1);
      const close = rest.search(QUOTE);
      if (close >= 0) {
        const phrase = rest.slice(0, close).replace(/\s+/g, ' ').trim();
        if (phrase !== '') tokens.push({ kind: phrase.includes(' ') ? 'phrase' : 'word', text: phrase, negated });
        i += close + 2;
        continue;
      }
      // An unbalanced quote: the words after it are read as words.
      i++;
      continue;
    }
    let end = i;
    while (end < q.length && !/\s/.test(q[end]!)) end++;
    const word = q.slice(i, end).replace(STRAY, '').replace(/^-+/, '').replace(SENTENCE_PUNCTUATION, '');
    i = end;
    if (word === '') continue;
    tokens.push({ kind: word === 'OR' && !negated ? 'or' : 'word', text: word, negated });
  }
  return tokens;
}

/** The glossary's terms of several words (as glossaryKey gives them), each with its entry's acronym, or null for a synonym group's. */
export type GlossaryPhrases = ReadonlyMap<string, string | null>;

/**
 * `glossaryAcronyms`: acronyms that written in capitals mean the acronym only;
 * `glossaryPhrases`: the glossary's terms of several words.
 */
export function parseQuery(q: string, glossaryAcronyms: ReadonlySet<string> = new Set(), glossaryPhrases: GlossaryPhrases = new Map()): ParsedQuery {
  const tokens = joinGlossaryTerms(tokenize(q), glossaryPhrases);
  // `OR` counts only between two search terms.
  const kept = tokens.filter((t, i) => t.kind !== 'or' || (i > 0 && tokens[i - 1]!.kind !== 'or' && i < tokens.length - 1 && tokens[i + 1]!.kind !== 'or'));
  const anyOf = kept.some((t) => t.kind === 'or');
  const parts: string[] = [];
  const terms: string[] = [];
  const excluded: string[] = [];
  const acronyms: string[] = [];
  const termAcronyms: Record<string, string> = {};
  // Slots of the query: a term, or a group of terms joined by OR.
  const slots: Part[][] = [];
  let joinNext = false;
  let ampersand = false;
  for (const token of kept) {
    if (token.kind === 'or') {
      joinNext = true;
      continue;
    }
    const written = token.kind === 'phrase' ? `"${token.text}"` : token.text;
    const spelledOut = token.kind === 'phrase' && !token.negated && AMPERSAND.test(token.text) ? `"${token.text.replace(AMPERSANDS, '$1and')}"` : null;
    const writtenAcronym =
      !token.negated && token.kind === 'word' && glossaryAcronyms.has(token.text) && token.text !== token.text.toLowerCase();
    const acronym = token.acronym ?? (writtenAcronym ? token.text : null);
    const part: Part = { text: token.negated ? `-${written}` : written, acronym };
    const spellings = spelledOut ? [part, { text: spelledOut, acronym: null }] : [part];
    if (joinNext && slots.length > 0) slots[slots.length - 1]!.push(...spellings);
    else slots.push(spellings);
    if (spelledOut) ampersand = true;
    joinNext = false;
    if (token.negated) {
      excluded.push(written);
      parts.push(part.text);
      continue;
    }
    parts.push(written);
    terms.push(written);
    if (acronym) termAcronyms[written] = acronym;
    if (acronym && !acronyms.includes(acronym)) acronyms.push(acronym);
  }
  let alternatives: Part[][] = [[]];
  for (const slot of slots) {
    alternatives = alternatives.flatMap((alternative) => slot.map((part) => [...alternative, part])).slice(0, MAX_ALTERNATIVES);
  }
  const text = parts.join(' ');
  const negations = excluded.map((e) => `-${e}`);
  const wordByWord = !anyOf && terms.length > 1;
  const stems = anyOf ? null : stemAlternative(terms, excluded, acronyms);
  const joined = alternatives.map((a) => ({ text: a.map((p) => p.text).join(' '), acronyms: [...new Set(a.flatMap((p) => (p.acronym ? [p.acronym] : [])))] }));
  return {
    text,
    terms,
    excluded,
    acronyms,
    termAcronyms,
    anyOf,
    alternatives: anyOf
      ? joined
      : [
          ...(ampersand ? joined : [{ text, acronyms }]),
          ...(stems ? [stems] : []),
          ...(wordByWord
            ? terms.filter((term) => !FUNCTION_WORDS.has(term.toLowerCase())).map((term) => ({
                text: [term, ...negations].join(' '),
                acronyms: termAcronyms[term] ? [termAcronyms[term]] : [],
                weight: SINGLE_TERM_WEIGHT,
                term,
              }))
            : []),
        ],
  };
}

/**
 * The least an alternative counts: a common word still finds the documents that
 * have only it (after all others), since a question's rarest word is not always
 * in the documents that answer it (a word in most documents is not searched
 * alone at all: see tellsAlone).
 */
export const COMMON_WORD_WEIGHT = 0.02;

/**
 * How much a document found by one word alone counts, by how rare the word is:
 * the word's inverse document frequency relative to a word found in one
 * document, so a word in one document keeps SINGLE_TERM_WEIGHT and a word in
 * most documents counts for almost nothing. Meilisearch ranks every word alike;
 * this puts back what a rare word says about a document.
 */
export function rarityWeight(documentsWithWord: number, documents: number): number {
  if (documents <= 1 || documentsWithWord <= 1) return SINGLE_TERM_WEIGHT;
  const rarity = Math.log(documents / Math.min(documents, documentsWithWord)) / Math.log(documents);
  return Math.max(COMMON_WORD_WEIGHT, SINGLE_TERM_WEIGHT * rarity);
}

/**
 * Whether a word alone says anything about a document: not when more than half
 * the collection has it (where the Robertson–Spärck Jones weight that BM25 uses,
 * log((N - n + 0.5) / (n + 0.5)), turns negative). A document with only such a
 * word of a longer query is not a result: it filled the first page with
 * documents that had only *EU* or *defence* of a question.
 */
export function tellsAlone(documentsWithWord: number, documents: number): boolean {
  return documents <= 1 || documentsWithWord <= documents / 2;
}

/**
 * The query's alternatives with each single word weighted by its rarity, a word
 * most documents have no longer searched alone, and the query without its rarest
 * word (`frequencies`: documents per term, `documents`: the collection's size).
 */
export function weighByRarity(parsed: ParsedQuery, frequencies: ReadonlyMap<string, number>, documents: number): ParsedQuery {
  const alternatives = parsed.alternatives.flatMap((alternative) => {
    const found = alternative.term === undefined ? undefined : frequencies.get(alternative.term);
    if (found === undefined) return [alternative];
    return tellsAlone(found, documents) ? [{ ...alternative, weight: rarityWeight(found, documents) }] : [];
  });
  const withoutRarest = withoutRarestTerm(parsed, frequencies, documents);
  if (withoutRarest) alternatives.splice(1, 0, withoutRarest);
  return { ...parsed, alternatives };
}

/** How much a word tells about a document: its inverse document frequency (0 for a word nothing or everything has). */
function informativeness(documentsWithWord: number, documents: number): number {
  return documentsWithWord <= 0 || documents <= 1 ? 0 : Math.log(documents / Math.min(documents, documentsWithWord));
}

/**
 * The whole query keeps its rarest word to the end (Meilisearch's `frequency`
 * strategy), so documents with every other word but that one are found only
 * word by word, below documents with a single rare word. Yet the rarest word is
 * often the one the answer puts otherwise ("NATO EU cooperation" answered by
 * "NATO and the EU are partners"; a misspelt word nothing has). This is the
 * query without it, counting as much as the share of the query's information
 * its other words carry.
 */
function withoutRarestTerm(parsed: ParsedQuery, frequencies: ReadonlyMap<string, number>, documents: number): Alternative | null {
  const singles = parsed.alternatives.filter((a) => a.term !== undefined && frequencies.has(a.term));
  if (singles.length < 2) return null;
  const rarest = singles.reduce((best, a) => (frequencies.get(a.term!)! < frequencies.get(best.term!)! ? a : best));
  const term = rarest.term!;
  const information = (t: string) => informativeness(frequencies.get(t) ?? 0, documents);
  const total = singles.reduce((sum, a) => sum + information(a.term!), 0);
  const kept = total - information(term);
  // A rarest word nothing has carries no information: the rest is all the query can find.
  const share = total === 0 ? 1 : kept / total;
  const text = [...parsed.terms.filter((t) => t !== term), ...parsed.excluded.map((e) => `-${e}`)].join(' ');
  return {
    text,
    acronyms: parsed.acronyms.filter((a) => a !== parsed.termAcronyms[term] || Object.entries(parsed.termAcronyms).some(([t, b]) => t !== term && b === a)),
    weight: Math.max(COMMON_WORD_WEIGHT, Math.min(WITHOUT_RAREST_WEIGHT, share)),
    dropped: term,
  };
}

/** The query without its rarest word never counts as much as the whole query. */
export const WITHOUT_RAREST_WEIGHT = 0.9;

/** The people the query names, by the folded words of their names (see speakersNamed). */
export function queryWords(parsed: ParsedQuery): string[] {
  return parsed.terms.flatMap((term) => term.replace(/"/g, '').split(/\s+/)).filter((w) => w !== '');
}
