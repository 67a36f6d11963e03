/**
 * The fetch stage: runs before discover when asked (`--fetch`, the server's
 * timer). Checks every source in sources.yml, conditionally, and leaves the
 * cache holding the newest good copy of each; a source that cannot be fetched
 * keeps its last good copy and is reported with the reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { FetchConfig } from '../../contract/fetch-config.js';
import { SourceCache, sha256, type CachedDocument } from './cache.js';
import { FEED_TYPES, followLinks } from './follow.js';
import { FetchError, PoliteClient, userAgent, type ClientOptions, type FetchResult, type Hop } from './http.js';
import { normaliseUrl, type SourceEntry } from './list.js';
import type { Resolver } from './guard.js';

export const DOCUMENT_TYPES = ['text/html', 'application/xhtml+xml', 'application/pdf'] as const;
/** Types some servers give PDFs: accepted only when the bytes are a PDF. */
const PDF_ALIASES = ['application/octet-stream', 'binary/octet-stream', 'application/x-pdf', 'application/download', 'application/force-download'];
const ACCEPTED_DOCUMENT_TYPES = [...DOCUMENT_TYPES, ...PDF_ALIASES];
const LISTING_TYPES = ['text/html', 'application/xhtml+xml', ...FEED_TYPES] as const;
/** Hosts checked at once; each host still sees one request at a time. */
const HOSTS_AT_ONCE = 4;
const VERSION = '0.1';

export type FetchSettings = Omit<FetchConfig, 'intervalMs'> & {
  /** Tests map host names to addresses; the address guard still applies. */
  resolver?: Resolver;
};

export interface FetchSummary {
  /** Sources asked for (documents, not listings). */
  checked: number;
  /** New or changed content written to the cache. */
  fetched: string[];
  /** Unchanged: a 304, or the same bytes again. */
  unchanged: number;
  /** Sources (or listings) that could not be fetched, with why; their last good copy stays. */
  failed: { url: string; reason: string }[];
  /** Cached copies deleted because their entry left sources.yml. */
  removed: string[];
}

export type SourceOutcome = 'fetched' | 'unchanged' | 'failed';
export type SourceListener = (url: string, outcome: SourceOutcome, reason?: string) => void;

export function clientOptions(settings: FetchSettings): ClientOptions {
  return {
    userAgent: userAgent(VERSION, settings.contact),
    delayMs: settings.delayMs,
    timeoutMs: settings.timeoutMs,
    maxBytes: settings.maxBytes,
    maxRedirects: settings.maxRedirects,
    allowPrivate: settings.allowPrivate,
    ...(settings.resolver ? { resolver: settings.resolver } : {}),
  };
}

export async function fetchSources(
  entries: readonly SourceEntry[],
  cacheDir: string,
  settings: FetchSettings,
  { now = () => new Date(), onSource }: { now?: () => Date; onSource?: SourceListener } = {},
): Promise<FetchSummary> {
  const cache = new SourceCache(cacheDir);
  const client = new PoliteClient(clientOptions(settings));
  const summary: FetchSummary = { checked: 0, fetched: [], unchanged: 0, failed: [], removed: [] };
  const listed = new Set(entries.filter((e) => !e.follow).map((e) => e.url));
  const claimed = new Set<string>();
  const limit = pLimit(HOSTS_AT_ONCE);
  // Entries grouped by host: the client serialises each host anyway; this keeps a slow host from holding the others' slots.
  const byHost = new Map<string, SourceEntry[]>();
  for (const entry of entries) {
    const host = new URL(entry.url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), entry]);
  }

  const fetchOne = async (url: string, origin: string, metadata: Record<string, unknown>) => {
    summary.checked++;
    const outcome = await fetchDocument(client, cache, url, origin, metadata, now);
    if (outcome.kind === 'fetched') summary.fetched.push(url);
    else if (outcome.kind === 'unchanged') summary.unchanged++;
    else summary.failed.push({ url, reason: outcome.reason });
    // Recorded at once: a run stopped part-way still knows every copy it wrote.
    cache.save();
    onSource?.(url, outcome.kind, outcome.kind === 'failed' ? outcome.reason : undefined);
  };

  try {
    await Promise.all(
      [...byHost.values()].map((hostEntries) =>
        limit(async () => {
          for (const entry of hostEntries) {
            if (!entry.follow) {
              await fetchOne(entry.url, entry.url, entry.metadata);
              continue;
            }
            const links = await followListing(client, cache, entry, listed, now);
            if (typeof links === 'string') {
              summary.failed.push({ url: entry.url, reason: `listing: ${links}` });
              onSource?.(entry.url, 'failed', `listing: ${links}`);
              continue;
            }
            // Items are fetched after the listing, each through its own host's queue; a link two listings share, once.
            const unclaimed = links.filter((link) => !claimed.has(link));
            for (const link of unclaimed) claimed.add(link);
            await Promise.all(unclaimed.map((link) => fetchOne(link, entry.url, entry.metadata)));
          }
        }),
      ),
    );
  } finally {
    limit.clearQueue();
    await client.close();
    summary.removed = cache.sync(entries).removed;
    cache.save();
  }
  summary.fetched.sort();
  summary.failed.sort((a, b) => (a.url < b.url ? -1 : 1));
  return summary;
}

