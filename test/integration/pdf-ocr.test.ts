/**
 * OCR of PDFs without a text layer, through the real worker pool: scans made here from
 * known text (image-only pages), the real-world scan-bad.pdf and issue4379.pdf, French
 * with the fra data, a confidence floor, OCR turned off, and no network needed.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExtractionPool } from '../../indexer/extractors/pool.js';
import type { Extracted } from '../../contract/extracted.js';
import { REPO_ROOT } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';
import { scannedPdf } from '../support/scanned-pdf.js';

const REALWORLD = process.env['PDFS_REALWORLD_DIR'] ?? path.join(REPO_ROOT, '..', 'shared', 'pdfs-realworld');

const ENGLISH = [
  [
    'The Joint Expeditionary Force met in Tallinn to discuss maritime security in the Baltic Sea.',
    'Ministers agreed a common approach to protecting undersea cables and pipelines.',
  ],
  ['The Lancaster House treaties on defence and security cooperation were signed in November 2010.'],
];
const FRENCH = [['La coopération européenne en matière de défense a été renforcée après la réunion du Conseil à Bruxelles.']];

const textOf = (extracted: Extracted): string => extracted.blocks.map((block) => block.text).join('\n');

/** Share of the words of `expected` that appear, as words, in `actual`. */
function wordRecall(expected: string, actual: string): number {
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set(words(actual));
  const wanted = words(expected);
  return wanted.filter((word) => found.has(word)).length / wanted.length;
}

