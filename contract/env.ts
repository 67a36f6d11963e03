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

const SIZE = /^(\d+(?:\.\d+)?)\s?(B|[KMGT]i?B)$/u;
const SIZE_MESSAGE = 'must be a size such as 1GiB or 512MiB';
const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** "64MiB" -> 67108864. */
export function sizeInBytes(size: string): number {
  const match = SIZE.exec(size.trim());
  if (!match) throw new RangeError(`not a size: ${size}`);
  return Math.round(Number(match[1]) * UNITS[match[2]!]!);
}

/**
 * Limits for a managed Meilisearch while it indexes. Its own defaults take two thirds of
 * the machine's memory and every core; on a laptop that sits beside the indexer, the
 * server and everything else, so the defaults here are modest. All are configurable.
 *
 * `--max-indexing-memory` bounds only the indexer's caches: with 1 GiB the engine still
 * reached 2.5 GiB resident at 5,000 documents, because Meilisearch joins every addition
 * waiting in an index's queue into one batch, written in one LMDB transaction whose new
 * pages are held in the engine's own memory until it commits. A bound on each batch's
 * payload bounds that transaction; the caches need far less than 1 GiB for this corpus.
 */
export const EngineEnvSchema = z.object({
  MEILI_MAX_INDEXING_MEMORY: z.string().regex(SIZE, SIZE_MESSAGE).default('256MiB'),
  MEILI_MAX_INDEXING_THREADS: z.coerce.number().int().min(1, 'must be a whole number of at least 1').default(2),
  MEILI_MAX_BATCH_PAYLOAD: z.string().regex(SIZE, SIZE_MESSAGE).default('32MiB'),
});

/** Command-line arguments that bound a managed Meilisearch's indexing memory, threads and batches. */
export function engineIndexingArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  const e = parseEnv(EngineEnvSchema, env);
  return [
    '--max-indexing-memory', e.MEILI_MAX_INDEXING_MEMORY.replace(/\s/gu, ''),
    '--max-indexing-threads', String(e.MEILI_MAX_INDEXING_THREADS),
    '--experimental-limit-batched-tasks-total-size', String(sizeInBytes(e.MEILI_MAX_BATCH_PAYLOAD)),
  ];
}

/** OCR of PDF pages without a text layer (indexer only). */
export const OcrEnvSchema = z.object({
  OCR: z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
  OCR_LANGUAGES: z
    .string()
    .regex(/^[a-z_]{3,12}(?:\+[a-z_]{3,12})*$/u, 'must be tesseract language codes joined by +, such as eng or eng+fra+deu')
    .default('eng'),
  OCR_MIN_CONFIDENCE: z.coerce.number().min(0).max(100, 'must be between 0 and 100').default(60),
});

export interface OcrConfig {
  languages: string[];
  /** Pages recognised with a mean confidence below this are kept but marked. */
  minConfidence: number;
}

/** null when OCR is turned off. */
export function ocrConfig(env: NodeJS.ProcessEnv = process.env): OcrConfig | null {
  const e = parseEnv(OcrEnvSchema, env);
  if (e.OCR === 'false') return null;
  return { languages: e.OCR_LANGUAGES.split('+'), minConfidence: e.OCR_MIN_CONFIDENCE };
}

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
