/**
 * Finding in a real browser: search as you type (same URLs, history and the
 * back button kept), `/` to the search box, the skip link to the results, a
 * search box inside long facet lists, and a document opened from a search
 * scrolled to its first match. Fails on any console error or uncaught exception.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { indexedApp } from '../support/app.js';
import { launchChromium, PageProblems, serveApp, watchedContext, type ServedApp } from '../support/browser.js';
import { copyShippedBasics } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';

const SPEAKERS = ['Ada Quillfeather', 'Bram Oakenshaw', 'Cora Lindqvist', 'Dmitri Paperweight', 'Elspeth Marchbanks', 'Fergus Inkwell', 'Greta Holloway', 'Hugo Vantablack', 'Iris Nonesuch', 'Jasper Quire', 'Kaia Moonford', 'Lorcan Bellweather'];
const FILLER = 'Officials described the administrative steps needed before any new arrangement could take effect, and argued that trust between ministries would matter more than the wording of any treaty text.';

function writeCorpus(): string {
  const dir = tempDir('browser-finding-corpus');
  copyShippedBasics(dir);
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  SPEAKERS.forEach((speaker, i) => {
    write(`speeches/speech-${i}.md`, `---\ntitle: Remarks ${i} on maritime security\ndate: 20${10 + i}-03-0${1 + (i % 9)}\ntype: speech\nspeakers: [${speaker}]\n---\n\nMaritime security and naval cooperation in the North Sea were discussed. ${FILLER}\n`);
  });
  const long = Array.from({ length: 30 }, (_, i) => `## Part ${i + 1}\n\nThis part reviews procurement schedules and budget lines in detail. ${FILLER} ${FILLER}\n`).join('\n');
  write('papers/long-paper.md', `---\ntitle: A long paper on budgets\ndate: 2024-01-01\ntype: policy-paper\n---\n\n${long}\n## Conclusion\n\nIn closing, the paper recommends a hovercraft reserve. ${FILLER}\n`);
  return dir;
}

describe('browser: finding', function () {
  this.timeout(60_000);
  let site: ServedApp;
  let browser: Browser;
  const problems = new PageProblems();

  before(async function () {
    this.timeout(180_000);
    const corpusDir = writeCorpus();
    [site, browser] = await Promise.all([indexedApp('browser-finding', corpusDir).then((s) => serveApp(s.app)), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  function pageTest(title: string, body: (page: Page) => Promise<void>, options: BrowserContextOptions = {}): void {
    it(title, async () => {
      problems.take();
      const context = await watchedContext(browser, problems, { baseURL: site.baseUrl, ...options });
      try {
        await body(await context.newPage());
      } finally {
        await context.close();
      }
      assert.deepEqual(problems.take(), [], 'console errors or uncaught exceptions');
    });
  }

  pageTest('search as you type updates the results and the URL without reloading, and Back returns', async (page) => {
    await page.goto('/');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.locator('#q').pressSequentially('hovercraft', { delay: 20 });
    await page.waitForURL(/\?q=hovercraft/);
    await page.locator('#results-summary', { hasText: '1 document' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 42, 'no page load');
    assert.match((await page.locator('.hit__title').first().textContent()) ?? '', /A long paper on budgets/);
    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    await page.locator('#results-summary', { hasText: '14 documents' }).waitFor();
    assert.equal(await page.locator('#q').inputValue(), '');
  });

  pageTest('"/" puts the cursor in the search box; the skip link leads to the results', async (page) => {
    await page.goto('/');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    assert.equal(await page.locator('#q').inputValue(), '', 'the slash is not typed');
    const skip = page.locator('a.skip-link[href="#results"]');
    assert.equal(await skip.count(), 1);
    const reloads: string[] = [];
    page.on('request', (request) => {
      if (['fetch', 'document'].includes(request.resourceType())) reloads.push(request.url());
    });
    await skip.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'results');
    // The fragment navigation fires popstate; the results must not be fetched again and
    // swapped in, which would drop the focus the skip link just gave.
    await page.waitForTimeout(500);
    assert.deepEqual(reloads, [], 'no request after following the skip link');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results');
  });

  pageTest('a long facet list gets a box that narrows its values', async (page) => {
    await page.goto('/');
    const facet = page.locator('details.facet', { has: page.locator('summary', { hasText: 'Speaker' }) });
    const filter = facet.locator('input.facet__filter');
    await filter.fill('moonf');
    const visible = facet.locator('.facet__values > li:visible');
    assert.equal(await visible.count(), 1);
    assert.match((await visible.first().textContent()) ?? '', /Kaia Moonford/);
    await filter.fill('');
    assert.ok((await facet.locator('.facet__values > li:visible').count()) >= 10);
  });

  pageTest('a document opened from a search scrolls to and marks its first match', async (page) => {
    await page.goto('/?q=hovercraft');
    await page.locator('.hit__title a').first().click();
    await page.waitForURL(/\/documents\/papers-long-paper-md/);
    const first = page.locator('.passage--first-match');
    assert.equal(await first.count(), 1);
    await page.waitForFunction(() => window.scrollY > 500);
    assert.ok(await first.isVisible());
    const box = await first.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box && viewport && box.y >= 0 && box.y < viewport.height, `first match in view: ${JSON.stringify(box)}`);
    assert.match((await first.textContent()) ?? '', /hovercraft/);
    await page.locator('.breadcrumb a', { hasText: 'Back to results' }).click();
    await page.waitForURL(/\/\?q=hovercraft$/);
  });

  pageTest(
    'at 375 px the first result starts in the first screen',
    async (page) => {
      await page.goto('/?q=maritime');
      const box = await page.locator('.hit').first().boundingBox();
      assert.ok(box && box.y < 667, `first result at ${box?.y}px`);
    },
    { viewport: { width: 375, height: 667 } },
  );
});
