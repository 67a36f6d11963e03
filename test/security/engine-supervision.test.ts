/**
 * A managed Meilisearch that dies (kill -9, a crash, the OOM killer) is logged, restarted
 * with backoff and reported in /readyz; once restarts are exhausted /healthz says so too;
 * an index run that failed while it was down is run again when it is back.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import request from 'supertest';
import { indexNames } from '../../contract/settings.js';
import { ensureEngine, type Engine } from '../../indexer/engine/engine.js';
import { IndexRunner } from '../../indexer/service.js';
import { createApp } from '../../server/app.js';
import { tempDir, testPrefix } from '../support/engine.js';
import { alive } from '../support/app.js';

const enginePid = (dataDir: string): number => (JSON.parse(readFileSync(join(dataDir, 'meili.lock'), 'utf8')) as { enginePid: number }).enginePid;

async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(50);
  }
}

describe('security: the managed Meilisearch is supervised', function () {
  this.timeout(120_000);
  const engines: Engine[] = [];
  const dirs: string[] = [];

  before(function () {
    if (process.env.MEILI_URL) this.skip(); // needs the bundled engine
  });
  after(async () => {
    for (const engine of engines) await engine.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function managedEngine(restartBackoffMs?: number[]): Promise<{ engine: Engine; dataDir: string; lines: string[] }> {
    const dataDir = tempDir('supervised');
    dirs.push(dataDir);
    const lines: string[] = [];
    const engine = await ensureEngine({ dataDir, port: 7900, log: (line) => lines.push(line), ...(restartBackoffMs ? { restartBackoffMs } : {}) });
    engines.push(engine);
    assert.ok(engine.managed);
    return { engine, dataDir, lines };
  }

  it('logs a kill -9, restarts the engine, and reruns the index run that failed meanwhile', async () => {
    const { engine, dataDir, lines } = await managedEngine();
    const corpus = tempDir('supervised-corpus');
    dirs.push(corpus);
    writeFileSync(join(corpus, 'report.txt'), 'Defence procurement between the United Kingdom and the European Union was discussed at length.\n');
    const prefix = testPrefix('supervised');
    const client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
    const logged: string[] = [];
    const logger = { info: (m: unknown) => logged.push(String(m)), warn: (m: string) => logged.push(m), error: (_o: object, m: string) => logged.push(m) };
    const runner = new IndexRunner({ corpusDir: corpus, indexPrefix: prefix }, client, logger, true);
    runner.followEngine(engine);

    const first = enginePid(dataDir);
    process.kill(first, 'SIGKILL');
    await until(() => engine.status().state === 'restarting', 10_000, 'the engine is seen to have exited');
    assert.match(engine.status().problem ?? '', /exited unexpectedly \(signal SIGKILL\)/);
    assert.ok(lines.some((line) => /Meilisearch \(pid \d+\) exited unexpectedly \(signal SIGKILL\)/.test(line)), lines.join('\n'));

    // An index run while the engine is down fails...
    await runner.run();
    assert.ok(logged.some((line) => line.startsWith('Indexing failed')), logged.join('\n'));

    // ...and runs again, successfully, once the engine is back.
    await until(() => engine.status().state === 'running', 30_000, 'the engine is restarted');
    assert.equal(engine.status().restarts, 1);
    assert.notEqual(enginePid(dataDir), first);
    assert.ok(alive(enginePid(dataDir)));
    await until(() => runner.state().finishedRuns >= 2 && !runner.running, 60_000, 'the failed run is retried');
    const stats = await client.index(indexNames(prefix).documents).getStats();
    assert.equal(stats.numberOfDocuments, 1);
  });

  it('gives up after its restarts fail, and then /readyz and /healthz both say so', async () => {
    const { engine, dataDir } = await managedEngine([100, 100]);
    const port = Number(new URL(engine.url).port);
    const app = createApp({ search: { url: engine.url, searchKey: engine.masterKey ?? undefined, indexPrefix: 'x' }, corpusDir: dataDir, production: true, log: () => {}, engine: () => engine.status() });

    process.kill(enginePid(dataDir), 'SIGKILL');
    // Something else takes the engine's address, so every restart fails.
    let squatter: TcpServer | null = null;
    await until(
      () =>
        new Promise<boolean>((done) => {
          const server = createTcpServer();
          server.once('error', () => done(false));
          server.listen(port, '127.0.0.1', () => {
            squatter = server;
            done(true);
          });
        }),
      5_000,
      'the engine port is free',
    );
    try {
      const restarting = await request(app).get('/readyz');
      assert.equal(restarting.status, 503);
      assert.match(restarting.body.error, /exited unexpectedly/);
      await until(() => engine.status().state === 'failed', 60_000, 'the engine is given up');
      const ready = await request(app).get('/readyz');
      assert.equal(ready.status, 503);
      const live = await request(app).get('/healthz');
      assert.equal(live.status, 503);
      assert.match(live.body.error, /2 restarts failed/);
    } finally {
      (squatter as TcpServer | null)?.close();
    }
  });
});
