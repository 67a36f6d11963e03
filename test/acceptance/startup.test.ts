/** Start-up configuration: a bad value stops the server with one line naming the variable. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('acceptance: start-up configuration', function () {
  this.timeout(60_000);

  it('reads defaults and freezes the result', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.indexPrefix, 'entente');
    assert.equal(config.production, false);
    assert.ok(Object.isFrozen(config));
  });

  for (const [variable, value] of [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MEILI_URL', 'not a url'],
    ['INDEX_PREFIX', 'bad prefix!'],
    ['NODE_ENV', 'staging'],
  ] as const) {
    it(`rejects ${variable}=${value}`, () => {
      assert.throws(() => loadConfig({ [variable]: value }), new RegExp(`^ConfigurationError: Invalid ${variable}:|Invalid ${variable}:`));
    });
  }

  it('exits with code 2 and one line naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] ?? '', /^Invalid PORT: /);
  });
});
