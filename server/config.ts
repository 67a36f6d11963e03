/**
 * The server's environment: the variables shared with the indexer (from
 * indexer/config.ts) plus the server's own. Read once, validated, frozen; a bad
 * value stops start-up with one line naming the variable.
 */
import { z } from 'zod';
import { ConfigurationError, parseEnv, SharedEnvSchema, sharedConfig, type SharedConfig } from '../contract/env.js';
import { fetchConfig, type FetchConfig } from '../contract/fetch-config.js';

export { ConfigurationError };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const BOOLEAN_MESSAGE = 'must be true or false';
const PORT_MESSAGE = 'must be a port number from 0 to 65535';

export const ServerEnvSchema = SharedEnvSchema.extend({
  PORT: z.coerce
    .number({ error: PORT_MESSAGE })
    .int(PORT_MESSAGE)
    .min(0, PORT_MESSAGE)
    .max(65535, PORT_MESSAGE)
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Permalinks, citations, exports and feeds use this origin instead of the request's Host header. */
  BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://entente.example.org' })
    .refine((value) => {
      // Runs after a failed URL check too: that issue is the one reported.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.pathname === '/' && url.search === '' && url.hash === '';
    }, 'must be an origin such as https://entente.example.org, without a path, query or fragment (pages link from the root)')
    .transform((value) => new URL(value).origin)
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Run an incremental index of CORPUS_DIR in the background after start-up. */
  INDEX_ON_START: z.stringbool({ error: BOOLEAN_MESSAGE }).default(true),
  /** Watch CORPUS_DIR and re-index on changes. */
  WATCH: z.stringbool({ error: BOOLEAN_MESSAGE }).default(true),
});

export interface Config extends SharedConfig {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly baseUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly indexOnStart: boolean;
  readonly watch: boolean;
  /** Fetching sources listed in sources.yml; `intervalMs` 0 = the server never fetches. */
  readonly fetch: FetchConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // The full schema first, so the first bad variable is reported whichever group it belongs to.
  const e = parseEnv(ServerEnvSchema, env);
  return Object.freeze({
    ...sharedConfig(env),
    port: e.PORT,
    host: e.HOST,
    production: e.NODE_ENV === 'production',
    baseUrl: e.BASE_URL,
    logLevel: e.LOG_LEVEL,
    indexOnStart: e.INDEX_ON_START,
    watch: e.WATCH,
    fetch: fetchConfig(env),
  });
}
