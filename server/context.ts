/** What every handler gets: the library of documents, the theme catalog and the app's settings. */
import type { Request } from 'express';
import type { Library } from './search/library.js';
import type { ThemeCatalog } from './themes.js';

export interface AppContext {
  library: Library;
  themes: ThemeCatalog;
  corpusDir: string;
  production: boolean;
  log: (line: string) => void;
}

/** Absolute base URL of this site as the client reached it, for permalinks in citations, feeds and JSON. */
export function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
