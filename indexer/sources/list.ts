/**
 * corpus/sources.yml: the sources Entente fetches by URL. Each entry is a URL
 * plus optional sidecar keys (the same keys as a NAME.meta.yml), and optional
 * `follow` rules that make the URL a listing page or RSS/Atom feed whose links
 * are fetched as documents. Validated strictly: a typo stops the run with the
 * entry and key named, rather than fetching the wrong thing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SOURCES_FILE } from '../../contract/paths.js';
import { readGivenMetadata } from '../metadata/input.js';

export { SOURCES_FILE };
export const DEFAULT_FOLLOW_LIMIT = 20;
export const MAX_FOLLOW_LIMIT = 500;

/** Keys written into the generated sidecar by the fetcher itself: never given in sources.yml. */
const GENERATED_KEYS = new Set(['url', 'source_url', 'sourceurl', 'final_url', 'retrieved']);
/** Per-document facts that would be wrong if copied onto every item of a feed. */
const PER_DOCUMENT_KEYS = new Set(['title', 'date', 'event_date', 'published', 'publication_date', 'date_published', 'summary', 'abstract', 'description']);

export interface FollowRule {
  /** Links taken from the listing, first ones first. */
  limit: number;
  /** Hosts a link may point to (lower case); by default the listing's own host. */
  hosts: string[];
  /** Text a link's URL must contain (for example a path such as /government/speeches/). */
  match: string | null;
}

export interface SourceEntry {
  /** The URL as listed (fragment removed): the document's source URL and the key of its cache. */
  url: string;
  /** Sidecar keys for the document, or for every document a followed listing yields. */
  metadata: Record<string, unknown>;
  follow: FollowRule | null;
}

export class SourceListError extends Error {
  override name = 'SourceListError';
}

const FollowSchema = z.strictObject({
  limit: z.number().int().min(1).max(MAX_FOLLOW_LIMIT).default(DEFAULT_FOLLOW_LIMIT),
  hosts: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+(:\d+)?$/, 'must be a host name such as www.gov.uk')).optional(),
  match: z.string().min(1).optional(),
});

/** The entries of `corpusDir/sources.yml`, or null when there is no such file. */
export function loadSourceList(corpusDir: string): SourceEntry[] | null {
  const file = join(corpusDir, SOURCES_FILE);
  if (!existsSync(file)) return null;
  return parseSourceList(readFileSync(file, 'utf8'));
}

export function parseSourceList(text: string): SourceEntry[] {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new SourceListError(`${SOURCES_FILE}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    if (typeof value !== 'object') throw new SourceListError(`${SOURCES_FILE}: must hold "sources:", a list of entries with a url`);
    const extra = Object.keys(value).find((k) => k !== 'sources');
    if (extra !== undefined) throw new SourceListError(`${SOURCES_FILE}: unknown key "${extra}" (the file holds "sources:", a list of entries)`);
  }
  const list: unknown = Array.isArray(value) ? value : (value as { sources?: unknown }).sources;
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) throw new SourceListError(`${SOURCES_FILE}: "sources" must be a list of entries with a url`);

  const entries: SourceEntry[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw: unknown, i) => {
    const where = `${SOURCES_FILE}: entry ${i + 1}`;
    const item = typeof raw === 'string' ? { url: raw } : raw;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new SourceListError(`${where}: must be a URL or a mapping with a url`);
    const { url: rawUrl, follow: rawFollow, ...rest } = item as Record<string, unknown>;
    const url = normaliseUrl(rawUrl);
    if (!url) throw new SourceListError(`${where}: url must be an http(s) URL (got ${JSON.stringify(rawUrl ?? null)})`);
    const at = `${where} (${url})`;
    const previous = seen.get(url);
    if (previous !== undefined) throw new SourceListError(`${at}: the same URL as entry ${previous}`);
    seen.set(url, i + 1);

    for (const key of Object.keys(rest)) {
      const k = key.trim().toLowerCase().replace(/-/g, '_');
      if (GENERATED_KEYS.has(k)) throw new SourceListError(`${at}: "${key}" is written by the fetcher; give the address as url`);
      if (rawFollow !== undefined && rawFollow !== null && PER_DOCUMENT_KEYS.has(k)) {
        throw new SourceListError(`${at}: "${key}" cannot be given for a followed listing: it would be copied onto every document it links to`);
      }
    }
    const read = readGivenMetadata(rest, { strict: true });
    if (!read.ok) throw new SourceListError(`${at}: ${read.error}`);

    let follow: FollowRule | null = null;
    if (rawFollow !== undefined && rawFollow !== null) {
      const parsed = FollowSchema.safeParse(rawFollow === true ? {} : rawFollow);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new SourceListError(`${at}: follow${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`);
      }
      follow = { limit: parsed.data.limit, hosts: parsed.data.hosts ?? [new URL(url).host], match: parsed.data.match ?? null };
    }
    entries.push({ url, metadata: rest, follow });
  });
  return entries;
}

/** An http(s) URL without its fragment (a fragment never changes what the server sends), else null. */
export function normaliseUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
