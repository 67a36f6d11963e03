import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractHtml } from '../../indexer/extractors/html.js';
import { EXTRACTORS } from '../../indexer/extractors/index.js';
import { extractMarkdown } from '../../indexer/extractors/markdown.js';
import { extractText } from '../../indexer/extractors/text.js';
import type { Format } from '../../contract/document.js';
import { extractStage } from '../../indexer/stages/extract.js';
import { ExtractionPool } from '../../indexer/extractors/pool.js';
import { newJob, type Job, type StageContext } from '../../indexer/stages/stage.js';
import { type Block } from '../../contract/extracted.js';

const SEED_PATH = fileURLToPath(new URL('../../corpus/uk-eu-defence-roundtable-2025.txt', import.meta.url));
const SEED_TITLE = 'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead';

/** The text extractors read only the job; no context field is touched. */
const ctx = {} as StageContext;

function jobFor(format: Format, content: string | Buffer, relativePath = `doc.${format}`): Job {
  const job = newJob({ path: `/corpus/${relativePath}`, relativePath, id: 'doc', format, sidecarPath: null });
  job.data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return job;
}

const texts = (blocks: Block[], kind?: Block['kind']) => blocks.filter((b) => !kind || b.kind === kind).map((b) => b.text);

describe('text extractor', () => {
  it('reads the seed: title as a heading, one paragraph per line, "- " lines as list items without the bullet', async () => {
    const { blocks, pages } = await extractText(jobFor('text', readFileSync(SEED_PATH)), ctx);
    assert.equal(pages, 1);
    assert.deepEqual(blocks[0], { page: 1, kind: 'heading', text: SEED_TITLE });
    assert.equal(texts(blocks, 'heading').length, 1);
    const items = texts(blocks, 'list-item');
    assert.equal(items.length, 5);
    assert.ok(items[0]!.startsWith('The level of political determination'));
    assert.ok(items.every((item) => !item.startsWith('-')));
    const paragraphs = texts(blocks, 'paragraph');
    assert.ok(paragraphs.includes('Chaired by Professor Eleanor Spaventa, the session brought together leading experts including Professor Sir Alan Dashwood KC, Sir Jonathan Faull, and Sir Julian King.'));
    assert.ok(paragraphs.some((p) => p.startsWith('Participants addressed') && p.endsWith('including:')));
    assert.equal(paragraphs.length, 8);
  });

  it('strips a BOM, normalises line ends and control characters, composes accents (NFC)', async () => {
    const decomposed = 'Élysée'.normalize('NFD');
    const { blocks } = await extractText(jobFor('text', `\ufeffThe ${decomposed} Treaty\u0007 was signed.\r\n\r\nIt still matters.\r\n`), ctx);
    assert.deepEqual(texts(blocks), ['The Élysée Treaty was signed.', 'It still matters.']);
    assert.equal(blocks[0]!.text, blocks[0]!.text.normalize('NFC'));
  });

  it('starts a new page at each form feed and ignores a trailing one', async () => {
    const { blocks, pages } = await extractText(jobFor('text', 'First page text.\n\fSecond page text.\n\fThird page.\n\f'), ctx);
    assert.equal(pages, 3);
    assert.deepEqual(blocks.map((b) => [b.page, b.text]), [
      [1, 'First page text.'],
      [2, 'Second page text.'],
      [3, 'Third page.'],
    ]);
  });

  it('joins hard-wrapped lines back into one paragraph', async () => {
    const wrapped = 'The roundtable considered whether the United Kingdom could\njoin the European Defence Fund on terms comparable to Norway,\nand what that would cost.\n';
    const { blocks } = await extractText(jobFor('text', wrapped), ctx);
    assert.deepEqual(texts(blocks), [
      'The roundtable considered whether the United Kingdom could join the European Defence Fund on terms comparable to Norway, and what that would cost.',
    ]);
  });

  it('recognises numbered and ALL CAPS headings, but not a short sentence or a wrapped line', async () => {
    const text = [
      'EXECUTIVE SUMMARY',
      '',
      'The partnership has moved faster than expected since the summit in London.',
      '',
      '2. Findings',
      'Participants agreed that the single market is the main barrier to industrial cooperation.',
      '',
      'Yes.',
      '',
      'The text continues on a wrapped line about the',
      'European Union',
      '',
    ].join('\n');
    const { blocks } = await extractText(jobFor('text', text), ctx);
    assert.deepEqual(texts(blocks, 'heading'), ['EXECUTIVE SUMMARY', '2. Findings']);
    assert.ok(texts(blocks, 'paragraph').includes('The text continues on a wrapped line about the European Union'));
  });

  it('keeps a saved page’s short lines apart when each paragraph is one line, but joins a line that runs on', async () => {
    const longParagraph = `The minister opened the meeting with a review of the partnership. ${'It covered the year’s work in detail. '.repeat(4)}`;
    const text = [
      'Keynote address to a cyber resilience summit',
      'The Security Minister’s speech in the City of London on the government’s action to tackle cybercrime, in full.',
      'Written evidence submitted by Rt Hon Jane Roe MP,',
      'Deputy Prime Minister',
      longParagraph.trim(),
      'Ministers agreed that the partnership',
      'should deepen further.',
      '',
    ].join('\n');
    const { blocks } = await extractText(jobFor('text', text), ctx);
    assert.deepEqual(texts(blocks), [
      'Keynote address to a cyber resilience summit',
      'The Security Minister’s speech in the City of London on the government’s action to tackle cybercrime, in full.',
      'Written evidence submitted by Rt Hon Jane Roe MP, Deputy Prime Minister',
      longParagraph.trim(),
      'Ministers agreed that the partnership should deepen further.',
    ]);
  });

  it('joins a paragraph a tool wrapped at a width over a hundred characters', async () => {
    const lines = [
      'The roundtable considered whether the United Kingdom could join the European Defence Fund on terms comparable',
      'to those of Norway and what that would cost, and it heard from officials from both sides of the Channel who',
      'Set out their view.',
    ];
    const { blocks } = await extractText(jobFor('text', `${lines.join('\n')}\n`), ctx);
    assert.deepEqual(texts(blocks), [lines.join(' ')]);
  });
});

