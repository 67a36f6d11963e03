/**
 * A run killed with SIGKILL in the middle converges on the next run: exactly
 * the records a clean run gives, no duplicates, nothing missing.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Meilisearch } from 'meilisearch';
import { indexNames } from '../../contract/settings.js';
import { runIndex } from '../../indexer/pipeline.js';
import { generateDocuments, REPO_ROOT, copyShippedBasics } from '../support/corpus.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

async function ids(client: Meilisearch, uid: string): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client.index(uid).getDocuments({ fields: ['id'], limit: 1000, offset });
    out.push(...page.results.map((r) => String(r.id)));
    if (page.results.length < 1000) break;
  }
  return out.sort();
}

describe('a run killed half-way', function () {
  this.timeout(300_000);

  it('leaves, after the next run, exactly the records of a clean run', async () => {
    const engine = await testEngine();
    const client = await adminClient();
    const corpus = tempDir('crash-corpus');
    copyShippedBasics(corpus);
    generateDocuments(corpus, 600);

    const killed = testPrefix('killed');
    const clean = testPrefix('clean');
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'indexer', 'cli.ts'), '--corpus', corpus, '--json', '--batch-size', '100'], {
      cwd: REPO_ROOT,
      env: { ...process.env, MEILI_URL: engine.url, MEILI_MASTER_KEY: engine.masterKey ?? '', INDEX_PREFIX: killed },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

    // Kill once some batches are in the index but before the run can finish.
    const documents = client.index(indexNames(killed).documents);
    let written = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      written = await documents.getStats().then((s) => s.numberOfDocuments, () => 0);
      if (written > 0) break;
      await sleep(20);
    }
    assert.ok(written > 0 && written < 601, `kill point reached with ${written} documents written`);
    child.kill('SIGKILL');
    await exited;

    const resumed = await runIndex({ corpusDir: corpus, client, prefix: killed });
    assert.deepEqual(resumed.failed, []);
    assert.ok(resumed.unchanged > 0, 'the documents finished before the kill are not redone');
    const reference = await runIndex({ corpusDir: corpus, client, prefix: clean });
    assert.equal(reference.indexed, 601);

    for (const kind of ['documents', 'passages'] as const) {
      const got = await ids(client, indexNames(killed)[kind]);
      const want = await ids(client, indexNames(clean)[kind]);
      assert.equal(new Set(got).size, got.length, `no duplicate ${kind}`);
      assert.deepEqual(got, want, `${kind} match a clean run`);
    }
    for (const prefix of [killed, clean]) {
      for (const uid of Object.values(indexNames(prefix))) await client.deleteIndex(uid).waitTask().catch(() => {});
    }
  });
});
