/**
 * The environment both commands share (indexer and server): where the corpus
 * and data live, which Meilisearch to use, and the index prefix. Read once,
 * validated, frozen; a bad value is reported in one line naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

export const SharedEnvSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  DATA_DIR: z.string().min(1).default('./data'),
  MEILI_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:7700' })
    .optional(),
  MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,100}$/, 'must be letters, digits, - or _ (at most 100)')
    .default('entente'),
});

export interface SharedConfig {
  corpusDir: string;
  dataDir: string;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  indexPrefix: string;
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Parses `schema` against the environment; throws one line naming the first bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    // Secrets are named, never echoed.
    const got = /KEY|SECRET|PASSWORD/.test(name) ? '' : ` (got ${JSON.stringify(String(env[name] ?? ''))})`;
    throw new ConfigurationError(`${name}: ${issue.message}${got}`);
  }
  return parsed.data;
}

export function sharedConfig(env: NodeJS.ProcessEnv = process.env): SharedConfig {
  const e = parseEnv(SharedEnvSchema, env);
  return Object.freeze({
    corpusDir: resolve(e.CORPUS_DIR),
    dataDir: resolve(e.DATA_DIR),
    meiliUrl: e.MEILI_URL,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    indexPrefix: e.INDEX_PREFIX,
  });
}
