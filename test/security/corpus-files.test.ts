/**
 * The corpus is untrusted: a sidecar or document that is a FIFO, a device, a symbolic
 * link (to /dev/zero, or out of the corpus) or far too large must fail alone, with a
 * reason, without hanging the run or publishing what lies outside the corpus.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { indexNames } from '../../contract/settings.js';
import { runIndex, type IndexSummary } from '../../indexer/pipeline.js';
import { readCorpusFile } from '../../indexer/stages/corpus-file.js';
import { MAX_SIDECAR_BYTES } from '../../indexer/stages/preflight.js';
import { adminClient, tempDir, testPrefix } from '../support/engine.js';

const SECRET = 'outside-the-corpus-secret-7f3a';
const BODY = 'A short report on defence procurement and the security partnership between the United Kingdom and the European Union.\n';

describe('security: only regular files inside the corpus are read', function () {
  this.timeout(120_000);
  let client: Meilisearch;
  let root: string;
  let corpus: string;
  let summary: IndexSummary;
  const prefix = testPrefix('corpusfiles');
  const reasons = () => Object.fromEntries(summary.failed.map((f) => [f.file, f.reason]));

  before(async () => {
    client = await adminClient();
    root = tempDir('corpus-files');
    corpus = join(root, 'corpus');
    const outside = join(root, 'outside');
    mkdirSync(corpus);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.meta.yml'), `title: ${SECRET}\n`);
    writeFileSync(join(outside, 'secret.txt'), `${SECRET}\n${BODY}`);

    writeFileSync(join(corpus, 'plain.txt'), BODY);
    // A FIFO sidecar: reading it would wait for a writer forever.
    writeFileSync(join(corpus, 'fifo-sidecar.txt'), BODY);
    execFileSync('mkfifo', [join(corpus, 'fifo-sidecar.meta.yml')]);
    // A FIFO posing as a document.
    execFileSync('mkfifo', [join(corpus, 'fifo-document.md')]);
    // A sidecar linked to /dev/zero: an endless read.
    writeFileSync(join(corpus, 'zero-sidecar.txt'), BODY);
    symlinkSync('/dev/zero', join(corpus, 'zero-sidecar.meta.yml'));
    // A sidecar and a document linked out of the corpus: their contents must not be published.
    writeFileSync(join(corpus, 'linked-sidecar.txt'), BODY);
    symlinkSync(join(outside, 'secret.meta.yml'), join(corpus, 'linked-sidecar.meta.yml'));
    symlinkSync(join(outside, 'secret.txt'), join(corpus, 'linked-document.txt'));
    // A sidecar over the size cap.
    writeFileSync(join(corpus, 'big-sidecar.txt'), BODY);
    writeFileSync(join(corpus, 'big-sidecar.meta.yml'), `title: big\nsummary: ${'x'.repeat(MAX_SIDECAR_BYTES)}\n`);
    // An empty file: nothing to index, and the summary says so.
    writeFileSync(join(corpus, 'empty.md'), '');

    summary = await runIndex({ corpusDir: corpus, client, prefix });
  });

  after(async () => {
    const names = indexNames(prefix);
    for (const uid of [names.documents, names.passages]) await client.deleteIndex(uid).waitTask().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the ordinary file and nothing else', () => {
    assert.equal(summary.indexed, 1, JSON.stringify(summary, null, 2));
    assert.equal(summary.documents, 1);
  });

  it('fails a document whose sidecar is a FIFO, without waiting on it', () => {
    assert.match(reasons()['fifo-sidecar.txt'] ?? '', /sidecar fifo-sidecar\.meta\.yml is a named pipe \(FIFO\)/);
  });

  it('skips a FIFO posing as a document, with a reason', () => {
    assert.match(reasons()['fifo-document.md'] ?? '', /not a regular file/);
  });

  it('never follows a symbolically linked sidecar (to /dev/zero or out of the corpus)', () => {
    assert.match(reasons()['zero-sidecar.txt'] ?? '', /sidecar zero-sidecar\.meta\.yml is a symbolic link/);
    assert.match(reasons()['linked-sidecar.txt'] ?? '', /sidecar linked-sidecar\.meta\.yml is a symbolic link/);
  });

  it('skips a symbolically linked document with a reason in the summary', () => {
    assert.match(reasons()['linked-document.txt'] ?? '', /symbolic link/);
  });

  it('fails a sidecar over the size cap', () => {
    assert.match(reasons()['big-sidecar.txt'] ?? '', /sidecar big-sidecar\.meta\.yml is .* over the .* limit/);
  });

  it('says why an empty file is not indexed', () => {
    assert.match(reasons()['empty.md'] ?? '', /empty/);
  });

  it('publishes nothing from outside the corpus', async () => {
    const names = indexNames(prefix);
    for (const uid of [names.documents, names.passages]) {
      const { hits } = await client.index(uid).search(SECRET);
      assert.equal(hits.length, 0, `${uid} holds text from outside the corpus`);
      const all = await client.index(uid).getDocuments({ limit: 1000 });
      assert.ok(!JSON.stringify(all.results).includes(SECRET));
    }
  });

  it('refuses a file reached through a symbolically linked folder that leads out of the corpus', async () => {
    const outsideDir = join(root, 'outside');
    symlinkSync(outsideDir, join(corpus, 'linked-folder'));
    await assert.rejects(readCorpusFile(corpus, join(corpus, 'linked-folder', 'secret.txt'), 1024 * 1024), /outside the corpus/);
  });
});
