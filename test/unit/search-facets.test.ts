import { strict as assert } from 'node:assert';
import type { MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { indexNames } from '../../contract/settings.js';
import { Library } from '../../server/search/library.js';
import { FACET_VALUES_SHOWN as MAX_FACET_VALUES } from '../../contract/facets.js';
import type { SearchClient } from '../../server/search/meili.js';
import { parseSearchState, type RawParams } from '../../server/search/state.js';

const names = indexNames('t');

/** 300 speakers: "Speaker 000" in 300 documents down to "Speaker 299" in 1. */
const SPEAKERS = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`Speaker ${String(i).padStart(3, '0')}`, 300 - i]));
/** 150 years, more than the bound, each with documents. */
const YEARS = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [String(1900 + i), 1 + (i % 7)]));

/** A search client answering every documents query with the same large distributions. */
function fakeClient(): { client: SearchClient; sent: MultiSearchQuery[][] } {
  const sent: MultiSearchQuery[][] = [];
  const client = {
    names,
    async multiSearch(queries: MultiSearchQuery[]) {
      sent.push(queries);
      return queries.map<MultiSearchResult<Record<string, unknown>>>((query) => ({
        indexUid: query.indexUid,
        hits: [],
        query: query.q ?? '',
        processingTimeMs: 0,
        totalHits: 450,
        page: 1,
        totalPages: 23,
        hitsPerPage: 20,
        facetDistribution: { speakers: SPEAKERS, year: YEARS, themes: { nato: 5, sanctions: 9 } },
      }));
    },
  };
  return { client: client as unknown as SearchClient, sent };
}

async function facetsFor(params: RawParams) {
  const { client } = fakeClient();
  const outcome = await new Library(client).searchDocuments(parseSearchState(params, { themeIds: new Set(['nato', 'sanctions']) }));
  return Object.fromEntries(outcome.facets.map((f) => [f.param, f.values]));
}

describe('facet lists of a results page', () => {
  it('carries the most frequent values up to the bound, most documents first, with exact counts', async () => {
    const { speaker } = await facetsFor({});
    assert.equal(speaker?.length, MAX_FACET_VALUES);
    assert.deepEqual(speaker?.[0], { value: 'Speaker 000', count: 300, selected: false });
    assert.deepEqual(speaker?.at(-1), { value: `Speaker ${String(MAX_FACET_VALUES - 1).padStart(3, '0')}`, count: 300 - (MAX_FACET_VALUES - 1), selected: false });
  });

  it('keeps a selected value that falls beyond the bound, with its count', async () => {
    const { speaker } = await facetsFor({ speaker: ['Speaker 250', 'Speaker 001'] });
    assert.equal(speaker?.length, MAX_FACET_VALUES + 1);
    assert.deepEqual(speaker?.at(-1), { value: 'Speaker 250', count: 50, selected: true });
    assert.deepEqual(speaker?.[1], { value: 'Speaker 001', count: 299, selected: true });
  });

  it('keeps a selected value no document has under the other filters, with count 0', async () => {
    const { speaker, theme } = await facetsFor({ speaker: 'Nobody at all', theme: 'nato' });
    assert.deepEqual(speaker?.at(-1), { value: 'Nobody at all', count: 0, selected: true });
    assert.deepEqual(theme, [
      { value: 'sanctions', count: 9, selected: false },
      { value: 'nato', count: 5, selected: true },
    ]);
  });

  it('never cuts the years, which the histogram draws in full', async () => {
    const { year } = await facetsFor({});
    assert.equal(year?.length, 150);
  });

  it('orders equal counts alphabetically', async () => {
    const { client } = fakeClient();
    const tied = { ...client, names, multiSearch: async (queries: MultiSearchQuery[]) =>
      queries.map(() => ({ hits: [], facetDistribution: { organisations: { 'Zeta Forum': 2, 'alpha Institute': 2, 'Beta Centre': 2, 'Omega': 3 } } })) };
    const outcome = await new Library(tied as unknown as SearchClient).searchDocuments(parseSearchState({}, { themeIds: new Set() }));
    const org = outcome.facets.find((f) => f.param === 'org')?.values.map((v) => v.value);
    assert.deepEqual(org, ['Omega', 'alpha Institute', 'Beta Centre', 'Zeta Forum']);
  });

  it('remembers the names under a set of filters for the spelling suggestion: one request per set of filters', async () => {
    const { client, sent } = fakeClient();
    const library = new Library(client);
    const state = (params: RawParams) => parseSearchState(params, { themeIds: new Set(['nato', 'sanctions']) });
    const first = await library.filterVocabulary(state({ q: 'smugling', theme: 'nato' }));
    assert.ok(first.includes('Speaker 000'), 'the speakers under the filters');
    const requests = sent.length;
    assert.deepEqual(await library.filterVocabulary(state({ q: 'procurment', theme: 'nato', page: '2' })), first, 'another query under the same filters');
    assert.equal(sent.length, requests, 'answered from memory');
    await library.filterVocabulary(state({ q: 'smugling', theme: 'sanctions' }));
    assert.ok(sent.length > requests, 'other filters are asked for');
  });
});
