/**
 * Property-based checks of search input handling: random valid and invalid
 * parameters (wrong types, huge numbers, unicode, markup, filter injection)
 * never produce a 500; the API answers 200 or 400 with JSON; the HTML page
 * never reflects markup from the request unescaped.
 */
import { strict as assert } from 'node:assert';
import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { runIndex } from '../../indexer/pipeline.js';
import { DOC_TYPES } from '../../contract/document.js';
import { SORTS } from '../../contract/facets.js';
import { loadTaxonomy } from '../../contract/taxonomy.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { makeFixtureCorpus } from '../support/corpus.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

type Params = [string, string][];

const WORDS = ['defence', 'NATO', 'PESCO', 'sanctions', '"people smuggling"', 'Europol', 'procurement', 'SAFE', ''];
const INJECTIONS = [
  'x" OR type = "news',
  '" OR 1=1 --',
  'news"] OR themes EXISTS OR type IN ["',
  "x' OR '1'='1",
  '\\" OR id EXISTS',
  'dateTs > 0',
  '_geoRadius(0, 0, 1)',
  '*',
];
const NUMBERS = ['0', '-1', '1e9', '99999999999999999999', '1.5', 'NaN', 'Infinity', '0x10', ' 2 ', '٣'];
const PARAM_NAMES = ['q', 'theme', 'speaker', 'type', 'org', 'year', 'from', 'to', 'sort', 'page', 'per'];

/** Markup with a token that cannot occur in the page by chance. */
const markup = fc
  .tuple(fc.constantFrom('script', 'img src=x onerror=alert(1)', 'b', 'mark', 'a href="javascript:alert(1)"', 'svg onload=alert(1)'), fc.stringMatching(/^[a-z0-9]{8}$/), fc.string({ maxLength: 8 }))
  .map(([tag, token, tail]) => `<${tag} data-fz="${token}">${tail}</${tag.split(' ')[0]}>`);

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...INJECTIONS, ...NUMBERS),
  markup,
  fc.string({ minLength: 490, maxLength: 700 }),
);

function validParams(themeIds: string[]): fc.Arbitrary<Params> {
  const date = fc
    .tuple(fc.integer({ min: 2000, max: 2030 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }))
    .map(([y, m, d]) => [String(y), m && String(m).padStart(2, '0'), m && d && String(d).padStart(2, '0')].filter(Boolean).join('-'));
  const entry = fc.oneof(
    fc.constantFrom(...WORDS).map((q): [string, string] => ['q', q]),
    fc.constantFrom(...themeIds).map((v): [string, string] => ['theme', v]),
    fc.constantFrom(...DOC_TYPES).map((v): [string, string] => ['type', v]),
    fc.integer({ min: 2005, max: 2026 }).map((v): [string, string] => ['year', String(v)]),
    fc.constantFrom('Julian King', 'Jonathan Faull', 'Alan Dashwood').map((v): [string, string] => ['speaker', v]),
    fc.constantFrom('Centre for European Reform', 'Institute for European Policymaking at Bocconi University').map((v): [string, string] => ['org', v]),
    date.map((v): [string, string] => ['from', v]),
    date.map((v): [string, string] => ['to', v]),
    fc.constantFrom(...Object.keys(SORTS)).map((v): [string, string] => ['sort', v]),
    fc.integer({ min: 1, max: 5 }).map((v): [string, string] => ['page', String(v)]),
    fc.constantFrom('10', '20', '50').map((v): [string, string] => ['per', v]),
  );
  return fc.array(entry, { maxLength: 6 }).map(asValidRequest);
}

const SINGLE_VALUED = new Set(['q', 'from', 'to', 'sort', 'page', 'per']);

/** One value per single-valued parameter, and a date range that does not end before it starts. */
function asValidRequest(params: Params): Params {
  const seen = new Set<string>();
  const kept = params.filter(([name]) => !SINGLE_VALUED.has(name) || (!seen.has(name) && (seen.add(name), true)));
  const from = kept.find(([name]) => name === 'from');
  const to = kept.find(([name]) => name === 'to');
  // Compared on the last day each bound can mean: 2024 as "to" covers all of 2024.
  if (from && to && `${to[1]}-99`.localeCompare(from[1]) < 0) [from[1], to[1]] = [to[1], from[1]];
  return kept;
}

