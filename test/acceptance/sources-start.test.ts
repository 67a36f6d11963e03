/**
 * `npm start` with sources.yml: the server fetches the listed URLs after its
 * first run, re-checks them every FETCH_INTERVAL (a 304 for an unchanged page)
 * and fetches a URL added to sources.yml while it runs. Server process, real
 * Meilisearch, local web site.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../indexer/engine/engine.js';
import { copyShippedBasics } from '../support/corpus.js';
import { tempDir, testEngine, testPrefix } from '../support/engine.js';
import { TestSite } from '../support/web.js';

const ROOT = join(import.meta.dirname, '..', '..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const page = (title: string, words: string) =>
  `<html><head><title>${title}</title></head><body><nav>Menu</nav><main><h1>${title}</h1>${`<p>${words} in the UK–EU security partnership. </p>`.repeat(5)}</main></body></html>`;

describe('acceptance: npm start keeps sources by URL current', function () {
  this.timeout(180_000);
  let site: TestSite;
  let child: ChildProcess | null = null;
  let output = '';
  const corpus = tempDir('sources-start-corpus');
  const data = tempDir('sources-start-data');
  let base = '';

  /** The documents whose text matches `q`, with their source URLs, once there are any. */
  async function sourcesMatching(q: string, timeoutMs = 90_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`);
        if (res.ok) {
          const hits = ((await res.json()) as { hits: { id: string }[] }).hits;
          if (hits.length) {
            return Promise.all(hits.map(async (h) => ((await (await fetch(`${base}/api/documents/${h.id}`)).json()) as { sourceUrl: string }).sourceUrl));
          }
        }
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`nothing matched "${q}" within ${timeoutMs} ms:\n${output}`);
  }

  before(async () => {
    site = await new TestSite({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '/speech': (req, res) => {
        if (req.headers['if-none-match'] === '"s1"') return void res.writeHead(304, { etag: '"s1"' }).end();
        res.writeHead(200, { 'content-type': 'text/html', etag: '"s1"' }).end(page('Speech on deterrence', 'Bastionwords about deterrence'));
      },
      '/later': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page('Added later', 'Laterwords about sanctions')),
    }).start();
    copyShippedBasics(corpus);
    writeFileSync(join(corpus, 'sources.yml'), `sources:\n  - ${site.url('/speech')}\n`);
    const engine = await testEngine();
    const port = await freePort(0);
    base = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    for (const name of ['MEILI_URL', 'MEILI_MASTER_KEY', 'INDEX_PREFIX', 'CORPUS_DIR', 'DATA_DIR', 'BASE_URL', 'WATCH', 'INDEX_ON_START']) delete env[name];
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        BASE_URL: base,
        MEILI_URL: engine.url,
        ...(engine.masterKey ? { MEILI_MASTER_KEY: engine.masterKey } : {}),
        INDEX_PREFIX: testPrefix('sourcesstart'),
        CORPUS_DIR: corpus,
        DATA_DIR: data,
        FETCH_INTERVAL: '3s',
        FETCH_DELAY: '0',
        FETCH_ALLOW_PRIVATE: '127.0.0.1',
        FETCH_CONTACT: 'desk@example.org',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((done) => child!.once('exit', done));
    }
    await site.stop();
    rmSync(corpus, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it('fetches the listed URL and serves it under its original URL', async () => {
    assert.deepEqual(await sourcesMatching('Bastionwords'), [site.url('/speech')]);
  });

  it('re-checks it every FETCH_INTERVAL, at the cost of a 304', async () => {
    const deadline = Date.now() + 30_000;
    while (!site.requests('/speech').some((r) => r.status === 304) && Date.now() < deadline) await sleep(200);
    const statuses = site.requests('/speech').map((r) => r.status);
    assert.equal(statuses[0], 200);
    assert.ok(statuses.slice(1).length > 0 && statuses.slice(1).every((s) => s === 304), statuses.join());
  });

  it('fetches a URL added to sources.yml while it runs, within seconds', async () => {
    writeFileSync(join(corpus, 'sources.yml'), `sources:\n  - ${site.url('/speech')}\n  - ${site.url('/later')}\n`);
    assert.deepEqual(await sourcesMatching('Laterwords', 30_000), [site.url('/later')]);
  });
});
