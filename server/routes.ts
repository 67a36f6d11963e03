/** The whole route table, in one place. Handlers live in server/handlers/, one module per resource. */
import { Router } from 'express';
import type { AppContext } from './context.js';
import { aboutHandlers } from './handlers/about.js';
import { citeHandlers } from './handlers/cite.js';
import { documentHandlers } from './handlers/documents.js';
import { healthHandlers } from './handlers/health.js';
import { passageHandlers } from './handlers/passages.js';
import { peopleHandlers } from './handlers/people.js';
import { searchHandlers } from './handlers/search.js';
import { themeHandlers } from './handlers/themes.js';

export function routes(context: AppContext): Router {
  const search = searchHandlers(context);
  const documents = documentHandlers(context);
  const passages = passageHandlers(context);
  const people = peopleHandlers(context);
  const themes = themeHandlers(context);
  const about = aboutHandlers(context);
  const cite = citeHandlers(context);
  const health = healthHandlers(context);

  const router = Router();
  // Pages
  router.get('/', search.page);
  router.get('/documents/:id', documents.page);
  router.get('/documents/:id/file', documents.file);
  router.get('/documents/:id/cite', cite.document);
  router.get('/passages/:id', passages.permalink);
  router.get('/themes', themes.list);
  router.get('/people', people.list);
  router.get('/people/:slug', people.person);
  router.get('/about', about.page);
  // Exports and feed of any search
  router.get('/export.csv', cite.exportCsv);
  router.get('/export.bib', cite.exportBibtex);
  router.get('/export.ris', cite.exportRis);
  router.get('/export.json', cite.exportCslJson);
  router.get('/feed.atom', cite.feed);
  // JSON API
  router.get('/api/search', search.api);
  router.get('/api/documents/:id', documents.api);
  router.get('/api/passages/:id', passages.api);
  router.get('/api/themes', themes.api);
  router.get('/api/people', people.listApi);
  router.get('/api/cite', cite.api);
  // Operations
  router.get('/healthz', health.live);
  router.get('/readyz', health.ready);
  return router;
}
