/**
 * Start-up: configuration -> Meilisearch (managed or MEILI_URL) -> a search-only
 * key -> listen at once -> an incremental index of the corpus in the background
 * -> watch the corpus, so added, changed and removed files are picked up within
 * seconds. /healthz answers as soon as the server listens; /readyz once the
 * indexes exist (and, on a first start, once the first run has filled them).
 *
 * INDEX_ON_START=false and WATCH=false make a serve-only instance, for several
 * instances sharing one index written by a separate indexer job.
 *
 * SIGINT/SIGTERM: stop accepting connections, let requests in flight finish
 * (up to SHUTDOWN_GRACE_MS), stop watching, stop a managed Meilisearch, exit 0.
 * A second signal exits at once.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { Meilisearch } from 'meilisearch';
import { collectionLine, ensureEngine, IndexRunner, type Engine } from '../indexer/service.js';
import { SOURCES_FILE, indexerStateDir, sourcesCacheDir } from '../contract/paths.js';
import { ConfigurationError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';

// The app and the indexer are imported when needed (see start()): the app while the
// engine starts, the indexer (extractors, PDF and date libraries) after the server
// listens. Loading them up front would delay the first answered request by seconds.

/** When, after the first index run, the citation styles are compiled. */
const CITATION_WARM_UP_DELAY_MS = 2_000;

/** How long requests in flight may take to finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function watchCorpus(config: Config, reindex: (sourcesChanged: boolean) => Promise<void>, logger: Logger): Promise<FSWatcher> {
  const { watch } = await import('chokidar');
  let timer: NodeJS.Timeout | null = null;
  let sourcesChanged = false;
  const watcher = watch(config.corpusDir, {
    ignoreInitial: true,
    ignored: (path) => /(^|[/\\])\../.test(path.slice(config.corpusDir.length)),
    awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
  });
  watcher.on('all', (_event, path) => {
    // An edited sources.yml may list new URLs: that run fetches them.
    if (path === join(config.corpusDir, SOURCES_FILE)) sourcesChanged = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void reindex(sourcesChanged);
      sourcesChanged = false;
    }, 500);
  });
  watcher.on('error', (err) => logger.error({ err: message(err) }, `Watching ${config.corpusDir} failed: ${message(err)}`));
  watcher.on('ready', () => logger.info('Watching %s for changes', config.corpusDir));
  return watcher;
}

/** Stops accepting connections and resolves when the requests in flight have finished, or after `graceMs`. */
function closeServer(server: Server, graceMs: number, logger: Logger): Promise<void> {
  return new Promise((done) => {
    // Keep-alive connections with no request in flight would hold close() open.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      logger.warn(`Requests still running after ${graceMs / 1000} s: closing their connections`);
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      done();
    });
    server.closeIdleConnections();
  });
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => {
      server.off('error', fail);
      done();
    });
  });
}

/** What a stop signal has to wind down; filled in as start-up proceeds. */
interface Running {
  engine: Engine | null;
  server: Server | null;
  watcher: FSWatcher | null;
  indexer: IndexRunner | null;
  fetchTimer: NodeJS.Timeout | null;
  stopping: boolean;
}

