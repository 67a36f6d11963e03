import { strict as assert } from 'node:assert';
import { FACETS } from '../../contract/facets.js';
import { indexNames } from '../../contract/settings.js';
import { filterString as quote } from '../../contract/filters.js';
import { documentQueries, facetFilter, stateFilters } from '../../server/search/query.js';
import { parseSearchState } from '../../server/search/state.js';

const names = indexNames('t');
const parse = (params: Record<string, unknown>) => parseSearchState(params, { themeIds: new Set(['nato', 'sanctions']) });
const speakerFacet = FACETS.find((f) => f.param === 'speaker')!;
const yearFacet = FACETS.find((f) => f.param === 'year')!;

describe('search queries from the state', () => {
  it('quotes filter values, escaping backslashes and quotes', () => {
    assert.equal(quote('plain'), '"plain"');
    assert.equal(quote('say "hi"'), '"say \\"hi\\""');
    assert.equal(quote('back\\slash" OR id EXISTS'), '"back\\\\slash\\" OR id EXISTS"');
  });

  it('turns a hostile value into one quoted literal inside IN [...]', () => {
    const filter = facetFilter(speakerFacet, ['x" OR speakers EXISTS OR speakers = "y']);
    assert.equal(filter, 'speakers IN ["x\\" OR speakers EXISTS OR speakers = \\"y"]');
  });

  it('leaves validated years unquoted', () => {
    assert.equal(facetFilter(yearFacet, ['2024', '2025']), 'year IN [2024, 2025]');
  });

  it('ANDs facets and the date range, taking field names from the catalog', () => {
    const state = parse({ theme: ['nato', 'sanctions'], speaker: 'Julian King', from: '2025', to: '2025-05-05' });
    assert.deepEqual(stateFilters(state), [
      'themes IN ["nato", "sanctions"]',
      'speakers IN ["Julian King"]',
      `dateTs >= ${Date.UTC(2025, 0, 1) / 1000}`,
      `dateTs <= ${Date.UTC(2025, 4, 5) / 1000}`,
    ]);
  });

  it('adds one disjunctive query per selected facet, without that facet\'s own filter', () => {
    const state = parse({ q: 'defence', theme: 'nato', speaker: 'Julian King', page: '2', per: '10' });
    const { queries, facetOrder } = documentQueries(state, names);
    assert.equal(queries.length, 3);
    const [main, themeCounts, speakerCounts] = queries;
    assert.equal(main?.indexUid, 't_documents');
    assert.equal(main?.page, 2);
    assert.equal(main?.hitsPerPage, 10);
    assert.deepEqual(main?.facets, ['type', 'organisations', 'year']);
    assert.deepEqual(facetOrder, ['theme', 'speaker']);
    assert.deepEqual(themeCounts?.filter, ['speakers IN ["Julian King"]']);
    assert.deepEqual(themeCounts?.facets, ['themes']);
    assert.equal(themeCounts?.limit, 0);
    assert.deepEqual(speakerCounts?.filter, ['themes IN ["nato"]']);
  });

  it('sorts browsing newest first and leaves relevance to the engine for a query', () => {
    assert.deepEqual(documentQueries(parse({}), names).queries[0]?.sort, ['dateTs:desc']);
    assert.deepEqual(documentQueries(parse({ q: 'x' }), names).queries[0]?.sort, []);
  });
});
