/**
 * Theme matching: each theme's terms compiled once into regexes, then counted
 * in a text. How each kind of term matches (documented for researchers in
 * corpus/README.md):
 *   phrases   case- and accent-insensitive, whole words, any spacing or hyphen
 *             between words, the last word singular or plural, and UK/US
 *             spellings (-isation/-ization, defence/defense) and "co-operation"
 *             alike;
 *   acronyms  case-sensitive whole words ("EU" not in "Europe", "SAFE" not "safe"),
 *             an optional plural "s";
 *   patterns  regular expressions (RE2 syntax, linear time), case-insensitive, on
 *             the text as written.
 * Within one theme, overlapping matches count once, the longest winning
 * ("joint procurement" is not also "procurement"); across themes, see tagText.
 */
import type { RE2JS } from 're2js';
import { compileThemePattern, type Taxonomy, type Theme } from '../../contract/taxonomy.js';
import { escapeRegExp } from '../regexp.js';

export interface CompiledTheme {
  theme: Theme;
  /** On accent-folded lower-case text; capture group n is term n. */
  phrases: { regex: RegExp; terms: string[] } | null;
  /** On the text as written; capture group n is term n. */
  acronyms: { regex: RegExp; terms: string[] } | null;
  patterns: CompiledPattern[];
  /** Terms (and pattern sources) that count only beside another term of the theme. */
  contextual: ReadonlySet<string>;
  /** Words matched by contextual patterns, as reported in evidence. */
  contextualMatches: Set<string>;
  phraseTerms: ReadonlySet<string>;
  acronymTerms: ReadonlySet<string>;
}

interface CompiledPattern {
  regex: RE2JS;
  /**
   * The pattern without its lookbehinds: matches wherever the pattern does (a lookbehind
   * only narrows), and runs on RE2's fast DFA, which lookbehinds take it off. Null when
   * the pattern has none.
   */
  prefilter: RE2JS | null;
}

/** The source with every `(?<=…)` and `(?<!…)` group removed; escapes and character classes respected. */
export function withoutLookbehinds(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      continue;
    }
    if (ch === '(' && (source.startsWith('(?<=', i) || source.startsWith('(?<!', i))) {
      // Skip to the matching parenthesis.
      let depth = 0;
      let groupClass = false;
      for (; i < source.length; i++) {
        const c = source[i]!;
        if (c === '\\') {
          i++;
          continue;
        }
        if (groupClass) {
          if (c === ']') groupClass = false;
          continue;
        }
        if (c === '[') groupClass = true;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      continue;
    }
    out += ch;
  }
  return out;
}

function compilePattern(source: string): CompiledPattern {
  const stripped = withoutLookbehinds(source);
  return { regex: compileThemePattern(source), prefilter: stripped === source ? null : compileThemePattern(stripped) };
}

/** Accent-folded, lower-case, and the same length as the input, so offsets line up with the original text. */
export function foldSameLength(text: string): string {
  // Fast path: ASCII text folds by lower-casing alone.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .replace(/[^\x00-\x7f]/gu, (ch) => {
      const folded = ch.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
      if (folded.length === ch.length) return folded;
      // "ﬁ" -> "fi" would shift every later offset: keep such characters (lower-cased when that keeps the length).
      const lowered = ch.toLowerCase();
      return lowered.length === ch.length ? lowered : ch;
    })
    .replace(/[A-Z]+/g, (ascii) => ascii.toLowerCase());
}

