/**
 * Query building judged by what the real engine returns, never by how a filter
 * is spelled: any filter syntax that selects the same documents passes. The
 * documents are few and hand-made, so the expected sets are computed by a
 * plain reading of the rules (OR within a facet, AND across facets, dates
 * inclusive) and compared with Meilisearch's answers.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Meilisearch, MultiSearchResult } from 'meilisearch';
import { FACETS, type FacetParam } from '../../contract/facets.js';
import { documentSettings, indexNames } from '../../contract/settings.js';
import { documentQueries, stateFilters } from '../../server/search/query.js';
import { parseSearchState, type RawParams, type SearchState } from '../../server/search/state.js';
import { adminClient, testPrefix } from '../support/engine.js';

interface Doc {
  id: string;
  title: string;
  text: string;
  themes: string[];
  /** Every theme named, about or in passing: a superset of `themes`. */
  themeMentions: string[];
  speakers: string[];
  type: string;
  organisations: string[];
  date: string | null;
  dateTs: number | null;
  year: number | null;
}

const HOSTILE_SPEAKER = 'x" OR speakers EXISTS OR speakers = "y';
const BACKSLASH_SPEAKER = 'back\\slash" OR id EXISTS';
const HOSTILE_ORG = "Institute ] OR type = 'news";

function doc(id: string, date: string | null, fields: Partial<Doc>): Doc {
  const ts = date ? Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 1000 : null;
  return {
    id,
    title: `Document ${id}`,
    text: 'Officials discussed defence cooperation between London and Brussels.',
    themes: [],
    speakers: [],
    type: 'briefing',
    organisations: [],
    date,
    dateTs: ts,
    year: date ? +date.slice(0, 4) : null,
    ...fields,
    themeMentions: fields.themeMentions ?? fields.themes ?? [],
  };
}

const DOCS: Doc[] = [
  doc('a', '2025-05-05', { themes: ['nato', 'sanctions'], speakers: ['Julian King'], type: 'event-report', organisations: ['Centre for European Reform'] }),
  doc('b', '2025-05-06', { themes: ['nato'], speakers: ['Jonathan Faull'], type: 'speech', organisations: ['Centre for European Reform'] }),
  doc('c', '2025-01-01', { themes: ['sanctions'], speakers: ['Julian King', HOSTILE_SPEAKER], type: 'policy-paper', organisations: [HOSTILE_ORG] }),
  doc('d', '2024-12-31', { themes: ['migration'], speakers: [BACKSLASH_SPEAKER], type: 'news' }),
  doc('e', '2024-03-14', { themes: ['nato', 'migration'], speakers: ['Jonathan Faull', 'Julian King'], type: 'briefing', organisations: ['Bocconi'] }),
  doc('f', null, { themes: ['nato'], type: 'other', text: 'A note without a date about sanctions.' }),
  doc('g', '2023-06-30', { themes: [], speakers: ['Eleanor Spaventa'], type: 'speech', organisations: ['Bocconi', 'Centre for European Reform'] }),
  doc('h', '2025-12-31', { themes: ['sanctions'], speakers: ['Eleanor Spaventa'], type: 'event-report' }),
];

const THEMES = ['nato', 'sanctions', 'migration'];
const context = { themeIds: new Set(THEMES) };
const parse = (params: RawParams) => parseSearchState(params, context);

const FIELD: Record<FacetParam, (d: Doc) => string[]> = {
  theme: (d) => d.themes,
  mentions: (d) => d.themeMentions,
  speaker: (d) => d.speakers,
  type: (d) => [d.type],
  org: (d) => d.organisations,
  year: (d) => (d.year === null ? [] : [String(d.year)]),
};

/** The rules, read plainly: OR within a facet, AND across facets and the date range. */
function expected(state: SearchState, except?: FacetParam): Doc[] {
  return DOCS.filter((d) => {
    for (const facet of FACETS) {
      const selected = state.selections[facet.param];
      if (facet.param === except || selected.length === 0) continue;
      if (!FIELD[facet.param](d).some((value) => selected.includes(value))) return false;
    }
    if (state.from && (d.dateTs === null || d.dateTs < state.from.ts)) return false;
    if (state.to && (d.dateTs === null || d.dateTs > state.to.ts)) return false;
    return true;
  });
}

const ids = (docs: { id: string }[]) => docs.map((d) => d.id).sort();

