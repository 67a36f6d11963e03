/**
 * One hostile document, indexed by the real indexer, whose every field carries
 * markup, broken quotes, a `javascript:` URL or a spreadsheet formula: title,
 * summary, people, organisation, place, source URL, heading, passages, and a
 * theme whose label and evidence hold markup too. It appears on every page and
 * in every output, and nowhere may its text become markup: each HTML page is
 * parsed and searched for injected elements and attributes, and must show the
 * payload as text; feeds, citations, exports and JSON keep it as data.
 */
import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Express } from 'express';
import request from 'supertest';
import { personSlug } from '../../contract/ids.js';
import { indexedApp } from '../support/app.js';
import { copyShippedBasics } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';

const DOC_ID = 'reports-hostile-html';

/** What each field holds once read; HTML-escaped in the fixture's source so the extractor decodes it. */
const P = {
  title: '=HYPERLINK("https://evil.example","x") <img src=x onerror=alert(1)> "><script>alert(1)</script> NATO',
  summary: '+SUM(1) summary <script>alert(2)</script> "><img src=x onerror=alert(2)> </mark>',
  author: 'Mallory <img src=x onerror=alert(3)> Jones',
  org: '@SUM(A1) Institute "><script>alert(4)</script>',
  sourceUrl: 'https://evil.example/"><script>alert(6)</script>?a=<img src=x onerror=alert(6)>',
  heading: 'Hostile heading <script>alert(7)</script>',
  passage: 'discussed people smuggling <img src=x onerror=alert(8)> and "><script>alert(8)</script> and a stray </mark> closing tag and a link javascript:alert(8)',
  passage2: 'sanctions enforcement <svg onload=alert(9)> with NATO partners',
  place: 'Brussels "><script>alert(10)</script>',
  chair: 'Mallory <img src=x onerror=alert(11)> Jones',
  speaker: '-Eve "><svg onload=alert(12)> Roe',
  named: 'Jane Evilname',
  themeLabel: 'Hostile <img src=x onerror=alert(13)> "theme"',
  evidence: '<svg onload=alert(9)>',
};

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HTML = `<!doctype html>
<html lang="en"><head>
<title>${esc(P.title)}</title>
<meta name="description" content="${esc(P.summary)}">
<meta name="author" content="${esc(P.author)}">
<meta property="og:site_name" content="${esc(P.org)}">
<link rel="canonical" href="javascript:alert(5)">
<meta property="og:url" content="${esc(P.sourceUrl)}">
<meta name="date" content="2024-04-01">
</head><body><main>
<h1>${esc(P.heading)}</h1>
<p>NATO planners and ${P.named} ${esc(P.passage)} and =HYPERLINK("https://evil.example") in the text. The North Atlantic Treaty Organization was named. Officials described the administrative steps needed before any new arrangement could take effect.</p>
<p>The Alliance must also consider ${esc(P.passage2)}. Officials described the administrative steps needed before any new arrangement could take effect, and argued that trust between ministries would matter more than the wording of any treaty text.</p>
</main></body></html>
`;

const SIDECAR = `type: event-report
place: '${P.place}'
people:
  - name: ${P.named}
    role: speaker
  - name: '${P.chair}'
    role: chair
  - name: '${P.speaker}'
    role: speaker
`;

const HOSTILE_THEME = `  - id: hostile-theme
    label: '${P.themeLabel}'
    description: '"><script>alert(14)</script> =HYPERLINK("x")'
    threshold: 1
    terms:
      phrases: [${P.named}]
      patterns: ['<svg onload=alert\\(9\\)>']
`;

