/**
 * The server as operators run it: a child process (NODE_ENV=production) on the
 * test engine, reached through a small proxy that can hold Meilisearch
 * requests, so a first index run or a search can be kept "in progress" for as
 * long as a test needs. Checks start-up order (live at once, ready once
 * indexed), JSON request logs with request ids and no keys, and graceful shutdown.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, type Engine } from '../../indexer/engine/engine.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { tempDir, testEngine, testPrefix } from '../support/engine.js';
import { copyShippedBasics } from '../support/corpus.js';
import { SEED_ID } from './site.js';
import { alive } from '../support/app.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Forwards to Meilisearch; a request matching a hold waits until the test releases it. */
class MeiliProxy {
  readonly requests: { method: string; path: string }[] = [];
  private readonly holds: { match: (method: string, path: string) => boolean; reached: () => void; released: Promise<void> }[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    const port = await freePort(0);
    this.server = createServer((req, res) => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      this.requests.push({ method, path });
      const hold = this.holds.find((h) => h.match(method, path));
      hold?.reached();
      void (hold?.released ?? Promise.resolve()).then(() => {
        const upstream = httpRequest(this.target + path, { method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
      });
    });
    await new Promise<void>((done) => this.server!.listen(port, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Requests matching `match` wait until release(); `reached` resolves when the first one arrives. */
  hold(match: (method: string, path: string) => boolean) {
    let release!: () => void;
    let reached!: () => void;
    const released = new Promise<void>((done) => (release = done));
    const arrived = new Promise<void>((done) => (reached = done));
    const hold = { match, reached, released };
    this.holds.push(hold);
    return {
      reached: arrived,
      release: () => {
        this.holds.splice(this.holds.indexOf(hold), 1);
        release();
      },
    };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/** A server child process with its output kept for inspection. */
class ServerProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly port: number,
    env: Record<string, string>,
  ) {
    const inherited = { ...process.env };
    // The child gets only what each test gives it.
    for (const name of ['MEILI_URL', 'MEILI_MASTER_KEY', 'INDEX_PREFIX', 'CORPUS_DIR', 'DATA_DIR', 'BASE_URL', 'ALLOWED_HOSTS', 'LOG_LEVEL', 'WATCH', 'INDEX_ON_START']) {
      delete inherited[name];
    }
    this.child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: { ...inherited, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), BASE_URL: `http://127.0.0.1:${port}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((done) => this.child.once('exit', (code, signal) => done({ code, signal })));
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Every stdout line, parsed: each one must be JSON. */
  logLines(): Record<string, unknown>[] {
    return this.stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new assert.AssertionError({ message: `not a JSON log line: ${line}` });
        }
      });
  }

  /** The first log line matching `match`, waiting for it to be written. */
  async waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs = 120_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logLines().find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such log line within ${timeoutMs} ms:\n${this.stdout}`);
      await sleep(100);
    }
  }

  /** Polls `path` until it answers `status`. */
  async waitFor(path: string, status: number, timeoutMs = 120_000): Promise<Response> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited (${this.child.exitCode}): ${this.stderr}${this.stdout}`);
      try {
        const res = await fetch(this.base + path);
        if (res.status === status) return res;
        last = `${res.status} ${await res.text()}`;
      } catch (err) {
        last = String(err);
      }
      await sleep(100);
    }
    throw new Error(`${path} did not answer ${status} within ${timeoutMs} ms (last: ${last})\n${this.stdout}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(true));
  });
}

