/**
 * A hostile document or theme pattern must not block the web server: every format is
 * extracted in worker processes with time and memory limits, and theme patterns run
 * in a linear-time engine (or are refused when the taxonomy is loaded).
 */
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { indexNames } from '../../contract/settings.js';
import { ConfigError, loadTaxonomy } from '../../contract/taxonomy.js';
import { runIndex, type IndexSummary } from '../../indexer/pipeline.js';
import { compileTaxonomy, foldSameLength, matchTheme } from '../../indexer/themes/matcher.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

const BODY = 'A short report on defence procurement and the security partnership between the United Kingdom and the European Union.\n';
/** Per-file time limit of the worker pool in these tests. */
const TIMEOUT_MS = 8_000;

describe('security: hostile documents do not block the server', function () {
  this.timeout(180_000);
  let client: Meilisearch;
  let corpus: string;
  let server: Server;
  let base: string;
  const prefix = testPrefix('hostile');

  before(async () => {
    const engine = await testEngine();
    client = await adminClient();
    corpus = tempDir('hostile-corpus');
    writeFileSync(join(corpus, 'plain.txt'), BODY);
    const app = createApp({
      search: { url: engine.url, searchKey: await obtainSearchKey(engine.url, engine.masterKey, prefix), indexPrefix: prefix },
      corpusDir: corpus,
      production: true,
      log: () => {},
    });
    server = createServer(app);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server?.close();
    const names = indexNames(prefix);
    for (const uid of [names.documents, names.passages]) await client.deleteIndex(uid).waitTask().catch(() => {});
    rmSync(corpus, { recursive: true, force: true });
  });

  /** Indexes while probing /healthz every 100 ms; the slowest answer, in milliseconds. */
  async function indexWhileProbing(): Promise<{ summary: IndexSummary; worstMs: number; probes: number }> {
    let done = false;
    let worstMs = 0;
    let probes = 0;
    const probing = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await fetch(`${base}/healthz`);
        assert.equal(res.status, 200);
        worstMs = Math.max(worstMs, performance.now() - started);
        probes++;
        await new Promise((wait) => setTimeout(wait, 100));
      }
    })();
    try {
      const summary = await runIndex({ corpusDir: corpus, client, prefix, extraction: { timeoutMs: TIMEOUT_MS } });
      return { summary, worstMs, probes };
    } finally {
      done = true;
      await probing;
    }
  }

  it('answers /healthz promptly while a page of 100,000 nested <div>s is indexed', async () => {
    const depth = 100_000;
    writeFileSync(join(corpus, 'nested.html'), `<html><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}<p>${BODY}</p></body></html>`);
    try {
      const { summary, worstMs, probes } = await indexWhileProbing();
      assert.ok(probes >= 5, `only ${probes} probes were answered`);
      assert.ok(worstMs < 1000, `/healthz took ${worstMs.toFixed(0)} ms while indexing`);
      // The page either extracts or fails alone within its limits; the ordinary file is indexed either way.
      assert.ok(summary.documents >= 1, JSON.stringify(summary));
      const failed = summary.failed.find((f) => f.file === 'nested.html');
      if (failed) assert.match(failed.reason, /timed out|nested too deeply|memory/);
    } finally {
      rmSync(join(corpus, 'nested.html'), { force: true });
    }
  });

  it('fails deeply nested Markdown alone, with a reason', async () => {
    writeFileSync(join(corpus, 'nested.md'), `${'> '.repeat(20_000)}deep\n`);
    writeFileSync(join(corpus, 'ordinary.md'), `# Ordinary\n\n${BODY}`);
    try {
      const { summary, worstMs } = await indexWhileProbing();
      assert.ok(worstMs < 1000, `/healthz took ${worstMs.toFixed(0)} ms while indexing`);
      const failed = summary.failed.find((f) => f.file === 'nested.md');
      assert.ok(failed, JSON.stringify(summary));
      assert.match(failed.reason, /nested too deeply/);
      assert.ok(!summary.failed.some((f) => f.file === 'ordinary.md'));
      const { hits } = await client.index(indexNames(prefix).documents).search('Ordinary');
      assert.ok(hits.some((hit) => hit['id'] === 'ordinary-md'));
    } finally {
      rmSync(join(corpus, 'nested.md'), { force: true });
    }
  });
});

describe('security: theme patterns run in linear time', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('themes');
    mkdirSync(dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const taxonomyWith = (pattern: string) =>
    writeFileSync(join(dir, 'themes.yml'), `themes:\n  - id: redos\n    label: ReDoS\n    terms:\n      patterns: ['${pattern}']\n`);

  it('matches (a|a)+$ against a hostile passage without stalling', () => {
    taxonomyWith('(a|a)+$');
    const [compiled] = compileTaxonomy(loadTaxonomy(dir));
    // A backtracking engine takes 2^40 steps here.
    const text = `${'a'.repeat(40)}!`;
    const started = performance.now();
    const evidence = matchTheme(compiled!, text, foldSameLength(text));
    const ms = performance.now() - started;
    assert.deepEqual(evidence, {});
    assert.ok(ms < 500, `matching took ${ms.toFixed(0)} ms`);
  });

  it('still matches what the pattern says, ignoring case', () => {
    taxonomyWith('\\barticle\\s+42\\(7\\)');
    const [compiled] = compileTaxonomy(loadTaxonomy(dir));
    const text = 'Under ARTICLE 42(7), and again article 42(7).';
    assert.deepEqual(matchTheme(compiled!, text, foldSameLength(text)), { 'article 42(7)': 2 });
  });

  it('refuses a pattern the linear-time engine cannot run, naming it, when the taxonomy is loaded', () => {
    taxonomyWith('(?=defence)defence');
    assert.throws(() => loadTaxonomy(dir), (err: Error) => err instanceof ConfigError && /theme "redos": bad pattern \(\?=defence\)defence/.test(err.message) && /RE2/.test(err.message));
  });
});
