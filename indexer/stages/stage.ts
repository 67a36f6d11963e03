/**
 * The one contract every per-document stage follows. A stage reads and fills
 * fields of the Job; to stop this document (and only this one) it returns
 * `stop(...)` with a reason, and the run goes on with the next file.
 */
import type { DocumentRecord, Format, Passage, ThemeTag } from '../schema/document.js';
import type { Taxonomy } from '../schema/taxonomy.js';
import type { PdfPool } from '../extractors/pdf-pool.js';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Relative to the corpus, POSIX separators. */
  relativePath: string;
  id: string;
  format: Format;
  /** Absolute path of `NAME.meta.yml` beside the file, when there is one. */
  sidecarPath: string | null;
}

/** Metadata a user wrote in a sidecar or front matter (all optional, validated in the metadata stage). */
export type MetadataInput = Record<string, unknown>;

/** A unit of extracted text. Blocks never span pages. */
export interface Block {
  page: number;
  kind: 'heading' | 'paragraph' | 'list-item';
  text: string;
}

export interface Extracted {
  blocks: Block[];
  pages: number;
  /** Document properties from the file itself (PDF info dictionary, HTML <meta>, front matter). */
  properties: MetadataInput;
  /** Where `properties` came from. */
  propertiesSource: 'pdf-info' | 'html-meta' | 'front-matter' | null;
  /** True when the file has pages but no text layer. */
  needsOcr: boolean;
  /** Non-fatal problems (a page that failed to extract), shown in --explain and the summary. */
  warnings: string[];
}

/** The metadata stage's output: the descriptive fields of a document record. */
export type DocumentMetadata = Pick<
  DocumentRecord,
  'title' | 'date' | 'published' | 'type' | 'organisations' | 'place' | 'language' | 'sourceUrl' | 'people' | 'summary' | 'provenance'
>;

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
  passages: Passage[];
  themeTags: ThemeTag[];
}

export interface StageContext {
  corpusDir: string;
  taxonomy: Taxonomy;
  /** Hash of everything besides the file that changes the output (taxonomy, glossary, indexer version). */
  configHash: string;
  /** Fingerprints already in the index, by document id: preflight skips unchanged files. */
  indexed: ReadonlyMap<string, string>;
  pdfPool: PdfPool;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
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
    passages: [],
    themeTags: [],
  };
}
