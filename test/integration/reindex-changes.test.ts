/**
 * What makes a document "changed": editing its sidecar, the taxonomy or the
 * glossary re-reads it on the next incremental run, and the records show the
 * edit. A multi-page PDF whose passages move to other pages keeps their ids
 * (permalinks) and reports the new pages.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import request from 'supertest';
import type { DocumentRecord, PassageRecord } from '../../contract/document.js';
import { documentId } from '../../contract/ids.js';
import { indexNames } from '../../contract/settings.js';
import { runIndex } from '../../indexer/pipeline.js';
import { createApp } from '../../server/app.js';
import { obtainSearchKey } from '../../server/search/meili.js';
import { makePdf } from '../support/corpus.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

const TAXONOMY = `threshold: 1
themes:
  - id: nato
    label: NATO
    description: The Alliance.
    terms:
      acronyms: [NATO]
  - id: pesco
    label: Permanent Structured Cooperation
    description: PESCO projects.
    terms:
      acronyms: [PESCO]
`;
const BORDERS_THEME = `  - id: borders
    label: Borders and Frontex
    description: External borders.
    terms:
      phrases: [Frontex]
`;
const GLOSSARY = `terms:
  - acronym: CSDP
    expansion: Common Security and Defence Policy
    aliases: []
`;
const PESCO_ENTRY = `  - acronym: PESCO
    expansion: Permanent Structured Cooperation
    aliases: []
`;

const TALK = 'speeches/talk.txt';
const TALK_TEXT = `A talk on borders

NATO officials and Frontex liaison officers met to compare notes on the external border, and agreed that information exchange had improved although gaps remained in the east. Officials described the administrative steps needed before any new arrangement could take effect.

Participants also discussed Permanent Structured Cooperation projects on military mobility, and whether third countries could join them on fair terms. Several noted that practical cooperation had moved faster than the formal agreements meant to frame it.
`;
const SIDECAR = `title: Borders and the Alliance
date: 2024-02-01
type: speech
speakers: [Jane Roe]
`;
const EDITED_SIDECAR = `title: Frontex and NATO after 2024
date: 2023-10-12
type: briefing
place: Warsaw
authors: [Peter Stone]
`;

/** Three distinct paragraphs, each long enough to be a passage of its own. */
const PARAGRAPHS = [
  'The first paragraph examines how the defence industrial base of Europe has adapted to the war in Ukraine, and why joint procurement moved faster than anyone expected when the first packages of ammunition were ordered together by several governments.',
  'The second paragraph turns to standardisation, asking whether common munitions and interoperable platforms can be agreed between the Union and the United Kingdom without a formal treaty, and what officials on both sides said about the obstacles in law.',
  'The third paragraph considers critical infrastructure and resilience, and how undersea cables, energy networks and ports can be protected jointly by allies who share intelligence but answer to different parliaments and different courts.',
];
const INTRO =
  'A new introduction now opens the paper: it summarises the argument for readers in a hurry, names the officials who reviewed the draft, and explains why the chapters that follow were moved one page further on in this revised edition of the report.';

/** Wraps prose to PDF lines of about 90 characters. */
function lines(text: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > 90) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

