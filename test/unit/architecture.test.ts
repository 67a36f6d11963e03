/**
 * The tree reads indexer -> contract <- server: the contract imports neither side,
 * and the server reaches the indexer through one seam (indexer/service.ts).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, folder, f));
}

/** Project-relative paths of the modules a file imports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => relative(ROOT, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
}

describe('architecture', () => {
  it('the contract depends on neither the indexer nor the server', () => {
    for (const file of sources('contract')) {
      const bad = importsOf(file).filter((i) => i.startsWith('indexer/') || i.startsWith('server/'));
      assert.deepEqual(bad, [], `${relative(ROOT, file)} imports ${bad.join(', ')}`);
    }
  });

  it('the server reaches the indexer only through indexer/service.ts', () => {
    for (const file of sources('server')) {
      const bad = importsOf(file).filter((i) => i.startsWith('indexer/') && i !== 'indexer/service.ts');
      assert.deepEqual(bad, [], `${relative(ROOT, file)} imports ${bad.join(', ')}`);
    }
  });

  it('the indexer never imports the server', () => {
    for (const file of sources('indexer')) {
      const bad = importsOf(file).filter((i) => i.startsWith('server/'));
      assert.deepEqual(bad, [], `${relative(ROOT, file)} imports ${bad.join(', ')}`);
    }
  });
});
