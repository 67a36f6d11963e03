/**
 * Extraction, of every format, in a pool of child processes, so that one hostile file
 * cannot hang or kill the run, nor block the web server that runs the indexer (100,000
 * nested <div>s take minutes to parse). Each file gets a wall-time limit and a memory
 * limit; a worker past either is killed, its file fails with the reason, and a fresh
 * worker takes the next file.
 *
 * Memory is watched as the worker's resident set size (/proc/<pid>/status VmRSS), not
 * only the V8 heap: pdf.js decodes images and streams into typed arrays outside the heap
 * (a JBIG2 bomb reaches 8 GB that way), which --max-old-space-size does not bound.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Format } from '../../contract/document.js';
import type { Extracted } from '../../contract/extracted.js';
import { ExtractionError } from '../../contract/extracted.js';
import type { ExtractRequest, WorkerMessage } from './protocol.js';
import { INDEXER_V8_FLAGS } from '../v8-flags.js';

/** A worker whose memory ends a file above this share of the limit is replaced: pdf.js caches grow. */
const RECYCLE_SHARE = 0.4;

export interface ExtractionPoolOptions {
  /** Concurrent worker processes. */
  size: number;
  /** Wall-time limit per file, in milliseconds. */
  timeoutMs: number;
  /** Resident-memory limit per worker, in MiB. */
  memoryMb: number;
  /** How often worker memory is sampled, in milliseconds. */
  pollMs: number;
  /** OCR of pages without a text layer (default null: off). */
  ocr: { languages: string[]; minConfidence: number } | null;
}

export interface ExtractionPoolStats {
  /** Highest resident set size seen in any one worker, in bytes (0 where /proc is missing). */
  peakWorkerRssBytes: number;
  /** Highest sum of all workers' resident set sizes seen at one sample, in bytes. */
  peakTotalRssBytes: number;
  workersStarted: number;
  killedForTime: number;
  killedForMemory: number;
  crashed: number;
}

/**
 * The one set of defaults (the indexer passes only what its caller set). Two
 * workers at most: the main process parses, tags and writes alongside them.
 */
export const DEFAULT_POOL_OPTIONS: ExtractionPoolOptions = {
  size: Math.min(2, os.availableParallelism()),
  timeoutMs: 60_000,
  memoryMb: 640,
  pollMs: 50,
  ocr: null,
};

/** Share of the time limit a file may spend before OCR stops, so its text so far is kept rather than killed. */
const OCR_BUDGET_SHARE = 0.75;

// Under tsx (development, tests) this file is .ts and the worker must be loaded through
// tsx's loader too; compiled into dist/ both are plain .js siblings. pdf.js (3 MB of
// JavaScript) is imported before tsx registers: through tsx's transform it costs ~400 MB
// more memory and 2 s more start-up per worker, and Node's module cache then serves it.
const RUNNING_TYPESCRIPT = import.meta.url.endsWith('.ts');
const WORKER_PATH = fileURLToPath(new URL(RUNNING_TYPESCRIPT ? './worker.ts' : './worker.js', import.meta.url));
const LOADER_ARGS = RUNNING_TYPESCRIPT
  ? [
      '--import',
      import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'),
      '--import',
      import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'),
      '--import',
      import.meta.resolve('tsx'),
    ]
  : [];

/** Resident set size of a process in bytes, or null where /proc cannot tell. */
function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface Task {
  id: number;
  format: Format;
  data: Uint8Array | undefined;
  path: string | undefined;
  password: string | undefined;
  resolve: (extracted: Extracted) => void;
  reject: (error: Error) => void;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Set when the pool kills the worker, so its exit reports why. */
  killReason: string | null;
  stderrTail: string;
  rssBytes: number;
}

export class ExtractionPool {
  readonly options: ExtractionPoolOptions;
  private readonly workers = new Set<Worker>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly poller: NodeJS.Timeout;
  private readonly stats: ExtractionPoolStats = {
    peakWorkerRssBytes: 0,
    peakTotalRssBytes: 0,
    workersStarted: 0,
    killedForTime: 0,
    killedForMemory: 0,
    crashed: 0,
  };
  // A parent that exits without close() still takes its workers with it.
  private readonly killAllOnExit = (): void => {
    for (const worker of this.workers) worker.child.kill('SIGKILL');
  };

  constructor(options: Partial<ExtractionPoolOptions> = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    this.options = { ...DEFAULT_POOL_OPTIONS, ...defined };
    if (!(this.options.size >= 1)) throw new RangeError('ExtractionPool size must be at least 1');
    this.poller = setInterval(() => this.sampleMemory(), this.options.pollMs);
    this.poller.unref();
    process.on('exit', this.killAllOnExit);
  }

  /** Extracts one PDF read by the worker from `absPath`; rejects with an ExtractionError whose message is the reason. */
  extract(absPath: string, password?: string): Promise<Extracted> {
    return this.submit('pdf', undefined, absPath, password);
  }

  /** Extracts a file of any format from its bytes (text formats: decoded to UTF-8 by preflight). */
  extractData(format: Format, data: Uint8Array, password?: string): Promise<Extracted> {
    return this.submit(format, data, undefined, password);
  }

