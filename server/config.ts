/**
 * The server's environment, read once, validated and frozen. A bad value stops
 * start-up with one line naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  DATA_DIR: z.string().min(1).default('./data'),
  MEILI_URL: z.url({ protocol: /^https?$/ }).optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
    .default('entente'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly corpusDir: string;
  readonly dataDir: string;
  readonly meiliUrl: string | undefined;
  readonly masterKey: string | undefined;
  readonly indexPrefix: string;
  readonly production: boolean;
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigurationError(`Invalid ${variable}: ${issue?.message ?? 'bad value'}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    corpusDir: resolve(e.CORPUS_DIR),
    dataDir: resolve(e.DATA_DIR),
    meiliUrl: e.MEILI_URL,
    masterKey: e.MEILI_MASTER_KEY,
    indexPrefix: e.INDEX_PREFIX,
    production: e.NODE_ENV === 'production',
  });
}
