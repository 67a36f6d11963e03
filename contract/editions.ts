/**
 * Edition history in `<prefix>_editions`: what a permalink pointed at before
 * its document changed or left the collection. Passages still in a document
 * live only in `<prefix>_passages`; a passage is copied here once, when it
 * leaves (its id is a hash of its text, so each text is stored once).
 */
import type { DocumentRecord, PassageRecord } from './document.js';

/** Every document field but the full text: what the history keeps of a document (the text is in its passages). */
export const EDITION_DOCUMENT_FIELDS = [
  'id', 'file', 'format', 'title', 'date', 'datePrecision', 'dateTs', 'year', 'published', 'type', 'organisations',
  'publisher', 'place', 'language', 'sourceUrl', 'finalUrl', 'retrievedAt', 'people', 'speakers', 'themes', 'themeMentions', 'themeTags',
  'acronyms', 'provenance', 'summary', 'pages', 'passageCount', 'needsOcr', 'ocr', 'warnings', 'fingerprint', 'boilerplate', 'sha256', 'bytes', 'indexedAt',
] as const satisfies readonly (keyof DocumentRecord)[];

// A field added to DocumentRecord must be added above (or be the text or its stems): this fails to compile otherwise.
type MissingEditionField = Exclude<keyof DocumentRecord, 'text' | 'stems' | (typeof EDITION_DOCUMENT_FIELDS)[number]>;
export const EDITION_FIELDS_COMPLETE: [MissingEditionField] extends [never] ? true : MissingEditionField = true;

/** How many characters of the neighbouring text a text-quote anchor keeps on each side. */
export const ANCHOR_CONTEXT = 64;

/** A passage as it was cited, with a text-quote anchor (exact text + context), as Web Annotation selectors have. */
export interface PassageEdition {
  kind: 'passage';
  /** The passage id the permalink carries. */
  id: string;
  docId: string;
  text: string;
  page: number;
  ordinal: number;
  heading: string | null;
  /** The text just before and after the passage in the document it was part of. */
  prefix: string;
  suffix: string;
  /** The document's title when the passage was part of it. */
  title: string;
  /** When the edition the passage belonged to was indexed, and when it left the document. */
  indexedAt: string;
  supersededAt: string;
  /** True when the whole document left the collection. */
  documentRemoved: boolean;
}

/** One change of a document: a new edition, or its removal. */
export interface EditionChange {
  kind: 'edition';
  /** `${docId}_edition-${timestamp digits}`: one per change. */
  id: string;
  docId: string;
  /** When the new edition was indexed (or the document was removed). */
  at: string;
  /** Unix seconds of `at`, for sorting. */
  atTs: number;
  /** When the edition it replaced had been indexed. */
  previousIndexedAt: string;
  passagesAdded: number;
  passagesRemoved: number;
  passagesKept: number;
  removed: boolean;
  /** The document's metadata as it was, for citing it after removal (no full text). */
  document: Omit<DocumentRecord, 'text' | 'stems'>;
}

export type EditionRecord = PassageEdition | EditionChange;

export function editionChangeId(docId: string, at: string): string {
  return `${docId}_edition-${at.replace(/\D/g, '')}`;
}

/** The passage fields an edition keeps, with the text-quote context from its neighbours in reading order. */
export function passageEditions(
  ordered: readonly PassageRecord[],
  leaving: ReadonlySet<string>,
  context: { title: string; indexedAt: string; supersededAt: string; documentRemoved: boolean },
): PassageEdition[] {
  const editions: PassageEdition[] = [];
  ordered.forEach((passage, i) => {
    if (!leaving.has(passage.id)) return;
    editions.push({
      kind: 'passage',
      id: passage.id,
      docId: passage.docId,
      text: passage.text,
      page: passage.page,
      ordinal: passage.ordinal,
      heading: passage.heading,
      prefix: (ordered[i - 1]?.text ?? '').slice(-ANCHOR_CONTEXT),
      suffix: (ordered[i + 1]?.text ?? '').slice(0, ANCHOR_CONTEXT),
      ...context,
    });
  });
  return editions;
}