function foldPhrase(phrase: string): string {
  return phrase.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/** Spelling variants a researcher should not have to list: UK/US endings, defence/defense, co-operation. */
function spellingVariants(wordPattern: string): string {
  return wordPattern
    .replace(/i[sz](ation|ations|ing|ed|e|es)\b/g, 'i[sz]$1')
    .replace(/defen[cs]e/g, 'defen[cs]e')
    .replace(/offen[cs]e/g, 'offen[cs]e')
    // Hansard and much British usage hyphenate "co-operation", "co-ordinate".
    .replace(/^co(?=operat|ordinat)/, 'co-?');
}

/** Regex source for one phrase: words separated by any space or hyphen, the last word inflected. */
function phraseSource(phrase: string): string {
  const words = foldPhrase(phrase).split(/[\s\-–]+/).filter((w) => w !== '');
  const parts = words.map((word, i) => {
    // "Security and Defence Partnership" is also written "Security & Defence Partnership".
    if (word === 'and' || word === '&') return '(?:and|&)';
    let source = spellingVariants(escapeRegExp(word));
    // The last word in the singular or the plural, however it is listed: "gas pipelines" also finds "a gas pipeline".
    if (i === words.length - 1 && /[a-z]$/.test(word)) {
      if (/[^aeiou]y$/.test(word)) source = `${source.slice(0, -1)}(?:y|ies)`;
      else if (/[^aeiou]ies$/.test(word)) source = `${source.slice(0, -3)}(?:y|ies)`;
      else if (/(?:x|z|ch|sh)es$/.test(word)) source = `${source.slice(0, -2)}(?:es)?`;
      else if (/[^su]s$/.test(word) && !/(?:is|news)$/.test(word)) source = `${source.slice(0, -1)}s?`;
      else if (/(?:s|x|z|ch|sh)$/.test(word)) source = `${source}(?:es)?`;
      else source = `${source}s?`;
    }
    return source;
  });
  return parts.join('[\\s\\-–]+');
}

/*
 * Word boundaries: `\b` is ASCII-only, which is right for folded text (accents are
 * gone) and for acronyms, and it keeps the big alternations fast. A term that
 * starts or ends with punctuation ("Article 42(7)") gets no boundary on that side.
 */
const wordStart = (term: string) => (/^[A-Za-z0-9_]/.test(term) ? '\\b' : '');
const wordEnd = (term: string) => (/[A-Za-z0-9_]$/.test(term) ? '\\b' : '');

function compileTheme(theme: Theme): CompiledTheme {
  // Longest first, so an alternation prefers "joint procurement" over "procurement" at the same place.
  const byLength = (a: string, b: string) => b.length - a.length;
  const phraseTerms = [...new Set(theme.terms.phrases)].sort(byLength);
  const acronymTerms = [...new Set(theme.terms.acronyms)].sort(byLength);
  const phraseAlternatives = phraseTerms.map((term) => {
    const folded = foldPhrase(term);
    return `(${wordStart(folded)}${phraseSource(term)}${wordEnd(folded)})`;
  });
  const acronymAlternatives = acronymTerms.map((term) => {
    const trimmed = term.trim();
    const end = /[A-Za-z0-9]$/.test(trimmed) ? "(?:s|['’]s)?\\b" : '';
    return `(${wordStart(trimmed)}${escapeRegExp(trimmed)}${end})`;
  });
  return {
    theme,
    phrases: phraseTerms.length ? { regex: new RegExp(phraseAlternatives.join('|'), 'gu'), terms: phraseTerms } : null,
    acronyms: acronymTerms.length ? { regex: new RegExp(acronymAlternatives.join('|'), 'gu'), terms: acronymTerms } : null,
    patterns: theme.terms.patterns.map(compilePattern),
    contextual: new Set(theme.terms.contextual ?? []),
    contextualMatches: new Set<string>(),
    phraseTerms: new Set(phraseTerms),
    acronymTerms: new Set(acronymTerms),
  };
}

const cache = new WeakMap<Taxonomy, CompiledTheme[]>();

/** Compiled once per taxonomy object: the same taxonomy tags every document of a run. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTheme[] {
  let compiled = cache.get(taxonomy);
  if (!compiled) {
    compiled = taxonomy.themes.map(compileTheme);
    cache.set(taxonomy, compiled);
  }
  return compiled;
}

/** One occurrence of a theme's term: where it stands in the text, and whether the term counts only beside another. */
export interface Hit {
  start: number;
  end: number;
  term: string;
  contextual?: boolean;
}

function groupHits(regex: RegExp, text: string, terms: string[], hits: Hit[]): void {
  regex.lastIndex = 0;
  for (const m of text.matchAll(regex)) {
    const group = m.findIndex((value, i) => i > 0 && value !== undefined);
    const term = terms[group - 1];
    if (term !== undefined) hits.push({ start: m.index, end: m.index + m[0].length, term });
  }
}

/**
 * Term -> occurrences of one theme in a text (`folded` = foldSameLength(text), shared across themes).
 * `inContext`: the text is part of a passage already known to use the theme's own words, so its
 * contextual terms count on their own (a sentence of that passage).
 */
export function matchTheme(compiled: CompiledTheme, text: string, folded: string, inContext = false): Record<string, number> {
  return evidenceOf(compiled, themeHits(compiled, text, folded), inContext);
}

/** The occurrences of one theme's terms in a text, overlapping ones counted once, the longest winning. */
export function themeHits(compiled: CompiledTheme, text: string, folded: string): Hit[] {
  const hits: Hit[] = [];
  if (compiled.phrases) groupHits(compiled.phrases.regex, folded, compiled.phrases.terms, hits);
  if (compiled.acronyms) groupHits(compiled.acronyms.regex, text, compiled.acronyms.terms, hits);
  compiled.patterns.forEach(({ regex, prefilter }, i) => {
    const contextual = compiled.contextual.has(compiled.theme.terms.patterns[i]!);
    // test() runs RE2's fast DFA; the slower matcher that reports positions only where there is a match.
    if (!(prefilter ?? regex).test(text)) return;
    for (const m of regex.matchAll(text)) {
      // Patterns are reported by what they matched: more telling to a reader than the regex.
      const start = m.index ?? 0;
      if (m[0] !== '') hits.push({ start, end: start + m[0].length, term: m[0].toLowerCase().replace(/\s+/g, ' '), contextual });
    }
  });
  // Longest match first; a hit overlapping one already kept is the same words counted twice.
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of hits) {
    if (kept.some((k) => hit.start < k.end && k.start < hit.end)) continue;
    kept.push(hit);
  }
  return kept;
}

/** Term -> occurrences, from a theme's hits; a contextual term counts only beside another term of the theme, or `inContext`. */
export function evidenceOf(compiled: CompiledTheme, hits: readonly Hit[], inContext = false): Record<string, number> {
  if (hits.length === 0) return {};
  if (!inContext && hits.every((hit) => hit.contextual || compiled.contextual.has(hit.term))) return {};
  const evidence: Record<string, number> = {};
  for (const hit of hits) {
    evidence[hit.term] = (evidence[hit.term] ?? 0) + 1;
    if (hit.contextual) compiled.contextualMatches.add(hit.term);
  }
  return evidence;
}

/**
 * How specific a matched term is to its theme: an acronym, a pattern or a
 * phrase of several words names the theme (1); a single common word ("Russia",
 * "procurement", "cyber") is weaker (0.6); a contextual term weaker still (0.5).
 */
export function termSpecificity(compiled: CompiledTheme, term: string): number {
  if (compiled.contextual.has(term) || compiled.contextualMatches.has(term)) return 0.5;
  if (compiled.acronymTerms.has(term)) return 1;
  if (compiled.phraseTerms.has(term)) return /[\s\-–]/.test(term.trim()) ? 1 : 0.6;
  return 1;
}
