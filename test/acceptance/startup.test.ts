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
    assert.equal(config.logLevel, 'info');
    assert.equal(config.baseUrl, undefined);
    assert.equal(config.indexOnStart, true);
    assert.equal(config.watch, true);
    assert.ok(Object.isFrozen(config));
  });

  it('reads the server options and the variables shared with the indexer', () => {
    const config = loadConfig({
      PORT: '8080',
      NODE_ENV: 'production',
      BASE_URL: 'https://entente.example.org/',
      LOG_LEVEL: 'warn',
      INDEX_ON_START: 'false',
      WATCH: '0',
      INDEX_PREFIX: 'staging',
      MEILI_URL: 'http://meili:7700',
      MEILI_MASTER_KEY: 'a-master-key-of-enough-length',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.production, true);
    assert.equal(config.baseUrl, 'https://entente.example.org');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.indexOnStart, false);
    assert.equal(config.watch, false);
    assert.equal(config.indexPrefix, 'staging');
    assert.equal(config.meiliUrl, 'http://meili:7700');
    assert.equal(config.meiliMasterKey, 'a-master-key-of-enough-length');
  });

  for (const [variable, value] of [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MEILI_URL', 'not a url'],
    ['INDEX_PREFIX', 'bad prefix!'],
    ['NODE_ENV', 'staging'],
    ['BASE_URL', 'entente.example.org'],
    ['BASE_URL', 'https://example.org/entente'],
    ['LOG_LEVEL', 'loud'],
    ['WATCH', 'sometimes'],
    ['INDEX_ON_START', 'maybe'],
    ['MEILI_MASTER_KEY', 'short'],
  ] as const) {
    it(`rejects ${variable}=${value}`, () => {
      assert.throws(() => loadConfig({ [variable]: value }), (err: Error) => {
        assert.equal(err.name, 'ConfigurationError');
        assert.match(err.message, new RegExp(`^${variable}: `));
        if (variable.includes('KEY')) assert.ok(!err.message.includes(value), 'a key is never echoed');
        return true;
      });
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
    assert.match(lines[0] ?? '', /^PORT: must be a port number/);
  });
});
