/**
 * On a corpus of a few thousand documents, every facet count the site shows
 * equals the number of documents a search with that value selected returns,
 * with and without a query and beside a selection in another facet.
 */
import { strict as assert } from 'node:assert';
import request from 'supertest';
import type { Express } from 'express';
import { FACETS } from '../../contract/facets.js';
import { indexNames } from '../../contract/settings.js';
import { indexedApp } from '../support/app.js';
import { generateDocuments, copyShippedBasics } from '../support/corpus.js';
import { adminClient, tempDir } from '../support/engine.js';

const DOCUMENTS = 2500;

interface FacetValue {
  value: string;
  count: number;
}
interface SearchResponse {
  total: number;
  facets: Record<string, FacetValue[]>;
}

describe(`facet counts on ${DOCUMENTS} documents`, function () {
  this.timeout(600_000);
  let prefix: string;
  let app: Express;

  before(async () => {
    const corpus = tempDir('facets-corpus');
    copyShippedBasics(corpus);
    generateDocuments(corpus, DOCUMENTS - 1);
    const site = await indexedApp('facets', corpus);
    assert.equal(site.summary.documents, DOCUMENTS);
    ({ app, prefix } = site);
  });
  after(async () => {
    const client = await adminClient();
    for (const uid of Object.values(indexNames(prefix))) await client.deleteIndex(uid).waitTask().catch(() => {});
  });

  const search = async (params: [string, string][]): Promise<SearchResponse> => {
    const res = await request(app).get('/api/search').query(new URLSearchParams(params).toString()).expect(200);
    return res.body as SearchResponse;
  };

  /**
   * Checks every shown value of every facet: its count is the total of the same
   * search with the facet's own selection replaced by that value (disjunctive
   * counts: the other facets' selections still apply).
   */
  async function checkEveryValue(base: [string, string][]): Promise<number> {
    const shown = await search(base);
    let checked = 0;
    for (const facet of FACETS) {
      for (const { value, count } of shown.facets[facet.param] ?? []) {
        const params: [string, string][] = [...base.filter(([p]) => p !== facet.param), [facet.param, value]];
        const filtered = await search(params);
        assert.equal(filtered.total, count, `${facet.param}=${value} shows ${count} beside ${JSON.stringify(base)}`);
        checked++;
      }
    }
    return checked;
  }

  it('browsing everything: every value shown counts exactly its documents', async () => {
    const checked = await checkEveryValue([]);
    assert.ok(checked > 30, `checked ${checked} values`);
  });

  it('with a query', async () => {
    assert.ok((await checkEveryValue([['q', 'sanctions']])) > 10);
  });

  it('beside a selection in another facet (disjunctive counts)', async () => {
    const first = (await search([])).facets.type![0]!.value;
    assert.ok((await checkEveryValue([['type', first]])) > 10);
  });
});
