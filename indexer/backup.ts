/**
 * `npm run backup`: asks Meilisearch for a dump of the whole instance (every
 * index, its settings and API keys) and says where the dump is.
 *
 * Managed engine (no MEILI_URL): uses the engine already running for DATA_DIR or
 * starts one for the duration, and prints the dump file's path under
 * DATA_DIR/meili/dumps. External server (MEILI_URL): the file is written on that
 * server, in its dump directory; the dump uid names it (`<uid>.dump`).
 *
 * Exit codes: 0 dump written; 2 failure, with one line on stderr.
 * Restore: start Meilisearch once with `--import-dump FILE` (see README), or
 * simply re-index from the corpus, which is the source of truth.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { ConfigurationError, sharedConfig } from '../contract/env.js';
import { managedEngineDirs } from '../contract/paths.js';
import { commandEngine, type Engine } from './engine/engine.js';

/** A dump of a large instance can take minutes; the task is still polled, not blocked on. */
const DUMP_TIMEOUT_MS = 30 * 60_000;
const POLL_INTERVAL_MS = 250;

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface Backup {
  dumpUid: string;
  /** Absolute path of the dump file when it is on this machine (managed engine), else null. */
  file: string | null;
}

/**
 * The file a dump task produced: `<uid>.dump` in the dump directory, or failing
 * that (no uid in the task details) the newest `.dump` file there.
 */
export function dumpFile(dumpDir: string, dumpUid: string | null): string | null {
  if (dumpUid) {
    const named = join(dumpDir, `${dumpUid}.dump`);
    if (existsSync(named)) return named;
  }
  if (!existsSync(dumpDir)) return null;
  const newest = readdirSync(dumpDir)
    .filter((name) => name.endsWith('.dump'))
    .map((name) => ({ path: join(dumpDir, name), mtime: statSync(join(dumpDir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)[0];
  return newest?.path ?? null;
}

/** Creates a dump and waits for it; `dumpDir` is where the engine writes dumps, when it is local. */
export async function createBackup(engine: Engine, dumpDir: string | null): Promise<Backup> {
  const client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
  const task = await client.createDump().waitTask({ timeout: DUMP_TIMEOUT_MS, interval: POLL_INTERVAL_MS });
  if (task.status !== 'succeeded') {
    throw new BackupError(`the dump task ${task.status}: ${task.error?.message ?? 'no reason given'}`);
  }
  const dumpUid = task.details?.dumpUid ?? null;
  if (!dumpDir) {
    if (!dumpUid) throw new BackupError('the dump task succeeded but did not report a dump uid');
    return { dumpUid, file: null };
  }
  const file = dumpFile(dumpDir, dumpUid);
  if (!file) throw new BackupError(`the dump task succeeded but no .dump file is in ${dumpDir}`);
  return { dumpUid: dumpUid ?? basename(file, '.dump'), file };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

async function main(): Promise<number> {
  const config = sharedConfig();
  const engine = await commandEngine(config, (signal) => `entente backup: stopped (${signal}) before the dump finished`);
  try {
    // Without MEILI_URL the engine (started here or by another command) keeps its
    // dumps under DATA_DIR; an external server keeps them on its own disk.
    const local = !config.meiliUrl;
    const backup = await createBackup(engine, local ? managedEngineDirs(config.dataDir).dumps : null);
    if (backup.file) {
      process.stdout.write(`Dump written: ${backup.file} (${formatBytes(statSync(backup.file).size)})\n`);
    } else {
      // Only the origin: a URL may carry credentials.
      const server = new URL(engine.url).origin;
      process.stdout.write(
        `Dump ${backup.dumpUid} created by ${server}: the file ${backup.dumpUid}.dump is in that server's dump directory ` +
          `(--dump-dir; /meili_data/dumps in the official Docker image).\n`,
      );
    }
    return 0;
  } finally {
    await engine.stop();
  }
}

// Run only as a command, so the helpers can be imported. argv[1] may go through a
// symlink where import.meta.filename does not.
const invokedDirectly = process.argv[1] !== undefined && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === import.meta.filename;
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const error = err as Error;
      // Our own errors read as sentences; others keep their name (MeilisearchApiError, EngineError...).
      const plain = error instanceof ConfigurationError || error instanceof BackupError || error.name === 'Error';
      // A network failure's reason (ECONNREFUSED, a DNS error) is in its cause.
      const cause = error.cause instanceof Error ? error.cause.cause ?? error.cause : null;
      const reason = cause instanceof Error ? ` (${cause.message})` : '';
      const message = `${plain ? '' : `${error.name}: `}${error.message}${reason}`.replace(/\s+/g, ' ').trim();
      process.stderr.write(`entente backup: ${message}\n`);
      process.exit(2);
    },
  );
}