describe('OCR of PDFs without a text layer', function () {
  this.timeout(180_000);
  let dir: string;
  let pool: ExtractionPool;

  before(async () => {
    dir = tempDir('ocr');
    writeFileSync(path.join(dir, 'english.pdf'), await scannedPdf(ENGLISH));
    writeFileSync(path.join(dir, 'french.pdf'), await scannedPdf(FRENCH));
    writeFileSync(path.join(dir, 'poor.pdf'), await scannedPdf([ENGLISH[0]!], { dpi: 70, noise: 0.01 }));
    writeFileSync(path.join(dir, 'speckled.pdf'), await scannedPdf(ENGLISH, { dpi: 100, noise: 0.1 }));
    pool = new ExtractionPool({ size: 1, timeoutMs: 60_000, memoryMb: 768, ocr: { languages: ['eng', 'fra'], minConfidence: 60 } });
  });

  after(async () => {
    await pool?.close();
  });

  it('reads the text of a scanned document, page by page, with its confidence', async () => {
    const extracted = await pool.extract(path.join(dir, 'english.pdf'));
    assert.equal(extracted.needsOcr, false);
    assert.equal(extracted.pages, 2);
    const page1 = extracted.blocks.filter((b) => b.page === 1).map((b) => b.text).join(' ');
    const page2 = extracted.blocks.filter((b) => b.page === 2).map((b) => b.text).join(' ');
    assert.ok(wordRecall(ENGLISH[0]!.join(' '), page1) >= 0.9, page1);
    assert.ok(wordRecall(ENGLISH[1]!.join(' '), page2) >= 0.9, page2);
    assert.match(page1, /Joint Expeditionary Force/);
    assert.deepEqual(extracted.ocrPages?.map((p) => p.page), [1, 2]);
    for (const page of extracted.ocrPages!) {
      assert.ok(page.confidence >= 80 && page.confidence <= 100, `page ${page.page}: ${page.confidence}`);
      assert.equal(page.belowFloor, false);
    }
  });

  it('reads French accents with the French trained data', async () => {
    const extracted = await pool.extract(path.join(dir, 'french.pdf'));
    const text = textOf(extracted);
    // Acute accents come through; grave ones (à, è) are often read without: 12 of 16 words.
    assert.ok(wordRecall(FRENCH[0]!.join(' '), text) >= 0.7, text);
    assert.match(text, /coopération européenne/);
  });

  it('keeps a poor scan but gives it a lower confidence than a clean one', async () => {
    const clean = await pool.extract(path.join(dir, 'english.pdf'));
    const poor = await pool.extract(path.join(dir, 'poor.pdf'));
    const poorPage = poor.ocrPages?.[0];
    assert.ok(poorPage, `the poor scan still gives text: ${textOf(poor)}`);
    assert.ok(poorPage.confidence < clean.ocrPages![0]!.confidence, `${poorPage.confidence} < ${clean.ocrPages![0]!.confidence}`);
  });

  it('marks pages below the confidence floor and keeps their text', async () => {
    const strict = new ExtractionPool({ size: 1, timeoutMs: 60_000, memoryMb: 768, ocr: { languages: ['eng'], minConfidence: 100 } });
    try {
      const extracted = await strict.extract(path.join(dir, 'english.pdf'));
      assert.ok(extracted.ocrPages!.length === 2 && extracted.ocrPages!.every((p) => p.belowFloor));
      assert.match(textOf(extracted), /Lancaster House/);
    } finally {
      await strict.close();
    }
  });

  it('reads the real-world image-mask page and leaves text layers alone', async function () {
    if (!existsSync(path.join(REALWORLD, 'MANIFEST.tsv'))) this.skip();
    const mask = await pool.extract(path.join(REALWORLD, 'issue4379.pdf'));
    assert.match(textOf(mask), /Image Mask Example/i);
    // scan-bad.pdf has a text layer (and garbage after %%EOF): it is read as text, not OCR'd.
    const scanBad = await pool.extract(path.join(REALWORLD, 'scan-bad.pdf'));
    assert.ok(textOf(scanBad).trim().length > 0);
    assert.deepEqual(scanBad.ocrPages, []);
  });

  it('stops OCR when the time for the file runs out, keeping what was read and saying why', async () => {
    const hurried = new ExtractionPool({ size: 1, timeoutMs: 4_000, memoryMb: 768, ocr: { languages: ['eng'], minConfidence: 60 } });
    try {
      const extracted = await hurried.extract(path.join(dir, 'speckled.pdf'));
      assert.ok(extracted.warnings.some((w) => /^OCR stopped at page [12] of 2: the time for OCR ran out$/.test(w)), extracted.warnings.join('; '));
    } finally {
      await hurried.close();
    }
  });

  it('flags the scan as needing OCR when OCR is off', async () => {
    const off = new ExtractionPool({ size: 1, timeoutMs: 60_000, memoryMb: 768 });
    try {
      const extracted = await off.extract(path.join(dir, 'english.pdf'));
      assert.equal(extracted.needsOcr, true);
      assert.equal(extracted.blocks.length, 0);
    } finally {
      await off.close();
    }
  });

  it('needs no network: the trained data comes from the npm packages', function () {
    // A process in its own empty network namespace cannot reach anything, so a fetch of
    // trained data would fail there and the OCR with it.
    if (spawnSync('unshare', ['-n', 'true']).status !== 0) this.skip();
    const script = `
      import { ExtractionPool } from ${JSON.stringify(path.join(REPO_ROOT, 'indexer/extractors/pool.ts'))};
      const pool = new ExtractionPool({ size: 1, timeoutMs: 60000, memoryMb: 768, ocr: { languages: ['eng', 'deu'], minConfidence: 60 } });
      const extracted = await pool.extract(${JSON.stringify(path.join(dir, 'english.pdf'))});
      await pool.close();
      console.log(JSON.stringify({ text: extracted.blocks.map((b) => b.text).join(' '), warnings: extracted.warnings }));`;
    const before = readdirSync(REPO_ROOT);
    const run = spawnSync('unshare', ['-n', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { text: string; warnings: string[] };
    assert.deepEqual(result.warnings, []);
    assert.match(result.text, /Joint Expeditionary Force/);
    assert.deepEqual(readdirSync(REPO_ROOT), before, 'no trained-data cache written into the working directory');
  });
});
