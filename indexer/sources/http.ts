/**
 * A polite HTTP client for fetching sources: one request at a time per host
 * with a pause between them (longer if robots.txt asks), robots.txt honoured on
 * every hop, redirects followed by hand (limited, each hop checked and
 * recorded), a deadline per request, and a size cap enforced while the body
 * streams in. Every connection goes through the address guard.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, request } from 'undici';
import robotsParserModule from 'robots-parser';
import { checkUrl, guardedLookup, RefusedAddressError, type AllowPrivate, type Resolver } from './guard.js';

export const ROBOTS_AGENT = 'Entente';
// The package is CommonJS exporting the function itself; its typings describe an ES default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
const MAX_ROBOTS_BYTES = 512 * 1024;
/** A Crawl-delay above this is read as this: a source is still checked within a run. */
const MAX_CRAWL_DELAY_MS = 60_000;

export interface ClientOptions {
  userAgent: string;
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: AllowPrivate;
  /** Name resolution (tests map names to addresses); the guard checks whatever it returns. */
  resolver?: Resolver;
}

export interface Hop {
  url: string;
  status: number;
}

export interface Validators {
  /** The URL the validators belong to (the final URL of the last good fetch). */
  url: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | {
      kind: 'ok';
      finalUrl: string;
      redirects: Hop[];
      /** Media type, lower case, without parameters. */
      contentType: string;
      /** The charset parameter of the Content-Type, lower case, when given. */
      charset: string | null;
      body: Buffer;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified'; finalUrl: string; redirects: Hop[] };

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly redirects: Hop[] = [],
    /** The address guard refused the host (not a failure of the host itself). */
    readonly refused = false,
  ) {
    super(message);
  }
}

type Robots = {
  allows(url: string): boolean;
  crawlDelayMs: number;
  note: string | null;
  /** The host's address is refused: reported as such rather than as a robots.txt problem. */
  refusal: string | null;
};

export function userAgent(version: string, contact: string | undefined): string {
  return `Entente/${version} (research collection indexer${contact ? `; +${contact}` : ''})`;
}

export class PoliteClient {
  private readonly agent: Agent;
  private hosts = new Map<string, { tail: Promise<unknown>; nextAt: number }>();
  private readonly robots = new Map<string, Promise<Robots>>();