describe('acceptance: production mode (server process)', function () {
  this.timeout(240_000);
  let engine: Engine;
  let proxy: MeiliProxy;
  let server: ServerProcess;
  let searchKey: string | undefined;
  const prefix = testPrefix('production');
  const corpusDir = tempDir('production-corpus');
  const started: ServerProcess[] = [];

  async function startServer(env: Record<string, string>): Promise<ServerProcess> {
    const child = new ServerProcess(await freePort(0), {
      MEILI_URL: proxy.url,
      ...(engine.masterKey ? { MEILI_MASTER_KEY: engine.masterKey } : {}),
      INDEX_PREFIX: prefix,
      CORPUS_DIR: corpusDir,
      DATA_DIR: tempDir('production-data'),
      ...env,
    });
    started.push(child);
    return child;
  }

  before(async () => {
    engine = await testEngine();
    proxy = new MeiliProxy(engine.url);
    await proxy.start();
    copyShippedBasics(corpusDir);
    searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
  });

  after(async () => {
    for (const child of started) await child.stop();
    await proxy?.stop();
  });

  it('listens at once: live while the first index run is in progress, ready when it has finished', async () => {
    // Indexes are created by their first settings update (so never without their settings): hold that.
    const indexCreation = proxy.hold((method, path) => method === 'PATCH' && /^\/indexes\/[^/]+\/settings/.test(path));
    server = await startServer({ BASE_URL: 'https://entente.example.org', LOG_LEVEL: 'debug' });
    await indexCreation.reached;

    await server.waitFor('/healthz', 200);
    const ready = await fetch(`${server.base}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'unavailable', error: 'indexing in progress: the first run has not finished' });
    const page = await fetch(`${server.base}/?q=nato`);
    assert.equal(page.status, 503);
    const html = await page.text();
    assert.match(html, /Indexing in progress/);
    assert.match(html, /being indexed/);

    // The run's last step (counting what the indexes hold) is held: every document is in, the run has not ended.
    const runEnd = proxy.hold((method, path) => method === 'GET' && path.startsWith(`/indexes/${prefix}_passages/stats`));
    indexCreation.release();
    await runEnd.reached;
    const search = await fetch(`${server.base}/api/search?q=nato`);
    assert.equal(search.status, 200, 'what is indexed can be searched');
    const building = await fetch(`${server.base}/readyz`);
    assert.equal(building.status, 503, 'not ready while the collection is being built');
    assert.equal(((await building.json()) as { error: string }).error, 'indexing in progress: the first run has not finished');
    const partial = await (await fetch(`${server.base}/?q=nato`)).text();
    assert.match(partial, /being indexed for the first time: results are incomplete/, 'pages say results are incomplete');

    runEnd.release();
    await server.waitFor('/readyz', 200);
    const complete = await (await fetch(`${server.base}/?q=nato`)).text();
    assert.doesNotMatch(complete, /being indexed for the first time/, 'the notice goes once the run has finished');
    assert.deepEqual(await (await server.waitFor('/readyz', 200)).json(), { status: 'ready' });
    // Ready as soon as documents are searchable; the run logs its summary when it ends.
    const summary = await server.waitForLog((line) => String(line['msg']).startsWith('Index: '));
    assert.equal((summary['index'] as { failed: unknown[] }).failed.length, 0);
    // Then one line says where the site is and what it holds.
    const readyLine = await server.waitForLog((line) => String(line['msg']).startsWith('Ready: '));
    const documents = (summary['index'] as { documents: number }).documents;
    assert.equal(readyLine['msg'], `Ready: https://entente.example.org holds ${documents} document${documents === 1 ? '' : 's'}`);
  });

  it('serves searches with absolute links from BASE_URL', async () => {
    const res = await fetch(`${server.base}/api/search?q=nato`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { hits: { id: string; url: string }[] };
    const seed = body.hits.find((hit) => hit.id === SEED_ID);
    assert.equal(seed?.url, `https://entente.example.org/documents/${SEED_ID}`);
  });

  it('logs one JSON line per request with its request id, and returns the id', async () => {
    const given = await fetch(`${server.base}/documents/${SEED_ID}`, { headers: { 'X-Request-Id': 'lb-7f3a9c' } });
    assert.equal(given.status, 200);
    assert.equal(given.headers.get('x-request-id'), 'lb-7f3a9c');
    const insane = await fetch(`${server.base}/about`, { headers: { 'X-Request-Id': 'two words<script>' } });
    const generated = insane.headers.get('x-request-id') ?? '';
    assert.match(generated, /^[0-9a-f-]{36}$/, 'an unusable incoming id is replaced');
    await fetch(`${server.base}/no/such/page`);
    await sleep(200);

    const requests = server.logLines().filter((line) => line['req'] !== undefined);
    const documentLine = requests.find((line) => line['requestId'] === 'lb-7f3a9c');
    assert.ok(documentLine, 'the incoming request id is logged');
    assert.deepEqual(documentLine['req'], { method: 'GET', url: `/documents/${SEED_ID}` });
    assert.deepEqual(documentLine['res'], { statusCode: 200 });
    assert.equal(typeof documentLine['durationMs'], 'number');
    assert.equal(documentLine['level'], 'info');
    assert.ok(requests.some((line) => line['requestId'] === generated));
    const notFound = requests.find((line) => (line['req'] as { url: string }).url === '/no/such/page');
    assert.equal(notFound?.['level'], 'warn');
    for (const line of requests) assert.equal(typeof line['requestId'], 'string');
  });

  it('never logs the master key or the search key', async () => {
    assert.ok(engine.masterKey && searchKey, 'the test engine is secured');
    // A client sending a key in a header must not get it written to the log either.
    await fetch(`${server.base}/api/search?q=sanctions`, { headers: { Authorization: `Bearer ${engine.masterKey}` } });
    await fetch(`${server.base}/readyz`, { headers: { Authorization: `Bearer ${searchKey}` } });
    await sleep(200);
    const output = server.stdout + server.stderr;
    assert.ok(output.includes('Serving http://'), 'start-up was captured');
    assert.ok(!output.includes(engine.masterKey), 'the master key is not in the log');
    assert.ok(!output.includes(searchKey), 'the search key is not in the log');
  });

  it('on SIGTERM, stops accepting connections, finishes the request in flight and exits 0', async () => {
    const slowSearch = proxy.hold((method, path) => method === 'POST' && path === '/multi-search');
    const inFlight = fetch(`${server.base}/api/search?q=people%20smuggling`);
    await slowSearch.reached;

    server.child.kill('SIGTERM');
    await sleep(300);
    assert.ok(await refusesConnections(server.port), 'no new connections once stopping');
    assert.equal(server.child.exitCode, null, 'still running while a request is in flight');

    slowSearch.release();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.ok(((await res.json()) as { hits: { id: string }[] }).hits.some((hit) => hit.id === SEED_ID));
    const { code } = await server.exited;
    assert.equal(code, 0);
    const messages = server.logLines().map((line) => String(line['msg']));
    assert.ok(messages.some((m) => m.startsWith('SIGTERM: stopping')));
    assert.equal(messages.at(-1), 'Stopped');
    assert.equal(server.stderr.trim(), '');
  });

  it('serves only, writing nothing, with INDEX_ON_START=false and WATCH=false; a second signal exits at once', async () => {
    proxy.requests.length = 0;
    const serveOnly = await startServer({ INDEX_ON_START: 'false', WATCH: 'false' });
    await serveOnly.waitFor('/readyz', 200);
    await fetch(`${serveOnly.base}/?q=nato`);
    const writes = proxy.requests.filter((r) => r.method !== 'GET' && r.path !== '/multi-search');
    assert.deepEqual(writes, [], 'no index writes');

    const stuckSearch = proxy.hold((method, path) => method === 'POST' && path === '/multi-search');
    const inFlight = fetch(`${serveOnly.base}/api/search?q=nato`).catch(() => null);
    await stuckSearch.reached;
    const signalled = Date.now();
    serveOnly.child.kill('SIGTERM');
    await sleep(300);
    serveOnly.child.kill('SIGTERM');
    const { code } = await serveOnly.exited;
    stuckSearch.release();
    await inFlight;
    assert.equal(code, 1);
    assert.ok(Date.now() - signalled < 5000, 'did not wait for the request in flight');
    assert.ok(serveOnly.logLines().some((line) => String(line['msg']).startsWith('SIGTERM again: exiting now')));
  });

  it('a restart over existing indexes is ready before its incremental run ends, and stops cleanly mid-run', async () => {
    const runEnd = proxy.hold((method, path) => method === 'GET' && path.startsWith(`/indexes/${prefix}_passages/stats`));
    const restarted = await startServer({});
    await runEnd.reached;
    await restarted.waitFor('/readyz', 200, 5000);
    restarted.child.kill('SIGTERM');
    const { code } = await restarted.exited;
    runEnd.release();
    assert.equal(code, 0);
    assert.ok(restarted.logLines().some((line) => String(line['msg']).startsWith('An index run was in progress')));
  });

  it('stops the Meilisearch it started itself', async function () {
    if (process.env.MEILI_URL) this.skip(); // needs the bundled engine
    const dataDir = tempDir('production-managed');
    const managed = new ServerProcess(await freePort(0), {
      DATA_DIR: dataDir,
      CORPUS_DIR: corpusDir,
      INDEX_PREFIX: prefix,
      INDEX_ON_START: 'false',
      WATCH: 'false',
    });
    started.push(managed);
    await managed.waitFor('/healthz', 200);
    const lock = JSON.parse(readFileSync(join(dataDir, 'meili.lock'), 'utf8')) as { enginePid: number };
    assert.ok(alive(lock.enginePid), 'the engine runs');
    managed.child.kill('SIGINT');
    const { code } = await managed.exited;
    assert.equal(code, 0);
    assert.ok(!alive(lock.enginePid), 'the engine was stopped');
    assert.ok(!existsSync(join(dataDir, 'meili.lock')), 'the lock was released');
  });
});

