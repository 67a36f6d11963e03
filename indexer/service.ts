/**
 * The indexer as a service, for `npm start`: the one seam between the site and
 * ingestion. The server starts the engine and runs the indexer through this
 * module only; the pipeline itself (extractors, PDF and date libraries) is loaded
 * on the first run, after the server already listens.
 */
import type { Meilisearch } from 'meilisearch';
import { indexNames } from '../contract/settings.js';
import type { IndexSummary } from './pipeline.js';
import type { FetchSettings } from './sources/fetch.js';
import { summaryLines } from './summary.js';

export { ensureEngine, type Engine, type EngineStatus } from './engine/engine.js';
import type { Engine } from './engine/engine.js';

export interface IndexingState {
  /** This process indexes the corpus (on start-up or on changes). */
  enabled: boolean;
  /** An index run is in progress now. */
  running: boolean;
  /** Index runs finished (successfully or not) since start-up. */
  finishedRuns: number;
  /** The run in progress builds the collection from nothing (the indexes were missing or empty when it began). */
  building: boolean;
  /** Files the last finished run could not index, with the reason: they are in no search. */
  failed: { file: string; reason: string }[];
}

/** What the runner needs from the server's configuration. */
export interface IndexRunnerConfig {
  corpusDir: string;
  indexPrefix: string;
  /** Cache of sources fetched by URL (DATA_DIR/sources). */
  sourcesDir?: string;
  /** The indexer's state between runs (DATA_DIR/indexer). */
  stateDir?: string;
  /** How runs asked to fetch do it; without it no run fetches. */
  fetch?: FetchSettings;
}

/** The part of the server's (pino) logger the runner writes to. */
export interface RunnerLogger {
  info(obj: object | string, msg?: string, ...args: unknown[]): void;
  warn(msg: string): void;
  error(obj: object, msg: string): void;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs the indexer in the background; a change during a run schedules exactly one more run after it. */
export class IndexRunner {
  private current: Promise<void> | null = null;
  private again = false;
  private fetchWanted = false;
  private stopped = false;
  private finishedRuns = 0;
  private building = false;
  /** The summary of the last run that finished, for the start-up message. */
  lastSummary: IndexSummary | null = null;
  /** The last run failed as a whole (the engine was unreachable, say): run again when the engine is back. */
  private pending = false;

  constructor(
    private readonly config: IndexRunnerConfig,
    private readonly client: Meilisearch,
    private readonly logger: RunnerLogger,
    private readonly enabled: boolean,
  ) {}

  state(): IndexingState {
    return { enabled: this.enabled, running: this.current !== null, finishedRuns: this.finishedRuns, building: this.building, failed: this.lastSummary?.failed ?? [] };
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Runs the indexer; with `fetch`, the sources in sources.yml are checked over the network first. */
  run(options: { fetch?: boolean } = {}): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (options.fetch && this.config.fetch) this.fetchWanted = true;
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      do {
        this.again = false;
        const fetch = this.fetchWanted ? this.config.fetch : undefined;
        this.fetchWanted = false;
        try {
          if (this.finishedRuns === 0) this.building = await this.collectionEmpty();
          this.logger.info(this.building ? 'Indexing %s: building the collection, not ready until this run ends' : 'Indexing %s', this.config.corpusDir);
          const { runIndex } = await import('./pipeline.js');
          this.report(
            await runIndex({
              corpusDir: this.config.corpusDir,
              client: this.client,
              prefix: this.config.indexPrefix,
              ...(this.config.sourcesDir ? { sourcesDir: this.config.sourcesDir } : {}),
              ...(this.config.stateDir ? { stateDir: this.config.stateDir } : {}),
              ...(fetch ? { fetch } : {}),
            }),
          );
          this.pending = false;
        } catch (err) {
          // After a stop signal the engine may go away under a run: that is expected, not a failure.
          if (!this.stopped) {
            this.pending = true;
            this.logger.error({ err: message(err) }, `Indexing failed: ${message(err)}`);
          }
        }
        this.finishedRuns++;
        this.building = false;
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  /**
   * A managed engine restarted after an unexpected exit: a run that failed meanwhile (or
   * is failing now, against the dead engine) is run again, so no change is lost.
   */
  followEngine(engine: Pick<Engine, 'onRestart'>): void {
    engine.onRestart(() => {
      if (!this.enabled || this.stopped || !(this.pending || this.running)) return;
      this.logger.info('Meilisearch is back: running the index run that failed while it was down');
      void this.run();
    });
  }

  /** The documents index is missing or holds nothing. */
  private async collectionEmpty(): Promise<boolean> {
    try {
      const stats = await this.client.index(indexNames(this.config.indexPrefix).documents).getStats();
      return stats.numberOfDocuments === 0;
    } catch {
      return true;
    }
  }

  /** No further runs. A run in progress is left to stop with the process: runs are crash-safe. */
  stop(): void {
    this.stopped = true;
  }

  private report(summary: IndexSummary): void {
    this.lastSummary = summary;
    const [line, ...details] = summaryLines(summary);
    this.logger.info(
      {
        index: {
          indexed: summary.indexed,
          unchanged: summary.unchanged,
          removed: summary.removed,
          failed: summary.failed,
          needsOcr: summary.needsOcr,
          warnings: summary.warnings,
          undated: summary.undated,
          ...(summary.boilerplateUpdated ? { boilerplateUpdated: summary.boilerplateUpdated } : {}),
          documents: summary.documents,
          passages: summary.passages,
          durationMs: summary.durationMs,
          ...(summary.fetch ? { fetch: summary.fetch } : {}),
        },
      },
      `Index: ${line}`,
    );
    for (const detail of details) this.logger.warn(detail.trim());
  }
}

/** What the collection holds after a run, in one line: "34 documents, 2 need OCR, 1 failed". */
export function collectionLine(summary: IndexSummary): string {
  const parts = [`${summary.documents} document${summary.documents === 1 ? '' : 's'}`];
  if (summary.needsOcr.length) parts.push(`${summary.needsOcr.length} need${summary.needsOcr.length === 1 ? 's' : ''} OCR`);
  if (summary.failed.length) parts.push(`${summary.failed.length} failed`);
  return parts.join(', ');
}