describe('re-indexing after edits (real Meilisearch)', function () {
  this.timeout(180_000);
  let client: Meilisearch;
  let corpus: string;
  const prefix = testPrefix('reindex');
  const names = indexNames(prefix);
  const index = () => runIndex({ corpusDir: corpus, client, prefix });
  const documentOf = (file: string) => client.index<DocumentRecord>(names.documents).getDocument(documentId(file));
  /** The site over this test's index, to check what a reader sees. */
  async function siteApp() {
    const engine = await testEngine();
    const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
    return createApp({ search: { url: engine.url, searchKey, indexPrefix: prefix }, corpusDir: corpus, production: true, log: () => {} });
  }
  async function passagesOf(file: string): Promise<PassageRecord[]> {
    const page = await client.index<PassageRecord>(names.passages).getDocuments({ filter: `docId = "${documentId(file)}"`, limit: 1000 });
    return page.results;
  }

  before(async () => {
    client = await adminClient();
    corpus = tempDir('reindex-corpus');
    writeFileSync(join(corpus, 'themes.yml'), TAXONOMY);
    writeFileSync(join(corpus, 'glossary.yml'), GLOSSARY);
  });
  after(async () => {
    for (const uid of [names.documents, names.passages]) await client.deleteIndex(uid).waitTask().catch(() => {});
    rmSync(corpus, { recursive: true, force: true });
  });

  describe('a text with a sidecar', () => {
    before(async () => {
      mkdirSync(join(corpus, 'speeches'), { recursive: true });
      writeFileSync(join(corpus, TALK), TALK_TEXT);
      writeFileSync(join(corpus, TALK.replace(/\.txt$/, '.meta.yml')), SIDECAR);
      const summary = await index();
      assert.equal(summary.indexed, 1, JSON.stringify(summary));
      const doc = await documentOf(TALK);
      assert.equal(doc.title, 'Borders and the Alliance');
      assert.deepEqual(doc.themes, ['nato']);
    });

    it('takes an edited sidecar on the next run: title, date, type, place and people', async () => {
      writeFileSync(join(corpus, TALK.replace(/\.txt$/, '.meta.yml')), EDITED_SIDECAR);
      const summary = await index();
      assert.equal(summary.indexed, 1, JSON.stringify(summary));
      const doc = await documentOf(TALK);
      assert.equal(doc.title, 'Frontex and NATO after 2024');
      assert.equal(doc.date, '2023-10-12');
      assert.equal(doc.year, 2023);
      assert.equal(doc.type, 'briefing');
      assert.equal(doc.place, 'Warsaw');
      assert.deepEqual(doc.people.map((p) => [p.role, p.name]), [['author', 'Peter Stone']]);
      const passages = await passagesOf(TALK);
      assert.ok(passages.length > 0);
      assert.ok(passages.every((p) => p.title === doc.title && p.type === 'briefing'), 'passages carry the new metadata too');
    });

    it('re-tags it when themes.yml gains a theme its text matches', async () => {
      writeFileSync(join(corpus, 'themes.yml'), TAXONOMY + BORDERS_THEME);
      const summary = await index();
      assert.equal(summary.indexed, 1, JSON.stringify(summary));
      const doc = await documentOf(TALK);
      assert.deepEqual([...doc.themes].sort(), ['borders', 'nato']);
      assert.deepEqual(doc.themeTags.find((t) => t.id === 'borders')?.evidence, { Frontex: 1 });
    });

    it('re-tags it when a theme loses the term that matched', async () => {
      writeFileSync(join(corpus, 'themes.yml'), TAXONOMY.replace('acronyms: [NATO]', 'acronyms: [OTAN]') + BORDERS_THEME);
      await index();
      assert.deepEqual((await documentOf(TALK)).themes, ['borders']);
    });

    // Expected once the glossary feeds tagging: an acronym's expansion counts as
    // the acronym. Until then this fails, and says so.
    it('re-tags it when the glossary learns that a term of a theme is written out in the text', async () => {
      assert.ok(!(await documentOf(TALK)).themes.includes('pesco'), 'the text never writes "PESCO"');
      writeFileSync(join(corpus, 'glossary.yml'), GLOSSARY + PESCO_ENTRY);
      await index();
      assert.ok(
        (await documentOf(TALK)).themes.includes('pesco'),
        'after adding PESCO = Permanent Structured Cooperation to glossary.yml, the document that writes it out carries the theme',
      );
    });

    it('takes themes given in the sidecar as what it is about, keeps the rest as mentions, and reports an id themes.yml lacks', async () => {
      const before = await documentOf(TALK);
      assert.ok(before.themes.includes('borders') && !before.themes.includes('nato'), JSON.stringify(before.themes));
      writeFileSync(join(corpus, TALK.replace(/\.txt$/, '.meta.yml')), `${EDITED_SIDECAR}themes: [NATO, nowhere]\n`);
      const summary = await index();
      assert.equal(summary.indexed, 1, JSON.stringify(summary));
      const doc = await documentOf(TALK);
      assert.deepEqual(doc.themes, ['nato'], 'the given theme, though no term of it is in the text');
      assert.ok(doc.themeMentions.includes('borders'), 'what the text names is still a mention, with its evidence');
      assert.deepEqual(doc.themeTags.find((t) => t.id === 'borders')?.evidence, { Frontex: 1 });
      assert.equal(doc.provenance.themes, 'sidecar');
      assert.ok(doc.warnings.some((w) => w.includes('"nowhere"') && w.includes('themes.yml')), JSON.stringify(doc.warnings));

      const app = await siteApp();
      const page = await request(app).get(`/documents/${documentId(TALK)}`).expect(200);
      assert.match(page.text, /NATO<\/a>\s*<span class="muted">about, given in the sidecar file/);
      const filtered = await request(app).get('/api/search').query({ theme: 'nato' }).expect(200);
      assert.ok(filtered.body.hits.some((hit: { id: string }) => hit.id === documentId(TALK)), 'the theme filter finds it');
    });
  });

  describe('a multi-page PDF whose passages move to other pages', () => {
    const FILE = 'papers/moving.pdf';

    it('keeps each passage id (its permalink) and updates its page', async () => {
      mkdirSync(join(corpus, 'papers'), { recursive: true });
      writeFileSync(join(corpus, FILE), await makePdf(PARAGRAPHS.map((p) => lines(p)), { title: 'Moving passages' }));
      await index();
      const before = await passagesOf(FILE);
      const idOf = (passages: PassageRecord[], paragraph: string) => {
        const found = passages.filter((p) => p.text.includes(paragraph.slice(0, 60)));
        assert.equal(found.length, 1, `one passage holds "${paragraph.slice(0, 40)}…"`);
        return found[0]!;
      };
      assert.deepEqual(PARAGRAPHS.map((p) => idOf(before, p).page), [1, 2, 3]);

      // A new first page pushes every paragraph one page further on.
      writeFileSync(join(corpus, FILE), await makePdf([INTRO, ...PARAGRAPHS].map((p) => lines(p)), { title: 'Moving passages' }));
      const summary = await index();
      assert.equal(summary.indexed, 1, JSON.stringify(summary));
      const after = await passagesOf(FILE);
      for (const [i, paragraph] of PARAGRAPHS.entries()) {
        const was = idOf(before, paragraph);
        const is = idOf(after, paragraph);
        assert.equal(is.id, was.id, `paragraph ${i + 1} keeps its id`);
        assert.equal(is.page, i + 2, `paragraph ${i + 1} is now on page ${i + 2}`);
      }
      assert.equal(new Set(after.map((p) => p.id)).size, after.length, 'no stale duplicate of a moved passage');

      // The permalink answers with the new page.
      const app = await siteApp();
      const moved = idOf(after, PARAGRAPHS[0]!);
      const res = await request(app).get(`/api/passages/${moved.id}`).expect(200);
      assert.equal(res.body.page, 2);
      await request(app).get(`/passages/${moved.id}`).expect(302).expect('Location', `/documents/${documentId(FILE)}?passage=${moved.id}#${moved.id}`);
    });
  });
});
