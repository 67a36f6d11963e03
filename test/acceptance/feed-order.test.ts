/**
 * Every feed runs newest first. The corpus holds more matching documents than
 * a feed carries, written in an order unrelated to their dates, so a feed
 * listing oldest first (or in index order) would never show the newest ones.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import type { Express } from 'express';
import { documentId } from '../../contract/ids.js';
import { indexedApp } from '../support/app.js';
import { SHIPPED_CORPUS } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';

const MATCHING = 70;
const ORG = 'Feed Test Institute';
const SPEAKER = 'Jane Roe';
const FILLER =
  'Officials described the administrative steps needed before any new arrangement could take effect, and argued that trust between ministries would matter more than the wording of any treaty text.';

interface Written {
  id: string;
  date: string;
  matches: boolean;
}

/** Day `n` after 1 January 2010, as YYYY-MM-DD. */
const day = (n: number) => new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** 70 matching documents and 5 others, their dates shuffled against their file names. */
function writeCorpus(root: string): Written[] {
  // The taxonomy and glossary only: every document of this corpus is one whose date the test knows.
  for (const file of ['themes.yml', 'glossary.yml']) copyFileSync(join(SHIPPED_CORPUS, file), join(root, file));
  mkdirSync(join(root, 'feed'), { recursive: true });
  const written: Written[] = [];
  const total = MATCHING + 5;
  for (let i = 0; i < total; i++) {
    const matches = i < MATCHING;
    // 31 is coprime with 75, so dates are a permutation of file order.
    const date = day(((i * 31) % total) * 45);
    const file = `feed/doc-${String(i).padStart(3, '0')}.md`;
    const body = matches
      ? `NATO ministers met the ${ORG}. NATO planning was the subject. ${FILLER}`
      : `The Channel and irregular migration were the subject. ${FILLER}`;
    writeFileSync(
      join(root, file),
      `---\ntitle: Feed document ${i}\ndate: ${date}\ntype: briefing\norganisations: [${matches ? ORG : 'Other Body'}]\nspeakers: [${matches ? SPEAKER : 'Peter Stone'}]\n---\n\n${body}\n\n${FILLER}\n`,
    );
    written.push({ id: documentId(file), date, matches });
  }
  return written;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' });

/** Document ids of a feed's entries, in feed order. */
function entryIds(xml: string): string[] {
  const feed = (parser.parse(xml) as { feed: { entry?: { id: string }[] } }).feed;
  return (feed.entry ?? []).map((entry) => decodeURIComponent(String(entry.id).split('/documents/')[1] ?? ''));
}

describe('feeds run newest first (more documents than a feed carries)', function () {
  this.timeout(180_000);
  let app: Express;
  let written: Written[];

  before(async () => {
    const corpus = tempDir('feed-corpus');
    written = writeCorpus(corpus);
    const site = await indexedApp('feedorder', corpus);
    assert.equal(site.summary.failed.length, 0, JSON.stringify(site.summary.failed));
    app = site.app;
  });

  const FEEDS: [path: string, onlyMatching: boolean][] = [
    ['/feed.atom', false],
    [`/feed.atom?org=${encodeURIComponent(ORG)}`, true],
    [`/feed.atom?speaker=${encodeURIComponent(SPEAKER)}`, true],
    ['/feed.atom?theme=nato-transatlantic', true],
    ['/feed.atom?q=NATO', true],
    [`/feed.atom?q=NATO&org=${encodeURIComponent(ORG)}&from=2009&to=2030`, true],
    ['/feed.atom?sort=oldest', false],
    ['/feed.atom?q=NATO&sort=relevance', true],
  ];

  for (const [path, onlyMatching] of FEEDS) {
    it(`${path} lists the newest documents of its search, newest first`, async () => {
      const res = await request(app).get(path).expect(200);
      const ids = entryIds(res.text);
      const candidates = written.filter((w) => !onlyMatching || w.matches);
      assert.ok(ids.length > 0, 'the feed has entries');
      assert.ok(ids.length < candidates.length, `the feed is capped below the ${candidates.length} documents its search finds`);
      const newest = [...candidates].sort((a, b) => b.date.localeCompare(a.date)).slice(0, ids.length);
      assert.deepEqual(ids, newest.map((w) => w.id));
    });
  }
});
