/**
 * Permalinks that outlive edits: re-index after a one-word edit and after a
 * removal, and follow the old permalinks as a reader of a citation would.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { runIndex } from '../../indexer/pipeline.js';
import { indexedApp } from '../support/app.js';
import { adminClient } from '../support/engine.js';
import { writeFixtureCorpus } from './site.js';
import type { Express } from 'express';

const FIRST =
  'The defence ministers met in Brussels to review the joint procurement programme and agreed that the next tranche of air defence systems would be ordered together before the end of the year, with the United Kingdom taking part as a third country.';
const SECOND =
  'They also asked officials to prepare a report on the military mobility corridors, because the bridges and railways needed to move heavy equipment across the continent have not been upgraded since the end of the Cold War.';
const THIRD =
  'Finally the meeting discussed sanctions enforcement and the shadow fleet, and the chair promised a further statement once the Council had agreed the next package of restrictive measures against those who help evade them.';

function memo(second: string): string {
  return `Defence ministers' meeting on procurement\n\n${FIRST}\n\n${second}\n\n${THIRD}\n`;
}

interface PassageJson {
  id: string;
  text: string;
}

describe('acceptance: permalinks that survive edits, and editions', function () {
  this.timeout(240_000);
  let app: Express;
  let corpusDir: string;
  let prefix: string;
  let cited: PassageJson;
  const DOC = 'memos-defence-ministers-txt';
  const GONE = 'memos-farewell-note-txt';
  let gonePassage: PassageJson;

  async function reindex(): Promise<void> {
    await runIndex({ corpusDir, client: await adminClient(), prefix });
  }

  before(async () => {
    corpusDir = writeFixtureCorpus('editions');
    mkdirSync(join(corpusDir, 'memos'), { recursive: true });
    writeFileSync(join(corpusDir, 'memos', 'defence-ministers.txt'), memo(SECOND));
    writeFileSync(join(corpusDir, 'memos', 'farewell-note.txt'), `A farewell note\n\n${THIRD} ${SECOND}\n`);
    ({ app, prefix } = await indexedApp('editions', corpusDir));
    const passages = (await request(app).get(`/api/documents/${DOC}`).expect(200)).body.passages as PassageJson[];
    cited = passages.find((passage) => passage.text.includes('military mobility'))!;
    assert.ok(cited, 'the passage to cite');
    gonePassage = ((await request(app).get(`/api/documents/${GONE}`).expect(200)).body.passages as PassageJson[])[0]!;

    // One word changed in the cited passage; the other document leaves the collection.
    writeFileSync(join(corpusDir, 'memos', 'defence-ministers.txt'), memo(SECOND.replace('heavy equipment', 'armoured equipment')));
    rmSync(join(corpusDir, 'memos', 'farewell-note.txt'));
    await reindex();
  });

  it('a permalink whose text changed shows the passage as cited, marked as an earlier edition, beside the closest current passage', async () => {
    const res = await request(app).get(`/passages/${cited.id}`).expect(200);
    const $ = cheerio.load(res.text);
    assert.match($('h1').text(), /earlier edition/i);
    assert.equal($('.edition--earlier blockquote').text(), cited.text, 'the words as cited');
    const current = $('.edition--current blockquote').text();
    assert.match(current, /armoured equipment/);
    assert.doesNotMatch(current, /heavy equipment/);
    const link = $('.edition--current a').attr('href') ?? '';
    assert.match(link, new RegExp(`^/documents/${DOC}\\?passage=${DOC}_[0-9a-f]{8}#`));
    const api = await request(app).get(`/api/passages/${cited.id}`).expect(200);
    assert.equal(api.body.edition, 'earlier');
    assert.equal(api.body.text, cited.text);
    assert.ok(api.body.closest.similarity > 0.9, String(api.body.closest.similarity));
    assert.ok(api.body.closest.text.includes('armoured equipment'));
  });

  it("a removed document's passages answer 410 with the cited text and the document's metadata", async () => {
    const res = await request(app).get(`/passages/${gonePassage.id}`).expect(410);
    const $ = cheerio.load(res.text);
    assert.match($('h1').text(), /removed/i);
    assert.equal($('.edition--earlier blockquote').text(), gonePassage.text);
    assert.match($('.metadata').text(), /A farewell note/);
    const api = await request(app).get(`/api/passages/${gonePassage.id}`).expect(410);
    assert.equal(api.body.text, gonePassage.text);
    assert.equal(api.body.document.title, 'A farewell note');
  });

  it('the document page lists its editions and what changed', async () => {
    const $ = cheerio.load((await request(app).get(`/documents/${DOC}`).expect(200)).text);
    const items = $('.editions li').map((_i, el) => $(el).text().replace(/\s+/g, ' ').trim()).get();
    assert.equal(items.length, 2, items.join(' | '));
    assert.match(items[0] ?? '', /^Current edition, indexed/);
    assert.match(items[1] ?? '', /1 passage changed or removed, 1 passage new/);
  });

  it('an unchanged re-index adds no edition, and a passage that did not change keeps its plain permalink', async () => {
    await reindex();
    const $ = cheerio.load((await request(app).get(`/documents/${DOC}`).expect(200)).text);
    assert.equal($('.editions li').length, 2);
    const passages = (await request(app).get(`/api/documents/${DOC}`).expect(200)).body.passages as PassageJson[];
    const unchanged = passages.find((passage) => passage.text.includes('joint procurement'))!;
    await request(app).get(`/passages/${unchanged.id}`).expect(302);
  });
});
