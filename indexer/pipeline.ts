/**
 * The ingestion pipeline: discover, then for each document the ordered stages
 * below, then publish. A stage stops one document with a reason and the run
 * goes on; only an unusable index or configuration stops the whole run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import pLimit from 'p-limit';
import { ExtractionPool } from './extractors/pool.js';
import { ocrConfig, type OcrConfig } from '../contract/env.js';
import { trainedDataFile } from './extractors/pdf/ocr.js';
import { documentSettings, passageSettings } from '../contract/settings.js';
import { glossarySynonyms, loadGlossaryFile, loadTaxonomy, type GlossaryEntry } from '../contract/taxonomy.js';
import { discover, sourceFile } from './stages/discover.js';
import { extractStage } from './stages/extract.js';
import { metadataStage } from './stages/metadata.js';
import { passagesStage } from './stages/passages.js';
import { preflightStage } from './stages/preflight.js';
import { Publisher } from './stages/publish.js';
import { newJob, type Job, type SourceFile, type Stage, type StageContext, type StageOutcome } from './stages/stage.js';
import { themesStage } from './stages/themes.js';
import { acronymsStage } from './stages/acronyms.js';
import { boilerplateStage } from './stages/boilerplate.js';
import { BoilerplateCollection, boilerplateStateFile } from './boilerplate.js';
import { IndexStore } from './store.js';
import type { FetchSettings, FetchSummary, SourceOutcome } from './sources/fetch.js';
import { prepareSources } from './sources/stage.js';

/** The per-document stages, in order. */
export const DOCUMENT_STAGES: readonly Stage[] = [preflightStage, extractStage, metadataStage, boilerplateStage, passagesStage, themesStage, acronymsStage];

/** Bumped when a change to the stages alters their output, so every document is re-indexed once. */
export const PIPELINE_VERSION = '14';

export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

export type FileOutcome = 'indexed' | 'needs-ocr' | 'unchanged' | 'failed';
export type { SourceOutcome };

export interface Reporter {
  start(total: number): void;
  /** Called as each file finishes, in completion order. */
  file(relativePath: string, outcome: FileOutcome, reason?: string): void;
  finish(): void;
  /** Called as each source listed in sources.yml is checked, before any file (runs with fetch only). */
  source?(url: string, outcome: SourceOutcome, reason?: string): void;
}

export interface IndexOptions {
  corpusDir: string;
  /** A client with the master key: the indexer writes. */
  client: Meilisearch;
  prefix: string;
  /** Build new indexes and swap them in atomically. */
  rebuild?: boolean;
  reporter?: Reporter;
  maxFileBytes?: number;
  /** Documents processed at once; extraction is further bounded by the worker pool. */
  concurrency?: number;
  /** Documents per write batch: smaller batches use less memory and show progress in the index sooner. */
  batchDocuments?: number;
  /** The extraction worker pool (every format): workers, and each file's time and memory limits. */
  extraction?: { workers?: number; timeoutMs?: number; memoryMb?: number };
  /** Cache of sources fetched by URL (DATA_DIR/sources): read as a second root when the corpus has sources.yml. */
  sourcesDir?: string;
  /** Check the sources in sources.yml over the network before discover; without it the cache is used as it is. */
  fetch?: FetchSettings;
  /** OCR of PDF pages without a text layer; null turns it off (default: from OCR, OCR_LANGUAGES, OCR_MIN_CONFIDENCE). */
  ocr?: OcrConfig | null;
  /**
   * The indexer's state folder (DATA_DIR/indexer): the fingerprints of every document's blocks, which
   * tell text repeated across a source. Without it, repeated text is found only among the documents a
   * run reads, and a document indexed earlier is never compared again.
   */
  stateDir?: string;
}

export interface IndexSummary {
  indexed: number;
  unchanged: number;
  removed: number;
  needsOcr: string[];
  failed: { file: string; reason: string }[];
  /** Files indexed with problems a reader should know about (an empty front-matter date, a page that failed). */
  warnings: { file: string; warnings: string[] }[];
  /** Files indexed without a date: nothing in them or their metadata gave one. */
  undated: string[];
  /** Documents indexed before and unchanged, read again because the text their source repeats changed. */
  boilerplateUpdated?: number;
  /** Records in the live indexes after the run. */
  documents: number;
  passages: number;
  durationMs: number;
  /** The fetch stage's outcome, when the run fetched. */
  fetch?: FetchSummary;
}

export class FatalIndexError extends Error {
  override name = 'FatalIndexError';
}

