/**
 * The one contract every per-document stage follows. A stage reads and fills
 * fields of the Job; to stop this document (and only this one) it returns
 * `stop(...)` with a reason, and the run goes on with the next file.
 */
import type { DocumentRecord, Format, Passage, ThemeTag } from '../../contract/document.js';
import type { GlossaryEntry, Taxonomy } from '../../contract/taxonomy.js';
import type { ExtractionPool } from '../extractors/pool.js';
import type { Extracted, MetadataInput } from '../../contract/extracted.js';
import type { BoilerplateCollection, BoilerplateReport } from '../boilerplate.js';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Relative to the corpus, POSIX separators. */
  relativePath: string;
  id: string;
  format: Format;
  /** Absolute path of `NAME.meta.yml` beside the file, when there is one. */
  sidecarPath: string | null;
  /** The folder the file (and its sidecar) must lie inside when read: the corpus unless set (fetched sources). */
  root?: string;
}

/** The metadata stage's output: the descriptive fields of a document record. */
export type DocumentMetadata = Pick<
  DocumentRecord,
  | 'title' | 'date' | 'published' | 'type' | 'organisations' | 'publisher' | 'place' | 'language' | 'sourceUrl' | 'finalUrl' | 'retrievedAt'
  | 'people' | 'summary' | 'provenance' | 'warnings'
> & {
  /** Theme ids a person gave (sidecar, else front matter): the themes stage makes them what the document is about. */
  givenThemes: string[];
};

export interface Job {
  source: SourceFile;
  /** Parsed sidecar, when there is one (preflight). */
  sidecar: MetadataInput | null;
  /** File bytes (preflight); released after extract. */
  data: Buffer | null;
  bytes: number;
  sha256: string;
  fingerprint: string;
  extracted: Extracted | null;
  metadata: DocumentMetadata | null;
  /** Text left out as repeated across the document's source (boilerplate stage), for --explain. */
  boilerplate: BoilerplateReport | null;
  /** Digest of what was left out ('' when nothing): kept in the record, so a later run knows what the index holds. */
  boilerplateDigest: string;
  passages: Passage[];
  themeTags: ThemeTag[];
  /** Glossary acronyms the document mentions (acronyms stage). */
  acronyms: string[];
  /** The same for each passage, in passage order. */
  passageAcronyms: string[][];
}

export interface StageContext {
  corpusDir: string;
  taxonomy: Taxonomy;
  glossary: readonly GlossaryEntry[];
  /** Hash of everything besides the file that changes the output (taxonomy, glossary, indexer version). */
  configHash: string;
  /** Fingerprints already in the index, by document id: preflight skips unchanged files. */
  indexed: ReadonlyMap<string, string>;
  /** Worker processes every extractor runs in. */
  pool: ExtractionPool;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Fingerprints of the blocks of every document, by source: what is repeated across a source. */
  boilerplate: BoilerplateCollection;
}

export type StageOutcome =
  | { stop: 'unchanged'; reason: string }
  | { stop: 'failed'; reason: string };

export interface Stage {
  name: string;
  run(job: Job, ctx: StageContext): Promise<StageOutcome | void> | StageOutcome | void;
}

export const fail = (reason: string): StageOutcome => ({ stop: 'failed', reason });
export const unchanged = (reason = 'unchanged'): StageOutcome => ({ stop: 'unchanged', reason });

export function newJob(source: SourceFile): Job {
  return {
    source,
    sidecar: null,
    data: null,
    bytes: 0,
    sha256: '',
    fingerprint: '',
    extracted: null,
    metadata: null,
    boilerplate: null,
    boilerplateDigest: '',
    passages: [],
    themeTags: [],
    acronyms: [],
    passageAcronyms: [],
  };
}
