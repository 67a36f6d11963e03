/**
 * The one server module that talks to Meilisearch. Everything the server reads
 * goes through search requests with a search-only key; Meilisearch errors are
 * translated here into the server's typed errors, keeping the cause.
 *
 * Searches go over a pool of kept-alive connections (undici's Pool and its
 * request()), not fetch: on the request path fetch's per-call work (Headers
 * objects, the referrer and origin steps of the Fetch standard, web streams)
 * cost more CPU than the rest of the app's own handling of a search.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type FederatedMultiSearchParams,
  type MultiSearchFederation,
  type MultiSearchQuery,
  type MultiSearchResult,
  type SearchResponse,
  type RecordAny,
} from 'meilisearch';
import { errors as undiciErrors, Pool } from 'undici';
import { editionsIndexName, indexNames, isIndexNotFound, type IndexNames } from '../../contract/settings.js';
import { SearchUnavailable } from '../errors.js';
import { readinessQueries } from './query.js';

export interface SearchConnection {
  url: string;
  /** A key allowed to search only; undefined for an unsecured engine. */
  searchKey: string | undefined;
  indexPrefix: string;
  /** Per request; a hung engine becomes a 503, not a hung page. */
  timeoutMs?: number;
}

export class SearchClient {
  readonly names: IndexNames;
  /** The edition history (contract/editions.ts): absent until the indexer has run with it. */
  readonly editionsIndex: string;
  private readonly transport: SearchTransport;

  constructor(connection: SearchConnection) {
    this.names = indexNames(connection.indexPrefix);
    this.editionsIndex = editionsIndexName(connection.indexPrefix);
    this.transport = new SearchTransport(connection.url, connection.searchKey, connection.timeoutMs ?? 10_000);
  }

  /** One multi-search round trip; results in the order of the queries. */
  async multiSearch<T extends RecordAny = RecordAny>(queries: MultiSearchQuery[]): Promise<MultiSearchResult<T>[]> {
    if (queries.length === 0) return [];
    try {
      const response = await this.transport.post<{ results: MultiSearchResult<T>[] }>('multi-search', { queries });
      return response.results;
    } catch (err) {
      throw translateError(err);
    }
  }

  /** One federated search: the queries' results joined into one ranked list (how `OR` is answered). */
  async federatedSearch<T extends RecordAny = RecordAny>(federation: MultiSearchFederation, queries: MultiSearchQuery[]): Promise<SearchResponse<T>> {
    try {
      return await this.transport.post<SearchResponse<T>>('multi-search', { federation, queries } satisfies FederatedMultiSearchParams);
    } catch (err) {
      throw translateError(err);
    }
  }

  /** Closes the kept-alive connections (a server shutting down, a test ending). */
  close(): Promise<void> {
    return this.transport.close();
  }

  /** Meilisearch answers and both indexes exist (searches on them succeed), with their sizes. */
  async ready(): Promise<Readiness> {
    try {
      const [documents, passages] = await this.multiSearch(readinessQueries(this.names));
      return { ok: true, documents: documents?.estimatedTotalHits ?? 0, passages: passages?.estimatedTotalHits ?? 0 };
    } catch (err) {
      return {
        ok: false,
        reason: isIndexNotFound(err) ? 'index-missing' : 'unavailable',
        problem: err instanceof Error ? err.message : String(err),
      };
    }
  }
}

/**
 * POSTs JSON to Meilisearch over kept-alive connections and reads the JSON answer,
 * failing as the meilisearch client does (MeilisearchApiError for an error answer,
 * MeilisearchRequestError when the engine cannot be reached, MeilisearchRequestTimeOutError
 * when it does not answer in time), so translateError reads both alike.
 */
class SearchTransport {
  private readonly pool: Pool;
  /** The path of the engine's URL: Meilisearch may sit under a prefix behind a proxy. */
  private readonly basePath: string;
  private readonly headers: Record<string, string>;

  constructor(
    url: string,
    searchKey: string | undefined,
    private readonly timeoutMs: number,
  ) {
    const base = new URL(url.endsWith('/') ? url : `${url}/`);
    this.basePath = base.pathname;
    // Compressing every response only to decompress it on the same machine cost about an
    // eighth of the server's CPU under load: undici's request() asks for none.
    this.headers = { 'content-type': 'application/json', ...(searchKey ? { authorization: `Bearer ${searchKey}` } : {}) };
    this.pool = new Pool(base.origin, { headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const target = `${this.basePath}${path}`;
    let statusCode: number;
    let text: string;
    try {
      const response = await this.pool.request({ method: 'POST', path: target, headers: this.headers, body: JSON.stringify(body) });
      statusCode = response.statusCode;
      text = await response.body.text();
    } catch (err) {
      if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
        throw new MeilisearchRequestTimeOutError(this.timeoutMs, { method: 'POST' });
      }
      throw new MeilisearchRequestError(target, err);
    }
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (statusCode < 200 || statusCode >= 300) {
      throw new MeilisearchApiError(new Response(null, { status: statusCode }), parsed as ConstructorParameters<typeof MeilisearchApiError>[1]);
    }
    return parsed as T;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

export type Readiness =
  | { ok: true; documents: number; passages: number }
  | { ok: false; reason: 'index-missing' | 'unavailable'; problem: string };

export function translateError(err: unknown): unknown {
  if (err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError) {
    return new SearchUnavailable('The search engine is not answering. Please try again in a moment.', { cause: err });
  }
  if (err instanceof MeilisearchApiError) {
    if (isIndexNotFound(err)) {
      return new SearchUnavailable('The search index is not built yet. Please try again once indexing has finished.', { cause: err });
    }
    if (err.response.status === 401 || err.response.status === 403 || (err.response.status >= 500)) {
      return new SearchUnavailable('The search engine refused the request. Please try again in a moment.', { cause: err });
    }
  }
  return err;
}

/**
 * The search-only key for the server, obtained with the master key: the
 * engine's default search key when it exists, else a key created for searching
 * the Entente indexes only. The master key itself never leaves this function.
 */
export async function obtainSearchKey(url: string, masterKey: string | null | undefined, indexPrefix: string): Promise<string | undefined> {
  if (!masterKey) return undefined;
  const admin = new Meilisearch({ host: url, apiKey: masterKey, timeout: 10_000 });
  const { results } = await admin.getKeys({ limit: 1000 });
  const usable = results.find(
    (key) =>
      key.actions.length === 1 &&
      key.actions[0] === 'search' &&
      (key.indexes.includes('*') || key.indexes.includes(`${indexPrefix}_*`)) &&
      (key.expiresAt === null || new Date(key.expiresAt).getTime() > Date.now()),
  );
  if (usable) return usable.key;
  const created = await admin.createKey({
    name: `${indexPrefix} search`,
    description: 'Search-only key for the Entente web server',
    actions: ['search'],
    indexes: [`${indexPrefix}_*`],
    expiresAt: null,
  });
  return created.key;
}