/** Injected markup: an inline script, an event-handler attribute, a `javascript:` URL, or an element a payload names. */
function injections(html: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $('*').each((_, element) => {
    if (element.type !== 'tag' && element.type !== 'script' && element.type !== 'style') return;
    const tag = element.tagName.toLowerCase();
    const attributes = element.attribs ?? {};
    if (tag === 'script' && (!attributes.src || $(element).text().trim() !== '')) found.push(`inline <script>: ${$.html(element).slice(0, 120)}`);
    if (['iframe', 'object', 'embed'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'img' && attributes.src === 'x') found.push(`injected <img>: ${$.html(element).slice(0, 120)}`);
    for (const [name, value] of Object.entries(attributes)) {
      if (/^on/i.test(name)) found.push(`${name}= on <${tag}>`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && /^\s*javascript:/i.test(value)) found.push(`${name}="${value}" on <${tag}>`);
      // A quote that broke out of an attribute leaves the payload's fragments as attribute names.
      if (/[<>"()]/.test(name)) found.push(`attribute named ${JSON.stringify(name)} on <${tag}>`);
    }
  });
  return found;
}

/** The page's visible text and attribute values, whitespace collapsed: where an escaped payload shows. */
function shown(html: string): string {
  const $ = cheerio.load(html);
  $('script, style').remove();
  const attributes: string[] = [];
  $('*').each((_, element) => {
    if (element.type === 'tag') for (const value of Object.values(element.attribs)) attributes.push(value);
  });
  return `${$('body').text()}\n${attributes.join('\n')}`.replace(/\s+/g, ' ');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');

describe('security: one hostile document on every page and in every output', function () {
  this.timeout(180_000);
  let app: Express;
  let passageId: string;

  before(async () => {
    const corpus = tempDir('hostile-corpus');
    copyShippedBasics(corpus);
    appendFileSync(join(corpus, 'themes.yml'), `\n${HOSTILE_THEME}`);
    mkdirSync(join(corpus, 'reports'), { recursive: true });
    writeFileSync(join(corpus, 'reports/hostile.html'), HTML);
    writeFileSync(join(corpus, 'reports/hostile.meta.yml'), SIDECAR);
    const site = await indexedApp('hostile', corpus);
    assert.deepEqual(site.summary.failed, []);
    app = site.app;

    // The fixture reached the index as intended: each payload is a value of the record.
    const doc = (await request(app).get(`/api/documents/${DOC_ID}`).expect(200)).body;
    assert.equal(doc.title, P.title);
    assert.deepEqual(doc.organisations, [P.org]);
    assert.equal(doc.place, P.place);
    assert.equal(doc.sourceUrl, P.sourceUrl);
    assert.ok(doc.themes.some((t: { id: string }) => t.id === 'hostile-theme'), JSON.stringify(doc.themes));
    const names = doc.people.map((p: { name: string }) => p.name);
    for (const name of [P.named, P.chair, P.speaker]) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    const search = (await request(app).get('/api/search').query({ q: 'NATO planners' }).expect(200)).body;
    passageId = search.hits.find((h: { id: string }) => h.id === DOC_ID).passages[0].id;
  });

  /** HTML pages and what each must show as text. */
  const PAGES: [path: string, mustShow: (keyof typeof P)[]][] = [
    ['/', ['title', 'org', 'summary']],
    ['/?q=NATO+planners', ['title', 'passage']],
    [`/?q=${encodeURIComponent('"><script>alert(8)</script>')}`, ['title']],
    ['/?q=sanctions+enforcement', ['passage2']],
    ['/?theme=hostile-theme', ['title', 'themeLabel']],
    [`/?org=${encodeURIComponent(P.org)}`, ['title', 'org']],
    [`/?speaker=${encodeURIComponent(P.chair)}`, ['title', 'chair']],
    [`/documents/${DOC_ID}`, ['title', 'org', 'place', 'sourceUrl', 'heading', 'passage', 'passage2', 'chair', 'speaker', 'named', 'themeLabel', 'evidence']],
    [`/documents/${DOC_ID}?q=NATO+planners`, ['title', 'passage']],
    [`/documents/${DOC_ID}?notice=passage-changed`, ['title']],
    ['/people', ['chair', 'speaker', 'named']],
    ['/people/:named', ['named', 'title', 'passage']],
    ['/people/:chair', ['chair', 'title']],
    ['/people/:speaker', ['speaker', 'title']],
    ['/themes', ['themeLabel']],
    ['/about', []],
  ];

  for (const [path, mustShow] of PAGES) {
    it(`HTML ${path.slice(0, 70)}: no injected markup, payload shown as text`, async () => {
      const url = path.replace(/:(named|chair|speaker)$/, (_, key: 'named' | 'chair' | 'speaker') => personSlug(P[key]));
      const res = await request(app).get(url).expect(200).expect('Content-Type', /text\/html/);
      assert.deepEqual(injections(res.text), [], url);
      const text = shown(res.text);
      for (const key of mustShow) assert.ok(text.includes(collapse(P[key])), `${url} shows the ${key} literally: ${P[key]}`);
    });
  }

  it('the Atom feed is well-formed and carries the payload as text', async () => {
    for (const url of ['/feed.atom', '/feed.atom?q=NATO+planners', '/feed.atom?theme=hostile-theme']) {
      const res = await request(app).get(url).expect(200).expect('Content-Type', /atom\+xml/);
      assert.equal(XMLValidator.validate(res.text), true, url);
      assert.doesNotMatch(res.text, /<(script|img|svg)\b/i, `${url}: no raw markup in the XML`);
      const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['entry', 'author', 'contributor', 'category', 'link'].includes(n) }).parse(res.text).feed;
      const entry = feed.entry.find((e: { id: string }) => e.id.endsWith(`/documents/${DOC_ID}`));
      assert.ok(entry, `${url} lists the hostile document`);
      assert.equal(entry.title, P.title);
      assert.equal(entry.summary['#text'] ?? entry.summary, P.summary);
      assert.notEqual(entry.summary['@type'], 'html');
      const labels = entry.category.map((c: Record<string, string>) => c['@label']);
      assert.ok(labels.includes(P.themeLabel), JSON.stringify(labels));
    }
  });

  for (const format of ['apa', 'chicago', 'bibtex', 'ris', 'csl-json']) {
    for (const withPassage of [false, true]) {
      it(`the ${format} citation${withPassage ? ' of a passage' : ''} is a plain download that keeps the payload as data`, async () => {
        const res = await request(app)
          .get(`/documents/${DOC_ID}/cite`)
          .query({ format, ...(withPassage ? { passage: passageId } : {}) })
          .expect(200);
        assert.doesNotMatch(String(res.headers['content-type']), /html/);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.match(String(res.headers['content-disposition']), /^attachment/);
        const body = res.text;
        if (format === 'csl-json') {
          const [item] = JSON.parse(body);
          assert.equal(item.title, P.title);
        } else if (format === 'ris') {
          assertRis(body, 1);
        } else if (format === 'bibtex') {
          assertBibtex(body, 1);
        } else {
          // Chicago title-cases the title, so the organisation (the author here) is the literal check.
          assert.ok(body.includes(P.org), body);
        }
      });
    }
  }

  it('the cite API answers JSON with the payload as data', async () => {
    const res = await request(app).get('/api/cite').query({ id: DOC_ID }).expect(200).expect('Content-Type', /application\/json/);
    assertBibtex(res.body.bibtex, 1);
    assertRis(res.body.ris, 1);
  });

  it('the CSV export neutralises formulas and keeps every payload in its own cell', async () => {
    const res = await request(app).get('/export.csv').query({ q: 'NATO planners' }).expect(200);
    assert.doesNotMatch(String(res.headers['content-type']), /html/);
    const rows: string[][] = parseCsv(res.text.replace(/^\uFEFF/, ''), { relax_column_count: false });
    const [header, ...records] = rows;
    const row = records.find((r) => r.some((cell) => cell.includes('<img src=x onerror=alert(1)>')));
    assert.ok(row, 'the hostile document is exported');
    assert.equal(row.length, header!.length);
    for (const cell of rows.flat()) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)} would run as a formula`);
    assert.ok(row.includes(`'${P.title}`), 'the title is kept, its formula neutralised');
  });

  it('the BibTeX and RIS exports keep one record per document', async () => {
    // One record for each document the results page lists (the hostile one among them), none split or merged.
    const listed = (await request(app).get('/api/search').query({ q: 'NATO planners' }).expect(200)).body as { total: number; hits: { id: string }[] };
    assert.ok(listed.hits.some((h) => h.id === DOC_ID), 'the hostile document is listed');
    assertBibtex((await request(app).get('/export.bib').query({ q: 'NATO planners' }).expect(200)).text, listed.total);
    assertRis((await request(app).get('/export.ris').query({ q: 'NATO planners' }).expect(200)).text, listed.total);
  });

  it('the JSON API returns the payload as data and snippets as escaped HTML with <mark> only', async () => {
    const search = await request(app).get('/api/search').query({ q: 'NATO planners' }).expect(200).expect('Content-Type', /application\/json/);
    const hit = search.body.hits.find((h: { id: string }) => h.id === DOC_ID);
    assert.equal(hit.title, P.title);
    for (const passage of hit.passages as { snippet: string }[]) {
      assert.deepEqual(injections(passage.snippet), []);
      assert.doesNotMatch(passage.snippet.replace(/<\/?mark>/g, ''), /</, 'only <mark> tags in a snippet');
    }
    assert.ok(hit.passages.some((p: { snippet: string }) => cheerio.load(p.snippet).text().includes('<img src=x onerror=alert(8)>')));

    const passage = (await request(app).get(`/api/passages/${passageId}`).expect(200)).body;
    assert.ok(passage.text.includes(P.passage));
    const people = (await request(app).get('/api/people').expect(200)).body;
    assert.ok(JSON.stringify(people).includes(JSON.stringify(P.chair).slice(1, -1)));
    const themes = (await request(app).get('/api/themes').expect(200)).body;
    assert.ok(JSON.stringify(themes).includes(JSON.stringify(P.themeLabel).slice(1, -1)));
  });
});

