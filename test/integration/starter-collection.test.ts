/**
 * The collection that ships in corpus/: every text indexes cleanly, and each one
 * is accounted for in corpus/LICENCES.md with its source and licence.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Meilisearch } from 'meilisearch';
import type { DocumentRecord } from '../../contract/document.js';
import { indexNames } from '../../contract/settings.js';
import { runIndex } from '../../indexer/pipeline.js';
import { REPO_ROOT, SHIPPED_CORPUS } from '../support/corpus.js';
import { adminClient, testPrefix } from '../support/engine.js';

describe('the shipped starter collection', function () {
  this.timeout(180_000);
  let client: Meilisearch;
  const prefix = testPrefix('starter');
  let documents: DocumentRecord[];

  before(async () => {
    client = await adminClient();
    const summary = await runIndex({ corpusDir: SHIPPED_CORPUS, client, prefix });
    assert.deepEqual(summary.failed, [], 'every shipped document indexes');
    const page = await client.index<DocumentRecord>(indexNames(prefix).documents).getDocuments({ limit: 1000 });
    documents = page.results;
  });

  it('holds at least 30 texts a researcher can explore, of several types and years', () => {
    assert.ok(documents.length >= 30, `${documents.length} documents`);
    assert.ok(new Set(documents.map((d) => d.type)).size >= 5);
    assert.ok(new Set(documents.map((d) => d.date?.slice(0, 4))).size >= 5);
  });

  it('names the source of every text beside the seed, and lists each in LICENCES.md', () => {
    const licences = readFileSync(join(SHIPPED_CORPUS, 'LICENCES.md'), 'utf8');
    for (const doc of documents) {
      if (doc.file === 'uk-eu-defence-roundtable-2025.txt') continue;
      assert.match(doc.sourceUrl ?? '', /^https:\/\//, `${doc.file} has no source URL`);
      assert.ok(licences.includes(`\`${doc.file}\``), `${doc.file} is not listed in LICENCES.md`);
    }
  });

  it('shares no text with the evaluation set, whose figures it would flatter', () => {
    const labels = parseYaml(readFileSync(join(REPO_ROOT, 'eval', 'labels.yml'), 'utf8')) as { url: string; title: string }[];
    const normalise = (url: string) => url.replace(/^https?:\/\/(www\.)?/, '').replace(/[/?#]+$/, '').toLowerCase();
    const evalUrls = new Set(labels.map((l) => normalise(l.url)));
    const evalTitles = new Set(labels.map((l) => l.title.toLowerCase()));
    for (const doc of documents) {
      if (doc.sourceUrl) assert.ok(!evalUrls.has(normalise(doc.sourceUrl)), `${doc.file} is also in eval/`);
      assert.ok(!evalTitles.has(doc.title.toLowerCase()), `${doc.file} has the title of an evaluation text`);
    }
  });
});