  constructor(private readonly options: ClientOptions) {
    this.agent = new Agent({
      connect: { lookup: guardedLookup(options.allowPrivate, options.resolver), timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      // One connection per host: politeness, and nothing is pipelined.
      connections: 1,
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /**
   * GET `url`, following redirects; `accept` lists the content types wanted
   * (anything else is an error). Sends the validators when a hop reaches their URL.
   */
  async get(url: string, accept: readonly string[], validators?: Validators): Promise<FetchResult> {
    const redirects: Hop[] = [];
    let current = url;
    for (let hop = 0; ; hop++) {
      const target = this.check(current, redirects);
      const robots = await this.robotsFor(target);
      if (robots.refusal) throw new FetchError(robots.refusal, redirects);
      if (!robots.allows(target.href)) throw new FetchError(`robots.txt of ${target.host} disallows ${target.pathname}${robots.note ? ` (${robots.note})` : ''}`, redirects);
      const conditional = validators && validators.url === target.href ? validators : undefined;
      const response = await this.schedule(target, robots.crawlDelayMs, () => this.once(target, accept, conditional, redirects));
      if (response.kind === 'redirect') {
        redirects.push({ url: target.href, status: response.status });
        if (hop >= this.options.maxRedirects) throw new FetchError(`too many redirects (more than ${this.options.maxRedirects})`, redirects);
        current = response.location;
        continue;
      }
      if (response.kind === 'not-modified') return { kind: 'not-modified', finalUrl: target.href, redirects };
      return { ...response, finalUrl: target.href, redirects };
    }
  }

  private check(url: string, redirects: Hop[]): URL {
    try {
      return checkUrl(url, this.options.allowPrivate);
    } catch (err) {
      throw new FetchError((err as Error).message, redirects, true);
    }
  }

  /** Runs `task` when the host's previous request has finished and the pause has passed. */
  private schedule<T>(url: URL, crawlDelayMs: number, task: () => Promise<T>): Promise<T> {
    const slot = this.hosts.get(url.host) ?? { tail: Promise.resolve(), nextAt: 0 };
    this.hosts.set(url.host, slot);
    const run = slot.tail.then(async () => {
      const wait = slot.nextAt - Date.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      try {
        return await task();
      } finally {
        slot.nextAt = Date.now() + Math.max(this.options.delayMs, crawlDelayMs);
      }
    });
    slot.tail = run.catch(() => {});
    return run;
  }

  private async once(
    url: URL,
    accept: readonly string[],
    validators: Validators | undefined,
    redirects: Hop[],
  ): Promise<
    | { kind: 'redirect'; status: number; location: string }
    | { kind: 'not-modified' }
    | { kind: 'ok'; contentType: string; charset: string | null; body: Buffer; etag: string | null; lastModified: string | null }
  > {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: accept.join(', ') + ', */*;q=0.1',
      // Compressed transfers cost the site less; the size limit applies to the decompressed bytes too.
      'accept-encoding': 'gzip, deflate, br',
    };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const { maxBytes, timeoutMs } = this.options;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const res = await request(url, { dispatcher: this.agent, method: 'GET', headers, signal });
      const header = (name: string) => {
        const value = res.headers[name];
        return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
      };
      if ([301, 302, 303, 307, 308].includes(res.statusCode)) {
        await res.body.dump();
        const location = header('location');
        if (!location) throw new FetchError(`HTTP ${res.statusCode} without a Location`, redirects);
        return { kind: 'redirect', status: res.statusCode, location: new URL(location, url).href };
      }
      if (res.statusCode === 304 && validators) {
        await res.body.dump();
        return { kind: 'not-modified' };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump();
        throw new FetchError(`HTTP ${res.statusCode}${redirects.length ? ` at ${url.href}` : ''}`, redirects);
      }
      const [mediaType = '', ...parameters] = (header('content-type') ?? '').split(';');
      const contentType = mediaType.trim().toLowerCase();
      const charsetParameter = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='));
      const charset = charsetParameter ? charsetParameter.slice('charset='.length).replace(/^"|"$/g, '') || null : null;
      if (!accept.includes(contentType)) {
        await res.body.dump();
        const expected = accept.slice(0, 3).join(', ') + (accept.length > 3 ? ' …' : '');
        throw new FetchError(`content type ${contentType || '(none)'} is not one Entente reads here (${expected})`, redirects);
      }
      const declared = Number(header('content-length') ?? NaN);
      if (declared > maxBytes) {
        res.body.destroy();
        throw new FetchError(`larger than the ${maxBytes} byte limit (${declared} bytes declared)`, redirects);
      }
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of res.body) {
        total += (chunk as Buffer).length;
        if (total > maxBytes) {
          res.body.destroy();
          throw new FetchError(`larger than the ${maxBytes} byte limit (stopped reading)`, redirects);
        }
        chunks.push(chunk as Buffer);
      }
      const body = decode(Buffer.concat(chunks), header('content-encoding'), maxBytes, redirects);
      return { kind: 'ok', contentType, charset, body, etag: header('etag'), lastModified: header('last-modified') };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw new FetchError(describe(err, timeoutMs, signal), redirects, isRefusal(err));
    }
  }

  /** robots.txt of the URL's origin, fetched once per client. */
  private robotsFor(url: URL): Promise<Robots> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      robots = this.loadRobots(url);
      this.robots.set(url.origin, robots);
    }
    return robots;
  }

  private async loadRobots(url: URL): Promise<Robots> {
    const robotsUrl = `${url.origin}/robots.txt`;
    const allowAll: Robots = { allows: () => true, crawlDelayMs: 0, note: null, refusal: null };
    try {
      const limited = new PoliteClient({ ...this.options, maxBytes: Math.min(this.options.maxBytes, MAX_ROBOTS_BYTES) });
      limited.robots.set(url.origin, Promise.resolve(allowAll));
      // The same per-host queue as every other request to this host.
      limited.hosts = this.hosts;
      let result: FetchResult;
      try {
        result = await limited.get(robotsUrl, ['text/plain']);
      } finally {
        await limited.close();
      }
      if (result.kind !== 'ok') return allowAll;
      const parsed = robotsParser(robotsUrl, result.body.toString('utf8'));
      const delay = parsed.getCrawlDelay(ROBOTS_AGENT);
      return {
        allows: (target) => parsed.isAllowed(target, ROBOTS_AGENT) !== false,
        crawlDelayMs: Math.min(MAX_CRAWL_DELAY_MS, (delay ?? 0) * 1000),
        note: null,
        refusal: null,
      };
    } catch (err) {
      const message = (err as Error).message;
      if ((err as FetchError).refused) return { ...allowAll, refusal: message };
      // RFC 9309: no robots.txt (4xx) means no rules; one that cannot be read (5xx, network) means stay away.
      if (/^HTTP 4\d\d/.test(message) || /^content type /.test(message)) return allowAll;
      return { allows: () => false, crawlDelayMs: 0, note: `robots.txt could not be read: ${message}`, refusal: null };
    }
  }
}

/** The body without its transfer compression, never more than `maxBytes` (a small gzip can unpack to gigabytes). */
function decode(body: Buffer, encoding: string | null, maxBytes: number, redirects: Hop[]): Buffer {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  const decoders: Record<string, (data: Buffer, options: { maxOutputLength: number }) => Buffer> = {
    gzip: gunzipSync,
    'x-gzip': gunzipSync,
    deflate: inflateSync,
    br: brotliDecompressSync,
  };
  if (name === 'identity' || name === '') return body;
  const decoder = decoders[name];
  if (!decoder) throw new FetchError(`content encoding ${name} is not supported`, redirects);
  try {
    return decoder(body, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new FetchError(`larger than the ${maxBytes} byte limit once decompressed`, redirects);
    throw new FetchError(`the ${name} content could not be decompressed: ${(err as Error).message}`, redirects);
  }
}

function isRefusal(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) if (e instanceof RefusedAddressError) return true;
  return false;
}

/** A one-line reason for a failed request. */
function describe(err: unknown, timeoutMs: number, signal: AbortSignal): string {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof RefusedAddressError) return e.message;
  }
  const code = (err as { code?: string }).code ?? '';
  if (signal.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return `timed out after ${timeoutMs / 1000} s`;
  }
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? code ?? '';
  return `request failed: ${detail ? `${detail} ` : ''}${(err as Error).message}`.trim();
}
