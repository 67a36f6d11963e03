/**
 * Start-up: configuration -> Meilisearch (managed or MEILI_URL) -> incremental
 * index of the corpus -> a search-only key -> the app, listening. The corpus is
 * watched so added, changed and removed files are picked up within seconds.
 */
import type { Server } from 'node:http';
import { watch, type FSWatcher } from 'chokidar';
import { Meilisearch } from 'meilisearch';
import { ensureEngine, type Engine } from '../indexer/engine/engine.js';
import { runIndex, type IndexSummary } from '../indexer/pipeline.js';
import { createApp } from './app.js';
import { ConfigurationError, loadConfig, type Config } from './config.js';
import { obtainSearchKey } from './search/meili.js';

const log = (line: string) => console.log(`[entente] ${line}`);

function describe(summary: IndexSummary): string {
  const parts = [
    `${summary.indexed} indexed`,
    `${summary.unchanged} unchanged`,
    `${summary.removed} removed`,
  ];
  if (summary.needsOcr.length) parts.push(`${summary.needsOcr.length} need OCR`);
  if (summary.failed.length) parts.push(`${summary.failed.length} failed (${summary.failed.map((f) => `${f.file}: ${f.reason}`).join('; ')})`);
  return `Index: ${parts.join(', ')}; ${summary.documents} documents, ${summary.passages} passages (${(summary.durationMs / 1000).toFixed(1)} s)`;
}

/** Runs the indexer; a change during a run schedules exactly one more run after it. */
function indexRunner(config: Config, client: Meilisearch) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          log(describe(await runIndex({ corpusDir: config.corpusDir, client, prefix: config.indexPrefix })));
        } catch (err) {
          log(`Indexing failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  return run;
}

function watchCorpus(config: Config, reindex: () => Promise<void>): FSWatcher {
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(config.corpusDir, {
    ignoreInitial: true,
    ignored: (path) => /(^|[/\\])\../.test(path.slice(config.corpusDir.length)),
    awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
  });
  watcher.on('all', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void reindex(), 500);
  });
  watcher.on('error', (err) => log(`Watching ${config.corpusDir} failed: ${err instanceof Error ? err.message : String(err)}`));
  return watcher;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigurationError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const engine: Engine = await ensureEngine({ dataDir: config.dataDir, meiliUrl: config.meiliUrl, masterKey: config.masterKey, log });
  const admin = new Meilisearch({ host: engine.url, ...(engine.masterKey ? { apiKey: engine.masterKey } : {}) });
  const reindex = indexRunner(config, admin);
  await reindex();

  const searchKey = await obtainSearchKey(engine.url, engine.masterKey, config.indexPrefix);
  const app = createApp({
    search: { url: engine.url, searchKey, indexPrefix: config.indexPrefix },
    corpusDir: config.corpusDir,
    production: config.production,
    log,
  });
  const server: Server = app.listen(config.port, config.host, () => {
    log(`Serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
  });
  server.on('error', async (err) => {
    log(`Cannot listen on ${config.host}:${config.port}: ${err.message}`);
    await engine.stop();
    process.exit(1);
  });
  const watcher = watchCorpus(config, reindex);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    server.close();
    server.closeIdleConnections();
    await watcher.close();
    await engine.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
