/**
 * Sources by URL, end to end against a local web site and a real Meilisearch:
 * sources.yml in, fetched and indexed records out with their original URLs;
 * re-runs cost one 304 per unchanged page; failures keep the last good copy;
 * a run without --fetch uses the cache and sends nothing.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import request from 'supertest';
import type { DocumentRecord } from '../../contract/document.js';
import { indexNames } from '../../contract/settings.js';
import { runIndex, type IndexSummary, type Reporter } from '../../indexer/pipeline.js';
import { IndexRunner } from '../../indexer/service.js';
import { STATE_FILE } from '../../indexer/sources/cache.js';
import { explainUrl } from '../../indexer/sources/explain.js';
import type { FetchSettings } from '../../indexer/sources/fetch.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { copyShippedBasics, makePdf } from '../support/corpus.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';
import { TestSite, withEtag } from '../support/web.js';

const DELAY_MS = 60;
const SETTINGS: FetchSettings = {
  contact: 'research-desk@example.org',
  delayMs: DELAY_MS,
  timeoutMs: 1000,
  maxBytes: 256 * 1024,
  maxRedirects: 3,
  // Only the test site's own address: everything else private stays refused.
  allowPrivate: ['127.0.0.1'],
};

const prose = (topic: string) =>
  Array.from({ length: 6 }, (_, i) =>
    `<p>Paragraph ${i + 1} on ${topic}: ministers set out how the United Kingdom and the European Union would coordinate on security and defence, including sanctions, cyber resilience and support for Ukraine.</p>`,
  ).join('\n');

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/cookies">Cookie settings</a> Sitechromeword menu</nav></header>
<main><article><h1>${title}</h1>${body}</article></main>
<footer>Footerchromeword © Crown copyright</footer></body></html>`;

describe('sources by URL (local web site, real Meilisearch)', function () {
  this.timeout(120_000);
  let client: Meilisearch;
  let corpus: string;
  let data: string;
  let cacheDir: string;
  let site: TestSite;
  let pdf: Uint8Array;
  const prefix = testPrefix('sources');
  const names = indexNames(prefix);
  let changingVersion = 1;
  let articleFails = false;

  const index = (fetch: boolean, reporter?: Reporter): Promise<IndexSummary> =>
    runIndex({ corpusDir: corpus, client, prefix, sourcesDir: cacheDir, ...(fetch ? { fetch: SETTINGS } : {}), ...(reporter ? { reporter } : {}) });
  const documents = async () => (await client.index<DocumentRecord>(names.documents).getDocuments({ limit: 1000 })).results;
  const byUrl = async (url: string) => (await documents()).find((d) => d.sourceUrl === url);
  const search = async (q: string) => (await client.index<DocumentRecord>(names.documents).search(q)).hits.map((h) => h.sourceUrl);

  const writeSources = (omit: string[] = []) => {
    const u = (p: string) => site.url(p);
    const entries = [
      `  - url: ${u('/article')}\n    type: speech\n    people:\n      - { name: Jane Doe, role: speaker }`,
      `  - url: ${u('/old')}`,
      `  - url: ${u('/feed.xml')}\n    follow: { limit: 2, match: /items/ }\n    type: statement`,
      `  - url: ${u('/report.pdf')}\n    title: Defence industrial cooperation report`,
      `  - url: ${u('/changing')}`,
      `  - url: ${u('/hostile')}`,
      ...['/missing', '/broken', '/slow', '/huge', '/private/secret', '/plain.txt'].map((p) => `  - ${u(p)}`),
    ].filter((e) => !omit.some((p) => e.includes(u(p) + '\n') || e.endsWith(u(p))));
    writeFileSync(join(corpus, 'sources.yml'), `sources:\n${entries.join('\n')}\n`);
  };

  before(async () => {
    client = await adminClient();
    corpus = tempDir('sources-corpus');
    data = tempDir('sources-data');
    cacheDir = join(data, 'sources');
    copyShippedBasics(corpus);
    pdf = await makePdf([['Defence industrial cooperation report', 'Joint procurement of munitions and the zeitenwende of European industry.']], { title: 'Defence industrial cooperation report' });
    site = await new TestSite({
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      '/article': (req, res) =>
        articleFails
          ? void res.writeHead(500, { 'content-type': 'text/plain' }).end('down')
          : withEtag('text/html; charset=utf-8', () => page('Speech on European security', prose('interoperability of armed forces')), () => '"article-v1"')(req, res),
      '/old': (_req, res) => void res.writeHead(301, { location: '/moved' }).end(),
      '/moved': (_req, res) => void res.writeHead(302, { location: site.url('/article2') }).end(),
      '/article2': withEtag('text/html', () => page('Statement on maritime security', prose('coastguard patrols in the Channel')), () => '"a2"'),
      '/feed.xml': withEtag(
        'application/rss+xml',
        () => `<?xml version="1.0"?><rss version="2.0"><channel><title>Press releases</title>
          <item><title>One</title><link>${site.url('/items/1')}</link></item>
          <item><title>Two</title><link>/items/2</link></item>
          <item><title>Three</title><link>${site.url('/items/3')}</link></item>
          <item><title>Elsewhere</title><link>http://elsewhere.example/items/4</link></item>
          </channel></rss>`,
        () => '"feed-1"',
      ),
      '/items/1': withEtag('text/html', () => page('Press release on hybrid threats', prose('hybrid threats and disinformation')), () => '"i1"'),
      '/items/2': withEtag('text/html', () => page('Press release on military mobility', prose('military mobility corridors')), () => '"i2"'),
      '/items/3': withEtag('text/html', () => page('Press release three', prose('third item')), () => '"i3"'),
      '/report.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf)),
      '/changing': (req, res) => {
        const lastModified = new Date(Date.UTC(2026, 0, changingVersion)).toUTCString();
        if (req.headers['if-modified-since'] === lastModified) return void res.writeHead(304).end();
        const word = changingVersion === 1 ? 'firstwording' : 'correctedwording';
        res.writeHead(200, { 'content-type': 'text/html', 'last-modified': lastModified }).end(page('A page that is corrected', prose(`the ${word} of the communique`)));
      },
      // Markup in a fetched page's text must stay text on the site.
      '/hostile': (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(page('Notes &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;', prose('a page that tries to inject markup'))),
      '/missing': (_req, res) => void res.writeHead(404, { 'content-type': 'text/html' }).end('<p>gone</p>'),
      '/broken': (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end('<p>error</p>'),
      '/slow': (_req, res) => {
        const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Slow', prose('slow'))), 3000);
        res.on('close', () => clearTimeout(timer));
      },
      '/huge': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        for (let i = 0; i < 64 && !res.destroyed; i++) {
          if (!res.write(chunk)) await new Promise((done) => res.once('drain', done));
        }
        res.end();
      },
      '/private/secret': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page('Secret', prose('secret'))),
      '/plain.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('plain text'),
    }).start();
    writeSources();
  });

  after(async () => {
    await site.stop();
    for (const uid of [names.documents, names.passages]) await client.deleteIndex(uid).waitTask().catch(() => {});
    rmSync(corpus, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it('fetches the listed pages, a PDF and the followed feed items, and indexes them under their original URLs', async () => {
    const summary = await index(true);
    const u = (p: string) => site.url(p);
    assert.deepEqual(summary.fetch?.fetched, [u('/article'), u('/changing'), u('/hostile'), u('/items/1'), u('/items/2'), u('/old'), u('/report.pdf')].sort());
    assert.deepEqual(summary.failed, [], JSON.stringify(summary.failed));
    // The seed report plus seven sources.
    assert.equal(summary.indexed, 8);

    const article = (await byUrl(u('/article')))!;
    assert.equal(article.title, 'Speech on European security');
    assert.equal(article.type, 'speech');
    assert.deepEqual(article.speakers, ['Jane Doe']);
    assert.equal(article.finalUrl, u('/article'));
    assert.ok(article.retrievedAt && Math.abs(Date.parse(article.retrievedAt) - Date.now()) < 60_000, String(article.retrievedAt));
    assert.match(article.text, /interoperability of armed forces/);
    // The site's navigation and footer are not part of the document.
    assert.doesNotMatch(article.text, /Sitechromeword|Footerchromeword|Cookie settings/);
    assert.match(article.id, /^sources-127-0-0-1-\d+-article-[0-9a-f]{8}$/);

    const moved = (await byUrl(u('/old')))!;
    assert.equal(moved.title, 'Statement on maritime security');
    assert.equal(moved.finalUrl, u('/article2'));

    const items = (await documents()).filter((d) => d.sourceUrl?.includes('/items/'));
    assert.deepEqual(items.map((d) => d.sourceUrl).sort(), [u('/items/1'), u('/items/2')]);
    assert.ok(items.every((d) => d.type === 'statement'));

    const report = (await byUrl(u('/report.pdf')))!;
    assert.equal(report.format, 'pdf');
    assert.deepEqual(await search('zeitenwende'), [u('/report.pdf')]);
  });

  it('reports why each failing source failed, and never asks for what robots.txt disallows', async () => {
    const progress: string[] = [];
    const summary = await index(true, { start() {}, file() {}, finish() {}, source: (url, outcome) => void progress.push(`${outcome} ${url.replace(site.origin, '')}`) });
    assert.ok(progress.includes('failed /missing') && progress.includes('unchanged /article'), progress.join());
    const reasons = Object.fromEntries((summary.fetch?.failed ?? []).map((f) => [f.url.replace(site.origin, ''), f.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), ['/broken', '/huge', '/missing', '/plain.txt', '/private/secret', '/slow']);
    assert.match(reasons['/missing']!, /HTTP 404/);
    assert.match(reasons['/broken']!, /HTTP 500/);
    assert.match(reasons['/slow']!, /timed out after 1 s/);
    assert.match(reasons['/huge']!, /larger than the 262144 byte limit/);
    assert.match(reasons['/private/secret']!, /robots\.txt .* disallows \/private\/secret/);
    assert.match(reasons['/plain.txt']!, /content type text\/plain/);
    assert.equal(site.requests('/private/secret').length, 0);
    assert.equal(site.requests('/items/3').length, 0, 'beyond the follow limit');
  });

  it('is polite: names itself and its contact, one request at a time per host, with a pause between them', () => {
    for (const r of site.log) assert.match(String(r.headers['user-agent']), /^Entente\/\S+ \(.*\+research-desk@example\.org\)$/);
    assert.equal(site.maxInFlight, 1);
    const sorted = [...site.log].sort((a, b) => a.at - b.at);
    // Measured start to start: when the client cuts a response short, the server notices the end a little after the client.
    for (let i = 1; i < sorted.length; i++) {
      assert.ok(sorted[i]!.at - sorted[i - 1]!.at >= DELAY_MS - 2, `${sorted[i]!.path} followed ${sorted[i - 1]!.path} after ${sorted[i]!.at - sorted[i - 1]!.at} ms`);
    }
    assert.equal(site.requests('/robots.txt').length, 2, 'robots.txt once per run');
  });

  it('re-fetches only what changed: unchanged pages cost one 304, a corrected page is re-indexed', async () => {
    const before = (await byUrl(site.url('/changing')))!;
    changingVersion = 2;
    const logged = site.log.length;
    const summary = await index(true);
    assert.deepEqual(summary.fetch?.fetched, [site.url('/changing')]);
    assert.equal(summary.indexed, 1);
    const thisRun = site.log.slice(logged);
    const status = (path: string) => thisRun.filter((r) => r.path === path).map((r) => r.status);
    assert.deepEqual(status('/article'), [304]);
    assert.deepEqual(status('/hostile'), [200], 'no validators: downloaded again, but not re-indexed');
    assert.deepEqual(status('/article2'), [304]);
    assert.deepEqual(status('/feed.xml'), [304]);
    assert.deepEqual(status('/items/1'), [304]);
    assert.deepEqual(status('/changing'), [200]);

    const after = (await byUrl(site.url('/changing')))!;
    assert.equal(after.id, before.id);
    assert.ok(after.retrievedAt! > before.retrievedAt!);
    assert.deepEqual(await search('correctedwording'), [site.url('/changing')]);
    assert.deepEqual(await search('firstwording'), []);
  });

  it('keeps the last good copy when a source starts failing, and says so', async () => {
    const before = (await byUrl(site.url('/article')))!;
    articleFails = true;
    try {
      const summary = await index(true);
      const failure = summary.fetch?.failed.find((f) => f.url === site.url('/article'));
      assert.match(failure?.reason ?? '', new RegExp(`^HTTP 500 \\(keeping the copy retrieved ${before.retrievedAt!.replace(/[.]/g, '\\.')}\\)$`));
      const after = (await byUrl(site.url('/article')))!;
      assert.equal(after.text, before.text);
      assert.equal(after.retrievedAt, before.retrievedAt);
    } finally {
      articleFails = false;
    }
  });

  it('without --fetch, indexes from the cache and sends no request at all', async () => {
    const logged = site.log.length;
    const count = (await documents()).length;
    const summary = await index(false);
    assert.equal(site.log.length, logged);
    assert.equal(summary.indexed, 0);
    assert.equal(summary.fetch, undefined);
    assert.equal((await documents()).length, count);
  });

  it('the server\'s runner fetches only on the runs asked to (start-up, timer, an edited sources.yml)', async () => {
    const logged: string[] = [];
    const logger = { info: (o: object | string) => void logged.push(typeof o === 'string' ? o : JSON.stringify(o)), warn: () => {}, error: () => {} };
    const runner = new IndexRunner({ corpusDir: corpus, indexPrefix: prefix, sourcesDir: cacheDir, fetch: SETTINGS }, client, logger, true);
    const before = site.log.length;
    await runner.run();
    assert.equal(site.log.length, before, 'a plain run sends nothing');
    await runner.run({ fetch: true });
    assert.ok(site.requests('/article').length > 0 && site.log.length > before);
    assert.ok(logged.some((line) => line.includes('"fetch":')), 'the fetch summary is logged');
  });

  it('shows provenance on the document page and serves the fetched copy as its original file', async () => {
    const engine = await testEngine();
    const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
    const app = createApp({ search: { url: engine.url, searchKey, indexPrefix: prefix }, corpusDir: corpus, sourcesDir: cacheDir, production: true, log: () => {} });
    const moved = (await byUrl(site.url('/old')))!;
    const html = (await request(app).get(`/documents/${moved.id}`).expect(200)).text;
    assert.ok(html.includes(`href="${site.url('/old')}"`), 'links the original URL');
    assert.match(html, /Redirected to[\s\S]*\/article2/);
    assert.match(html, /Retrieved/);
    const file = await request(app).get(`/documents/${moved.id}/file`).expect(200);
    assert.match(file.text, /Statement on maritime security/);

    const hostile = (await byUrl(site.url('/hostile')))!;
    assert.match(hostile.title, /<script>alert\(1\)<\/script>/, 'the title is kept as text');
    const hostilePage = (await request(app).get(`/documents/${hostile.id}`).expect(200)).text;
    assert.ok(!hostilePage.includes('<script>alert(1)') && !hostilePage.includes('<img src=x'), 'escaped');
    assert.match(hostilePage, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    // The original is served as inert text.
    const original = await request(app).get(`/documents/${hostile.id}/file`).expect(200);
    assert.match(String(original.headers['content-type']), /^text\/plain/);
  });

  it('--explain URL shows what one URL gives without caching or indexing it', async () => {
    const state = readFileSync(join(cacheDir, STATE_FILE), 'utf8');
    const count = (await documents()).length;
    const result = await explainUrl(corpus, site.url('/items/3'), SETTINGS);
    assert.equal(result.fetch.finalUrl, site.url('/items/3'));
    assert.equal(result.document?.title, 'Press release three');
    assert.equal(result.document?.sourceUrl, site.url('/items/3'));
    const feed = await explainUrl(corpus, site.url('/feed.xml'), SETTINGS);
    assert.deepEqual(feed.fetch.links, [site.url('/items/1'), site.url('/items/2')]);
    assert.equal(readFileSync(join(cacheDir, STATE_FILE), 'utf8'), state);
    assert.equal((await documents()).length, count);
  });

  it('a source taken out of sources.yml leaves the cache and the index', async () => {
    const article = (await byUrl(site.url('/article')))!;
    writeSources(['/article']);
    const summary = await index(false);
    assert.equal(summary.removed, 1);
    assert.equal(await byUrl(site.url('/article')), undefined);
    assert.ok(!existsSync(join(cacheDir, article.file.replace(/^sources\//, ''))));
  });

  it('a mistake in sources.yml is reported and loses nothing', async () => {
    const count = (await documents()).length;
    writeFileSync(join(corpus, 'sources.yml'), `sources:\n  - url: ${site.url('/old')}\n    typ: speech\n`);
    const summary = await index(false);
    assert.equal(summary.failed.length, 1);
    assert.equal(summary.failed[0]!.file, 'sources.yml');
    assert.match(summary.failed[0]!.reason, /entry 1 .*unknown key "typ"/);
    assert.equal((await documents()).length, count);
  });
});