export async function runIndex(options: IndexOptions): Promise<IndexSummary> {
  const started = Date.now();
  const corpusDir = resolve(options.corpusDir);
  if (!existsSync(corpusDir)) throw new FatalIndexError(`corpus folder ${corpusDir} does not exist`);
  const config = loadConfig(corpusDir);
  const ocr = options.ocr === undefined ? ocrConfig() : options.ocr;
  // A missing language stops the run at once rather than failing every scanned page.
  for (const language of ocr?.languages ?? []) {
    try {
      trainedDataFile(language);
    } catch (error) {
      throw new FatalIndexError(`OCR_LANGUAGES: ${(error as Error).message}`);
    }
  }
  const live = new IndexStore(options.client, options.prefix);
  const target = options.rebuild ? live.rebuildTarget() : live;
  const settings = indexSettings(config.glossary, config.synonymGroups);

  if (options.rebuild) await target.drop();
  await target.prepare(settings.documents, settings.passages);
  const onSource = options.reporter?.source?.bind(options.reporter);
  const sources = options.sourcesDir ? await prepareSources(corpusDir, resolve(options.sourcesDir), options.fetch, onSource) : null;
  const [versions, withPassages, discovery] = await Promise.all([
    target.indexedVersions(),
    target.passageDocumentIds(),
    discover(corpusDir, { sourcesDir: sources?.cacheDir ?? undefined }),
  ]);
  const indexed = versions.fingerprints;
  const boilerplate = BoilerplateCollection.load(options.stateDir ? boilerplateStateFile(resolve(options.stateDir), options.prefix) : null);
  boilerplate.retain(new Set(discovery.files.map((f) => f.id)));
  boilerplate.setIndexed(versions.boilerplate);

  const summary: IndexSummary = {
    indexed: 0,
    unchanged: 0,
    removed: 0,
    needsOcr: [],
    failed: [...(sources?.error ? [sources.error] : []), ...discovery.rejected],
    warnings: [],
    undated: [],
    boilerplateUpdated: 0,
    documents: 0,
    passages: 0,
    durationMs: 0,
    ...(sources?.fetch ? { fetch: sources.fetch } : {}),
  };
  const reporter = options.reporter;
  reporter?.start(discovery.files.length);
  for (const rejected of discovery.rejected) reporter?.file(rejected.file, 'failed', rejected.reason);

  const pool = newPool(options, ocr);
  const ctx: StageContext = {
    corpusDir,
    taxonomy: config.taxonomy,
    glossary: config.glossary,
    // Turning OCR on or off, or changing its languages, changes what scanned files give.
    configHash: ocr === null ? config.hash : createHash('sha256').update(`${config.hash}\nocr:${JSON.stringify(ocr)}`).digest('hex'),
    // A document is unchanged only when the fingerprints of its blocks are known too (the state file may be new or lost).
    indexed: new Map([...indexed].filter(([id, fingerprint]) => boilerplate.knows(id, fingerprint))),
    pool,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    boilerplate,
  };
  const publisher = new Publisher(target, new Date().toISOString(), options.batchDocuments);
  const limit = pLimit(options.concurrency ?? Math.max(2, availableParallelism() * 2));

  try {
    await Promise.all(
      discovery.files.map((file) =>
        limit(async () => {
          const { job, outcome } = await processFile(file, ctx);
          if (outcome?.stop === 'unchanged') {
            summary.unchanged++;
            reporter?.file(file.relativePath, 'unchanged');
            return;
          }
          if (outcome) {
            // Its older version, if indexed, stays as it was; what it carries no longer counts.
            boilerplate.delete(file.id);
            summary.failed.push({ file: file.relativePath, reason: outcome.reason });
            reporter?.file(file.relativePath, 'failed', outcome.reason);
            return;
          }
          const existed = indexed.has(file.id) || withPassages.has(file.id);
          await publisher.add(job, existed);
          summary.indexed++;
          const needsOcr = job.extracted?.needsOcr ?? false;
          if (needsOcr) summary.needsOcr.push(file.relativePath);
          const warnings = [...(job.extracted?.warnings ?? []), ...(job.metadata?.warnings ?? [])];
          if (warnings.length > 0) summary.warnings.push({ file: file.relativePath, warnings });
          if (!job.metadata?.date) summary.undated.push(file.relativePath);
          reporter?.file(file.relativePath, needsOcr ? 'needs-ocr' : 'indexed');
          boilerplate.saveIfDue();
        }),
      ),
    );
    await publisher.close();
    summary.boilerplateUpdated = await redoOutdated(discovery.files, boilerplate, ctx, publisher, limit);

    // Files gone from the corpus: their records go, including passages of a document whose record was never written.
    const present = new Set(discovery.files.map((f) => f.id));
    const gone = [...new Set([...indexed.keys(), ...withPassages])].filter((id) => !present.has(id));
    await target.remove(gone);
    summary.removed = gone.length;

    if (options.rebuild) {
      await live.prepare(settings.documents, settings.passages);
      await live.swapIn(target);
      await target.drop();
    }
  } finally {
    limit.clearQueue();
    // Safe whatever happened: a document whose record was not written is read again next run.
    boilerplate.save();
    await pool.close();
    reporter?.finish();
  }

  Object.assign(summary, await live.counts());
  summary.failed.sort((a, b) => (a.file < b.file ? -1 : 1));
  summary.needsOcr.sort();
  summary.warnings.sort((a, b) => (a.file < b.file ? -1 : 1));
  summary.undated.sort();
  summary.durationMs = Date.now() - started;
  return summary;
}

