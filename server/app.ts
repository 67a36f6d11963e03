/**
 * The Express application, without listen(): main.ts serves it, tests drive it
 * with supertest. Security headers first, then static files, the route table,
 * a 404 fall-through and the error handler last.
 */
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { PROJECT_ROOT } from '../contract/paths.js';
import { baseUrl, type AppContext } from './context.js';
import type { DocumentRecord } from '../contract/document.js';
import { coinsTitle } from './citation/highwire.js';
import { HttpError, NotFound, PassageNotFound, SearchUnavailable } from './errors.js';
import type { EngineStatus, IndexingState } from '../indexer/service.js';
import { requestLogger, type Logger } from './logger.js';
import { routes } from './routes.js';
import { Library } from './search/library.js';
import { SearchClient, type SearchConnection } from './search/meili.js';
import { isIndexNotFound } from '../contract/settings.js';
import { ThemeCatalog } from './themes.js';
import { GlossaryCatalog } from './glossary.js';
import { viewHelpers } from './view-helpers.js';

export interface AppDeps {
  search: SearchConnection;
  corpusDir: string;
  /** Cache of sources fetched by URL (DATA_DIR/sources). */
  sourcesDir?: string;
  /** No stack traces or internal messages in responses. */
  production?: boolean;
  /** Where server errors are reported, one line each; defaults to the logger, else stderr. */
  log?: (line: string) => void;
  /** One line per request, and request ids (X-Request-Id). */
  logger?: Logger;
  /** Origin for absolute links (permalinks, citations, exports, feeds) instead of the request's Host header. */
  baseUrl?: string | undefined;
  /** Without baseUrl: the Host headers absolute links may follow (the first one otherwise). */
  allowedHosts?: readonly string[] | undefined;
  /** Whether this process is indexing the corpus, for readiness and the "being indexed" page. */
  indexing?: () => IndexingState;
  /** Whether the managed search engine runs, is being restarted or was given up (for /readyz and /healthz). */
  engine?: () => EngineStatus;
}

export function createApp(deps: AppDeps): express.Express {
  const glossary = new GlossaryCatalog(deps.corpusDir);
  const context: AppContext = {
    library: new Library(new SearchClient(deps.search), () => glossary.acronyms(), () => glossary.phrases()),
    themes: new ThemeCatalog(deps.corpusDir),
    corpusDir: deps.corpusDir,
    sourcesDir: deps.sourcesDir ?? null,
    production: deps.production ?? false,
    log: deps.log ?? (deps.logger ? (line) => deps.logger?.error(line) : (line) => console.error(line)),
    indexing: deps.indexing ?? NOT_INDEXING,
    engine: deps.engine ?? ENGINE_RUNNING,
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', join(PROJECT_ROOT, 'views'));
  app.set('query parser', 'simple');
  if (context.production) app.enable('view cache');
  Object.assign(app.locals, viewHelpers, { siteName: 'Entente' });
  // Read by baseUrl() in context.ts wherever an absolute link is built.
  if (deps.baseUrl) app.locals['baseUrl'] = deps.baseUrl;
  if (deps.allowedHosts?.length) app.locals['allowedHosts'] = deps.allowedHosts;

  // First, so every response (static files and errors included) has a request id and a log line.
  if (deps.logger) app.use(requestLogger(deps.logger));

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use((req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.locals['themeLabel'] = (id: string) => context.themes.label(id);
    // A COinS span per listed document, so reference managers can save results from a list.
    res.locals['coins'] = (doc: DocumentRecord) => coinsTitle(doc, baseUrl(req));
    // While the first run builds a new collection, results are incomplete: say so on every page.
    res.locals['buildingCollection'] = context.indexing().building;
    next();
  });
  app.use('/static', express.static(join(PROJECT_ROOT, 'public'), { maxAge: context.production ? '1h' : 0, index: false }));

  app.use(routes(context));

  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new NotFound(`There is no page at ${req.path.slice(0, 200)}.`));
  });

  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = statusOf(err);
    if (status >= 500) {
      const cause = err instanceof SearchUnavailable && err.cause instanceof Error ? ` (${err.cause.message})` : '';
      const line = `${status} ${req.method} ${req.originalUrl}: ${err instanceof Error ? (status === 500 ? err.stack : err.message) : String(err)}${cause}`;
      // The request's own logger carries its request id.
      if (!deps.log && deps.logger) req.log[status === 503 ? 'warn' : 'error'](line);
      else context.log(line);
    }
    const beingIndexed = isIndexNotFound(err) && context.indexing().running;
    const message = beingIndexed
      ? 'The collection is being indexed. Search will be available as soon as the first indexing run has finished; please try again in a minute.'
      : err instanceof HttpError
        ? err.message
        : status < 500 && err instanceof Error && (err as { expose?: boolean }).expose
          ? err.message
          : status < 500
            ? 'The request could not be understood.'
            : 'Something went wrong on our side. The problem has been logged.';
    res.status(status);
    if (status === 503) res.setHeader('Retry-After', beingIndexed ? '30' : '5');
    if (req.path.startsWith('/api/') || req.path === '/readyz') {
      res.json({ error: message });
      return;
    }
    res.render('pages/error', {
      title:
        status === 404 ? 'Not found' : status === 400 ? 'Bad request' : beingIndexed ? 'Indexing in progress' : status === 503 ? 'Search unavailable' : 'Error',
      status,
      message,
      showSearch: status === 404 || err instanceof PassageNotFound,
      stack: !context.production && status === 500 && err instanceof Error ? err.stack : null,
    });
  });

  return app;
}

const ENGINE_RUNNING = (): EngineStatus => ({ state: 'running', restarts: 0 });
const NOT_INDEXING = (): IndexingState => ({ enabled: false, running: false, finishedRuns: 0, building: false, failed: [] });

/** HTTP status of an error: ours, Express's own (e.g. a malformed URL is 400), or 500. */
function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status;
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status ?? (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
