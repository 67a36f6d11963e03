/**
 * Settings for fetching sources listed by URL (corpus/sources.yml): read by the
 * indexer, which fetches, and by the server, which re-checks them on a timer.
 */
import ms from 'ms';
import { z } from 'zod';
import { parseEnv } from './env.js';

const BOOLEAN_OR_LIST = 'must be true, false, or a comma-separated list of addresses or ranges such as 127.0.0.1,10.1.0.0/16';

/** "6h", "30m", "1500ms", "0": a duration in milliseconds; 0 means off. */
const duration = (what: string) =>
  z.string().transform((value, ctx) => {
    const trimmed = value.trim();
    const parsed = /^\d+$/.test(trimmed) ? Number(trimmed) : ms(trimmed as ms.StringValue);
    if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < 0) {
      ctx.addIssue({ code: 'custom', message: `${what} must be a duration such as 500ms, 30s, 6h or 0` });
      return z.NEVER;
    }
    return parsed;
  });

export const FetchEnvSchema = z.object({
  /** Who to contact about Entente's requests (an e-mail address or URL), sent in the User-Agent. */
  FETCH_CONTACT: z.string().trim().min(1).max(200).optional(),
  /** How often the server re-checks sources; 0 turns fetching by the server off. */
  FETCH_INTERVAL: duration('FETCH_INTERVAL').default(6 * 60 * 60 * 1000),
  /** Pause between two requests to the same host. */
  FETCH_DELAY: duration('FETCH_DELAY').default(1000),
  /** Longest a single request (headers and body) may take. */
  FETCH_TIMEOUT: duration('FETCH_TIMEOUT').default(30_000),
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /**
   * Private, loopback and link-local addresses are refused unless listed here
   * (`true` allows all of them: only for a closed network or tests).
   */
  FETCH_ALLOW_PRIVATE: z
    .string()
    .transform((value, ctx) => {
      const v = value.trim().toLowerCase();
      if (v === 'true') return true as const;
      if (v === 'false') return [] as string[];
      const list = v.split(',').map((s) => s.trim()).filter(Boolean);
      if (list.length === 0 || list.some((s) => !/^[0-9a-f:.]+(\/\d{1,3})?$/.test(s))) {
        ctx.addIssue({ code: 'custom', message: BOOLEAN_OR_LIST });
        return z.NEVER;
      }
      return list;
    })
    .default([]),
});

export interface FetchConfig {
  contact: string | undefined;
  /** Milliseconds; 0 = the server never fetches. */
  intervalMs: number;
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** `true`, or addresses/CIDR ranges allowed despite being private. */
  allowPrivate: true | string[];
}

export function fetchConfig(env: NodeJS.ProcessEnv = process.env): FetchConfig {
  const e = parseEnv(FetchEnvSchema, env);
  return Object.freeze({
    contact: e.FETCH_CONTACT,
    intervalMs: e.FETCH_INTERVAL,
    delayMs: e.FETCH_DELAY,
    timeoutMs: e.FETCH_TIMEOUT,
    maxBytes: e.FETCH_MAX_BYTES,
    maxRedirects: e.FETCH_MAX_REDIRECTS,
    allowPrivate: e.FETCH_ALLOW_PRIVATE,
  });
}
