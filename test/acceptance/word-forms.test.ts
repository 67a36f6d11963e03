/**
 * How a query is read: other forms of its words (stems), a query whose rarest
 * word the answer puts otherwise, and the glossary's terms of several words read
 * whole. A corpus and a glossary of their own, so the shipped vocabulary can change.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { indexedApp, type IndexedApp } from '../support/app.js';
import { tempDir } from '../support/engine.js';

const FILLER =
  'Officials described the administrative steps needed before any new arrangement could take effect, and argued that trust between ministries would matter more than the wording of any treaty text.';

const GLOSSARY = `terms:
  - acronym: NATO
    expansion: North Atlantic Treaty Organization
    aliases: []
  - acronym: EU
    expansion: European Union
    aliases: []
  - acronym: SAFE
    expansion: Security Action for Europe
    aliases: [EU defence loans]
synonyms:
  - [illegal migration, small boats]
`;

const doc = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2025-01-01\ntype: news\n---\n\n${body} ${FILLER}\n`;

const DOCUMENTS: Record<string, string> = {
  // Word forms: the exact form in one, another form only in the other.
  'budget-exact.md': doc('Budget review', 'Ministers defended the spending plans for the coming year.'),
  'budget-forms.md': doc('Allies and their armies', 'The allies agreed they must spend more; each spends too little today.'),
  // A rare word ("cooperation") the answer does not use.
  'nato-and-eu.md': doc('A meeting of partners', 'NATO and the EU are unique partners and meet every month.'),
  'eu-fisheries.md': doc('Fisheries', 'EU cooperation on fisheries quotas continued.'),
  'eu-energy.md': doc('Energy', 'EU cooperation on energy prices was discussed.'),
  'eu-rail.md': doc('Rail', 'EU cooperation on rail links was promised.'),
  'eu-ports.md': doc('Ports', 'The EU opened new port terminals.'),
  ...Object.fromEntries(['north', 'south', 'east', 'west', 'centre', 'air'].map((flank) => [`nato-${flank}.md`, doc(`The ${flank} flank`, `NATO allies reviewed the ${flank} flank.`)])),
  // An acronym that is also a word: its alias must find the acronym, not the word.
  'safe-instrument.md': doc('Joint procurement', 'Member states signed up to the SAFE instrument.'),
  'safe-word.md': doc('Allies at home', 'EU allies must keep their people safe.'),
  // A glossary term of two words, answered by its synonym.
  'frontex-deal.md': doc('Border agency arrangement', 'The Frontex arrangement was signed.'),
  'channel-crossings.md': doc('Channel crossings', 'Gangs put lives at risk on small boats in the Channel.'),
  'illegal-fishing.md': doc('Illegal fishing', 'Illegal trawling in protected waters was reported.'),
  'labour-migration.md': doc('Labour migration', 'Labour migration statistics were published.'),
  'student-migration.md': doc('Student migration', 'Student migration rose again.'),
};

interface Hit {
  id: string;
  missing: string[];
  passages: { snippet: string }[];
}

describe('acceptance: reading a query', function () {
  this.timeout(180_000);
  let site: IndexedApp;

  before(async () => {
    const dir = tempDir('word-forms-corpus');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'glossary.yml'), GLOSSARY);
    for (const [name, content] of Object.entries(DOCUMENTS)) writeFileSync(join(dir, name), content);
    site = await indexedApp('wordforms', dir);
    assert.equal(site.summary.failed.length, 0, JSON.stringify(site.summary.failed));
  });

  async function hits(q: string): Promise<Hit[]> {
    const res = await request(site.app).get('/api/search').query({ q }).expect(200);
    return (res.body as { hits: Hit[] }).hits;
  }
  const ids = (found: Hit[]) => found.map((h) => h.id);

  it('finds other forms of a word, below the form as written, marked in the snippet and not reported missing', async () => {
    const found = await hits('spending');
    const exact = found.findIndex((h) => h.id.startsWith('budget-exact'));
    const forms = found.findIndex((h) => h.id.startsWith('budget-forms'));
    assert.ok(exact >= 0 && forms > exact, ids(found).join(', '));
    assert.match(found[forms]!.passages[0]?.snippet ?? '', /<mark>spend<\/mark> more; each <mark>spends<\/mark>/);
    const both = (await hits('spending allies')).find((h) => h.id.startsWith('budget-forms'));
    assert.deepEqual(both?.missing, [], 'a document with "spend" does not lack "spending"');
    const page = await request(site.app).get(`/documents/${found[forms]!.id}`).query({ q: 'spending' }).expect(200);
    assert.match(page.text, /<mark>spend<\/mark> more; each <mark>spends<\/mark>/, 'the document page marks the other forms too');
  });

  it('ranks a document with every word but the rarest above documents with only the rarest', async () => {
    const found = ids(await hits('NATO EU cooperation'));
    assert.match(found[0] ?? '', /^nato-and-eu/, found.join(', '));
    assert.ok(found.some((id) => id.startsWith('eu-fisheries')), `the rare word still finds its documents: ${found.join(', ')}`);
  });

  it('exports and feeds a search with the documents its results page lists, in the same order', async () => {
    for (const q of ['spending', 'NATO EU cooperation']) {
      const listed = ids(await hits(q));
      const exported = await request(site.app).get('/export.json').query({ q }).expect(200);
      assert.deepEqual(
        (JSON.parse(exported.text) as { id: string }[]).map((item) => item.id),
        listed,
        `the export of "${q}" holds what the page lists`,
      );
      // A feed is newest first: the same documents, whatever their order.
      const feed = await request(site.app).get('/feed.atom').query({ q }).expect(200);
      const inFeed = listed.filter((id) => feed.text.includes(`/documents/${id}`));
      assert.deepEqual(inFeed, listed, `the feed of "${q}" holds what the page lists`);
    }
  });

  it('does not list documents that have only a word most documents have', async () => {
    // "ministries" is in every document (the filler), "fisheries" and "quotas" in one.
    const found = ids(await hits('ministries fisheries quotas'));
    assert.deepEqual(found, found.filter((id) => id.startsWith('eu-fisheries')), found.join(', '));
    assert.equal(found.length, 1);
  });

  it("reads an acronym's alias as the acronym's entry, so it never finds the ordinary word", async () => {
    const found = ids(await hits('EU defence loans'));
    assert.deepEqual(found.map((id) => id.replace(/-md$/, '')), ['safe-instrument']);
  });

  it('reads a glossary term of several words as one term, so its synonyms answer it inside a longer query', async () => {
    const found = ids(await hits('Frontex illegal migration'));
    const crossings = found.findIndex((id) => id.startsWith('channel-crossings'));
    assert.ok(crossings >= 0, found.join(', '));
    for (const other of ['illegal-fishing', 'labour-migration']) {
      const at = found.findIndex((id) => id.startsWith(other));
      assert.ok(at < 0 || at > crossings, `${other} above the synonym's document: ${found.join(', ')}`);
    }
  });
});
