/**
 * Meilisearch going away and coming back: a clear 503 page and JSON while it
 * is down, the process keeps serving, and the next request after it returns
 * works, with no restart. Uses its own engine on its own data directory.
 */
import { strict as assert } from 'node:assert';
import { Meilisearch } from 'meilisearch';
import request from 'supertest';
import { ensureEngine, freePort, type Engine } from '../../indexer/engine/engine.js';
import { runIndex } from '../../indexer/pipeline.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { tempDir, testPrefix } from '../support/engine.js';
import { copyShippedBasics } from '../support/corpus.js';
import { SEED_ID } from './site.js';

describe('acceptance: search engine down and back', function () {
  this.timeout(180_000);
  const dataDir = tempDir('failure-engine');
  const corpusDir = tempDir('failure-corpus');
  const prefix = testPrefix('failure');
  let engine: Engine;
  let port: number;
  let app: ReturnType<typeof createApp>;
  const logged: string[] = [];

  before(async function () {
    if (process.env.MEILI_URL) this.skip(); // needs an engine it can stop and start
    copyShippedBasics(corpusDir);
    port = await freePort(7950);
    engine = await ensureEngine({ dataDir, port });
    const client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
    await runIndex({ corpusDir, client, prefix });
    const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
    app = createApp({ search: { url: engine.url, searchKey, indexPrefix: prefix, timeoutMs: 3000 }, corpusDir, production: true, log: (line) => logged.push(line) });
  });

  after(async () => {
    await engine?.stop();
  });

  it('searches while the engine is up', async () => {
    const res = await request(app).get('/api/search?q=people%20smuggling').expect(200);
    assert.ok((res.body as { hits: { id: string }[] }).hits.some((h) => h.id === SEED_ID));
  });

  it('answers 503 with a clear message while it is down, and keeps running', async () => {
    await engine.stop();
    const page = await request(app).get('/?q=NATO').expect(503).expect('Content-Type', /html/);
    assert.match(page.text, /Search unavailable/);
    assert.match(page.text, /not answering/);
    assert.ok(!/at .+\.ts:\d+/.test(page.text), 'no stack trace');
    assert.equal(page.headers['retry-after'], '5');
    const json = await request(app).get('/api/search?q=NATO').expect(503).expect('Content-Type', /json/);
    assert.match((json.body as { error: string }).error, /not answering/);
    await request(app).get(`/documents/${SEED_ID}`).expect(503);
    await request(app).get(`/passages/${SEED_ID}_deadbeef`).expect(503);
    await request(app).get('/readyz').expect(503);
    await request(app).get('/healthz').expect(200);
    assert.ok(logged.some((line) => line.startsWith('503 GET /?q=NATO')), 'the failure is logged');
  });

  it('recovers by itself on the next request once the engine is back', async () => {
    engine = await ensureEngine({ dataDir, port });
    assert.equal(engine.url, `http://127.0.0.1:${port}`);
    const res = await request(app).get('/api/search?q=people%20smuggling').expect(200);
    assert.ok((res.body as { hits: { id: string }[] }).hits.some((h) => h.id === SEED_ID));
    await request(app).get('/readyz').expect(200);
    await request(app).get('/').expect(200);
  });

  it('answers 503, not 500, when the indexes do not exist yet', async () => {
    const searchKey = await obtainSearchKey(engine.url, engine.masterKey, 'never_built');
    const empty = createApp({ search: { url: engine.url, searchKey, indexPrefix: 'never_built' }, corpusDir, production: true, log: () => {} });
    const res = await request(empty).get('/').expect(503);
    assert.match(res.text, /not built yet/);
    await request(empty).get('/readyz').expect(503);
  });
});
