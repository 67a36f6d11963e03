/**
 * Text repeated across the documents of one source: the banner, disclaimer,
 * cookie notice or "Published by" footer a site or publisher puts on every
 * document, which no extractor reading one document at a time can tell from
 * content. (Page chrome inside one HTML page is the HTML extractor's work.)
 *
 * Each document's paragraphs and list items are fingerprinted (a 48-bit hash of
 * the normalised text: the texts themselves are never kept) and counted once
 * per document within the document's source. The rule, also in the README:
 *   - a source counts only from MIN_SOURCE_DOCUMENTS documents with text;
 *   - a block is boilerplate when at least MIN_SOURCE_DOCUMENTS documents of its
 *     source carry it, and at least SOURCE_SHARE of the source's documents;
 *   - headings and lead-in lines (ending with a colon) are structure, never counted;
 *   - a document keeps everything when the boilerplate would be more than
 *     MAX_REMOVED_SHARE of its words (a copy of another document, not chrome).
 *
 * The fingerprints persist per document under DATA_DIR, so a run in which a
 * source's counts change knows which documents already indexed it must redo.
 * What each indexed document had removed is kept in its record (`boilerplate`,
 * a digest), so the state file can be written at any time without ever
 * disagreeing with the index: a document whose digest differs is redone.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Fewer documents than this say nothing about a source; a block must also be in at least this many. */
export const MIN_SOURCE_DOCUMENTS = 3;
/** A block is boilerplate only when at least this share of its source's documents carry it. */
export const SOURCE_SHARE = 0.5;
/** Above this share of a document's words, nothing is removed from it. */
export const MAX_REMOVED_SHARE = 0.5;

/** Bumped when fingerprints are computed differently: an older state file is then read as none. */
const STATE_VERSION = 1;
/** The state is also written during a long run, at most this often, so a run killed half-way loses little. */
const SAVE_EVERY_MS = 60_000;

/** The state file of one index prefix, in the indexer's state folder under DATA_DIR. */
export function boilerplateStateFile(stateDir: string, prefix: string): string {
  return join(stateDir, `${prefix}.boilerplate.json`);
}

/** A 48-bit hash of a block's normalised text: exact in a JS number, and collisions are negligible at millions of blocks. */
export function blockHash(normalised: string): number {
  return createHash('sha1').update(normalised).digest().readUIntBE(0, 6);
}

/** What the collection keeps of one document. */
export interface DocumentPrints {
  /** The fingerprint of the file version these prints were taken from (see preflight). */
  fingerprint: string;
  /** Source key: `site:HOST`, `publisher:NAME` or `folder:PATH`. */
  source: string;
  /** The hash of each counted block, in reading order (a block may repeat). */
  hashes: Float64Array;
  /** Words of each counted block. */
  words: Uint32Array;
  /** Words of the whole text, counted blocks or not. */
  textWords: number;
}

export interface Decision {
  source: string;
  /** Documents with text in the source. */
  documents: number;
  /** Documents that must carry a block for it to be boilerplate (null: the source is too small). */
  threshold: number | null;
  /** Boilerplate hashes of this document, with how many documents of the source carry each. */
  removed: Map<number, number>;
  /** Set when blocks qualified but were kept: why. */
  keptAll: string | null;
  /** Digest of the removed hashes ('' when none): what the index records. */
  digest: string;
}

/** What --explain shows of the boilerplate left out of one document. */
export interface BoilerplateReport {
  /** The source the document was compared within, in words ("site example.org"). */
  source: string;
  /** Documents with text in that source. */
  documents: number;
  /** The rule as it applies to this source. */
  rule: string;
  removed: { text: string; documents: number; reason: string }[];
  /** Why repeated blocks were kept, when they were. */
  kept?: string;
}

interface SourceState {
  documents: Set<string>;
  withText: number;
  /** Documents carrying each hash; built when the source is first decided on, then kept current. */
  counts: Map<number, number> | null;
}

/** A document's prints as held: the arrays stay in their saved (base64) form until something needs them, so a run that changes nothing only reads the file. */
type HeldPrints = Omit<DocumentPrints, 'hashes' | 'words'> & { hashes: Float64Array | string; words: Uint32Array | string };

/** The prints with their arrays decoded (once: the held entry keeps them). */
function decoded(held: HeldPrints): DocumentPrints {
  if (typeof held.hashes === 'string') held.hashes = fromBase64(held.hashes, (b) => new Float64Array(b));
  if (typeof held.words === 'string') held.words = fromBase64(held.words, (b) => new Uint32Array(b));
  return held as DocumentPrints;
}

