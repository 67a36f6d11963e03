/**
 * The Express application, without listen(): main.ts serves it, tests drive it
 * with supertest. Security headers first, then static files, the route table,
 * a 404 fall-through and the error handler last.
 */
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AppContext } from './context.js';
import { HttpError, NotFound, SearchUnavailable } from './errors.js';
import { PassageNotFound } from './handlers/passages.js';
import { routes } from './routes.js';
import { Library } from './search/library.js';
import { SearchClient, type SearchConnection } from './search/meili.js';
import { ThemeCatalog } from './themes.js';
import { viewHelpers } from './view-helpers.js';

const ROOT = join(import.meta.dirname, '..');

export interface AppDeps {
  search: SearchConnection;
  corpusDir: string;
  /** No stack traces or internal messages in responses. */
  production?: boolean;
  log?: (line: string) => void;
}

export function createApp(deps: AppDeps): express.Express {
  const context: AppContext = {
    library: new Library(new SearchClient(deps.search)),
    themes: new ThemeCatalog(deps.corpusDir),
    corpusDir: deps.corpusDir,
    production: deps.production ?? false,
    log: deps.log ?? ((line) => console.error(line)),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', join(ROOT, 'views'));
  app.set('query parser', 'simple');
  if (context.production) app.enable('view cache');
  Object.assign(app.locals, viewHelpers, { siteName: 'Entente' });

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
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.locals['themeLabel'] = (id: string) => context.themes.label(id);
    next();
  });
  app.use('/static', express.static(join(ROOT, 'public'), { maxAge: context.production ? '1h' : 0, index: false }));

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
      context.log(`${status} ${req.method} ${req.originalUrl}: ${err instanceof Error ? (status === 500 ? err.stack : err.message) : String(err)}${cause}`);
    }
    const message =
      err instanceof HttpError
        ? err.message
        : status < 500 && err instanceof Error && (err as { expose?: boolean }).expose
          ? err.message
          : status < 500
            ? 'The request could not be understood.'
            : 'Something went wrong on our side. The problem has been logged.';
    res.status(status);
    if (status === 503) res.setHeader('Retry-After', '5');
    if (req.path.startsWith('/api/') || req.path === '/readyz') {
      res.json({ error: message });
      return;
    }
    res.render('pages/error', {
      title: status === 404 ? 'Not found' : status === 400 ? 'Bad request' : status === 503 ? 'Search unavailable' : 'Error',
      status,
      message,
      showSearch: status === 404 || err instanceof PassageNotFound,
      stack: !context.production && status === 500 && err instanceof Error ? err.stack : null,
    });
  });

  return app;
}

/** HTTP status of an error: ours, Express's own (e.g. a malformed URL is 400), or 500. */
function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status;
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status ?? (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
