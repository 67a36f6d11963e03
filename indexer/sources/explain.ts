/** `--explain URL`: what one URL gives (the fetch, then every stage but publish), with nothing cached or indexed. */
import { extname } from 'node:path';
import { documentId } from '../../contract/ids.js';
import { explainFile } from '../pipeline.js';
import { SOURCES_ROOT } from '../stages/discover.js';
import { explainDocument } from '../report.js';
import { fetchForExplain, type FetchSettings, type UrlExplanation } from './fetch.js';
import { loadSourceList } from './list.js';

export async function explainUrl(
  corpusDir: string,
  url: string,
  settings: FetchSettings,
  options: { boilerplateState?: string } = {},
): Promise<{ fetch: UrlExplanation; document: ReturnType<typeof explainDocument> | null }> {
  const entries = loadSourceList(corpusDir) ?? [];
  const { explanation, cleanup } = await fetchForExplain(url, entries, settings);
  try {
    if (!explanation.file) return { fetch: explanation, document: null };
    // The name and id the document gets when fetched for real, not those of the temporary copy.
    const relativePath = `${SOURCES_ROOT}/${explanation.cacheName}`;
    const id = documentId(relativePath.slice(0, relativePath.length - extname(relativePath).length));
    const { job, outcome } = await explainFile(corpusDir, explanation.file, { as: { relativePath, id }, ...options });
    const { file: _file, cacheName: _name, ...fetch } = explanation;
    return { fetch, document: explainDocument(job, outcome) };
  } finally {
    cleanup();
  }
}
