/**
 * The rule that tells text repeated across a source from content: counts and
 * shares within one source, small sources left alone, a document that is
 * mostly repeated text kept whole, and the state that carries it between runs.
 */
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoilerplateCollection, blockHash, boilerplateStateFile } from '../../indexer/boilerplate.js';
import { sourceOf } from '../../indexer/stages/boilerplate.js';
import { tempDir } from '../support/engine.js';

const BANNER = blockHash('join our mailing list for every new briefing');

/** A document of `source` with the given counted blocks (each 10 words) and 100 words in all. */
function put(collection: BoilerplateCollection, id: string, source: string, hashes: number[], textWords = 100): void {
  collection.put(id, {
    fingerprint: `fp-${id}`,
    source,
    hashes: Float64Array.from(hashes),
    words: Uint32Array.from(hashes.map(() => 10)),
    textWords,
  });
}

const own = (id: string) => blockHash(`content of ${id}`);

describe('boilerplate rule', () => {
  it('removes a block carried by at least 3 documents and half of its source', () => {
    const c = BoilerplateCollection.load(null);
    for (const id of ['a', 'b', 'c']) put(c, id, 'publisher:x', [BANNER, own(id)]);
    put(c, 'd', 'publisher:x', [own('d')]);
    const decision = c.decide('a');
    assert.deepEqual([...decision.removed], [[BANNER, 3]]);
    assert.equal(decision.threshold, 3);
    assert.notEqual(decision.digest, '');
  });

  it('keeps a block only two documents carry, and any block of a source of fewer than 3 documents', () => {
    const c = BoilerplateCollection.load(null);
    for (const id of ['a', 'b']) put(c, id, 'publisher:x', [BANNER, own(id)]);
    put(c, 'c', 'publisher:x', [own('c')]);
    assert.equal(c.decide('a').removed.size, 0);
    const small = BoilerplateCollection.load(null);
    for (const id of ['a', 'b']) put(small, id, 'publisher:y', [BANNER, own(id)]);
    assert.equal(small.decide('a').threshold, null);
    assert.equal(small.decide('a').removed.size, 0);
  });

  it('keeps a block that fewer than half the documents of a large source carry', () => {
    const c = BoilerplateCollection.load(null);
    for (let i = 0; i < 10; i++) put(c, `d${i}`, 'site:example.org', i < 4 ? [BANNER, own(`d${i}`)] : [own(`d${i}`)]);
    assert.equal(c.decide('d0').threshold, 5);
    assert.equal(c.decide('d0').removed.size, 0);
    put(c, 'd4', 'site:example.org', [BANNER, own('d4')]);
    assert.equal(c.decide('d0').removed.size, 1);
  });

  it('counts within a source only: the same block in documents of different sources stays', () => {
    const c = BoilerplateCollection.load(null);
    for (const source of ['publisher:a', 'publisher:b', 'publisher:c', 'publisher:d']) {
      for (const n of [1, 2, 3]) put(c, `${source}-${n}`, source, n === 1 ? [BANNER] : [own(`${source}-${n}`)]);
    }
    assert.equal(c.decide('publisher:a-1').removed.size, 0);
  });

  it('removes nothing from a document whose repeated blocks are most of its words (a copy, not chrome)', () => {
    const c = BoilerplateCollection.load(null);
    const body = [blockHash('one'), blockHash('two'), blockHash('three'), blockHash('four'), blockHash('five'), blockHash('six')];
    for (const id of ['a', 'b', 'c']) put(c, id, 'publisher:x', body, 70);
    const decision = c.decide('a');
    assert.equal(decision.removed.size, 0);
    assert.equal(decision.digest, '');
    assert.match(decision.keptAll ?? '', /86% of the words/);
  });

  it('lists the documents whose records no longer match once a source’s counts change', () => {
    const c = BoilerplateCollection.load(null);
    for (const id of ['a', 'b']) put(c, id, 'publisher:x', [BANNER, own(id)]);
    put(c, 'c', 'publisher:x', [own('c')]);
    for (const id of ['a', 'b', 'c']) c.setApplied(id, c.decide(id).digest);
    assert.deepEqual(c.outdated(), []);
    put(c, 'd', 'publisher:x', [BANNER, own('d')]);
    c.setApplied('d', c.decide('d').digest);
    assert.deepEqual(c.outdated(), ['a', 'b']);
  });

  it('keeps the prints of every document between runs, by index prefix, and knows only versions it has read', () => {
    const dir = tempDir('boilerplate-state');
    try {
      const file = boilerplateStateFile(dir, 'entente');
      const first = BoilerplateCollection.load(file);
      for (const id of ['a', 'b', 'c']) put(first, id, 'publisher:x', [BANNER, own(id)]);
      first.save();
      const second = BoilerplateCollection.load(file);
      assert.ok(second.knows('a', 'fp-a'));
      assert.ok(!second.knows('a', 'fp-other'));
      assert.ok(!second.knows('z', 'fp-z'));
      assert.deepEqual([...second.decide('b').removed.keys()], [BANNER]);
      assert.ok(!BoilerplateCollection.load(boilerplateStateFile(dir, 'other')).knows('a', 'fp-a'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the documents a stopped run did not redo to the next run', () => {
    const dir = tempDir('boilerplate-state');
    try {
      const file = boilerplateStateFile(dir, 'entente');
      const indexed = new Map([['a', ''], ['b', ''], ['c', '']]);
      const first = BoilerplateCollection.load(file);
      for (const id of ['a', 'b']) put(first, id, 'publisher:x', [BANNER, own(id)]);
      put(first, 'c', 'publisher:x', [own('c')]);
      first.setIndexed(indexed);
      first.outdated();
      first.reconciled();
      put(first, 'd', 'publisher:x', [BANNER, own('d')]);
      first.setApplied('d', first.decide('d').digest);
      assert.deepEqual(first.outdated(), ['a', 'b']);
      // Stopped here, before a and b were rewritten.
      first.save();
      const next = BoilerplateCollection.load(file);
      next.setIndexed(new Map([...indexed, ['d', first.decide('d').digest]]));
      assert.deepEqual(next.outdated(), ['a', 'b']);
      next.reconciled();
      next.save();
      assert.deepEqual(BoilerplateCollection.load(file).outdated(), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a damaged or missing state file as no state: every document is read again', () => {
    const dir = tempDir('boilerplate-state');
    try {
      const file = join(dir, 'x.boilerplate.json');
      const first = BoilerplateCollection.load(file);
      put(first, 'a', 'publisher:x', [BANNER]);
      first.save();
      writeFileSync(file, '{"version": 1, "documents": ');
      assert.ok(!BoilerplateCollection.load(file).knows('a', 'fp-a'));
      rmSync(file);
      assert.ok(!BoilerplateCollection.load(file).knows('a', 'fp-a'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('boilerplate source', () => {
  it('is the site a document came from, else its publisher, else its folder', () => {
    assert.equal(sourceOf({ sourceUrl: 'https://www.example.org/a/b', publisher: 'Foo' }, { relativePath: 'x/y.txt' }), 'site:example.org');
    assert.equal(sourceOf({ sourceUrl: null, publisher: 'Fóo  Institute' }, { relativePath: 'x/y.txt' }), 'publisher:foo institute');
    assert.equal(sourceOf({ sourceUrl: null, publisher: null }, { relativePath: 'reports/2025/y.txt' }), 'folder:reports/2025');
    assert.equal(sourceOf({ sourceUrl: 'not a url', publisher: null }, { relativePath: 'y.txt' }), 'folder:.');
  });
});
