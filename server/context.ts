/** What every handler gets: the library of documents, the theme catalog and the app's settings. */
import type { Request } from 'express';
import type { EngineStatus, IndexingState } from '../indexer/service.js';
import type { Library } from './search/library.js';
import { parseSearchState, type RawParams, type SearchState } from './search/state.js';
import type { ThemeCatalog } from './themes.js';

export interface AppContext {
  library: Library;
  themes: ThemeCatalog;
  corpusDir: string;
  /** Cache of sources fetched by URL, where their original files are served from; null when not configured. */
  sourcesDir: string | null;
  production: boolean;
  log: (line: string) => void;
  /** Whether this process is indexing the corpus now (readiness, the "being indexed" page). */
  indexing: () => IndexingState;
  /** The managed search engine's state: restarting or given up makes the site unready, given up also not live. */
  engine: () => EngineStatus;
}

/**
 * Absolute base URL of this site for permalinks in citations, feeds and JSON:
 * BASE_URL when configured (createApp puts it in app.locals), else as the client reached it.
 */
export function baseUrl(req: Request): string {
  const configured: unknown = req.app.locals['baseUrl'];
  if (typeof configured === 'string') return configured;
  const host = (req.get('host') ?? 'localhost').toLowerCase();
  const allowed = req.app.locals['allowedHosts'] as readonly string[] | undefined;
  // An unknown Host header never makes it into a link: the first allowed host stands in.
  if (allowed && !allowed.includes(host)) return `${req.protocol}://${allowed[0]}`;
  return `${req.protocol}://${host}`;
}

/** The search a request asks for, allowlisted and validated (a bad value throws BadRequest). */
export function readSearchState(req: Request, context: AppContext): SearchState {
  return parseSearchState(req.query as RawParams, { themeIds: context.themes.ids() });
}
