/**
 * Indexing runs: the real CLI as a child process (its memory, PDF workers
 * included, sampled from /proc), and the engine's floor: the same records the
 * pipeline produced, loaded into fresh indexes with the same settings in big batches.
 */
import { spawn } from 'node:child_process';
import { Meilisearch, type Settings } from 'meilisearch';
import type { IndexSummary } from '../indexer/pipeline.js';
import { indexNames } from '../contract/settings.js';
import { IndexStore } from '../indexer/store.js';
import { INDEXER_V8_FLAGS } from '../indexer/v8-flags.js';
import { REPO_ROOT } from './generate.js';
import { sampleTreeMemory, type PeakBreakdown } from './proc.js';

export interface IndexerRun {
  wallMs: number;
  exitCode: number | null;
  summary: IndexSummary;
  /** The indexer and its extraction workers: summed RSS at the same instant (shared code counted in each process). */
  peakTreeRssBytes: number;
  /** The same tree's summed proportional set size (shared pages split between the processes). */
  peakTreePssBytes: number;
  /** The same tree's summed anonymous RSS (heaps and buffers). */
  peakTreeAnonBytes: number;
  /** The indexer's main process alone, without its extraction workers. */
  peakMainRssBytes: number;
  peakMainAnonBytes: number;
  /** Each process of the indexer's tree at the instant of its RSS peak. */
  atPeak: PeakBreakdown;
  /** Meilisearch's RSS: its own memory plus the pages of its memory-mapped database that are resident. */
  peakEngineRssBytes: number;
  /** Meilisearch's anonymous RSS: what it allocated, without the mapped database pages the kernel can drop. */
  peakEngineAnonBytes: number;
}

export interface EngineTarget {
  url: string;
  masterKey: string;
  prefix: string;
  dataDir: string;
  enginePid: number | undefined;
}

/** `node --import tsx indexer/cli.ts --corpus DIR --json` against the bench's engine. */
export async function runIndexer(corpusDir: string, target: EngineTarget, extraArgs: string[] = [], nodeArgs: string[] = []): Promise<IndexerRun> {
  const started = performance.now();
  // Started as `npm run index` starts it, with the indexer's V8 flags, but without tsx's wrapper process.
  const child = spawn(process.execPath, [...INDEXER_V8_FLAGS, ...nodeArgs, '--import', 'tsx', 'indexer/cli.ts', '--corpus', corpusDir, '--json', ...extraArgs], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      MEILI_URL: target.url,
      MEILI_MASTER_KEY: target.masterKey,
      INDEX_PREFIX: target.prefix,
      DATA_DIR: target.dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const indexerMemory = sampleTreeMemory(() => child.pid, 100, { pss: true });
  const engineMemory = sampleTreeMemory(() => target.enginePid, 250);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exitCode = await new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const wallMs = performance.now() - started;
  const memory = indexerMemory.stop();
  const engine = engineMemory.stop();
  const line = stdout.trim().split('\n').pop() ?? '';
  let summary: IndexSummary;
  try {
    summary = JSON.parse(line) as IndexSummary;
  } catch {
    throw new Error(`indexer exited ${exitCode} without a JSON summary:\n${stderr.slice(-3000)}`);
  }
  return {
    wallMs: Math.round(wallMs),
    exitCode,
    summary,
    peakTreeRssBytes: memory.peakBytes,
    peakTreePssBytes: memory.peakPssBytes,
    peakTreeAnonBytes: memory.peakAnonBytes,
    peakMainRssBytes: memory.peakRootBytes,
    peakMainAnonBytes: memory.peakRootAnonBytes,
    atPeak: memory.atPeak,
    peakEngineRssBytes: engine.peakBytes,
    peakEngineAnonBytes: engine.peakAnonBytes,
  };
}

const DUMP_PAGE = 1000;
/** Batches of about this many bytes of NDJSON: "big batches", as a bulk loader would send. */
const FLOOR_BATCH_BYTES = 32 * 1024 * 1024;

async function dumpNdjsonBatches(admin: Meilisearch, uid: string): Promise<{ batches: string[]; records: number }> {
  const index = admin.index(uid);
  const batches: string[] = [];
  let current: string[] = [];
  let size = 0;
  let records = 0;
  for (let offset = 0; ; offset += DUMP_PAGE) {
    const page = await index.getDocuments({ limit: DUMP_PAGE, offset });
    for (const record of page.results) {
      const line = JSON.stringify(record);
      current.push(line);
      size += line.length;
      records++;
      if (size >= FLOOR_BATCH_BYTES) {
        batches.push(current.join('\n'));
        current = [];
        size = 0;
      }
    }
    if (page.results.length < DUMP_PAGE) break;
  }
  if (current.length) batches.push(current.join('\n'));
  return { batches, records };
}

export interface EngineFloor {
  ms: number;
  documents: number;
  passages: number;
  batches: number;
  bytes: number;
}

/**
 * Times loading the live indexes' records into fresh indexes with the same settings,
 * all batches enqueued at once, until the last task succeeds. The dump is not timed.
 */
export async function engineFloor(admin: Meilisearch, prefix: string): Promise<EngineFloor> {
  const live = indexNames(prefix);
  const floorPrefix = `${prefix}floor`;
  const floor = new IndexStore(admin, floorPrefix);
  await floor.drop();
  const [documentSettings, passageSettings] = await Promise.all([
    admin.index(live.documents).getSettings(),
    admin.index(live.passages).getSettings(),
  ]);
  await floor.prepare(loadableSettings(documentSettings), loadableSettings(passageSettings));
  const documents = await dumpNdjsonBatches(admin, live.documents);
  const passages = await dumpNdjsonBatches(admin, live.passages);
  const bytes = [...documents.batches, ...passages.batches].reduce((n, b) => n + b.length, 0);

  const started = performance.now();
  const enqueued = [];
  for (const batch of passages.batches) enqueued.push(await floor.passages.addDocumentsFromString(batch, 'application/x-ndjson', { primaryKey: 'id' }));
  for (const batch of documents.batches) enqueued.push(await floor.documents.addDocumentsFromString(batch, 'application/x-ndjson', { primaryKey: 'id' }));
  for (const task of enqueued) await floor.wait(task);
  const ms = performance.now() - started;
  await floor.drop();
  return { ms: Math.round(ms), documents: documents.records, passages: passages.records, batches: enqueued.length, bytes };
}

/** Settings as read back, minus what cannot be written back unchanged (empty embedders and the like). */
function loadableSettings(settings: Settings): Settings {
  const copy: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(copy)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 && key === 'embedders') delete copy[key];
  }
  return copy as Settings;
}
