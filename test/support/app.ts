/**
 * A corpus indexed by the real indexer under its own prefix and served by
 * createApp through a search-only key, as `npm start` does: the set-up that
 * acceptance, browser and scale tests share.
 */
import type { Express } from 'express';
import { runIndex, type IndexSummary } from '../../indexer/pipeline.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { adminClient, testEngine, testPrefix } from './engine.js';

export interface IndexedApp {
  app: Express;
  prefix: string;
  masterKey: string | null;
  searchKey: string | undefined;
  summary: IndexSummary;
}

export async function indexedApp(name: string, corpusDir: string): Promise<IndexedApp> {
  const engine = await testEngine();
  const prefix = testPrefix(name);
  const summary = await runIndex({ corpusDir, client: await adminClient(), prefix });
  const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
  const app = createApp({
    search: { url: engine.url, searchKey, indexPrefix: prefix },
    corpusDir,
    production: true,
    log: () => {},
  });
  return { app, prefix, masterKey: engine.masterKey, searchKey, summary };
}

/** Whether a process is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
