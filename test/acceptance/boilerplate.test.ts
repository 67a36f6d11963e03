/**
 * Text repeated across the documents of one source (a publisher's banner, a
 * site's notice) is left out of passages, snippets and summaries, and shown by
 * --explain with how many documents of which source carry it; text shared by
 * only two documents, or by documents of different sources, stays. A new
 * document that makes a paragraph boilerplate updates the older documents
 * carrying it in the same run. The publishers and their texts are invented.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';
import type { Meilisearch } from 'meilisearch';
import request from 'supertest';
import type { PassageRecord } from '../../contract/document.js';
import { documentId } from '../../contract/ids.js';
import { indexerStateDir } from '../../contract/paths.js';
import { indexNames } from '../../contract/settings.js';
import { runIndex, type IndexSummary } from '../../indexer/pipeline.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { copyShippedBasics, REPO_ROOT } from '../support/corpus.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

const run = promisify(execFile);

const PUBLISHER = 'Halvard Institute for Northern Security';
/** No full stop: the title heuristic would take it for the title of a text that opens with it. */
const BANNER = 'Skarvik Circle – support independent northern security research and read every Halvard briefing first';
const SHARED_BY_TWO =
  'The fellows of the institute visited the Lofoten coast guard station during the spring study tour and met the officers who patrol the fisheries zone each winter.';
const QUOTATION =
  '"No ally stands alone in the High North, and no ocean is wide enough to divide those who choose to defend it together," the admiral told the assembled delegations in Bodø.';

/** Prose of 40+ words on one topic, so each paragraph is a passage of its own. */
function prose(topic: string): string {
  return (
    `This paper considers ${topic} and what it means for cooperation between the United Kingdom and the European Union in the north. ` +
    `Officials interviewed for it described practical arrangements that have worked, the gaps that remain, and the decisions that ministers would need to take next year.`
  );
}

function halvardPaper(title: string, topic: string, extra: string[] = []): string {
  return `---
title: ${title}
date: 2025-03-01
type: policy-paper
publisher: ${PUBLISHER}
---

${BANNER}

${prose(topic)}

${extra.join('\n\n')}
`;
}

