/** `--explain URL`: what one URL gives (the fetch, then every stage but publish), with nothing cached or indexed. */
import { explainFile } from '../pipeline.js';
import { explainDocument } from '../report.js';
import { fetchForExplain, type FetchSettings, type UrlExplanation } from './fetch.js';
import { loadSourceList } from './list.js';

export async function explainUrl(corpusDir: string, url: string, settings: FetchSettings): Promise<{ fetch: UrlExplanation; document: ReturnType<typeof explainDocument> | null }> {
  const entries = loadSourceList(corpusDir) ?? [];
  const { explanation, cleanup } = await fetchForExplain(url, entries, settings);
  try {
    if (!explanation.file) return { fetch: explanation, document: null };
    const { job, outcome } = await explainFile(corpusDir, explanation.file);
    const { file: _file, ...fetch } = explanation;
    return { fetch, document: explainDocument(job, outcome) };
  } finally {
    cleanup();
  }
}