type DocumentOutcome = { kind: 'fetched'; doc: CachedDocument } | { kind: 'unchanged'; doc: CachedDocument } | { kind: 'failed'; reason: string };

async function fetchDocument(
  client: PoliteClient,
  cache: SourceCache,
  url: string,
  origin: string,
  metadata: Record<string, unknown>,
  now: () => Date,
): Promise<DocumentOutcome> {
  const previous = cache.document(url);
  const checkedAt = now().toISOString();
  let result: FetchResult;
  try {
    result = await client.get(
      url,
      ACCEPTED_DOCUMENT_TYPES,
      previous ? { url: previous.finalUrl, etag: previous.etag, lastModified: previous.lastModified } : undefined,
    );
  } catch (err) {
    const reason = (err as Error).message;
    if (!previous) return { kind: 'failed', reason };
    cache.update(url, { checkedAt, lastError: reason });
    return { kind: 'failed', reason: `${reason} (keeping the copy retrieved ${previous.retrievedAt})` };
  }
  if (result.kind === 'not-modified') {
    cache.update(url, { checkedAt, lastError: null, redirects: result.redirects });
    return { kind: 'unchanged', doc: previous! };
  }
  const content = storedContent(result);
  if (typeof content === 'string') {
    if (!previous) return { kind: 'failed', reason: content };
    cache.update(url, { checkedAt, lastError: content });
    return { kind: 'failed', reason: `${content} (keeping the copy retrieved ${previous.retrievedAt})` };
  }
  result = { ...result, ...content };
  const hash = sha256(result.body);
  const validators = { etag: result.etag, lastModified: result.lastModified, redirects: result.redirects, checkedAt, lastError: null };
  if (previous && previous.sha256 === hash && previous.contentType === result.contentType && previous.finalUrl === result.finalUrl) {
    cache.update(url, validators);
    return { kind: 'unchanged', doc: previous };
  }
  const doc = cache.store(
    { url, origin, finalUrl: result.finalUrl, retrievedAt: checkedAt, sha256: hash, contentType: result.contentType, ...validators },
    result.body,
    metadata,
  );
  return { kind: 'fetched', doc };
}

/**
 * The bytes and type to keep: a PDF sent as a generic binary type is a PDF; an
 * HTML page in a legacy charset named only in the HTTP header is stored as
 * UTF-8 (the copy must read the same without that header).
 */
