/**
 * The site the browser suite drives: the fixture corpus (shipped seed report,
 * Markdown, HTML, text with a sidecar, PDFs) plus 30 generated documents over
 * fourteen years, so facets, the year histogram and pagination have content;
 * indexed by the real indexer and served over HTTP on a free port.
 */
import { runIndex } from '../../indexer/pipeline.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { serveApp, type ServedApp } from '../support/browser.js';
import { generateDocuments, makeFixtureCorpus } from '../support/corpus.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

export const SEED_ID = 'uk-eu-defence-roundtable-2025-txt';
export const GENERATED_DOCUMENTS = 30;

export async function servedFixtureSite(name: string): Promise<ServedApp> {
  const engine = await testEngine();
  const client = await adminClient();
  const prefix = testPrefix(name);
  const corpusDir = tempDir(`${name}-corpus`);
  await makeFixtureCorpus(corpusDir);
  generateDocuments(corpusDir, GENERATED_DOCUMENTS);
  await runIndex({ corpusDir, client, prefix });
  const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
  const app = createApp({
    search: { url: engine.url, searchKey, indexPrefix: prefix },
    corpusDir,
    production: true,
    log: () => {},
  });
  return serveApp(app);
}
