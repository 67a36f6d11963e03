/**
 * A scanned PDF (image-only pages) dropped into the corpus: the indexer reads it by OCR,
 * its words are searchable, and its page says the text was recognised by OCR, with the
 * pages below the confidence floor marked.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { IndexedApp } from '../support/app.js';
import { indexedApp } from '../support/app.js';
import { copyShippedBasics } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';
import { scannedPdf } from '../support/scanned-pdf.js';

const DOC_ID = 'scans-baltic-scan-pdf';

describe('acceptance: scanned documents', function () {
  this.timeout(240_000);
  let site: IndexedApp;
  const saved = process.env['OCR_MIN_CONFIDENCE'];

  before(async () => {
    const corpus = tempDir('ocr-site');
    copyShippedBasics(corpus);
    mkdirSync(join(corpus, 'scans'));
    writeFileSync(
      join(corpus, 'scans', 'baltic-scan.pdf'),
      await scannedPdf([
        ['Report of the Baltic maritime security meeting.', 'The Joint Expeditionary Force discussed undersea cables with the coastguards of the region.'],
        ['Participants agreed to exchange information on shadow fleet tankers.'],
      ]),
    );
    // A floor no page reaches: every recognised page is kept but marked.
    process.env['OCR_MIN_CONFIDENCE'] = '100';
    try {
      site = await indexedApp('ocr', corpus);
    } finally {
      if (saved === undefined) delete process.env['OCR_MIN_CONFIDENCE'];
      else process.env['OCR_MIN_CONFIDENCE'] = saved;
    }
  });

  it('indexes the scan by its recognised text, not as needing OCR', async () => {
    assert.deepEqual(site.summary.needsOcr, []);
    const res = await request(site.app).get('/api/search').query({ q: 'shadow fleet tankers' }).expect(200);
    assert.ok(JSON.stringify(res.body).includes(DOC_ID), 'the scan is found by words that exist only in its image');
  });

  it('says on the document page that the text was recognised by OCR, and marks low-confidence pages', async () => {
    const res = await request(site.app).get(`/documents/${DOC_ID}`).expect(200);
    assert.match(res.text, /Text recognised by OCR/);
    assert.match(res.text, /all 2 pages, mean confidence \d{2}%; low confidence on pages 1, 2/);
    assert.equal((res.text.match(/Recognised by OCR with low confidence \(\d{2}%\)/g) ?? []).length >= 2, true);
    assert.match(res.text, /Joint Expeditionary Force/);
  });
});
