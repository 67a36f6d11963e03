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
 * Document id = slug of the path relative to the corpus, extension included so
 * `report.md` and `report.pdf` do not collide: "2025/UK–EU Roundtable.txt" -> "2025-uk-eu-roundtable-txt".
 */
export function documentId(relativePath: string): string {
  const slug = slugify(relativePath.replace(/\\/g, '/')) || 'document';
  return slug.length <= MAX_DOC_ID ? slug : slug.slice(0, MAX_DOC_ID).replace(/-+$/, '');
}

/**
 * Person slug. A name in the Latin alphabet keeps the plain slug ("José Manuel Barroso" ->
 * "jose-manuel-barroso"), so existing links stay. A name with other letters (Greek,
 * Cyrillic, Chinese, Arabic, "Ø") is transliterated, and a short hash of the name as
 * written is added: transliteration is lossy (homophones in Chinese, unwritten vowels in
 * Arabic), and two people must never share a page ("Володимир Зеленський" ->
 * "volodimir-zelenskiy-" + 8 hex digits). Never empty.
 */
export function personSlug(name: string): string {
  const plain = slugify(name);
  const lossy = /[^a-z]/u.test(foldAccents(name).replace(/[^\p{L}]/gu, ''));
  if (plain && !lossy) return plain;
  const written = name.normalize('NFC').trim();
  const hash = createHash('sha256').update(written).digest('hex').slice(0, 8);
  // Symbols would transliterate to their names (":slight_smile:"); apostrophes would split words.
  const ascii = anyAscii(written.replace(/[\p{S}\p{C}]/gu, ' ')).replace(/['’ʼ]/gu, '');
  const transliterated = slugify(ascii);
  return `${(transliterated || 'person').slice(0, 100).replace(/-+$/, '')}-${hash}`;
}

/** What slugify() makes: `a-z0-9` words joined by single hyphens. Document ids, person slugs and theme ids all have it. */
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);
/** Valid shape for a document id in a URL: checked before any lookup. */
export const DOCUMENT_ID_PATTERN = SLUG_PATTERN;
/** Valid shape for a passage id in a URL: the document id, `_`, a text hash and an ordinal on collision. */
export const PASSAGE_ID_PATTERN = new RegExp(`^(${SLUG})_([0-9a-f]{8})(?:-(\\d+))?$`);