const invalidParams: fc.Arbitrary<Params> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 12 }), fc.constantFrom('q[]', 'theme[0]', '__proto__', 'constructor')), anyText),
  { minLength: 1, maxLength: 6 },
);

function queryString(params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of params) search.append(name, value);
  return search.toString();
}

/** The input values that, reflected verbatim, would be markup injected into the page. */
function markupInputs(params: Params): string[] {
  return params
    .flatMap(([name, value]) => [name, value, value.trim().replace(/\s+/g, ' ')])
    .filter((value) => /<[a-zA-Z/!]/.test(value) && value.length >= 8);
}

describe('acceptance: fuzzed search input', function () {
  this.timeout(120_000);
  let app: Express;
  let themeIds: string[];

  before(async () => {
    const engine = await testEngine();
    const client = await adminClient();
    const prefix = testPrefix('fuzz');
    const corpusDir = tempDir('fuzz-corpus');
    await makeFixtureCorpus(corpusDir);
    await runIndex({ corpusDir, client, prefix });
    const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
    app = createApp({ search: { url: engine.url, searchKey, indexPrefix: prefix }, corpusDir, production: true, log: () => {} });
    themeIds = loadTaxonomy(corpusDir).themes.map((t) => t.id);
  });

  async function checkApi(params: Params): Promise<void> {
    const res = await request(app).get(`/api/search?${queryString(params)}`);
    assert.ok(res.status === 200 || res.status === 400, `API answered ${res.status} for ${JSON.stringify(params)}: ${res.text.slice(0, 300)}`);
    assert.match(String(res.headers['content-type']), /application\/json/);
    if (res.status === 400) assert.equal(typeof (res.body as { error?: unknown }).error, 'string');
    else assert.ok(Array.isArray((res.body as { hits?: unknown }).hits));
  }

  async function checkPage(params: Params): Promise<void> {
    const res = await request(app).get(`/?${queryString(params)}`);
    assert.ok(res.status === 200 || res.status === 400, `page answered ${res.status} for ${JSON.stringify(params)}`);
    for (const value of markupInputs(params)) {
      assert.ok(!res.text.includes(value), `page reflects ${JSON.stringify(value)} unescaped`);
    }
  }

  it('answers valid combinations of parameters with 200 on the API and the page', async () => {
    await fc.assert(
      fc.asyncProperty(validParams(themeIds), async (params) => {
        const api = await request(app).get(`/api/search?${queryString(params)}`);
        assert.equal(api.status, 200, `API answered ${api.status} for ${JSON.stringify(params)}: ${api.text.slice(0, 300)}`);
        const page = await request(app).get(`/?${queryString(params)}`);
        assert.equal(page.status, 200, `page answered ${page.status} for ${JSON.stringify(params)}`);
      }),
      { numRuns: 120 },
    );
  });

  it('answers random invalid input with 200 or 400, never a 500, and never reflects markup', async () => {
    await fc.assert(
      fc.asyncProperty(invalidParams, async (params) => {
        await checkApi(params);
        await checkPage(params);
      }),
      { numRuns: 250 },
    );
  });

  it('mixes valid parameters with injection attempts without widening the results', async () => {
    const all = (await request(app).get('/api/search').expect(200)).body as { total: number };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('type', 'theme', 'speaker', 'org'), fc.constantFrom(...INJECTIONS), async (name, value) => {
        const res = await request(app).get(`/api/search?${queryString([[name, value]])}`);
        assert.ok(res.status === 200 || res.status === 400, `answered ${res.status}`);
        // An injected "OR" would match documents; an escaped literal matches no facet value.
        if (res.status === 200) assert.equal((res.body as { total: number }).total, 0, `${name}=${value} matched documents`);
      }),
      { numRuns: 40 },
    );
    assert.ok(all.total > 0);
  });

  it('survives malformed percent-encoding and raw markup in the URL', async () => {
    for (const raw of ['q=%E0%A4%A', 'q=%', 'theme=%ZZ', 'q=<script>alert(1)</script>', 'q=%3Cimg%20src%3Dx%3E&page=%00']) {
      const api = await request(app).get(`/api/search?${raw}`);
      assert.ok(api.status === 200 || api.status === 400, `API ${raw}: ${api.status}`);
      const page = await request(app).get(`/?${raw}`);
      assert.ok(page.status === 200 || page.status === 400, `page ${raw}: ${page.status}`);
      assert.ok(!page.text.includes('<script>alert(1)</script>') && !page.text.includes('<img src=x>'));
    }
  });
});
