/**
 * The pipeline's one seam into sources by URL: before discover, read
 * sources.yml, fetch when asked, and bring the cache in line with the list.
 * Returns the cache folder for discover to read as a second root.
 */
import { loadSourceList, SOURCES_FILE, SourceListError } from './list.js';
import { SourceCache } from './cache.js';
import { fetchSources, type FetchSettings, type FetchSummary, type SourceListener } from './fetch.js';

export interface SourcesOutcome {
  /** The cache folder to discover, or null when the corpus lists no sources. */
  cacheDir: string | null;
  fetch: FetchSummary | null;
  /** Why sources.yml could not be used; the cache is then left exactly as it was. */
  error: { file: string; reason: string } | null;
}

export async function prepareSources(corpusDir: string, cacheDir: string, fetch: FetchSettings | undefined, onSource?: SourceListener): Promise<SourcesOutcome> {
  let entries;
  try {
    entries = loadSourceList(corpusDir);
  } catch (err) {
    if (!(err instanceof SourceListError)) throw err;
    return { cacheDir, fetch: null, error: { file: SOURCES_FILE, reason: err.message.replace(`${SOURCES_FILE}: `, '') } };
  }
  if (!entries) return { cacheDir: null, fetch: null, error: null };
  if (fetch) return { cacheDir, fetch: await fetchSources(entries, cacheDir, fetch, { ...(onSource ? { onSource } : {}) }), error: null };
  const cache = new SourceCache(cacheDir);
  const { removed } = cache.sync(entries);
  if (removed.length) cache.save();
  return { cacheDir, fetch: null, error: null };
}