/**
 * The documents whose records no longer match what their source repeats (a document read in
 * this run made one of their paragraphs boilerplate, or stopped it being so) are read again
 * and rewritten, in the same run: the counts are final now, so one pass settles them.
 */
async function redoOutdated(
  files: readonly SourceFile[],
  boilerplate: BoilerplateCollection,
  ctx: StageContext,
  publisher: Publisher,
  limit: ReturnType<typeof pLimit>,
): Promise<number> {
  const outdated = new Set(boilerplate.outdated());
  if (outdated.size === 0) {
    boilerplate.reconciled();
    return 0;
  }
  // Nothing counts as unchanged here: these files are unchanged by definition.
  const again: StageContext = { ...ctx, indexed: new Map() };
  let redone = 0;
  await Promise.all(
    files
      .filter((file) => outdated.has(file.id))
      .map((file) =>
        limit(async () => {
          const { job, outcome } = await processFile(file, again);
          // A file that fails now (changed or gone since) keeps its record; the next run tries again.
          if (outcome) {
            boilerplate.delete(file.id);
            return;
          }
          await publisher.add(job, true);
          redone++;
        }),
      ),
  );
  await publisher.close();
  boilerplate.reconciled();
  return redone;
}

/** Runs the per-document stages on one file; unexpected errors stop only this file. */
export async function processFile(file: SourceFile, ctx: StageContext): Promise<{ job: Job; outcome: StageOutcome | null }> {
  const job = newJob(file);
  for (const stage of DOCUMENT_STAGES) {
    try {
      const outcome = await stage.run(job, ctx);
      if (outcome) return { job, outcome };
    } catch (err) {
      return { job, outcome: { stop: 'failed', reason: `${stage.name}: ${(err as Error).message}` } };
    }
  }
  return { job, outcome: null };
}

/** Every stage but publish, on one file: what --explain prints. */
export async function explainFile(
  corpusDir: string,
  path: string,
  options: Pick<IndexOptions, 'extraction' | 'maxFileBytes' | 'ocr'> & {
    /** The name and id the file has in the collection, when it is explained from elsewhere (a fetched copy). */
    as?: { relativePath: string; id: string };
    /** The state file of the collection the file is compared with for repeated text (read, never written). */
    boilerplateState?: string;
  } = {},
) {
  const root = resolve(corpusDir);
  const found = sourceFile(root, resolve(path));
  // A file explained from outside the corpus (a fetched copy, a file elsewhere) is read as if its folder were the corpus.
  const outside = relative(root, resolve(path)).startsWith('..');
  const file = found && { ...found, ...options.as, ...(outside ? { root: dirname(found.path) } : {}) };
  if (!file) throw new FatalIndexError(`${path}: not a format Entente reads (.pdf .md .markdown .txt .html .htm)`);
  if (!existsSync(file.path)) throw new FatalIndexError(`${path}: no such file`);
  const config = loadConfig(root);
  const pool = newPool({ extraction: { workers: 1, ...options.extraction } }, options.ocr === undefined ? ocrConfig() : options.ocr);
  try {
    return await processFile(file, {
      corpusDir: root,
      taxonomy: config.taxonomy,
      glossary: config.glossary,
      configHash: config.hash,
      indexed: new Map(),
      pool,
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      boilerplate: BoilerplateCollection.load(options.boilerplateState ?? null),
    });
  } finally {
    await pool.close();
  }
}

function newPool(options: Pick<IndexOptions, 'extraction'>, ocr: OcrConfig | null): ExtractionPool {
  return new ExtractionPool({ size: options.extraction?.workers, timeoutMs: options.extraction?.timeoutMs, memoryMb: options.extraction?.memoryMb, ocr });
}

interface CorpusConfig {
  taxonomy: ReturnType<typeof loadTaxonomy>;
  glossary: GlossaryEntry[];
  /** The glossary's groups of words meaning the same (search synonyms only). */
  synonymGroups: string[][];
  /** Changes whenever the taxonomy, the glossary or the pipeline changes what records contain. */
  hash: string;
}

function loadConfig(corpusDir: string): CorpusConfig {
  const glossary = loadGlossaryFile(corpusDir);
  const read = (name: string) => {
    const file = join(corpusDir, name);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  return {
    taxonomy: loadTaxonomy(corpusDir),
    glossary: glossary.terms,
    synonymGroups: glossary.synonyms,
    // The glossary decides which acronyms each record carries: editing it re-indexes, as editing themes.yml does.
    hash: createHash('sha256').update(`${PIPELINE_VERSION}\n${read('themes.yml')}\n${read('glossary.yml')}`).digest('hex'),
  };
}

function indexSettings(glossary: GlossaryEntry[], groups: readonly string[][]) {
  const synonyms = glossarySynonyms(glossary, groups);
  const acronyms = glossary.map((g) => g.acronym);
  return { documents: documentSettings(synonyms, acronyms), passages: passageSettings(synonyms, acronyms) };
}
