/**
 * On a first start the site searches while the first run builds the collection: it may
 * answer 503 ("being indexed"), never 500. The cause was an index that existed before its
 * settings were applied, so its facets were not yet filterable.
 */
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { indexNames } from '../../contract/settings.js';
import { runIndex } from '../../indexer/pipeline.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

describe('security: a first start never answers 500', function () {
  this.timeout(120_000);
  const prefix = testPrefix('firststart');
  let corpus: string;

  before(() => {
    corpus = tempDir('first-start');
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(corpus, `report-${i}.txt`), `Report ${i}\n\nDefence procurement and sanctions between the United Kingdom and the European Union, part ${i}.\n`);
    }
  });
  after(async () => {
    const client = await adminClient();
    for (const uid of Object.values(indexNames(prefix))) await client.deleteIndex(uid).waitTask().catch(() => {});
    rmSync(corpus, { recursive: true, force: true });
  });

  it('searches with facets while the first run builds the indexes, answering 200 or 503 only', async () => {
    const engine = await testEngine();
    const client = await adminClient();
    const app = createApp({
      search: { url: engine.url, searchKey: await obtainSearchKey(engine.url, engine.masterKey, prefix), indexPrefix: prefix },
      corpusDir: corpus,
      production: true,
      log: (line) => logged.push(line),
      indexing: () => ({ enabled: true, running: !done, finishedRuns: done ? 1 : 0, building: !done, failed: [] }),
    });
    let done = false;
    const logged: string[] = [];
    const statuses = new Set<number>();
    // Straight to the engine as well, as fast as it answers: the window used to be a few milliseconds.
    const notFilterable: string[] = [];
    const direct = (async () => {
      const documents = client.index(indexNames(prefix).documents);
      while (!done) {
        try {
          await documents.search('', { filter: 'type = "event-report" AND year = 2025', limit: 1 });
        } catch (err) {
          const code = (err as { cause?: { code?: string } }).cause?.code;
          if (code !== 'index_not_found') notFilterable.push(`${code}: ${(err as Error).message}`);
        }
      }
    })();
    const probing = (async () => {
      while (!done) {
        for (const path of ['/?q=defence&type=event-report', '/api/search?q=sanctions&year=2025']) {
          const res = await request(app).get(path);
          statuses.add(res.status);
          assert.notEqual(res.status, 500, `${path} answered 500: ${logged.join('\n').slice(0, 1000)}`);
        }
      }
    })();
    try {
      await runIndex({ corpusDir: corpus, client, prefix });
    } finally {
      done = true;
      await Promise.all([probing, direct]);
    }
    assert.deepEqual(notFilterable.slice(0, 3), [], 'the engine searched an index whose facets were not filterable yet');
    assert.ok([...statuses].every((status) => status === 200 || status === 503), [...statuses].join(', '));

  });
});