/** RIS: `count` records, every line a tag line, nothing a value could break out into. */
function assertRis(ris: string, count: number): void {
  const lines = ris.split(/\r?\n/).filter((line) => line !== '');
  assert.equal(lines.filter((line) => line.startsWith('TY  - ')).length, count, ris);
  assert.equal(lines.filter((line) => /^ER  - ?$/.test(line)).length, count, ris);
  for (const line of lines) assert.match(line, /^[A-Z][A-Z0-9]  - /, `stray RIS line ${JSON.stringify(line)}`);
  assert.ok(ris.includes('<img src=x onerror=alert(1)>'), 'the title is kept as data');
}

/** BibTeX: `count` entries, braces balanced in each, so no value closes its field early. */
function assertBibtex(bib: string, count: number): void {
  const entries = bib.split(/^@/m).filter((chunk) => chunk.trim() !== '');
  assert.equal(entries.length, count, bib);
  for (const entry of entries) {
    let depth = 0;
    for (const [i, char] of [...entry].entries()) {
      if (char === '\\') continue;
      if (char === '{' && entry[i - 1] !== '\\') depth++;
      if (char === '}' && entry[i - 1] !== '\\') depth--;
      assert.ok(depth >= 0, `a value closes its BibTeX entry early: ${entry.slice(0, 200)}`);
    }
    assert.equal(depth, 0, `unbalanced braces in ${entry.slice(0, 200)}`);
  }
}
