/**
 * The whole ingestion pipeline against a real Meilisearch: a mixed fixture
 * corpus in, exact records out; incremental runs; removal; rebuild swap.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { DocumentRecord, PassageRecord } from '../../contract/document.js';
import { documentId } from '../../contract/ids.js';
import { indexNames } from '../../contract/settings.js';
import { runIndex } from '../../indexer/pipeline.js';
import { FIXTURE_FILES, makeFixtureCorpus } from '../support/corpus.js';
import { adminClient, tempDir, testPrefix } from '../support/engine.js';

async function allRecords<T extends { id: string }>(client: Meilisearch, uid: string): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client.index<T>(uid).getDocuments({ limit: 1000, offset });
    out.push(...page.results);
    if (page.results.length < 1000) break;
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('indexing pipeline (real Meilisearch)', function () {
  this.timeout(180_000);
  let client: Meilisearch;
  let corpus: string;
  const prefix = testPrefix('pipeline');
  const names = indexNames(prefix);
  const index = (extra: { rebuild?: boolean } = {}) => runIndex({ corpusDir: corpus, client, prefix, ...extra });
  const passagesOf = async (docId: string) =>
    (await allRecords<PassageRecord>(client, names.passages)).filter((p) => p.docId === docId);

  before(async () => {
    client = await adminClient();
    corpus = tempDir('pipeline-corpus');
    await makeFixtureCorpus(corpus);
  });
  after(async () => {
    for (const uid of [names.documents, names.passages]) await client.deleteIndex(uid).waitTask().catch(() => {});
    rmSync(corpus, { recursive: true, force: true });
  });

  it('indexes every readable file, flags the blank scan and fails the broken ones with reasons', async () => {
    const summary = await index();
    assert.equal(summary.indexed, 6, JSON.stringify(summary, null, 2));
    assert.deepEqual(summary.needsOcr, [FIXTURE_FILES.blankPdf]);
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.file, f.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), [FIXTURE_FILES.corruptPdf, FIXTURE_FILES.encryptedPdf, FIXTURE_FILES.malformedPdf].sort());
    assert.match(reasons[FIXTURE_FILES.encryptedPdf]!, /password-protected/);
    assert.match(reasons[FIXTURE_FILES.malformedPdf]!, /not a PDF/);
    assert.equal(summary.documents, 6);

    const docs = await allRecords<DocumentRecord>(client, names.documents);
    const seed = docs.find((d) => d.file === FIXTURE_FILES.seed)!;
    assert.equal(seed.date, '2025-05-05');
    assert.deepEqual(seed.speakers.sort(), ['Alan Dashwood', 'Eleanor Spaventa', 'Jonathan Faull', 'Julian King']);
    const sidecar = docs.find((d) => d.file === FIXTURE_FILES.sidecarText)!;
    assert.equal(sidecar.title, 'Remarks on Sanctions Policy');
    assert.equal(sidecar.provenance.title, 'sidecar');
    const html = docs.find((d) => d.file === FIXTURE_FILES.html)!;
    assert.doesNotMatch(html.text, /do not index me/, 'script content must not be indexed');

    const pdfPassages = await passagesOf(documentId(FIXTURE_FILES.pdf));
    assert.deepEqual([...new Set(pdfPassages.map((p) => p.page))].sort(), [1, 2, 3], 'passages keep their PDF page');
    assert.equal(summary.passages, (await allRecords(client, names.passages)).length);
  });

  it('a second run changes nothing', async () => {
    const before = await allRecords<DocumentRecord>(client, names.documents);
    const summary = await index();
    assert.equal(summary.indexed, 0);
    assert.equal(summary.unchanged, 6);
    assert.equal(summary.removed, 0);
    assert.deepEqual(await allRecords<DocumentRecord>(client, names.documents), before);
  });

  it('editing one paragraph re-indexes only that document and keeps its other passage ids', async () => {
    const id = documentId(FIXTURE_FILES.markdown);
    const before = await passagesOf(id);
    const path = join(corpus, FIXTURE_FILES.markdown);
    const text = readFileSync(path, 'utf8');
    const edited = text.replace(/## Recommendations\n\n[^\n]+/, '## Recommendations\n\nThe authors recommend a standing dialogue on military mobility, reviewed every year by both sides, with officials reporting to ministers on progress and on the obstacles that remain in law and in practice. Such a dialogue would give third countries a predictable way to join projects, and would let both sides test new arrangements before committing to them in a treaty.');
    assert.notEqual(edited, text);
    writeFileSync(path, edited);

    const summary = await index();
    assert.equal(summary.indexed, 1);
    assert.equal(summary.unchanged, 5);
    const after = await passagesOf(id);
    const kept = before.filter((p) => after.some((a) => a.id === p.id));
    assert.equal(kept.length, before.length - 1, 'exactly one passage changed id');
    assert.ok(after.some((p) => p.text.includes('standing dialogue')));
    assert.ok(!after.some((p) => before.find((b) => b.id === p.id && b.text !== p.text)), 'no stale passage text');
  });

  it('deleting a file removes its document and all its passages', async () => {
    rmSync(join(corpus, FIXTURE_FILES.html));
    const summary = await index();
    assert.equal(summary.removed, 1);
    const id = documentId(FIXTURE_FILES.html);
    assert.ok(!(await allRecords<DocumentRecord>(client, names.documents)).some((d) => d.id === id));
    assert.deepEqual(await passagesOf(id), []);
  });

  it('--rebuild swaps in fresh indexes with identical passage ids', async () => {
    const before = (await allRecords<PassageRecord>(client, names.passages)).map((p) => p.id);
    const summary = await index({ rebuild: true });
    assert.equal(summary.indexed, 5);
    const after = (await allRecords<PassageRecord>(client, names.passages)).map((p) => p.id);
    assert.deepEqual(after, before);
    const leftovers = (await client.getIndexes({ limit: 1000 })).results.filter((i) => i.uid.startsWith(prefix) && i.uid.endsWith('_next'));
    assert.deepEqual(leftovers, [], 'the rebuild indexes are dropped after the swap');
  });
});