/** Halvard's five documents carry the banner; two of them also share a paragraph; one is a text whose title is only in its text. */
const CORPUS: Record<string, string> = {
  'north/arctic-patrols.md': halvardPaper('Arctic patrols after 2025', 'joint maritime patrols in the Barents Sea', [SHARED_BY_TWO]),
  'north/baltic-cables.md': halvardPaper('Protecting Baltic undersea cables', 'the protection of undersea cables in the Baltic', [SHARED_BY_TWO]),
  'north/icebreakers.md': halvardPaper('Icebreakers for the Union', 'the shortage of icebreakers for European navies'),
  'north/svalbard.md': halvardPaper('Svalbard and the treaty', 'the legal status of Svalbard under its treaty'),
  'north/greenland-radar.txt': `${BANNER}

Radar coverage over Greenland

${prose('radar coverage over Greenland and the Greenland–Iceland–UK gap')}
`,
  'north/greenland-radar.meta.yml': `publisher: ${PUBLISHER}
date: 2025-04-01
type: briefing
`,
  // One quotation in four documents, each of another publisher: shared, but by no one source.
  ...Object.fromEntries(
    ['Tromsø Maritime Forum', 'Orkney Strategy Group', 'Nordkapp Review', 'Faroe Policy Circle'].map((publisher, i) => [
      `north/quoted-${i + 1}.md`,
      `---
title: Remarks on the High North ${i + 1}
date: 2025-05-0${i + 1}
type: news
publisher: ${publisher}
---

${prose(`the admiral's speech as reported by the ${publisher}`)}

${QUOTATION}
`,
    ]),
  ),
};

interface Indexed {
  app: Express;
  client: Meilisearch;
  prefix: string;
  corpus: string;
  dataDir: string;
}

async function setUp(name: string, files: Record<string, string>): Promise<Indexed> {
  const engine = await testEngine();
  const client = await adminClient();
  const prefix = testPrefix(name);
  const corpus = tempDir(`${name}-corpus`);
  const dataDir = tempDir(`${name}-data`);
  copyShippedBasics(corpus);
  write(corpus, files);
  const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
  const app = createApp({ search: { url: engine.url, searchKey, indexPrefix: prefix }, corpusDir: corpus, production: true, log: () => {} });
  return { app, client, prefix, corpus, dataDir };
}

function write(corpus: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(corpus, path, '..'), { recursive: true });
    writeFileSync(join(corpus, path), text);
  }
}

const index = (x: Indexed): Promise<IndexSummary> =>
  runIndex({ corpusDir: x.corpus, client: x.client, prefix: x.prefix, stateDir: indexerStateDir(x.dataDir) });

async function passagesOf(x: Indexed, file: string): Promise<string[]> {
  const page = await x.client.index<PassageRecord>(indexNames(x.prefix).passages).getDocuments({ filter: `docId = "${idOf(file)}"`, limit: 1000 });
  return page.results.sort((a, b) => a.ordinal - b.ordinal).map((p) => p.text);
}

const idOf = (file: string) => documentId(file);
const carries = (texts: string[], paragraph: string) => texts.some((t) => t.includes(paragraph));

async function drop(x: Indexed): Promise<void> {
  for (const uid of Object.values(indexNames(x.prefix))) await x.client.deleteIndex(uid).waitTask().catch(() => {});
  rmSync(x.corpus, { recursive: true, force: true });
  rmSync(x.dataDir, { recursive: true, force: true });
}

describe('boilerplate: text repeated across a source (real Meilisearch)', function () {
  this.timeout(180_000);

  describe('a banner on every document of one publisher', () => {
    let x: Indexed;
    const halvard = Object.keys(CORPUS).filter((f) => !f.includes('quoted') && !f.endsWith('.yml'));
    before(async () => {
      x = await setUp('boiler', CORPUS);
      const summary = await index(x);
      assert.equal(summary.failed.length, 0, JSON.stringify(summary.failed));
    });
    after(() => drop(x));

    it('is in no passage, no snippet and no summary of that publisher’s documents', async () => {
      for (const file of halvard) {
        const passages = await passagesOf(x, file);
        assert.ok(passages.length > 0, file);
        assert.ok(!carries(passages, BANNER), `${file} still has the banner: ${passages[0]}`);
        const doc = (await request(x.app).get(`/api/documents/${idOf(file)}`).expect(200)).body as { summary: string; text: string };
        assert.ok(!doc.summary.includes('Skarvik'), `${file} summary: ${doc.summary}`);
        assert.match(doc.summary, /^This paper considers/, `${file} summary: ${doc.summary}`);
      }
      // The banner's own word finds nothing: it is in no passage and no document text.
      const banner = (await request(x.app).get('/api/search').query({ q: 'Skarvik' }).expect(200)).body as { total: number };
      assert.equal(banner.total, 0, JSON.stringify(banner).slice(0, 1500));
      const search = (await request(x.app).get('/api/search').query({ q: 'northern security research' }).expect(200)).body as {
        hits: { passages: { snippet: string }[] }[];
      };
      for (const hit of search.hits) for (const p of hit.passages) assert.ok(!p.snippet.includes('Skarvik'), p.snippet);
    });

    it('gives way to the real title when the title heuristic had taken the banner for it', async () => {
      const doc = (await request(x.app).get(`/api/documents/${idOf('north/greenland-radar.txt')}`).expect(200)).body as { title: string };
      assert.equal(doc.title, 'Radar coverage over Greenland');
    });

    it('leaves a paragraph that only two of the publisher’s documents share', async () => {
      assert.ok(carries(await passagesOf(x, 'north/arctic-patrols.md'), SHARED_BY_TWO));
      assert.ok(carries(await passagesOf(x, 'north/baltic-cables.md'), SHARED_BY_TWO));
      assert.ok(!carries(await passagesOf(x, 'north/icebreakers.md'), BANNER));
    });

    it('leaves a quotation that documents of four different publishers share', async () => {
      for (let i = 1; i <= 4; i++) assert.ok(carries(await passagesOf(x, `north/quoted-${i}.md`), QUOTATION), `quoted-${i}`);
      const found = (await request(x.app).get('/api/search').query({ q: '"no ocean is wide enough"' }).expect(200)).body as { total: number };
      assert.equal(found.total, 4);
      assert.ok(!carries(await passagesOf(x, 'north/svalbard.md'), BANNER));
    });

    it('--explain lists what was removed, with how many documents of which source carry it', async () => {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'indexer/cli.ts', '--explain', join(x.corpus, 'north/svalbard.md'), '--corpus', x.corpus],
        { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: x.dataDir, INDEX_PREFIX: x.prefix } },
      );
      const explained = JSON.parse(stdout) as {
        boilerplate: { source: string; documents: number; removed: { text: string; documents: number; reason: string }[] };
        passages: { text: string }[];
      };
      assert.equal(explained.boilerplate.source, `publisher ${PUBLISHER}`);
      assert.equal(explained.boilerplate.documents, 5);
      assert.deepEqual(
        explained.boilerplate.removed.map((r) => [r.text, r.documents]),
        [[BANNER, 5]],
      );
      assert.match(explained.boilerplate.removed[0]!.reason, new RegExp(`5 of the 5 documents of publisher ${PUBLISHER}`));
      assert.ok(!explained.passages.some((p) => p.text.includes('Skarvik')));
    });
  });

  describe('a new document that makes a paragraph boilerplate', () => {
    let x: Indexed;
    const PARAGRAPH =
      'Brannock Review papers are written by independent authors and do not represent the views of any government; corrections are published on the review’s website.';
    const paper = (topic: string, withParagraph: boolean) => `---
title: Brannock paper on ${topic}
date: 2024-09-01
type: policy-paper
publisher: Brannock Defence Review
---

${prose(topic)}

${withParagraph ? PARAGRAPH : prose(`${topic}, seen from the Nordic capitals`)}
`;
    before(async () => {
      x = await setUp('boilernew', {
        'brannock/a.md': paper('air policing', true),
        'brannock/b.md': paper('naval mines', true),
        'brannock/c.md': paper('drone procurement', false),
        'brannock/d.md': paper('military mobility', false),
      });
      const first = await index(x);
      // The four papers and the seed report every fixture corpus has.
      assert.equal(first.indexed, 5);
      // Two documents of four: not boilerplate yet.
      assert.ok(carries(await passagesOf(x, 'brannock/a.md'), PARAGRAPH));
      assert.ok(carries(await passagesOf(x, 'brannock/b.md'), PARAGRAPH));
    });
    after(() => drop(x));

    it('updates the older documents that carry it in the same run', async () => {
      write(x.corpus, { 'brannock/e.md': paper('space surveillance', true) });
      const summary = await index(x);
      assert.equal(summary.indexed, 1);
      assert.equal(summary.boilerplateUpdated, 2);
      for (const file of ['a', 'b', 'e']) assert.ok(!carries(await passagesOf(x, `brannock/${file}.md`), PARAGRAPH), file);
      const found = (await request(x.app).get('/api/search').query({ q: '"do not represent the views of any government"' }).expect(200)).body as { total: number };
      assert.equal(found.total, 0);
    });

    it('keeps a re-index with nothing changed a no-op: every document unchanged, none read again', async () => {
      const summary = await index(x);
      assert.equal(summary.indexed, 0);
      assert.equal(summary.unchanged, 6);
      assert.equal(summary.boilerplateUpdated ?? 0, 0);
      assert.ok(!carries(await passagesOf(x, 'brannock/a.md'), PARAGRAPH));
    });

    it('gives the paragraph back when the document that made it boilerplate goes', async () => {
      rmSync(join(x.corpus, 'brannock/e.md'));
      const summary = await index(x);
      assert.equal(summary.removed, 1);
      assert.equal(summary.boilerplateUpdated, 2);
      assert.ok(carries(await passagesOf(x, 'brannock/a.md'), PARAGRAPH));
      assert.ok(carries(await passagesOf(x, 'brannock/b.md'), PARAGRAPH));
    });

    it('reads everything again once when the state under DATA_DIR is lost, and ends the same', async () => {
      write(x.corpus, { 'brannock/e.md': paper('space surveillance', true) });
      await index(x);
      rmSync(indexerStateDir(x.dataDir), { recursive: true, force: true });
      const summary = await index(x);
      assert.equal(summary.indexed, 6);
      assert.ok(!carries(await passagesOf(x, 'brannock/a.md'), PARAGRAPH));
      assert.equal((await index(x)).unchanged, 6);
    });
  });
});