export function storedContent(result: { contentType: string; charset: string | null; body: Buffer }): { contentType: string; body: Buffer } | string {
  const { contentType, charset, body } = result;
  if (PDF_ALIASES.includes(contentType)) {
    return body.subarray(0, 1024).includes('%PDF-') ? { contentType: 'application/pdf', body } : `content type ${contentType} and not a PDF`;
  }
  if (contentType === 'application/pdf' || !charset || ['utf-8', 'utf8', 'us-ascii'].includes(charset)) return { contentType, body };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return `charset ${charset} is not one Entente can read`;
  }
  const text = decoder.decode(body);
  // The page's own <meta charset> would now be wrong: say what the bytes are.
  const html = /<meta[^>]+charset/i.test(text) ? text.replace(/(<meta[^>]+charset\s*=\s*["']?)[^"'\s>;]+/i, '$1utf-8') : text;
  return { contentType, body: Buffer.from(html, 'utf8') };
}

/** The links of a followed listing, fetched conditionally (a 304 reuses the links found last time), or why not. */
async function followListing(client: PoliteClient, cache: SourceCache, entry: SourceEntry, listed: ReadonlySet<string>, now: () => Date): Promise<string[] | string> {
  const previous = cache.listing(entry.url);
  try {
    const result = await client.get(
      entry.url,
      LISTING_TYPES,
      previous ? { url: previous.finalUrl, etag: previous.etag, lastModified: previous.lastModified } : undefined,
    );
    const checkedAt = now().toISOString();
    if (result.kind === 'not-modified') {
      cache.setListing({ ...previous!, checkedAt });
      return previous!.links;
    }
    const links = followLinks(result.body, result.contentType, result.finalUrl, entry.follow!, listed);
    cache.setListing({ url: entry.url, finalUrl: result.finalUrl, etag: result.etag, lastModified: result.lastModified, links, checkedAt });
    return links;
  } catch (err) {
    return (err as Error).message;
  }
}

export interface UrlExplanation {
  url: string;
  finalUrl: string | null;
  redirects: Hop[];
  contentType: string | null;
  bytes: number;
  sha256: string | null;
  /** For a listing or feed: the links its follow rule (or the default one) takes. */
  links?: string[];
  /** Where the fetched copy was put for extraction (deleted afterwards). */
  file?: string;
  /** Its name in the cache, as a real fetch would store it (`<host>/<slug>.<ext>`). */
  cacheName?: string;
  error?: string;
}

/**
 * What one URL gives, without touching the cache or the index: the fetch
 * (redirects, type, size) and, for a document, the copy in a temporary folder
 * with its sidecar, for the caller to run the stages on. Call `cleanup` after.
 */
export async function fetchForExplain(rawUrl: string, entries: readonly SourceEntry[], settings: FetchSettings): Promise<{ explanation: UrlExplanation; cleanup: () => void }> {
  const url = normaliseUrl(rawUrl) ?? rawUrl;
  const entry = entries.find((e) => e.url === url);
  const folder = mkdtempSync(join(tmpdir(), 'entente-explain-'));
  const cleanup = () => rmSync(folder, { recursive: true, force: true });
  const explanation: UrlExplanation = { url, finalUrl: null, redirects: [], contentType: null, bytes: 0, sha256: null };
  const client = new PoliteClient(clientOptions(settings));
  try {
    const fetched = await client.get(url, entry?.follow ? LISTING_TYPES : [...ACCEPTED_DOCUMENT_TYPES, ...FEED_TYPES]);
    if (fetched.kind !== 'ok') throw new FetchError('unexpected 304');
    const content = FEED_TYPES.includes(fetched.contentType as never) ? fetched : storedContent(fetched);
    if (typeof content === 'string') throw new FetchError(content);
    const result = { ...fetched, ...content };
    Object.assign(explanation, { finalUrl: result.finalUrl, redirects: result.redirects, contentType: result.contentType, bytes: result.body.length, sha256: sha256(result.body) });
    if (entry?.follow || (FEED_TYPES as readonly string[]).includes(result.contentType)) {
      const rule = entry?.follow ?? { limit: 20, hosts: [new URL(url).host], match: null };
      explanation.links = followLinks(result.body, result.contentType, result.finalUrl, rule);
      return { explanation, cleanup };
    }
    const cache = new SourceCache(folder);
    const doc = cache.store(
      { url, origin: url, finalUrl: result.finalUrl, redirects: result.redirects, retrievedAt: new Date().toISOString(), checkedAt: new Date().toISOString(), sha256: explanation.sha256!, contentType: result.contentType, etag: null, lastModified: null, lastError: null },
      result.body,
      entry?.metadata ?? {},
    );
    explanation.file = join(folder, doc.file);
    explanation.cacheName = doc.file;
  } catch (err) {
    explanation.error = err instanceof FetchError ? err.message : `${(err as Error).message}`;
    if (err instanceof FetchError) explanation.redirects = err.redirects;
  } finally {
    await client.close();
  }
  return { explanation, cleanup };
}