describe('markdown extractor', () => {
  const markdown = [
    '---',
    'title: "Defence Industrial Cooperation"',
    'date: 2025-03-14',
    'type: briefing',
    '---',
    '# Overview &amp; *Scope*',
    '',
    'See the [European Defence Fund](https://example.org/edf) and **PESCO** ![Map of Europe](map.png) with `code`.',
    '',
    '- First item',
    '- Second item',
    '  - Nested item',
    '',
    '> A quoted remark.',
    '',
    '| Instrument | Budget |',
    '|---|---|',
    '| EDF | €8bn |',
    '',
    '```',
    'const x = 1;',
    '```',
    '',
    'Inline <script>alert("x")</script> markup is not prose.',
    '',
    '<div><script>steal()</script><p>Raw HTML paragraph.</p></div>',
    '',
    '## Findings',
    '',
    'A finding.',
  ].join('\n');

  it('turns front matter into properties, keeping dates as written', async () => {
    const extracted = await extractMarkdown(jobFor('markdown', markdown), ctx);
    assert.equal(extracted.propertiesSource, 'front-matter');
    assert.deepEqual(extracted.properties, { title: 'Defence Industrial Cooperation', date: '2025-03-14', type: 'briefing' });
    assert.ok(!texts(extracted.blocks).some((t) => t.includes('title:')));
  });

  it('keeps the block structure as plain text: headings, paragraphs, list items, quotes, tables, code', async () => {
    const { blocks } = await extractMarkdown(jobFor('markdown', markdown), ctx);
    assert.deepEqual(texts(blocks, 'heading'), ['Overview & Scope', 'Findings']);
    assert.deepEqual(texts(blocks, 'list-item'), ['First item', 'Second item', 'Nested item']);
    const paragraphs = texts(blocks, 'paragraph');
    assert.ok(paragraphs.includes('See the European Defence Fund and PESCO Map of Europe with code.'));
    assert.ok(paragraphs.includes('A quoted remark.'));
    assert.ok(paragraphs.includes('Instrument | Budget'));
    assert.ok(paragraphs.includes('EDF | €8bn'));
    assert.ok(paragraphs.includes('const x = 1;'));
    assert.ok(paragraphs.includes('Raw HTML paragraph.'));
    assert.ok(paragraphs.includes('Inline markup is not prose.'));
  });

  it('never carries script content or markup into the text', async () => {
    const all = texts((await extractMarkdown(jobFor('markdown', markdown), ctx)).blocks).join('\n');
    assert.ok(!all.includes('alert'), all);
    assert.ok(!all.includes('steal'), all);
    assert.ok(!/[<>]/.test(all), all);
  });

  it('has no properties without front matter', async () => {
    const extracted = await extractMarkdown(jobFor('markdown', 'Just a paragraph.'), ctx);
    assert.equal(extracted.propertiesSource, null);
    assert.deepEqual(extracted.properties, {});
    assert.deepEqual(texts(extracted.blocks), ['Just a paragraph.']);
  });
});

