import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { EngineError, meilisearchBinary } from '../../indexer/engine/engine.js';

/** A folder holding a file called `meilisearch`, executable or not. */
function binFolder(root: string, name: string, executable: boolean): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'meilisearch');
  writeFileSync(file, '#!/bin/sh\necho "meilisearch 1.21.0"\n');
  chmodSync(file, executable ? 0o755 : 0o644);
  return dir;
}

describe('which Meilisearch binary a managed engine runs', () => {
  let root: string;
  const noPackage = () => null;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'engine-binary-'));
  });

  it('uses a meilisearch found on PATH when the packaged one is missing (macOS, Linux on ARM)', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const brew = binFolder(root, 'homebrew-bin', true);
    assert.equal(meilisearchBinary({ path: [empty, brew].join(delimiter), packaged: noPackage }), join(brew, 'meilisearch'));
  });

  it('skips a file on PATH that is not executable', () => {
    const notExecutable = binFolder(root, 'a', false);
    const executable = binFolder(root, 'b', true);
    assert.equal(
      meilisearchBinary({ path: [notExecutable, executable].join(delimiter), packaged: noPackage }),
      join(executable, 'meilisearch'),
    );
  });

  it('prefers the packaged binary, the version the project is tested with', () => {
    const packaged = join(binFolder(root, 'node_modules-pkg', false), 'meilisearch');
    const brew = binFolder(root, 'homebrew-bin', true);
    assert.equal(meilisearchBinary({ path: brew, packaged: () => packaged }), packaged);
  });

  it('says in one line what to install when there is neither', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    assert.throws(
      () => meilisearchBinary({ path: empty, packaged: noPackage }),
      (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.doesNotMatch(error.message, /\n/);
        assert.match(error.message, /brew install meilisearch/);
        assert.match(error.message, /install\.meilisearch\.com/);
        assert.match(error.message, /MEILI_URL/);
        return true;
      },
    );
  });
});
