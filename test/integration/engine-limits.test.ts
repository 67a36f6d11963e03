/**
 * A managed Meilisearch is started with bounded indexing memory and threads (laptop-sized
 * defaults, configurable), and a bad value is refused in one line naming the variable.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, engineIndexingArgs, ocrConfig } from '../../contract/env.js';
import { ensureEngine, freePort } from '../../indexer/engine/engine.js';
import { runIndex } from '../../indexer/pipeline.js';
import { copyShippedBasics } from '../support/corpus.js';
import { adminClient, tempDir, testPrefix } from '../support/engine.js';

describe('managed engine limits and OCR settings', function () {
  this.timeout(60_000);

  it('defaults to 256 MiB, 2 threads and batches of 32 MiB for indexing, and takes other values from the environment', () => {
    assert.deepEqual(engineIndexingArgs({}), [
      '--max-indexing-memory', '256MiB', '--max-indexing-threads', '2', '--experimental-limit-batched-tasks-total-size', String(32 * 2 ** 20),
    ]);
    assert.deepEqual(engineIndexingArgs({ MEILI_MAX_INDEXING_MEMORY: '512 MiB', MEILI_MAX_INDEXING_THREADS: '1', MEILI_MAX_BATCH_PAYLOAD: '100MB' }), [
      '--max-indexing-memory', '512MiB', '--max-indexing-threads', '1', '--experimental-limit-batched-tasks-total-size', '100000000',
    ]);
    assert.throws(() => engineIndexingArgs({ MEILI_MAX_INDEXING_MEMORY: 'lots' }), (e: Error) => e instanceof ConfigurationError && /^MEILI_MAX_INDEXING_MEMORY: /.test(e.message));
    assert.throws(() => engineIndexingArgs({ MEILI_MAX_INDEXING_THREADS: '0' }), /MEILI_MAX_INDEXING_THREADS: must be a whole number/);
    assert.throws(() => engineIndexingArgs({ MEILI_MAX_BATCH_PAYLOAD: '32' }), /^ConfigurationError: MEILI_MAX_BATCH_PAYLOAD: must be a size/);
  });

  it('starts Meilisearch with those limits on its command line', async () => {
    const saved = process.env['MEILI_MAX_INDEXING_THREADS'];
    process.env['MEILI_MAX_INDEXING_THREADS'] = '1';
    const dataDir = tempDir('engine-limits');
    const engine = await ensureEngine({ dataDir, port: await freePort(7950) });
    try {
      const lock = JSON.parse(readFileSync(join(dataDir, 'meili.lock'), 'utf8')) as { enginePid: number };
      const argv = readFileSync(`/proc/${lock.enginePid}/cmdline`, 'utf8').split('\0');
      assert.equal(argv[argv.indexOf('--max-indexing-memory') + 1], '256MiB');
      assert.equal(argv[argv.indexOf('--experimental-limit-batched-tasks-total-size') + 1], String(32 * 2 ** 20));
      assert.equal(argv[argv.indexOf('--max-indexing-threads') + 1], '1');
      const health = await fetch(`${engine.url}/health`);
      assert.equal(health.status, 200, 'Meilisearch accepts the limits');
    } finally {
      await engine.stop();
      if (saved === undefined) delete process.env['MEILI_MAX_INDEXING_THREADS'];
      else process.env['MEILI_MAX_INDEXING_THREADS'] = saved;
    }
  });

  it('reads OCR on by default in English, off with OCR=false, and other languages joined by +', () => {
    assert.deepEqual(ocrConfig({}), { languages: ['eng'], minConfidence: 60 });
    assert.equal(ocrConfig({ OCR: 'false' }), null);
    assert.deepEqual(ocrConfig({ OCR_LANGUAGES: 'eng+fra+deu', OCR_MIN_CONFIDENCE: '70' }), { languages: ['eng', 'fra', 'deu'], minConfidence: 70 });
    assert.throws(() => ocrConfig({ OCR_LANGUAGES: 'English' }), /OCR_LANGUAGES: must be tesseract language codes/);
    assert.throws(() => ocrConfig({ OCR: 'maybe' }), /OCR: must be true or false/);
  });

  it('stops an indexing run at once when an OCR language is not installed', async () => {
    const corpus = tempDir('ocr-language');
    copyShippedBasics(corpus);
    await assert.rejects(
      runIndex({ corpusDir: corpus, client: await adminClient(), prefix: testPrefix('ocrlang'), ocr: { languages: ['eng', 'spa'], minConfidence: 60 } }),
      { name: 'FatalIndexError', message: /^OCR_LANGUAGES: OCR language "spa" is not installed \(npm install @tesseract\.js-data\/spa\)$/ },
    );
  });
});
