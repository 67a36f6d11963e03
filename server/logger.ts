/**
 * Logging: JSON lines (pino) in production, for a log collector; readable
 * lines in development through pino-pretty when it is installed (a dev
 * dependency: production never loads it). One line per request, with a
 * request id that is also returned to the client as X-Request-Id.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { LogLevel } from './config.js';

export type { Logger };

export interface LoggerOptions {
  production: boolean;
  level: LogLevel;
  /** Where lines go; stdout by default. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * Keys are never logged on purpose; these paths are removed in case an object
 * that carries one (a request's headers, a client's options) is ever logged.
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'apiKey',
  'masterKey',
  'searchKey',
  '*.apiKey',
  '*.masterKey',
  '*.searchKey',
  'headers.authorization',
  '*.headers.authorization',
];

export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (options.destination) return pino(base, options.destination);
  if (!options.production && prettyAvailable()) {
    return pino({
      ...base,
      // Level labels are what pino-pretty expects numbers for; keep pino's default there.
      formatters: {},
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,req,res,durationMs,index', singleLine: true } },
    });
  }
  // Synchronous writes: a line logged just before process.exit is not lost.
  return pino(base, pino.destination({ dest: 1, sync: true }));
}

function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** An incoming X-Request-Id is kept only when it is a short token (no spaces, no control characters). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Express middleware: the request id, then one log line per request when the response ends. */
export function requestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const id = requestId(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // The line a person reads; the fields below are what a collector indexes.
    serializers: {
      req: (req: { method?: string; url?: string; originalUrl?: string }) => ({ method: req.method, url: urlOf(req) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    wrapSerializers: false,
    quietReqLogger: true,
    customLogLevel(req, res, err) {
      if (res.statusCode >= 500 && res.statusCode !== 503) return 'error';
      // Load balancers poll these every few seconds, ready or not: visible with LOG_LEVEL=debug.
      // (/readyz itself logs an engine it cannot reach.)
      if (isProbe(req)) return 'debug';
      if (err || res.statusCode >= 400) return 'warn';
      return 'info';
    },
    customSuccessMessage(req, res, durationMs) {
      return `${req.method} ${urlOf(req)} ${res.statusCode} ${Math.round(durationMs)} ms`;
    },
    customErrorMessage(req, res, err, durationMs?: number) {
      const took = durationMs === undefined ? '' : ` ${Math.round(durationMs)} ms`;
      return `${req.method} ${urlOf(req)} ${res.statusCode}${took}${isStatusOnly(err) ? '' : `: ${err.message}`}`;
    },
    // For a 5xx response pino-http makes up an Error whose stack says nothing: the status is enough.
    customErrorObject(_req, _res, err, fields: Record<string, unknown>) {
      if (!isStatusOnly(err)) return fields;
      const { err: _made, ...rest } = fields;
      void _made;
      return rest;
    },
  });
}

/** Express rewrites req.url inside mounted middleware (static files); originalUrl is what the client asked for. */
function urlOf(req: { url?: string; originalUrl?: string }): string | undefined {
  return req.originalUrl ?? req.url;
}

function isStatusOnly(err: Error): boolean {
  return /^failed with status code \d+$/.test(err.message);
}

function isProbe(req: { url?: string }): boolean {
  return req.url === '/healthz' || req.url === '/readyz';
}
