/**
 * The site the browser suite drives: the fixture corpus (shipped seed report,
 * Markdown, HTML, text with a sidecar, PDFs) plus 30 generated documents over
 * fourteen years, so facets, the year histogram and pagination have content;
 * indexed by the real indexer and served over HTTP on a free port.
 */
import { indexedApp } from '../support/app.js';
import { serveApp, type ServedApp } from '../support/browser.js';
import { generateDocuments, makeFixtureCorpus } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';

export const SEED_ID = 'uk-eu-defence-roundtable-2025-txt';
export const GENERATED_DOCUMENTS = 30;

export async function servedFixtureSite(name: string): Promise<ServedApp> {
  const corpusDir = tempDir(`${name}-corpus`);
  await makeFixtureCorpus(corpusDir);
  generateDocuments(corpusDir, GENERATED_DOCUMENTS);
  return serveApp((await indexedApp(name, corpusDir)).app);
}