describe('search queries against the real engine', function () {
  this.timeout(60_000);
  let client: Meilisearch;
  const prefix = testPrefix('query');
  const names = indexNames(prefix);

  async function run(state: SearchState) {
    const { queries, facetOrder } = documentQueries(state, names);
    // Every hit on one page, so the whole result set can be compared.
    const [main, ...disjunctive] = queries;
    const results = (await client.multiSearch({ queries: [{ ...main!, page: 1, hitsPerPage: 100 }, ...disjunctive] })).results as MultiSearchResult<Doc>[];
    return { main: results[0]!, disjunctive: results.slice(1), facetOrder };
  }

  before(async () => {
    client = await adminClient();
    await client.createIndex(names.documents, { primaryKey: 'id' }).waitTask();
    await client.index(names.documents).updateSettings(documentSettings({}, [])).waitTask();
    await client.index(names.documents).addDocuments(DOCS).waitTask();
  });
  after(async () => {
    await client.deleteIndex(names.documents).waitTask().catch(() => {});
  });

  it('ORs values within a facet', async () => {
    const state = parse({ theme: ['nato', 'migration'] });
    assert.deepEqual(ids((await run(state)).main.hits), ['a', 'b', 'd', 'e', 'f']);
  });

  it('ANDs facets and an inclusive date range', async () => {
    const state = parse({ theme: ['nato', 'sanctions'], speaker: 'Julian King', from: '2025', to: '2025-05-05' });
    assert.deepEqual(ids((await run(state)).main.hits), ['a', 'c']);
  });

  it('matches numeric years, and leaves undated documents out of any date range', async () => {
    assert.deepEqual(ids((await run(parse({ year: ['2024', '2023'] }))).main.hits), ['d', 'e', 'g']);
    assert.deepEqual(ids((await run(parse({ from: '2000' }))).main.hits), ['a', 'b', 'c', 'd', 'e', 'g', 'h']);
  });

  it('treats a hostile value as one literal that matches only itself', async () => {
    for (const [param, value, only] of [
      ['speaker', HOSTILE_SPEAKER, 'c'],
      ['speaker', BACKSLASH_SPEAKER, 'd'],
      ['org', HOSTILE_ORG, 'c'],
      ['speaker', 'Nobody" OR speakers EXISTS OR speakers = "', null],
    ] as const) {
      const hits = (await run(parse({ [param]: value }))).main.hits;
      assert.deepEqual(ids(hits), only ? [only] : [], `${param}=${value}`);
    }
  });

  it('counts each selected facet without its own filter, and the others under every filter', async () => {
    const state = parse({ theme: 'nato', speaker: 'Julian King' });
    const { main, disjunctive, facetOrder } = await run(state);
    const countsOf = (docs: Doc[], param: FacetParam) => {
      const counts: Record<string, number> = {};
      for (const d of docs) for (const value of FIELD[param](d)) counts[value] = (counts[value] ?? 0) + 1;
      return counts;
    };
    assert.deepEqual(ids(main.hits), ids(expected(state)));
    for (const facet of FACETS.filter((f) => state.selections[f.param].length === 0)) {
      assert.deepEqual(main.facetDistribution?.[facet.field] ?? {}, countsOf(expected(state), facet.param), `${facet.param} counts`);
    }
    assert.deepEqual([...facetOrder].sort(), ['speaker', 'theme']);
    facetOrder.forEach((param, i) => {
      const field = FACETS.find((f) => f.param === param)!.field;
      assert.deepEqual(disjunctive[i]?.facetDistribution?.[field], countsOf(expected(state, param), param), `${param} counts`);
    });
  });

  it('browses newest first and honours oldest first', async () => {
    const dated = (hits: Doc[]) => hits.map((h) => h.date).filter((day): day is string => typeof day === 'string');
    const newest = dated((await run(parse({}))).main.hits);
    assert.equal(newest.length, 7);
    assert.deepEqual(newest, [...newest].sort().reverse());
    const oldest = dated((await run(parse({ sort: 'oldest' }))).main.hits);
    assert.deepEqual(oldest, [...oldest].sort());
  });

  it('returns exactly the documents the rules select, for any combination of filters', async () => {
    const pick = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 3 });
    const speakers = [...new Set(DOCS.flatMap((d) => d.speakers))].concat(['Nobody']);
    const orgs = [...new Set(DOCS.flatMap((d) => d.organisations))];
    const days = ['', '2023', '2024-03', '2024-12-31', '2025', '2025-05-05', '2025-05-06'];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          theme: pick(THEMES),
          speaker: pick(speakers),
          type: pick(['speech', 'briefing', 'event-report', 'news', 'other']),
          org: pick(orgs),
          year: pick(['2023', '2024', '2025']),
          from: fc.constantFrom(...days),
          to: fc.constantFrom(...days),
        }),
        async (params) => {
          if (params.from && params.to && params.from > params.to) return;
          const state = parse(params);
          assert.deepEqual(ids((await run(state)).main.hits), ids(expected(state)), JSON.stringify(params));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('filters only by what the state selects: no filter without a selection', () => {
    assert.deepEqual(stateFilters(parse({})), []);
  });
});