  private submit(format: Format, data: Uint8Array | undefined, path: string | undefined, password: string | undefined): Promise<Extracted> {
    if (this.closed) return Promise.reject(new ExtractionError('extraction pool is closed'));
    return new Promise<Extracted>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, format, data, path, password, resolve, reject });
      this.dispatch();
    });
  }

  /** Process ids of the live workers. */
  get pids(): number[] {
    return [...this.workers].flatMap((worker) => (worker.child.pid === undefined ? [] : [worker.child.pid]));
  }

  getStats(): Readonly<ExtractionPoolStats> {
    return { ...this.stats };
  }

  /** Stops every worker; queued and running extractions fail. Leaves no child process behind. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.poller);
    process.off('exit', this.killAllOnExit);
    for (const task of this.queue.splice(0)) task.reject(new ExtractionError('extraction pool closed'));
    const exits = [...this.workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
          worker.child.once('exit', () => resolve());
          // An idle worker is unref'd; without this the parent could exit before the 'exit' event.
          worker.child.ref();
          this.kill(worker, 'extraction pool closed');
        }),
    );
    await Promise.all(exits);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.workers].find((worker) => worker.ready && worker.task === null && worker.killReason === null);
      if (idle) {
        this.assign(idle, this.queue.shift()!);
        continue;
      }
      const starting = [...this.workers].filter((worker) => !worker.ready).length;
      // Workers still starting will take queued tasks when they report ready.
      if (this.workers.size < this.options.size && starting < this.queue.length) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    // The V8 heap limit sits below the RSS limit so that runaway JavaScript fails inside
    // the worker first; typed arrays outside the heap are caught by the RSS poll.
    const heapMb = Math.max(64, Math.floor(this.options.memoryMb * 0.75));
    const child = fork(WORKER_PATH, [], {
      execArgv: [...LOADER_ARGS, ...INDEXER_V8_FLAGS, `--max-old-space-size=${heapMb}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const worker: Worker = { child, ready: false, task: null, timer: null, killReason: null, stderrTail: '', rssBytes: 0 };
    this.workers.add(worker);
    this.stats.workersStarted++;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      worker.stderrTail = (worker.stderrTail + chunk).slice(-4000);
    });
    child.on('message', (message: WorkerMessage) => this.onMessage(worker, message));
    child.on('error', (error) => {
      worker.killReason ??= `extraction worker could not run: ${error.message}`;
      child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => this.onExit(worker, code, signal));
  }

  private assign(worker: Worker, task: Task): void {
    worker.task = task;
    worker.child.ref();
    worker.child.channel?.ref();
    worker.timer = setTimeout(() => {
      this.stats.killedForTime++;
      this.kill(worker, `timed out after ${formatSeconds(this.options.timeoutMs)}`);
    }, this.options.timeoutMs);
    const request: ExtractRequest = { type: 'extract', id: task.id, format: task.format };
    if (task.data !== undefined) request.data = task.data;
    if (task.path !== undefined) request.path = task.path;
    if (task.password !== undefined) request.password = task.password;
    if (this.options.ocr && task.format === 'pdf') request.ocr = { ...this.options.ocr, budgetMs: Math.floor(this.options.timeoutMs * OCR_BUDGET_SHARE) };
    // The queued copy of the bytes is no longer needed once sent.
    task.data = undefined;
    worker.child.send(request);
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    if (message.type === 'ready') {
      worker.ready = true;
      this.release(worker);
      this.dispatch();
      return;
    }
    const task = worker.task;
    if (!task || message.id !== task.id || worker.killReason !== null) return;
    this.finishTask(worker);
    if (message.ok) task.resolve(message.extracted);
    else task.reject(new ExtractionError(message.reason));
    // A worker left large after a file is replaced rather than reused: pdf.js keeps caches.
    if (worker.rssBytes > this.options.memoryMb * 1024 * 1024 * RECYCLE_SHARE) this.kill(worker, 'recycled');
    else this.release(worker);
    this.dispatch();
  }

  private onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    this.workers.delete(worker);
    const task = worker.task;
    this.finishTask(worker);
    if (!worker.ready && !this.closed) {
      // Failing one queued file per failed start keeps a broken set-up from respawning forever.
      const queued = this.queue.shift();
      const errorLine = worker.stderrTail.split('\n').find((line) => /\w*Error\b/u.test(line));
      const detail = errorLine?.trim() ?? `exit code ${code}, signal ${signal}`;
      queued?.reject(new ExtractionError(`extraction worker could not start: ${detail}`));
    }
    if (task) {
      let reason = worker.killReason;
      if (reason === null) {
        this.stats.crashed++;
        reason = /heap limit|heap out of memory/iu.test(worker.stderrTail)
          ? `exceeded memory limit of ${this.options.memoryMb} MiB (JavaScript heap)`
          : `extraction worker crashed (${signal ? `signal ${signal}` : `exit code ${code}`})`;
      }
      task.reject(new ExtractionError(reason));
    }
    if (!this.closed) this.dispatch();
  }

  private finishTask(worker: Worker): void {
    if (worker.timer) clearTimeout(worker.timer);
    worker.timer = null;
    worker.task = null;
  }

  /** An idle worker must not keep the parent process alive. */
  private release(worker: Worker): void {
    worker.child.unref();
    worker.child.channel?.unref();
  }

  private kill(worker: Worker, reason: string): void {
    worker.killReason ??= reason;
    worker.child.kill('SIGKILL');
  }

  private sampleMemory(): void {
    let total = 0;
    const limit = this.options.memoryMb * 1024 * 1024;
    for (const worker of this.workers) {
      const pid = worker.child.pid;
      const rss = pid === undefined ? null : residentBytes(pid);
      if (rss === null) continue;
      worker.rssBytes = rss;
      total += rss;
      this.stats.peakWorkerRssBytes = Math.max(this.stats.peakWorkerRssBytes, rss);
      // Only a worker at work is held to the limit: one that could not even start within it
      // would otherwise be respawned forever.
      if (rss > limit && worker.task !== null && worker.killReason === null) {
        this.stats.killedForMemory++;
        this.kill(worker, `exceeded memory limit of ${this.options.memoryMb} MiB`);
      }
    }
    this.stats.peakTotalRssBytes = Math.max(this.stats.peakTotalRssBytes, total);
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
