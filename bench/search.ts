/**
 * The query mix and the Meilisearch requests behind it. The mix is fixed and
 * built from values present in the index: plain words, phrases and acronyms,
 * browsing, 0–3 facet filters, date ranges, sorts and later pages. The direct
 * baseline is recorded by running the server's own Library over a client that
 * keeps every multi-search body, so it is exactly what the app sends.
 */
import type { MultiSearchFederation, MultiSearchQuery, MultiSearchResult, RecordAny, SearchResponse } from 'meilisearch';
import { Meilisearch } from 'meilisearch';
import { indexNames } from '../contract/settings.js';
import { Library } from '../server/search/library.js';
import { SearchClient, type SearchConnection } from '../server/search/meili.js';
import { parseSearchState } from '../server/search/state.js';
import { random } from './generate.js';
import type { LoadRequest } from './load.js';

const WORDS = ['procurement', 'sanctions', 'migration', 'funding arrangements', 'parliamentary committees', 'cyber', 'oversight mechanisms', 'ammunition production'];
const PHRASES = ['"joint procurement"', '"people smuggling"', '"defence industry"', '"information sharing"', '"third-country access"'];
const ACRONYMS = ['PESCO', 'CSDP', 'SAFE', 'NATO', 'EDF', 'Europol'];

export interface FacetPool {
  theme: string[];
  type: string[];
  year: string[];
  org: string[];
  speaker: string[];
}

/** The most common values of each facet, from the documents index. */
export async function facetPool(admin: Meilisearch, prefix: string): Promise<FacetPool> {
  const res = await admin.index(indexNames(prefix).documents).search('', {
    limit: 0,
    facets: ['themes', 'type', 'year', 'organisations', 'speakers'],
  });
  const top = (field: string, n: number) =>
    Object.entries(res.facetDistribution?.[field] ?? {})
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([value]) => value);
  return { theme: top('themes', 10), type: top('type', 6), year: top('year', 15), org: top('organisations', 8), speaker: top('speakers', 12) };
}

/** A fixed list of query strings (`q=...&theme=...`), the same for every run over the same corpus. */
export function queryMix(pool: FacetPool, count = 48): string[] {
  const rng = random(20250505);
  const pick = <T>(list: readonly T[]): T | undefined => (list.length ? list[Math.floor(rng() * list.length)] : undefined);
  const texts = [...WORDS, ...PHRASES, ...ACRONYMS, ''];
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const params = new URLSearchParams();
    const q = texts[i % texts.length]!;
    if (q) params.set('q', q);
    const facets = (['theme', 'type', 'year', 'org', 'speaker'] as const).slice().sort(() => rng() - 0.5).slice(0, i % 4);
    for (const facet of facets) {
      const value = pick(pool[facet]);
      if (value) params.append(facet, value);
    }
    if (i % 3 === 1) {
      const from = 2011 + Math.floor(rng() * 8);
      params.set('from', String(from));
      params.set('to', `${from + 2 + Math.floor(rng() * 5)}-12`);
    }
    if (i % 5 === 2) params.set('sort', 'newest');
    const page = [1, 1, 1, 2, 3][i % 5]!;
    if (page > 1) params.set('page', String(page));
    queries.push(params.toString());
  }
  return queries;
}

/** A SearchClient that keeps the multi-search bodies it sends (plain and federated). */
class RecordingClient extends SearchClient {
  readonly calls: { queries: MultiSearchQuery[]; federation?: MultiSearchFederation }[] = [];
  override async multiSearch<T extends RecordAny = RecordAny>(queries: MultiSearchQuery[]): Promise<MultiSearchResult<T>[]> {
    this.calls.push(structuredClone({ queries }));
    return super.multiSearch<T>(queries);
  }
  override async federatedSearch<T extends RecordAny = RecordAny>(federation: MultiSearchFederation, queries: MultiSearchQuery[]): Promise<SearchResponse<T>> {
    this.calls.push(structuredClone({ federation, queries }));
    return super.federatedSearch<T>(federation, queries);
  }
}

/** For each query string, the multi-search requests the app makes for it, as HTTP requests to Meilisearch. */
export async function meiliSequences(
  connection: SearchConnection,
  queries: string[],
  themeIds: ReadonlySet<string>,
  acronyms: ReadonlySet<string> = new Set(),
): Promise<{ sequences: LoadRequest[][]; roundTrips: number[] }> {
  const sequences: LoadRequest[][] = [];
  for (const query of queries) {
    const client = new RecordingClient(connection);
    const params = Object.fromEntries(groupParams(new URLSearchParams(query)));
    await new Library(client, () => acronyms).searchDocuments(parseSearchState(params, { themeIds }));
    sequences.push(
      client.calls.map((body) => ({
        method: 'POST' as const,
        path: '/multi-search',
        headers: {
          'content-type': 'application/json',
          ...(connection.searchKey ? { authorization: `Bearer ${connection.searchKey}` } : {}),
        },
        // Requests the app sends at once (federated facet counts) are replayed one after another here.
        body: JSON.stringify(body),
      })),
    );
  }
  return { sequences, roundTrips: sequences.map((s) => s.length) };
}

/** Repeated parameters as arrays, as Express's simple query parser gives them. */
function groupParams(params: URLSearchParams): Map<string, string | string[]> {
  const grouped = new Map<string, string | string[]>();
  for (const [key, value] of params) {
    const existing = grouped.get(key);
    grouped.set(key, existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]);
  }
  return grouped;
}
