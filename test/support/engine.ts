/**
 * One real Meilisearch per test process, started on first use and stopped when
 * the process exits. With MEILI_URL set, that server is used instead.
 * Each suite isolates itself with its own index prefix (`testPrefix`).
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { ensureEngine, type Engine } from '../../indexer/engine/engine.js';

export const TMP_ROOT = join(import.meta.dirname, '..', '.tmp');

let enginePromise: Promise<Engine> | null = null;

export function testEngine(): Promise<Engine> {
  enginePromise ??= (async () => {
    mkdirSync(TMP_ROOT, { recursive: true });
    const dataDir = mkdtempSync(join(TMP_ROOT, 'engine-'));
    const engine = await ensureEngine({
      dataDir,
      meiliUrl: process.env.MEILI_URL,
      masterKey: process.env.MEILI_MASTER_KEY,
      port: 7800,
    });
    process.once('exit', () => void engine.stop());
    return engine;
  })();
  return enginePromise;
}

export async function adminClient(): Promise<Meilisearch> {
  const engine = await testEngine();
  return new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
}

/** A prefix no other suite or run uses: `t_<name>_<random>`. */
export function testPrefix(name: string): string {
  return `t_${name.replace(/[^a-z0-9]/gi, '')}_${randomBytes(3).toString('hex')}`;
}

/** A fresh temporary directory under test/.tmp. */
export function tempDir(name: string): string {
  mkdirSync(TMP_ROOT, { recursive: true });
  return mkdtempSync(join(TMP_ROOT, `${name}-`));
}
