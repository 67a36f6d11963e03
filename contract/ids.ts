import { createHash } from 'node:crypto';
import anyAscii from 'any-ascii';

/**
 * Stable identifiers: document ids from paths, person slugs from names. Both
 * sides use these, so a URL built by the server always matches an indexed id.
 */

/** Lower-case ASCII, accents folded: "Élysée Treaty" -> "elysee treaty". */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** `a-z0-9` words joined by single hyphens; never contains `_` or `--`. */
export function slugify(text: string): string {
  return foldAccents(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Meilisearch ids are at most 511 bytes; keep document ids well under, leaving room for passage suffixes. */
const MAX_DOC_ID = 200;

/**
 * Letters in the text that slugify() would lose or change beyond accents (Greek,
 * Cyrillic, Chinese, Arabic, "Ø"): two different texts could then share a slug.
 */
function slugIsLossy(text: string): boolean {
  return /[^a-z]/u.test(foldAccents(text).replace(/[^\p{L}]/gu, ''));
}

/**
 * A slug for text in any script: transliterated (any-ascii), cut to `max`, plus a short
 * hash of the text as written, since transliteration is lossy (homophones in Chinese,
 * unwritten vowels in Arabic) and two different texts must never share a slug.
 */
function transliteratedSlug(text: string, fallback: string, max: number): string {
  const written = text.normalize('NFC').trim();
  const hash = createHash('sha256').update(written).digest('hex').slice(0, 8);
  // Symbols would transliterate to their names (":slight_smile:"); apostrophes would split words.
  const ascii = anyAscii(written.replace(/[\p{S}\p{C}]/gu, ' ')).replace(/['’ʼ]/gu, '');
  return `${(slugify(ascii) || fallback).slice(0, max).replace(/-+$/, '')}-${hash}`;
}

/**
 * Document id = slug of the path relative to the corpus, extension included so
 * `report.md` and `report.pdf` do not collide: "2025/UK–EU Roundtable.txt" -> "2025-uk-eu-roundtable-txt".
 * A path with letters of another script is transliterated with a hash of the path
 * ("Заява.pdf" -> "zayava-pdf-" + 8 hex digits), so "Заява.pdf" and "Звіт.pdf" are
 * two documents, where the plain slug would give both the id "pdf".
 */
export function documentId(relativePath: string): string {
  const path = relativePath.replace(/\\/g, '/');
  // Latin-script paths keep the plain slug they always had (links to them stay); only other scripts,
  // digits other than 0-9 and pictographs, which the plain slug drops whole, are transliterated.
  if (/[^\p{Script=Latin}\P{L}]|[^0-9\P{N}]|\p{Extended_Pictographic}/u.test(foldAccents(path))) return transliteratedSlug(path, 'document', MAX_DOC_ID - 9);
  const slug = slugify(path) || 'document';
  return slug.length <= MAX_DOC_ID ? slug : slug.slice(0, MAX_DOC_ID).replace(/-+$/, '');
}

/**
 * Person slug. A name in the Latin alphabet keeps the plain slug ("José Manuel Barroso" ->
 * "jose-manuel-barroso"), so existing links stay. A name with other letters is
 * transliterated with a hash ("Володимир Зеленський" -> "volodimir-zelenskiy-" + 8 hex
 * digits). Never empty.
 */
export function personSlug(name: string): string {
  const plain = slugify(name);
  if (plain && !slugIsLossy(name)) return plain;
  return transliteratedSlug(name, 'person', 100);
}

/** What slugify() makes: `a-z0-9` words joined by single hyphens. Document ids, person slugs and theme ids all have it. */
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);
/** Valid shape for a document id in a URL: checked before any lookup. */
export const DOCUMENT_ID_PATTERN = SLUG_PATTERN;
/** Valid shape for a passage id in a URL: the document id, `_`, a text hash and an ordinal on collision. */
export const PASSAGE_ID_PATTERN = new RegExp(`^(${SLUG})_([0-9a-f]{8})(?:-(\\d+))?$`);
