/**
 * Where things are on disk: the project root (found from this file, so the same
 * code works from source under tsx and compiled under dist/) and the managed
 * engine's folders under DATA_DIR.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

/** Where a managed engine keeps its database, dumps and snapshots under DATA_DIR. */
export function managedEngineDirs(dataDir: string) {
  const root = join(resolve(dataDir), 'meili');
  return { root, db: join(root, 'data.ms'), dumps: join(root, 'dumps'), snapshots: join(root, 'snapshots') };
}

/** The list of sources fetched by URL, in the corpus folder. */
export const SOURCES_FILE = 'sources.yml';

/** Where fetched sources are kept under DATA_DIR: discover reads it as a second root, the server serves originals from it. */
export function sourcesCacheDir(dataDir: string): string {
  return join(resolve(dataDir), 'sources');
}

/** Where the indexer keeps its own state between runs under DATA_DIR (the fingerprints of text repeated across a source). */
export function indexerStateDir(dataDir: string): string {
  return join(resolve(dataDir), 'indexer');
}
