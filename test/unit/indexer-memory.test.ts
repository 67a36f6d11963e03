/**
 * The indexer's processes start with a bounded young generation (V8's default let it
 * grow to 128 MiB of mostly empty, resident memory in each of them) and an old
 * generation that grows by at most 30% over what is live before it is collected.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractionPool } from '../../indexer/extractors/pool.js';
import { INDEXER_V8_FLAGS } from '../../indexer/v8-flags.js';
import { PROJECT_ROOT } from '../../contract/paths.js';

describe('indexer memory: V8 flags', function () {
  this.timeout(60_000);

  it('bound the young generation to 16 MiB semi-spaces and the old generation\'s growth to 30%', () => {
    assert.deepEqual(INDEXER_V8_FLAGS, ['--max-semi-space-size=16', '--heap-growing-percent=30']);
  });

  it('are flags this Node accepts', () => {
    const run = spawnSync(process.execPath, [...INDEXER_V8_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '', 'no warning about an unknown flag');
  });

  it('are given to the indexer by npm run index', () => {
    const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const words = scripts['index']!.split(/\s+/);
    for (const flag of INDEXER_V8_FLAGS) assert.ok(words.includes(flag), `npm run index passes ${flag}: ${scripts['index']}`);
    assert.ok(words.indexOf(INDEXER_V8_FLAGS[0]!) < words.indexOf('indexer/cli.ts'), 'as a Node flag, before the script');
  });

  it('are given to every extraction worker', async () => {
    const pool = new ExtractionPool({ size: 1 });
    try {
      await pool.extractData('text', new TextEncoder().encode('A short text.\n'));
      const [pid] = pool.pids;
      assert.ok(pid !== undefined, 'a worker is running');
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      for (const flag of INDEXER_V8_FLAGS) assert.ok(argv.includes(flag), `worker started with ${flag}: ${argv.join(' ')}`);
    } finally {
      await pool.close();
    }
  });
});
