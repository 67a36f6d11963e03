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
  /**
   * Host names (with the port where it is not the default) the site may be reached by, comma-separated:
   * without BASE_URL, absolute links follow the request's Host header only when it is one of these.
   */
  ALLOWED_HOSTS: z
    .string()
    .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== ''))
    .refine((hosts) => hosts.length > 0 && hosts.every((host) => /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/u.test(host)), 'must be host names, comma-separated, such as entente.example.org,localhost:3000')
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
  /** Hosts absolute links may follow when BASE_URL is not set (undefined: any, development only). */
  readonly allowedHosts: readonly string[] | undefined;
  readonly logLevel: LogLevel;
  readonly indexOnStart: boolean;
  readonly watch: boolean;
  /** Fetching sources listed in sources.yml; `intervalMs` 0 = the server never fetches. */
  readonly fetch: FetchConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // The full schema first, so the first bad variable is reported whichever group it belongs to.
  const e = parseEnv(ServerEnvSchema, env);
  // Links in citations, feeds and exports are copied elsewhere: in production they must not
  // follow whatever Host header a request (or an attacker poisoning a cache) sends.
  if (e.NODE_ENV === 'production' && e.BASE_URL === undefined && e.ALLOWED_HOSTS === undefined) {
    throw new ConfigurationError(
      'BASE_URL: required when NODE_ENV=production (the public origin, such as https://entente.example.org, for permalinks, citations and feeds); or set ALLOWED_HOSTS',
    );
  }
  return Object.freeze({
    ...sharedConfig(env),
    port: e.PORT,
    host: e.HOST,
    production: e.NODE_ENV === 'production',
    baseUrl: e.BASE_URL,
    allowedHosts: e.ALLOWED_HOSTS,
    logLevel: e.LOG_LEVEL,
    indexOnStart: e.INDEX_ON_START,
    watch: e.WATCH,
    fetch: fetchConfig(env),
  });
}
