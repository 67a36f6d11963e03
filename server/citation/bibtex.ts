/**
 * BibTeX entries, written by Citation.js from the CSL item: it maps CSL types
 * to entry types, escapes TeX specials ({ } & % $ # _ ~ ^ \) and writes
 * non-ASCII letters as TeX accents, so the output compiles with plain BibTeX.
 * Two gaps in it are closed here, before the item reaches it.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem, CslName } from './csl.js';

/*
 * Citation.js reads <i>, <b>, <sup>... in titles as rich text (-> \textit{...}).
 * A control character after each "<" breaks the tag pattern; its TeX escaping
 * then writes "<" as \textless{} and drops the control character.
 */
const TAG_BREAKER = '\u0001';

function literalText(value: string): string {
  return value.replace(/</g, `<${TAG_BREAKER}`);
}

/*
 * A name with only a family part (an institution) is written out unescaped,
 * so its TeX specials are escaped here. Braces become \textbraceleft{} rather
 * than \{ because BibTeX counts every brace, escaped or not, when it looks for
 * the end of a field.
 */
const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

export function escapeTex(value: string): string {
  return value.replace(/[\\{}&%$#_~^<>]/g, (char) => TEX_SPECIALS[char] ?? char);
}

function bibtexName(name: CslName): CslName {
  if (name.literal !== undefined) return { literal: escapeTex(name.literal) };
  return Object.fromEntries(Object.entries(name).map(([part, value]) => [part, literalText(value)]));
}

/** BibTeX reads braces and backslashes in a url field; percent-encoding keeps the URL the same for a browser. */
function bibtexSafeUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const VERBATIM_FIELDS = new Set(['id', 'type', 'citation-key', 'URL']);

function bibtexItem(item: CslItem): CslItem {
  const prepared: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(item)) {
    if (typeof value === 'string' && !VERBATIM_FIELDS.has(field)) prepared[field] = literalText(value);
    else prepared[field] = value;
  }
  prepared.URL = bibtexSafeUrl(item.URL);
  if (item.author) prepared.author = item.author.map(bibtexName);
  return prepared as unknown as CslItem;
}

/** One BibTeX entry per item, in order, keyed by each item's `citation-key`. */
export function bibtexEntries(items: CslItem[]): string {
  if (items.length === 0) return '';
  const entries = new Cite(items.map(bibtexItem)).format('bibtex', { format: 'text' }).replaceAll(TAG_BREAKER, '');
  // Entries start at "@" on a new line (fields are indented); a blank line between them reads better.
  return `${entries
    .trim()
    .split(/\n\s*(?=@)/)
    .join('\n\n')}\n`;
}