async function start(config: Config, logger: Logger, running: Running): Promise<void> {
  const [engine, { createApp }, { obtainSearchKey }] = await Promise.all([
    ensureEngine({
      dataDir: config.dataDir,
      meiliUrl: config.meiliUrl,
      masterKey: config.meiliMasterKey,
      log: (line, level = 'info') => logger[level](line),
    }).then((started) => (running.engine = started)),
    import('./app.js'),
    import('./search/meili.js'),
  ]);
  if (running.stopping) return;
  const searchKey = await obtainSearchKey(engine.url, engine.masterKey, config.indexPrefix);
  const admin = new Meilisearch({ host: engine.url, ...(engine.masterKey ? { apiKey: engine.masterKey } : {}) });
  const fetching = config.fetch.intervalMs > 0;
  const indexer = new IndexRunner(
    { ...config, sourcesDir: sourcesCacheDir(config.dataDir), stateDir: indexerStateDir(config.dataDir), ...(fetching ? { fetch: config.fetch } : {}) },
    admin,
    logger,
    config.indexOnStart || config.watch,
  );
  indexer.followEngine(engine);
  running.indexer = indexer;

  const app = createApp({
    search: { url: engine.url, searchKey, indexPrefix: config.indexPrefix },
    corpusDir: config.corpusDir,
    sourcesDir: sourcesCacheDir(config.dataDir),
    production: config.production,
    logger,
    baseUrl: config.baseUrl,
    allowedHosts: config.allowedHosts,
    indexing: () => indexer.state(),
    engine: () => engine.status(),
  });
  const server = createServer(app);
  running.server = server;
  if (running.stopping) return;
  try {
    await listen(server, config);
  } catch (err) {
    throw new Error(`cannot listen on ${config.host}:${config.port}: ${message(err)}`);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const listening = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info(`Serving ${listening}`);
  // Where readers find the site: the public origin when one is configured.
  const siteUrl = config.baseUrl ?? listening;

  const firstRun = config.indexOnStart ? indexer.run() : Promise.resolve();
  // The first run indexes what is on disk (the corpus and the copies already fetched), so the
  // site is ready without waiting for the network; the sources are checked right after it.
  if (fetching && config.indexOnStart) void firstRun.then(() => indexer.run({ fetch: true }));
  if (fetching && (config.indexOnStart || config.watch)) {
    // setInterval holds at most about 24 days.
    running.fetchTimer = setInterval(() => void indexer.run({ fetch: true }), Math.min(config.fetch.intervalMs, 2 ** 31 - 1));
    running.fetchTimer.unref();
  }
  if (config.watch) {
    running.watcher = await watchCorpus(config, (sourcesChanged) => indexer.run({ fetch: sourcesChanged }), logger);
    if (running.stopping) await running.watcher.close();
  }
  if (!config.indexOnStart && !config.watch) logger.info('INDEX_ON_START=false and WATCH=false: serving only; the indexes are written elsewhere');

  // Compiling the citation styles blocks for a few seconds: do it after the first
  // index run, so neither that run nor the first reader's document page waits for it.
  void firstRun.then(() => {
    const summary = indexer.lastSummary;
    if (!summary || running.stopping) return;
    const problems = summary.failed.length || summary.needsOcr.length ? ` (see ${siteUrl}/about)` : '';
    logger.info(`Ready: ${siteUrl} holds ${collectionLine(summary)}${problems}`);
  });
  void firstRun.finally(() => {
    setTimeout(() => {
      void import('./citation/index.js').then(({ warmUpCitationStyles }) => warmUpCitationStyles());
    }, CITATION_WARM_UP_DELAY_MS).unref();
  });
}

async function stop(signal: NodeJS.Signals, logger: Logger, running: Running): Promise<void> {
  logger.info(`${signal}: stopping; requests in flight have up to ${SHUTDOWN_GRACE_MS / 1000} s to finish`);
  running.indexer?.stop();
  if (running.fetchTimer) clearInterval(running.fetchTimer);
  await running.watcher?.close();
  if (running.server?.listening) await closeServer(running.server, SHUTDOWN_GRACE_MS, logger);
  if (running.indexer?.running) {
    logger.info('An index run was in progress: it stops here and the next run picks up the remaining files (index runs are crash-safe)');
  }
  await running.engine?.stop();
  logger.info('Stopped');
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
  const logger = createLogger({ production: config.production, level: config.logLevel });
  const running: Running = { engine: null, server: null, watcher: null, indexer: null, fetchTimer: null, stopping: false };

  const onSignal = (signal: NodeJS.Signals) => {
    if (running.stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    running.stopping = true;
    stop(signal, logger, running).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: message(err) }, `Stopping failed: ${message(err)}`);
        process.exit(1);
      },
    );
  };
  // Registered before the engine starts, so a signal during start-up still stops a managed engine.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    await start(config, logger, running);
  } catch (err) {
    if (running.stopping) return;
    logger.fatal({ err: message(err) }, `Start-up failed: ${message(err)}`);
    await running.engine?.stop();
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(`Start-up failed: ${message(err)}`);
  process.exit(1);
});
