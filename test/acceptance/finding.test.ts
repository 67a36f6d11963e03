/**
 * Search that finds what a researcher means: plain-language questions, acronyms
 * in capitals, the field's vocabulary, names typed without accents or misspelt,
 * the query syntax, snippets that show their match, undated and unpaginated
 * documents, and the way back to the results.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { indexedApp, type IndexedApp } from '../support/app.js';
import { copyShippedBasics } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';

const FILLER =
  'Officials described the administrative steps needed before any new arrangement could take effect, and argued that trust between ministries would matter more than the wording of any treaty text.';

const DOCUMENTS: Record<string, string> = {
  'ferries.md': `---
title: Ferry passengers and the Channel crossing
date: 2024-02-01
type: news
---

Passengers said they felt safe on the crossing, and safer than last year; safety inspections came first. ${FILLER}
`,
  'instrument.txt': `Loans for joint procurement

The Security Action for Europe offers loans for joint procurement by member states and partners. ${FILLER}
`,
  'instrument.meta.yml': `title: Loans for joint procurement
date: 2025-06-01
type: briefing
`,
  'british-firms.md': `---
title: Third-country firms in European procurement
date: 2025-05-20
type: policy-paper
---

## Participation

British firms could take part in procurement financed by EU loans once an agreement on participation is signed. ${FILLER}
`,
  'costa.md': `---
title: Council president on relations with London
date: 2025-04-02
type: speech
speakers: [António Costa]
---

## Counter-terrorism

The European Council president held talks with the United Kingdom on counter-terrorism cooperation and information sharing. ${FILLER}

## Migration

A second passage concerns migration routes and the work of border agencies. ${FILLER}
`,
  'kallas.md': `---
title: Kaja Kallas on European defence
date: 2025-03-15
type: speech
speakers: [Kaja Kallas]
---

## Opening

The High Representative opened the conference with a long review of capability gaps in air defence and ammunition. ${FILLER}

## Ukraine

Support for Ukraine must continue, the speaker said, through training missions and the European Peace Facility. ${FILLER}

## Closing

In closing, Kallas thanked the hosts and called for more joint procurement among member states. ${FILLER}
`,
  'undated-note.txt': `A note without any date

This note on maritime security cooperation records no day, month or year at all. ${FILLER}
`,
};

function writeCorpus(): string {
  const dir = tempDir('finding-corpus');
  copyShippedBasics(dir);
  for (const [relative, content] of Object.entries(DOCUMENTS)) {
    mkdirSync(dirname(join(dir, relative)), { recursive: true });
    writeFileSync(join(dir, relative), content);
  }
  return dir;
}

interface ApiHit {
  id: string;
  missing: string[];
  passages: { id: string; page: number; location: string; snippet: string }[];
}
interface ApiSearch {
  total: number;
  hits: ApiHit[];
  facets: Record<string, { value: string; label: string; count: number }[]>;
  unknownSpeakers: { name: string; closest: string[] }[];
}

describe('acceptance: finding what a researcher means', function () {
  this.timeout(180_000);
  let site: IndexedApp;

  before(async () => {
    site = await indexedApp('finding', writeCorpus());
    assert.equal(site.summary.failed.length, 0, JSON.stringify(site.summary.failed));
  });

  async function search(params: Record<string, string | string[]>): Promise<ApiSearch> {
    const res = await request(site.app).get('/api/search').query(params).expect(200);
    return res.body as ApiSearch;
  }
  const ids = (result: ApiSearch) => result.hits.map((h) => h.id);

  describe('natural-language questions', () => {
    it('finds the document with most of the words, and says which words it lacks', async () => {
      const result = await search({ q: 'British firms access EU rearmament loans' });
      assert.equal(result.hits[0]?.id, 'british-firms-md', JSON.stringify(ids(result)));
      assert.ok(result.hits[0]!.missing.includes('access'), JSON.stringify(result.hits[0]));
      const page = await request(site.app).get('/').query({ q: 'British firms access EU rearmament loans' }).expect(200);
      assert.match(page.text, /some are without: .*<s>access<\/s>/s);
      assert.match(page.text, /class="hit__missing">Without: .*<s>access<\/s>/);
    });

    it('ranks a document with every word above documents with some', async () => {
      const result = await search({ q: 'joint procurement loans' });
      assert.equal(result.hits[0]?.id, 'instrument-txt');
      assert.deepEqual(result.hits[0]?.missing, []);
    });
  });

  describe('acronyms in capitals', () => {
    it('"SAFE" finds the acronym and its expansion, never the ordinary word', async () => {
      const found = ids(await search({ q: 'SAFE' }));
      assert.ok(found.includes('instrument-txt'), `expansion found: ${found}`);
      assert.ok(!found.includes('ferries-md'), `ordinary "safe" not found: ${found}`);
    });

    it('"safe" in lower case still finds the word', async () => {
      assert.ok(ids(await search({ q: 'safe' })).includes('ferries-md'));
    });
  });

  describe('vocabulary of the field', () => {
    it('"dialogue" finds "talks", and "Britain" finds "United Kingdom"', async () => {
      assert.ok(ids(await search({ q: 'dialogue' })).includes('costa-md'));
      assert.ok(ids(await search({ q: 'Britain counter-terrorism' })).includes('costa-md'));
    });

    it('"High Representative" is the HR/VP', async () => {
      assert.ok(ids(await search({ q: 'HR/VP' })).includes('kallas-md'));
    });
  });

  describe('names', () => {
    it('the speaker filter ignores accents and case', async () => {
      assert.deepEqual(ids(await search({ speaker: 'antonio costa' })), ['costa-md']);
    });

    it('a misspelt speaker is offered the closest people, on the page and in the API', async () => {
      const result = await search({ speaker: 'Kalas' });
      assert.equal(result.total, 0);
      assert.deepEqual(result.unknownSpeakers, [{ name: 'Kalas', closest: ['Kaja Kallas'] }]);
      const page = await request(site.app).get('/').query({ speaker: 'Kalas' }).expect(200);
      assert.match(page.text, /Did you mean\s*<a href="\/\?speaker=Kaja\+Kallas">Kaja Kallas<\/a>/);
    });

    it('/people has a search box that narrows the list, accents and typos forgiven', async () => {
      const all = await request(site.app).get('/people').expect(200);
      assert.match(all.text, /<input[^>]+name="q"/);
      const some = await request(site.app).get('/people').query({ q: 'antonio' }).expect(200);
      assert.match(some.text, /António Costa/);
      assert.doesNotMatch(some.text, /Kaja Kallas/);
      const typo = await request(site.app).get('/people').query({ q: 'Kalas' }).expect(200);
      assert.match(typo.text, /Kaja Kallas/);
    });
  });

  describe('query syntax', () => {
    it('a quoted phrase must appear as written', async () => {
      const found = ids(await search({ q: '"joint procurement"' }));
      assert.ok(found.includes('instrument-txt') && found.includes('kallas-md'));
      assert.ok(!found.includes('british-firms-md'), `${found}`);
    });

    it('-word excludes documents with the word', async () => {
      const found = ids(await search({ q: 'procurement -loans' }));
      assert.ok(found.includes('kallas-md'));
      assert.ok(!found.includes('instrument-txt') && !found.includes('british-firms-md'), `${found}`);
    });

    it('OR finds either word', async () => {
      const found = ids(await search({ q: 'ferry OR ammunition' }));
      assert.ok(found.includes('ferries-md') && found.includes('kallas-md'), `${found}`);
    });

    it('unbalanced quotes and stray operators are read sensibly, never an error', async () => {
      for (const q of ['"joint procurement', 'OR', '-', '- OR "', 'procurement OR', '""', '-"', 'OR OR ferry', '“curly”']) {
        await request(site.app).get('/').query({ q }).expect(200);
        await request(site.app).get('/api/search').query({ q }).expect(200);
      }
      assert.ok(ids(await search({ q: '"joint procurement' })).includes('instrument-txt'));
    });

    it('the page explains the syntax beside the box', async () => {
      const page = await request(site.app).get('/').expect(200);
      assert.match(page.text, /id="search-help"[^>]*>[^<]*<code>"exact phrase"<\/code>, <code>-word<\/code>[^<]*<code>nato OR alliance<\/code>/);
    });
  });

  describe('snippets and highlights', () => {
    it('shows only passages that contain a match, though the title matches every passage', async () => {
      const hit = (await search({ q: 'Kallas' })).hits.find((h) => h.id === 'kallas-md');
      assert.ok(hit && hit.passages.length >= 1);
      for (const passage of hit.passages) assert.match(passage.snippet, /<mark>Kallas<\/mark>/);
    });

    it('a typo match is highlighted as the whole word', async () => {
      const hit = (await search({ q: 'Kalas' })).hits.find((h) => h.id === 'kallas-md');
      assert.ok(hit?.passages.some((p) => p.snippet.includes('<mark>Kallas</mark>')), JSON.stringify(hit));
    });

    it('the document page marks the first match and links to it', async () => {
      const page = await request(site.app).get('/documents/kallas-md').query({ q: 'Ukraine' }).expect(200);
      const first = /class="passage passage--match passage--first-match" id="([^"]+)"/.exec(page.text);
      assert.ok(first, 'first match marked');
      assert.match(page.text, new RegExp(`<a href="#${first[1]}">Go to the first match</a>`));
    });
  });

  describe('undated documents', () => {
    it('are counted under "Undated" in the year facet, so the years add up to the total', async () => {
      const result = await search({});
      const years = result.facets['year']!;
      const undated = years.find((v) => v.value === 'undated');
      assert.ok(undated && undated.count >= 1 && undated.label === 'Undated', JSON.stringify(years));
      assert.equal(years.reduce((sum, v) => sum + v.count, 0), result.total);
      const only = await search({ year: 'undated' });
      assert.ok(ids(only).includes('undated-note-txt'));
      assert.ok(!ids(only).includes('costa-md'));
      const page = await request(site.app).get('/').expect(200);
      assert.match(page.text, /aria-label="Undated: \d+ documents?"/);
    });

    it('show the same date in the header and the details', async () => {
      const page = await request(site.app).get('/documents/undated-note-txt').expect(200);
      assert.match(page.text, /class="doc-header__type">[^<]*· Undated</);
      assert.match(page.text, /<dt>Date<\/dt>\s*<dd>Undated/);
    });
  });

  describe('documents without pages', () => {
    it('label passages by section and paragraph, not "Page 1"', async () => {
      const hit = (await search({ q: 'counter-terrorism' })).hits.find((h) => h.id === 'costa-md');
      assert.equal(hit?.passages[0]?.location, 'Counter-terrorism, paragraph 1');
      const page = await request(site.app).get('/').query({ q: 'counter-terrorism' }).expect(200);
      assert.match(page.text, /<span>Counter-terrorism, paragraph 1<\/span>/);
      assert.doesNotMatch(page.text, /<span>Page 1<\/span>/);
    });
  });

  describe('back to results', () => {
    it('a document opened from the results leads back to the same search, filters and page', async () => {
      const page = await request(site.app).get('/').query({ q: 'defence', type: 'speech', per: '10' }).expect(200);
      const link = /<h2 class="hit__title"><a href="([^"]+)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
      assert.ok(link && link.includes('type=speech') && link.includes('per=10'), link);
      const doc = await request(site.app).get(link).expect(200);
      const back = /<a href="([^"]+)">← Back to results/.exec(doc.text)?.[1]?.replace(/&amp;/g, '&');
      assert.equal(back, '/?q=defence&type=speech&per=10');
    });
  });
});
