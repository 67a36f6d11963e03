/**
 * Citing through the site, as a researcher does: the passage "Cite" link opens
 * a cite box (a page, never a download), the style picker, the original's
 * publisher and URL with the Entente permalink, Highwire tags and COinS for
 * reference managers, and exports that carry the matching passages.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { indexedApp } from '../support/app.js';
import { makePdf } from '../support/corpus.js';
import { writeFixtureCorpus } from './site.js';
import type { Express } from 'express';

const FILLER =
  'Ministers agreed that the new arrangement would need regular review, and officials described the steps needed before it could take effect in both capitals.';

const SPEECH_ID = 'speeches-kallas-ukraine-html';
const PDF_ID = 'papers-defence-report-pdf';

interface ApiDocument {
  passages: { id: string; page: number; text: string }[];
}

describe('acceptance: citing through the site', function () {
  this.timeout(240_000);
  let app: Express;
  let speechPassage: string;
  let pdfPassage: { id: string; page: number };

  before(async () => {
    const corpusDir = writeFixtureCorpus('citations');
    writeFileSync(
      join(corpusDir, 'speeches', 'kallas-ukraine.html'),
      `<!doctype html><html lang="en"><head><title>Ukraine: speech by High Representative Kaja Kallas at the European Parliament</title>
<meta name="date" content="2025-09-09"><meta name="author" content="Kaja Kallas">
<meta property="og:site_name" content="European External Action Service">
<link rel="canonical" href="https://www.eeas.europa.eu/eeas/ukraine-speech-kallas_en"></head>
<body><h1>Ukraine: speech by High Representative Kaja Kallas at the European Parliament</h1>
<p>Ukraine's defence is Europe's defence, and the Union will keep its support for as long as it takes. ${FILLER}</p>
<p>Sanctions against the aggressor must be tightened and enforced, with NATO partners at our side. ${FILLER}</p></body></html>`,
    );
    writeFileSync(
      join(corpusDir, 'papers', 'defence-report.pdf'),
      await makePdf(
        [
          ['European defence after the war', `The first page sets out the questions this report asks about procurement. ${FILLER}`],
          ['Joint procurement', `The second page argues that joint procurement of air defence would save money for NATO members. ${FILLER}`],
        ],
        { title: 'European defence after the war', author: 'Anna Muller' },
      ),
    );
    ({ app } = await indexedApp('citations', corpusDir));
    const speech = (await request(app).get(`/api/documents/${SPEECH_ID}`).expect(200)).body as ApiDocument;
    speechPassage = speech.passages[0]!.id;
    const pdf = (await request(app).get(`/api/documents/${PDF_ID}`).expect(200)).body as ApiDocument;
    pdfPassage = pdf.passages.find((passage) => passage.page === 2)!;
  });

  it('a passage "Cite" link opens a cite box page, not a download, with every style and format, copy buttons and the permalink', async () => {
    const page = await request(app).get(`/documents/${SPEECH_ID}`).expect(200);
    const $ = cheerio.load(page.text);
    const link = $(`#${speechPassage} a:contains("Cite")`).attr('href') ?? '';
    assert.equal(link, `/documents/${SPEECH_ID}/cite?passage=${speechPassage}`);
    const box = await request(app).get(link).expect(200).expect('Content-Type', /text\/html/);
    assert.equal(box.headers['content-disposition'], undefined, 'no download unless asked');
    const cite = cheerio.load(box.text);
    assert.deepEqual(
      cite('[data-style]').map((_i, el) => cite(el).attr('data-style')).get(),
      ['apa', 'chicago', 'chicago-notes', 'harvard', 'oscola', 'mhra'],
    );
    assert.deepEqual(cite('details.citation--machine summary').map((_i, el) => cite(el).text()).get(), ['BibTeX', 'biblatex', 'RIS', 'CSL-JSON']);
    assert.ok(cite('[data-copy-target]').length >= 16, 'a copy button per reference, citation and format');
    assert.ok(cite('.permalink a').first().attr('href')?.endsWith(`/passages/${speechPassage}`));
    const apa = cite('[data-style="apa"] .citation__text').text();
    // The original: speaker, date at its precision, title, publisher, original URL, then the Entente copy.
    assert.match(apa, /^Kallas, K\. \(2025, September 9\)\. Ukraine: speech by High Representative Kaja Kallas at the European Parliament \[Speech\]\./);
    assert.match(apa, /https:\/\/www\.eeas\.europa\.eu\/eeas\/ukraine-speech-kallas_en Retrieved from Entente: http:\/\/127\.0\.0\.1:\d+\/passages\//);
    assert.match(cite('[data-style="apa"] .citation__intext').text(), /\(Kallas, 2025, para\. 1\)/);
    // Asked for, a format is a download.
    const file = await request(app).get(`/documents/${SPEECH_ID}/cite?format=biblatex&passage=${speechPassage}`).expect(200);
    assert.match(String(file.headers['content-disposition']), /^attachment; filename=".*-biblatex\.bib"$/);
  });

  it('the style picker works without script through ?style=, and rejects an unknown style', async () => {
    const harvard = cheerio.load((await request(app).get(`/documents/${SPEECH_ID}/cite?passage=${speechPassage}&style=oscola`).expect(200)).text);
    assert.equal(harvard('[data-style="oscola"]').attr('hidden'), undefined);
    assert.equal(harvard('[data-style="apa"]').attr('hidden'), 'hidden');
    assert.equal(harvard('select[name="style"] option[selected]').attr('value'), 'oscola');
    assert.match(harvard('[data-style="oscola"] .citation__intext').text(), /Kaja Kallas, ‘Ukraine: Speech by High Representative Kaja Kallas at the European Parliament’/);
    await request(app).get(`/documents/${SPEECH_ID}/cite?style=mla`).expect(400);
    const doc = cheerio.load((await request(app).get(`/documents/${SPEECH_ID}?style=harvard`).expect(200)).text);
    assert.equal(doc('[data-style="harvard"]').attr('hidden'), undefined);
  });

  it('a PDF passage is cited at its page in APA and Chicago', async () => {
    const res = await request(app).get(`/api/cite?passage=${pdfPassage.id}`).expect(200);
    const body = res.body as { styles: Record<string, { inText: { text: string } }>; pinpoint: { label: string; value: string } };
    assert.deepEqual(body.pinpoint, { label: 'page', value: '2' });
    assert.match(body.styles['apa']!.inText.text, /, p\. 2\)$/);
    assert.match(body.styles['chicago']!.inText.text, /, 2\)$/);
  });

  it('document pages carry Highwire Press tags; a passage view adds its first page', async () => {
    const $ = cheerio.load((await request(app).get(`/documents/${PDF_ID}`).expect(200)).text);
    const meta = (name: string) => $(`meta[name="${name}"]`).map((_i, el) => $(el).attr('content')).get();
    assert.deepEqual(meta('citation_title'), ['European defence after the war']);
    assert.deepEqual(meta('citation_author'), ['Muller, Anna']);
    assert.equal(meta('citation_pdf_url').length, 1);
    assert.match(meta('citation_pdf_url')[0] ?? '', new RegExp(`/documents/${PDF_ID}/file$`));
    assert.deepEqual(meta('citation_firstpage'), []);
    const permalink = await request(app).get(`/passages/${pdfPassage.id}`).expect(302);
    const passageView = cheerio.load((await request(app).get(permalink.headers['location']!).expect(200)).text);
    assert.equal(passageView('meta[name="citation_firstpage"]').attr('content'), '2');
    const speech = cheerio.load((await request(app).get(`/documents/${SPEECH_ID}`).expect(200)).text);
    assert.equal(speech('meta[name="citation_publication_date"]').attr('content'), '2025/09/09');
    assert.equal(speech('meta[name="citation_public_url"]').attr('content'), 'https://www.eeas.europa.eu/eeas/ukraine-speech-kallas_en');
  });

  it('each search result carries a COinS span describing it', async () => {
    const $ = cheerio.load((await request(app).get('/?q=Kallas').expect(200)).text);
    const spans = $('article.hit span.Z3988');
    assert.equal(spans.length, $('article.hit').length);
    const params = new URLSearchParams(spans.first().attr('title') ?? '');
    assert.equal(params.get('ctx_ver'), 'Z39.88-2004');
    assert.equal(params.get('rft.title'), 'Ukraine: speech by High Representative Kaja Kallas at the European Parliament');
    assert.equal(params.get('rft.creator'), 'Kallas, Kaja');
    assert.equal(params.get('rft.date'), '2025-09-09');
  });

  it('exports carry source URL, summary and, for a query, the matching passages with permalinks; CSL-JSON export too', async () => {
    const csv = await request(app).get('/export.csv?q=sanctions').expect(200);
    const rows = parse(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    const speech = rows.find((row) => row['id'] === SPEECH_ID);
    assert.ok(speech, 'the speech matches "sanctions"');
    assert.equal(speech['source_url'], 'https://www.eeas.europa.eu/eeas/ukraine-speech-kallas_en');
    assert.ok((speech['summary'] ?? '').length > 20);
    assert.match(speech['passages'] ?? '', /para\. \d+: “[^”]*Sanctions against the aggressor[^”]*” http:\/\/127\.0\.0\.1:\d+\/passages\/speeches-kallas-ukraine-html_[0-9a-f]{8}/);
    const json = await request(app).get('/export.json?q=sanctions').expect(200).expect('Content-Type', /csl\+json/);
    const items = JSON.parse(json.text) as Array<{ id: string; URL: string; archive_location?: string }>;
    assert.ok(items.some((item) => item.id === SPEECH_ID && item.URL === 'https://www.eeas.europa.eu/eeas/ukraine-speech-kallas_en'));
    const speechItem = items.find((item) => item.id === SPEECH_ID) as { note?: string } | undefined;
    assert.match(speechItem?.note ?? '', /Matching passages: para\. \d+, http:\/\/127\.0\.0\.1:\d+\/passages\/speeches-kallas-ukraine-html_[0-9a-f]{8}/);
    assert.equal(new Set(items.map((item) => item.id)).size, items.length, 'one item per document');
  });

  it('offers every export format beside the results, each for the search on the page', async () => {
    const $ = cheerio.load((await request(app).get('/?q=sanctions').expect(200)).text);
    const links = new Map($('a').toArray().map((a) => [$(a).text().trim(), $(a).attr('href') ?? '']));
    for (const [label, path] of [['CSV', '/export.csv'], ['BibTeX', '/export.bib'], ['RIS', '/export.ris'], ['CSL-JSON', '/export.json']]) {
      const href = links.get(label!) ?? '';
      assert.ok(href.startsWith(`${path}?`), `${label} export link: ${href}`);
      assert.equal(new URL(href, 'http://x').searchParams.get('q'), 'sanctions');
      await request(app).get(href).expect(200);
    }
  });
});
