/**
 * Ranking that weighs what a query's words say: a rare word outweighs a word
 * most documents have, and a person's own words come before what others said
 * about them.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { indexedApp, type IndexedApp } from '../support/app.js';
import { copyShippedBasics } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';

const FILLER =
  'Officials described the administrative steps needed before any new arrangement could take effect, and argued that trust between ministries would matter more than the wording of any treaty text.';

/** Europe in the titles and text of most documents; a rare word in one; a speaker and a text about her. */
const DOCUMENTS: Record<string, string> = {
  'europe-budget.md': `---\ntitle: Europe and the budget\ndate: 2024-01-10\ntype: news\n---\n\nEurope debated the budget again. ${FILLER}\n`,
  'europe-energy.md': `---\ntitle: Europe and energy prices\ndate: 2024-02-10\ntype: news\n---\n\nEurope faces higher energy prices. ${FILLER}\n`,
  'europe-trade.md': `---\ntitle: Europe and trade routes\ndate: 2024-03-10\ntype: news\n---\n\nEurope looks for new trade routes. ${FILLER}\n`,
  'europe-housing.md': `---\ntitle: Europe and housing\ndate: 2024-04-10\ntype: news\n---\n\nEurope builds fewer homes. ${FILLER}\n`,
  'aviation.md': `---\ntitle: Airspace notes\ndate: 2024-05-10\ntype: briefing\n---\n\nA quadcopter flown near the runway closed the airport for an hour. ${FILLER}\n`,
  'lindqvist-speech.md': `---\ntitle: Address to the coastal communities\ndate: 2025-03-01\ntype: speech\nspeakers: [Maren Lindqvist]\n---\n\nOur fisheries quota must protect the small boats of the northern coast. ${FILLER}\n`,
  'partnership-and.md': `---\ntitle: Talks on the partnership\ndate: 2025-06-01\ntype: statement\n---\n\nBoth sides signed the Security and Defence Partnership in May. ${FILLER}\n`,
  'partnership-amp.md': `---\ntitle: Notes on the partnership\ndate: 2025-06-02\ntype: statement\n---\n\nThe Security & Defence Partnership covers crisis management. ${FILLER}\n`,
  'about-lindqvist.md': `---\ntitle: Commentators on Lindqvist and the fisheries quota\ndate: 2025-03-05\ntype: news\n---\n\nCommentators said Maren Lindqvist had misjudged the fisheries quota; Lindqvist, they wrote, spoke only for the north. ${FILLER}\n`,
};

function writeCorpus(): string {
  const dir = tempDir('ranking-corpus');
  copyShippedBasics(dir);
  for (const [name, content] of Object.entries(DOCUMENTS)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('acceptance: ranking by what the words say', function () {
  this.timeout(180_000);
  let site: IndexedApp;

  before(async () => {
    site = await indexedApp('ranking', writeCorpus());
    assert.equal(site.summary.failed.length, 0, JSON.stringify(site.summary.failed));
  });

  async function topIds(q: string): Promise<string[]> {
    const res = await request(site.app).get('/api/search').query({ q }).expect(200);
    return (res.body as { hits: { id: string }[] }).hits.map((h) => h.id);
  }

  it('ranks a document with the rare word of a question above documents with only a common one', async () => {
    const ids = await topIds('quadcopter incidents across Europe');
    assert.match(ids[0] ?? '', /^aviation/, `first: ${ids.join(', ')}`);
    // The common word still finds its documents, after the rare one.
    assert.equal(ids.filter((id) => id.startsWith('europe-')).length, 4, ids.join(', '));
  });

  it('finds a quoted phrase with & where it is written with "and", and the other way round', async () => {
    for (const q of ['"Security & Defence Partnership"', '"Security and Defence Partnership"']) {
      const ids = await topIds(q);
      assert.ok(ids.some((id) => id.startsWith('partnership-and')), `${q}: ${ids.join(', ')}`);
    }
    const ids = await topIds('"Security & Defence Partnership"');
    assert.ok(ids.some((id) => id.startsWith('partnership-amp')), ids.join(', '));
    const res = await request(site.app).get('/api/search').query({ q: '"Security & Defence Partnership" crisis' }).expect(200);
    const hit = (res.body as { hits: { id: string; missing: string[] }[] }).hits.find((h) => h.id.startsWith('partnership-and'));
    assert.deepEqual(hit?.missing, ['crisis'], 'the phrase written with "and" is not reported missing');
  });

  it("ranks a person's own speech above a text that mentions them", async () => {
    for (const q of ['Lindqvist fisheries quota', 'Maren Lindqvist', 'lindqvist']) {
      const ids = await topIds(q);
      assert.match(ids[0] ?? '', /^lindqvist-speech/, `${q}: ${ids.join(', ')}`);
      assert.ok(ids.some((id) => id.startsWith('about-lindqvist')), `${q}: the mention is still found: ${ids.join(', ')}`);
    }
  });
});
