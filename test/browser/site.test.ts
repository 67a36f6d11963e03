/**
 * The site in a real browser: searching, faceting, date filters and the year
 * histogram, passage permalinks, the cite box and copy-link controls, the same
 * search without JavaScript, accessibility (axe-core) of every kind of page,
 * and the narrow-screen layout. Every test fails on a console error or an
 * uncaught exception in any page it opened.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchChromium, PageProblems, watchedContext, type ServedApp } from '../support/browser.js';
import { SEED_ID, servedFixtureSite } from './site.js';

const SEED_TITLE = 'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead';
const SCREENS_DIR = '/tmp/screens';

describe('browser: the site in Chromium', function () {
  this.timeout(60_000);
  let site: ServedApp;
  let browser: Browser;
  const problems = new PageProblems();

  before(async function () {
    this.timeout(120_000);
    [site, browser] = await Promise.all([servedFixtureSite('browser'), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /**
   * A test with its own browser context (fresh cookies, permissions, storage);
   * it fails if any page it opened logged a console error or threw.
   */
  function pageTest(title: string, body: (page: Page) => Promise<void>, options: BrowserContextOptions = {}): void {
    it(title, async () => {
      problems.take();
      const context = await watchedContext(browser, problems, { baseURL: site.baseUrl, ...options });
      try {
        const page = await context.newPage();
        await body(page);
      } finally {
        await context.close();
      }
      assert.deepEqual(problems.take(), [], 'console errors or uncaught exceptions');
    });
  }

  /** The number in the results heading: "12 documents, page 1 of 2 for …" -> 12; "No documents" -> 0. */
  async function resultCount(page: Page): Promise<number> {
    const summary = (await page.locator('#results-summary').textContent()) ?? '';
    if (summary.startsWith('No documents')) return 0;
    const match = /^([\d,]+) documents?/.exec(summary);
    assert.ok(match?.[1], `unexpected results heading "${summary}"`);
    return Number(match[1].replace(/,/g, ''));
  }

  /** The first number in an element's text ("12 documents" -> 12). */
  async function countIn(locator: Locator): Promise<number> {
    const text = (await locator.textContent()) ?? '';
    const match = /\d[\d,]*/.exec(text);
    assert.ok(match, `no number in "${text}"`);
    return Number(match[0].replace(/,/g, ''));
  }

  /** Years of the dates shown on the result list ("4 March 2015" -> 2015). */
  async function hitYears(page: Page): Promise<number[]> {
    const dates = await page.locator('.hit .hit__meta > span:first-child').allTextContents();
    return dates.map((text) => {
      const year = /\b(\d{4})\b/.exec(text)?.[1];
      assert.ok(year, `a result without a year: "${text}"`);
      return Number(year);
    });
  }

  async function search(page: Page, words: string): Promise<void> {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search the collection' }).fill(words);
    await Promise.all([page.waitForURL(/[?&]q=/), page.getByRole('searchbox', { name: 'Search the collection' }).press('Enter')]);
  }

  pageTest('a typed search submitted with Enter finds the seed report with highlighted snippets located by paragraph', async (page) => {
    await search(page, 'people smuggling');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'people smuggling');
    const seed = page.locator('article.hit', { has: page.getByRole('link', { name: SEED_TITLE }) });
    assert.equal(await seed.count(), 1, 'the seed report is among the results');
    const marks = (await seed.locator('.snippet__text mark').allTextContents()).map((t) => t.toLowerCase());
    assert.ok(marks.includes('people') && marks.includes('smuggling'), `highlighted words: ${marks.join(', ')}`);
    // The seed is plain text without pages: its passages are located by section and paragraph, never "Page 1".
    const location = (await seed.locator('.snippet__meta').first().textContent()) ?? '';
    assert.match(location, /paragraph \d+/);
    assert.doesNotMatch(location, /Page \d+/);
    assert.match((await page.locator('#results-summary').textContent()) ?? '', /\d+ documents? for “people smuggling”/);
  });

  pageTest('clicking a facet value narrows the results, shows its chip, and the chip removes it', async (page) => {
    await page.goto('/');
    const total = await resultCount(page);
    const facetValue = page.locator('[data-facet="theme"] .facet-value', { hasText: 'Irregular migration and people smuggling' });
    const facetCount = await countIn(facetValue.locator('.facet-value__count'));
    await Promise.all([page.waitForURL(/theme=migration/), facetValue.click()]);

    const narrowed = await resultCount(page);
    assert.ok(narrowed > 0 && narrowed < total, `${narrowed} of ${total} documents`);
    assert.equal(narrowed, facetCount, 'the count on the facet value is the number of results it leads to');
    assert.equal(await page.locator('article.hit').count(), narrowed, 'one result per counted document');
    assert.equal(await page.locator('.facet-value--selected', { hasText: 'Irregular migration' }).getAttribute('aria-current'), 'true');
    for (const themes of await page.locator('article.hit .chips--themes').allTextContents()) {
      assert.match(themes, /Irregular migration and people smuggling/);
    }

    const chip = page.getByRole('link', { name: 'Remove filter Theme: Irregular migration and people smuggling' });
    await Promise.all([page.waitForURL((url) => !url.searchParams.has('theme')), chip.click()]);
    assert.equal(await resultCount(page), total);
    assert.equal(await page.locator('.chip--removable').count(), 0);
  });

  pageTest('a typed date range keeps only documents inside it; a histogram bar filters to its year', async (page) => {
    await page.goto('/');
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2020');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2022');
    await Promise.all([page.waitForURL(/from=2020/), page.getByRole('button', { name: 'Apply' }).click()]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('to'), '2022');
    const years = await hitYears(page);
    assert.ok(years.length > 0, 'documents in 2020–2022');
    assert.deepEqual(years.filter((y) => y < 2020 || y > 2022), [], 'documents outside the range');
    assert.equal(years.length, await resultCount(page));
    assert.equal(await page.locator('.chip--removable').count(), 2, 'a chip for each end of the range');

    await page.goto('/');
    const bar = page.locator('.histogram a[aria-label^="2015:"]');
    const expected = Number(/(\d+) documents?/.exec((await bar.getAttribute('aria-label')) ?? '')?.[1]);
    await Promise.all([page.waitForURL(/year=2015/), bar.click()]);
    const barYears = await hitYears(page);
    assert.equal(barYears.length, expected, 'as many results as the bar said');
    assert.deepEqual([...new Set(barYears)], [2015]);
    assert.equal(await page.locator('.histogram__bar--selected').count(), 1, 'the clicked bar is marked');
  });

  pageTest('a passage link from a result lands on the document with that passage as the target, in view', async (page) => {
    await search(page, 'people smuggling');
    const seed = page.locator('article.hit', { has: page.getByRole('link', { name: SEED_TITLE }) });
    const passageLink = seed.getByRole('link', { name: 'Go to passage' }).last();
    const passageId = ((await passageLink.getAttribute('href')) ?? '').replace('/passages/', '');
    assert.ok(passageId.startsWith(`${SEED_ID}_`), passageId);
    await Promise.all([page.waitForURL(new RegExp(`/documents/${SEED_ID}\\?passage=[\\w-]+#`)), passageLink.click()]);

    assert.equal(await page.evaluate(() => location.hash), `#${passageId}`);
    assert.equal(await page.locator(':target').getAttribute('id'), passageId);
    const inView = await page.evaluate((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    }, passageId);
    assert.ok(inView, 'the passage is scrolled into view');
    assert.match((await page.locator(`[id="${passageId}"] .passage__text`).textContent()) ?? '', /smuggling/i);
  });

  pageTest(
    'the cite box copies the APA reference to the clipboard and downloads BibTeX',
    async (page) => {
      await page.goto(`/documents/${SEED_ID}`);
      const apa = page.locator('.citation', { has: page.locator('#citation-document-apa') });
      const shown = ((await page.locator('#citation-document-apa').innerText()) ?? '').trim();
      await apa.getByRole('button', { name: 'Copy reference' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, shown);
      assert.match(copied, /\(2025\)\. UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead \[Event report\]/);
      assert.ok(copied.endsWith(`${site.baseUrl}/documents/${SEED_ID}`), copied);

      await page.locator('.cite-box__downloads').scrollIntoViewIfNeeded();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.cite-box__downloads').getByRole('link', { name: 'BibTeX', exact: true }).click()]);
      const bibtex = readFileSync(await download.path(), 'utf8');
      assert.ok(bibtex.startsWith('@'), bibtex.slice(0, 80));
      assert.ok(bibtex.includes(`url = {${site.baseUrl}/documents/${SEED_ID}}`), bibtex);
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );

  pageTest(
    'a passage "Cite" opens a dialog with the cite box, downloads nothing, and the chosen style is remembered',
    async (page) => {
      const downloads: string[] = [];
      page.on('download', (download) => downloads.push(download.suggestedFilename()));
      await page.goto(`/documents/${SEED_ID}`);
      const passage = page.locator('section.passage').nth(1);
      const passageId = (await passage.getAttribute('id')) ?? '';
      await passage.getByRole('link', { name: 'Cite' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cite this passage' });
      await dialog.waitFor();
      assert.equal(new URL(page.url()).pathname, `/documents/${SEED_ID}`, 'the page stayed');
      assert.match((await dialog.locator('.permalink a').first().textContent()) ?? '', new RegExp(`/passages/${passageId}$`));
      assert.ok(await dialog.locator('[data-style="apa"]').isVisible());
      await dialog.getByLabel('Style').selectOption('harvard');
      assert.ok(await dialog.locator('[data-style="harvard"]').isVisible());
      assert.ok(!(await dialog.locator('[data-style="apa"]').isVisible()));
      assert.match((await dialog.locator('[data-style="harvard"] .citation__intext').innerText()) ?? '', /\(Institute for European Policymaking at Bocconi University, 2025, para\. 2\)/);
      await dialog.getByRole('button', { name: 'Close' }).click();

      // Another page: the document's own cite box opens in the remembered style.
      await page.reload();
      assert.ok(await page.locator('.doc-side [data-style="harvard"]').isVisible());
      assert.ok(!(await page.locator('.doc-side [data-style="apa"]').isVisible()));
      assert.deepEqual(downloads, [], 'nothing was downloaded');
    },
  );

  pageTest('reference managers find the Highwire Press tags, as the Zotero Connector reads them', async (page) => {
    await page.goto('/documents/papers-defence-industrial-base-pdf');
    // As Zotero's Embedded Metadata translator does: every meta[name^="citation_"], repeated names collected in order.
    const tags = await page.evaluate(() => {
      const found: Record<string, string[]> = {};
      for (const meta of document.querySelectorAll<HTMLMetaElement>('head meta[name]')) {
        const name = meta.getAttribute('name') ?? '';
        if (!name.startsWith('citation_')) continue;
        (found[name.slice('citation_'.length)] ??= []).push(meta.content);
      }
      return found;
    });
    assert.deepEqual(tags['title'], ['The Defence Industrial Base']);
    assert.deepEqual(tags['author'], ['Fictional, Jane']);
    assert.ok(tags['publication_date']?.[0], 'a date');
    assert.equal(tags['pdf_url']?.length, 1);
    const pdf = await page.request.get(tags['pdf_url']![0]!);
    assert.equal(pdf.headers()['content-type'], 'application/pdf', 'the PDF a reference manager would attach');
    assert.equal(tags['firstpage'], undefined, 'a whole document has no first page');

    const passageId = await page.locator('section.passage').filter({ hasText: /joint procurement/i }).first().getAttribute('id');
    await page.goto(`/passages/${passageId}`);
    assert.equal(await page.locator('meta[name="citation_firstpage"]').getAttribute('content'), '2');
  });

  pageTest(
    '"Link to this passage" copies the absolute permalink, which leads back to the passage',
    async (page) => {
      await page.goto(`/documents/${SEED_ID}`);
      const passage = page.locator('section.passage').nth(2);
      const passageId = await passage.getAttribute('id');
      await passage.hover();
      await passage.getByRole('link', { name: 'Link to this passage' }).click();
      await passage.getByRole('link', { name: 'Link copied' }).waitFor();
      assert.equal(new URL(page.url()).hash, '', 'the click copied instead of navigating');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${site.baseUrl}/passages/${passageId}`);

      await page.goto(copied);
      assert.equal(await page.evaluate(() => location.hash), `#${passageId}`);
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );

  pageTest(
    'without JavaScript the search form, facets, date filter and pagination still work',
    async (page) => {
      await search(page, 'NATO');
      const found = await resultCount(page);
      assert.ok(found > 0, 'the search ran');

      const briefing = page.locator('.facet-value', { hasText: 'Briefing' });
      const expected = await countIn(briefing.locator('.facet-value__count'));
      await Promise.all([page.waitForURL(/type=briefing/), briefing.click()]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'NATO', 'the query is kept');
      assert.equal(await resultCount(page), expected);
      assert.ok(expected < found, `${expected} of ${found}`);
      assert.equal(await page.getByRole('link', { name: 'Remove filter Document type: Briefing' }).count(), 1);

      await page.getByRole('textbox', { name: 'From', exact: true }).fill('2020');
      await Promise.all([page.waitForURL(/from=2020/), page.getByRole('button', { name: 'Apply' }).click()]);
      const years = await hitYears(page);
      assert.deepEqual(years.filter((y) => y < 2020), [], 'documents before 2020');
      assert.equal(new URL(page.url()).searchParams.get('type'), 'briefing', 'the facet survives the form');

      await page.goto('/');
      const firstPage = await page.locator('.hit__title').allTextContents();
      assert.match((await page.locator('#results-summary').textContent()) ?? '', /page 1 of 2/);
      await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: 'Next →' }).click()]);
      assert.match((await page.locator('#results-summary').textContent()) ?? '', /page 2 of 2/);
      const secondPage = await page.locator('.hit__title').allTextContents();
      assert.ok(secondPage.length > 0);
      assert.deepEqual(secondPage.filter((title) => firstPage.includes(title)), [], 'page 2 repeats no result of page 1');
      assert.equal(firstPage.length + secondPage.length, await resultCount(page));

      // Script-only controls stay hidden, and "Link to this passage" is a plain link to the permalink.
      await page.goto(`/documents/${SEED_ID}`);
      assert.equal(await page.locator('[data-copy-target]').count(), 16, 'the cite box has its Copy buttons');
      assert.equal(await page.getByRole('button', { name: 'Show' }).count(), 1, 'the style form submits without script');
      assert.equal(await page.getByRole('button', { name: 'Copy' }).count(), 0, 'Copy buttons are hidden without JavaScript');
      const passage = page.locator('section.passage').nth(1);
      const passageId = await passage.getAttribute('id');
      await Promise.all([page.waitForURL(/#/), passage.getByRole('link', { name: 'Link to this passage' }).click()]);
      assert.equal(new URL(page.url()).hash, `#${passageId}`);
    },
    { javaScriptEnabled: false },
  );

  describe('accessibility and layout', () => {
    /** Every kind of page; the person and passage are looked up from the pages themselves. */
    const AXE_PAGES: [string, string | ((page: Page) => Promise<string>)][] = [
      ['home', '/'],
      ['search with results and filters', '/?q=NATO&type=briefing&from=2014'],
      ['search without results', '/?q=zzyzxqqv'],
      ['document', `/documents/${SEED_ID}`],
      ['document with highlighted matches', `/documents/${SEED_ID}?q=people%20smuggling`],
      ['themes', '/themes'],
      ['people', '/people'],
      [
        'person',
        async (page) => {
          await page.goto('/people');
          return (await page.locator('.person-list a').first().getAttribute('href')) ?? '/people';
        },
      ],
      ['about', '/about'],
      [
        'cite box of a passage',
        async (page) => {
          await page.goto(`/documents/${SEED_ID}`);
          return `/documents/${SEED_ID}/cite?passage=${(await page.locator('section.passage').first().getAttribute('id')) ?? ''}`;
        },
      ],
      ['not found (404)', '/no-such-page'],
      ['bad request (400)', '/?per=7'],
    ];

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA, including 2.2's target size (2.5.8). */
    const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

    /** Every axe violation of every kind of page; minor and moderate ones are printed, serious and critical returned. */
    async function axeViolations(page: Page): Promise<string[]> {
      const serious: string[] = [];
      for (const [name, where] of AXE_PAGES) {
        const path = typeof where === 'string' ? where : await where(page);
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        for (const violation of results.violations) {
          const line = `${name} (${path}): [${violation.impact}] ${violation.id}: ${violation.help} – ${violation.nodes.length} element(s): ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')}`;
          if (violation.impact === 'serious' || violation.impact === 'critical') serious.push(line);
          else console.log(`      axe info: ${line}`);
        }
      }
      return serious;
    }

    pageTest('axe (WCAG 2.2 AA) finds no serious or critical violations on any kind of page, at desktop width', async (page) => {
      assert.deepEqual(await axeViolations(page), []);
    });

    pageTest(
      'axe (WCAG 2.2 AA) finds no serious or critical violations on any kind of page, at 375 px',
      async (page) => {
        assert.deepEqual(await axeViolations(page), []);
      },
      { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
    );

    pageTest(
      'at 375 px the search page fits the screen: no horizontal scrolling',
      async (page) => {
        for (const path of ['/?q=people%20smuggling', '/?q=NATO&type=briefing&from=2014', `/documents/${SEED_ID}`]) {
          await page.goto(path);
          const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
          assert.ok(width <= 375, `${path} is ${width} px wide`);
        }
        // The filters start folded on a narrow screen and open on demand.
        await page.goto('/');
        assert.equal(await page.locator('.sidebar__toggle').evaluate((el) => (el as HTMLDetailsElement).open), false);
        await page.getByText('Filters', { exact: true }).click();
        await page.locator('.facet-value').first().waitFor();
      },
      { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
    );

    pageTest('screenshots of the main pages (into /tmp/screens, for a person to look at)', async (page) => {
      mkdirSync(SCREENS_DIR, { recursive: true });
      await page.goto('/?q=people%20smuggling');
      await page.screenshot({ path: `${SCREENS_DIR}/search-desktop.png`, fullPage: true });
      await page.goto(`/documents/${SEED_ID}?q=people%20smuggling`);
      await page.screenshot({ path: `${SCREENS_DIR}/document.png`, fullPage: true });
      await page.goto('/themes');
      await page.screenshot({ path: `${SCREENS_DIR}/themes.png`, fullPage: true });
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto('/?q=people%20smuggling');
      await page.screenshot({ path: `${SCREENS_DIR}/search-375.png`, fullPage: true });
      await page.screenshot({ path: `${SCREENS_DIR}/search-375-top.png` });
      await page.locator('article.hit').last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS_DIR}/search-375-last-result.png` });
      await page.goto(`/documents/${SEED_ID}`);
      await page.screenshot({ path: `${SCREENS_DIR}/document-375-top.png` });
    });
  });
});