type SavedDocument = [fingerprint: string, source: string, textWords: number, hashes: string, words: string];
interface SavedState {
  version: number;
  documents: Record<string, SavedDocument>;
  /** Sources whose counts changed in a run that did not finish redoing their documents. */
  pending?: string[];
}

const toBase64 = (array: Float64Array | Uint32Array | string) =>
  typeof array === 'string' ? array : Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
function fromBase64<T>(text: string, make: (buffer: ArrayBuffer) => T): T {
  const bytes = Buffer.from(text, 'base64');
  // Copied: a typed array needs an aligned buffer of its own.
  return make(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

const sameArray = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.prototype.every.call(a, (x, i) => x === b[i]);

export class BoilerplateCollection {
  private readonly documents = new Map<string, HeldPrints>();
  private readonly sources = new Map<string, SourceState>();
  /** Sources whose counts changed (in this run, or in one that stopped first): their documents are checked at the end. */
  private readonly touched = new Set<string>();
  /** Sources whose documents are being redone: pending until `reconciled()`. */
  private reconciling = new Set<string>();
  /** What each document in the index had removed when it was written: from the index, then from this run. */
  private readonly applied = new Map<string, string>();
  private dirty = false;
  private lastSave = Date.now();

  /**
   * @param file the state file; null keeps nothing between runs (then only the documents a run
   *   reads are compared with each other, and every indexed document counts as known).
   */
  private constructor(private readonly file: string | null) {}

  /** Reads the state file; a missing, unreadable or older one counts as no state (every document is read again once). */
  static load(file: string | null): BoilerplateCollection {
    const collection = new BoilerplateCollection(file);
    if (!file) return collection;
    let saved: SavedState | null = null;
    try {
      saved = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
    } catch {
      saved = null;
    }
    if (saved?.version !== STATE_VERSION || typeof saved.documents !== 'object' || saved.documents === null) return collection;
    for (const source of Array.isArray(saved.pending) ? saved.pending : []) if (typeof source === 'string') collection.touched.add(source);
    for (const [id, entry] of Object.entries(saved.documents)) {
      if (!Array.isArray(entry) || entry.length !== 5) continue;
      const [fingerprint, source, textWords, hashes, words] = entry;
      collection.insert(id, { fingerprint, source, textWords, hashes, words });
    }
    return collection;
  }

  /** Whether the prints of this version of the document are known: an indexed document not known is read again. */
  knows(id: string, fingerprint: string): boolean {
    if (!this.file) return true;
    return this.documents.get(id)?.fingerprint === fingerprint;
  }

  /** What the index says each document had removed (the `boilerplate` field of its record). */
  setIndexed(digests: ReadonlyMap<string, string>): void {
    for (const [id, digest] of digests) if (!this.applied.has(id)) this.applied.set(id, digest);
  }

  /** Forgets documents no longer in the collection. */
  retain(present: ReadonlySet<string>): void {
    for (const id of [...this.documents.keys()]) if (!present.has(id)) this.delete(id);
  }

  /** Records the prints of a document just read, replacing those of its earlier version. */
  put(id: string, prints: DocumentPrints): void {
    const held = this.documents.get(id);
    const before = held && decoded(held);
    if (before && before.source === prints.source && (before.textWords > 0) === (prints.textWords > 0) && sameArray(before.hashes, prints.hashes)) {
      // Same counted text: the counts stand; only the fingerprint (and words) may differ.
      this.documents.set(id, prints);
      this.dirty ||= before.fingerprint !== prints.fingerprint || !sameArray(before.words, prints.words) || before.textWords !== prints.textWords;
      return;
    }
    if (before) this.delete(id);
    this.insert(id, prints);
    this.touched.add(prints.source);
    this.dirty = true;
  }

  /** Forgets a document (gone, or failed this run: what it carried no longer counts). */
  delete(id: string): void {
    const before = this.documents.get(id);
    if (!before) return;
    const source = this.sources.get(before.source)!;
    source.documents.delete(id);
    if (before.textWords > 0) source.withText--;
    if (source.counts) count(source.counts, decoded(before).hashes, -1);
    this.documents.delete(id);
    this.touched.add(before.source);
    this.dirty = true;
  }

  /** Records what was removed from a document as it was written to the index. */
  setApplied(id: string, digest: string): void {
    this.applied.set(id, digest);
  }

  /** The boilerplate of one document as the counts stand now. */
  decide(id: string): Decision {
    const held = this.documents.get(id);
    if (!held) throw new Error(`${id}: no prints recorded`);
    const prints = decoded(held);
    const source = this.sources.get(prints.source)!;
    const documents = source.withText;
    const removed = new Map<number, number>();
    if (documents < MIN_SOURCE_DOCUMENTS) return { source: prints.source, documents, threshold: null, removed, keptAll: null, digest: '' };
    const threshold = Math.max(MIN_SOURCE_DOCUMENTS, Math.ceil(documents * SOURCE_SHARE));
    const counts = this.countsOf(source);
    let removedWords = 0;
    for (let i = 0; i < prints.hashes.length; i++) {
      const hash = prints.hashes[i]!;
      const carriedBy = counts.get(hash) ?? 0;
      if (carriedBy < threshold) continue;
      removed.set(hash, carriedBy);
      removedWords += prints.words[i]!;
    }
    if (removed.size > 0 && removedWords > prints.textWords * MAX_REMOVED_SHARE) {
      const share = Math.round((100 * removedWords) / Math.max(1, prints.textWords));
      return {
        source: prints.source,
        documents,
        threshold,
        removed: new Map(),
        keptAll: `nothing removed: the ${removed.size} repeated block${removed.size === 1 ? '' : 's'} make up ${share}% of the words (a copy of another document, not page furniture)`,
        digest: '',
      };
    }
    return { source: prints.source, documents, threshold, removed, keptAll: null, digest: digestOf(removed.keys()) };
  }

  /**
   * Documents whose boilerplate, as the counts stand at the end of a run, differs from what
   * their records were written with: a source's counts changed since (a new document made a
   * paragraph boilerplate, or a removed one made it ordinary again).
   */
  outdated(): string[] {
    const ids: string[] = [];
    this.reconciling = new Set(this.touched);
    this.touched.clear();
    for (const key of this.reconciling) {
      const source = this.sources.get(key);
      if (!source) continue;
      for (const id of source.documents) {
        if (!this.applied.has(id)) continue;
        if (this.decide(id).digest !== this.applied.get(id)) ids.push(id);
      }
    }
    return ids.sort();
  }

  /** The documents `outdated()` listed are rewritten: their sources are settled. */
  reconciled(): void {
    if (this.reconciling.size > 0) this.dirty = true;
    this.reconciling.clear();
  }

  /** Writes the state file when something changed (atomically: a reader sees the old file or the new one). */
  save(): void {
    if (!this.file || !this.dirty) return;
    const documents: Record<string, SavedDocument> = {};
    for (const [id, p] of this.documents) documents[id] = [p.fingerprint, p.source, p.textWords, toBase64(p.hashes), toBase64(p.words)];
    // A run stopped before it redid what its changes called for leaves that to the next one.
    const state: SavedState = { version: STATE_VERSION, documents, pending: [...new Set([...this.touched, ...this.reconciling])] };
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, this.file);
    this.dirty = false;
    this.lastSave = Date.now();
  }

  /** Saves when the last save is older than SAVE_EVERY_MS: during a long run. */
  saveIfDue(): void {
    if (Date.now() - this.lastSave >= SAVE_EVERY_MS) this.save();
  }

  private insert(id: string, prints: HeldPrints): void {
    let source = this.sources.get(prints.source);
    if (!source) {
      source = { documents: new Set(), withText: 0, counts: null };
      this.sources.set(prints.source, source);
    }
    source.documents.add(id);
    if (prints.textWords > 0) source.withText++;
    if (source.counts) count(source.counts, decoded(prints).hashes, 1);
    this.documents.set(id, prints);
  }

  private countsOf(source: SourceState): Map<number, number> {
    if (!source.counts) {
      source.counts = new Map();
      for (const id of source.documents) count(source.counts, decoded(this.documents.get(id)!).hashes, 1);
    }
    return source.counts;
  }
}

/** Adds (or takes away) one document's distinct hashes. */
function count(counts: Map<number, number>, hashes: Float64Array, sign: 1 | -1): void {
  for (const hash of new Set(hashes)) {
    const next = (counts.get(hash) ?? 0) + sign;
    if (next > 0) counts.set(hash, next);
    else counts.delete(hash);
  }
}

function digestOf(hashes: Iterable<number>): string {
  const sorted = [...hashes].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  return createHash('sha256').update(sorted.join(',')).digest('hex').slice(0, 16);
}