describe('html extractor', () => {
  const html = `<!doctype html>
<html lang="en-GB"><head>
  <title>UK &amp; EU: Security Pact</title>
  <meta name="description" content="Notes from a roundtable.">
  <meta name="author" content="Jane Roe">
  <meta name="keywords" content="NATO, CSDP; SAFE">
  <meta property="article:published_time" content="2025-05-06">
  <meta property="og:site_name" content="Policy Institute">
  <meta name="viewport" content="width=device-width">
  <link rel="canonical" href="https://example.org/pact">
  <style>p { color: red }</style>
  <script>window.track = "<p>tracking</p>";</script>
</head><body>
  <header><nav><a href="/">Home</a> | <a href="/about">About</a></nav><p>Site banner</p></header>
  <aside>Related links</aside>
  <main>
    <h1>Security Pact</h1>
    <p>The UK and the EU signed a <em>security and defence</em> partnership &mdash; a first.</p>
    <script>document.write("injected")</script>
    <h2>Next Steps</h2>
    <ul><li>Join <strong>SAFE</strong></li><li>Revisit EDIP</li></ul>
    <table><tr><th>Instrument</th><td>SAFE loans</td></tr></table>
    <p>Before <script>alert("x")</script>after.</p>
    <noscript>Enable JavaScript</noscript>
  </main>
  <footer>Copyright notice</footer>
</body></html>`;

  it('reads properties from <title>, <meta> and <html lang>', async () => {
    const extracted = await extractHtml(jobFor('html', html), ctx);
    assert.equal(extracted.propertiesSource, 'html-meta');
    assert.deepEqual(extracted.properties, {
      title: 'UK & EU: Security Pact',
      description: 'Notes from a roundtable.',
      authors: ['Jane Roe'],
      keywords: ['NATO', 'CSDP', 'SAFE'],
      published: '2025-05-06',
      language: 'en-GB',
      canonical: 'https://example.org/pact',
      'article:published_time': '2025-05-06',
      'og:site_name': 'Policy Institute',
    });
  });

  it('keeps the heading structure and the main content, without page furniture', async () => {
    const { blocks } = await extractHtml(jobFor('html', html), ctx);
    assert.deepEqual(blocks, [
      { page: 1, kind: 'heading', text: 'Security Pact' },
      { page: 1, kind: 'paragraph', text: 'The UK and the EU signed a security and defence partnership — a first.' },
      { page: 1, kind: 'heading', text: 'Next Steps' },
      { page: 1, kind: 'list-item', text: 'Join SAFE' },
      { page: 1, kind: 'list-item', text: 'Revisit EDIP' },
      { page: 1, kind: 'paragraph', text: 'Instrument' },
      { page: 1, kind: 'paragraph', text: 'SAFE loans' },
      { page: 1, kind: 'paragraph', text: 'Before after.' },
    ]);
  });

  it('drops script content and never carries a <script> as markup', async () => {
    const all = texts((await extractHtml(jobFor('html', html), ctx)).blocks).join('\n');
    for (const unwanted of ['injected', 'alert', 'tracking', 'window.track', 'color: red', 'Home', 'Site banner', 'Related links', 'Copyright', 'Enable JavaScript']) {
      assert.ok(!all.includes(unwanted), `${unwanted} leaked into: ${all}`);
    }
    assert.ok(!/[<>]/.test(all), all);
  });

  it('survives a hostile page nested deeper than the call stack', async () => {
    const depth = 20_000; // deeper than a recursive walk's call stack allows; parse5 itself slows sharply far beyond this
    const page = `${'<div>'.repeat(depth)}Deep text.${'</div>'.repeat(depth)}`;
    const { blocks } = await extractHtml(jobFor('html', page), ctx);
    assert.deepEqual(texts(blocks), ['Deep text.']);
  });

  it('takes the article when there is no <main>, keeping the article header that holds its title', async () => {
    const page = '<html><body><header>Banner</header><article><header><h1>Report Title</h1></header><p>Body text.</p></article><p>Outside.</p></body></html>';
    const { blocks, propertiesSource } = await extractHtml(jobFor('html', page), ctx);
    assert.deepEqual(texts(blocks), ['Report Title', 'Body text.']);
    assert.equal(blocks[0]!.kind, 'heading');
    assert.equal(propertiesSource, null);
  });
});

describe('extract stage', function () {
  this.timeout(30_000);
  // The stage extracts in worker processes, as in a real run.
  const pool = new ExtractionPool({ size: 1 });
  const stageCtx = { pool } as StageContext;
  after(() => pool.close());

  it('has an extractor for every format', () => {
    assert.deepEqual(Object.keys(EXTRACTORS).sort(), ['html', 'markdown', 'pdf', 'text']);
  });

  it('extracts with the extractor for the file format and releases the file bytes', async () => {
    const job = jobFor('markdown', '# Heading\n\nText.');
    const outcome = await extractStage.run(job, stageCtx);
    assert.equal(outcome, undefined);
    assert.equal(job.data, null);
    assert.deepEqual(texts(job.extracted!.blocks), ['Heading', 'Text.']);
  });

  it('stops the document with the extractor’s reason', async () => {
    const job = jobFor('markdown', '---\ntitle: [unclosed\n---\nText.');
    const outcome = await extractStage.run(job, stageCtx);
    assert.equal(outcome?.stop, 'failed');
    assert.match(outcome.reason, /front matter is not valid YAML/);
    assert.equal(job.extracted, null);
    assert.equal(job.data, null);
  });
});
