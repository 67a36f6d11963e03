import { strict as assert } from 'node:assert';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { ExtractionError } from '../../contract/extracted.js';
import { extractPdf, loadFailureReason } from '../../indexer/extractors/pdf/extract-document.js';

function writeLines(page: PDFPage, font: PDFFont, lines: Array<string | null>, top = 780, size = 11): void {
  let y = top;
  for (const line of lines) {
    if (line !== null) page.drawText(line, { x: 72, y, size, font });
    y -= size * 1.25;
  }
}

async function reportPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const first = pdf.addPage([595, 842]);
  first.drawText('Security and Defence after Brexit', { x: 72, y: 800, size: 20, font });
  writeLines(first, font, [
    'The panel discussed the common security and defen-',
    'ce policy and the role of the United Kingdom in',
    'European security.',
    null,
    'A second paragraph considered the Security Action',
    'for Europe instrument.',
  ], 760);
  first.drawText('1', { x: 290, y: 40, size: 10, font });
  const second = pdf.addPage([595, 842]);
  writeLines(second, font, ['Page two text: the Windsor Framework was mentioned.']);
  second.drawText('2', { x: 290, y: 40, size: 10, font });
  pdf.setTitle('Security and Defence after Brexit');
  pdf.setAuthor('Institute for European Policymaking');
  pdf.setKeywords(['defence, Brexit']);
  pdf.setCreationDate(new Date('2025-05-06T10:00:00Z'));
  pdf.setModificationDate(new Date('2025-05-07T10:00:00Z'));
  return pdf.save();
}

describe('PDF extraction (pdf.js, in-process)', function () {
  // The first call loads pdf.js.
  this.timeout(30_000);

  it('gives paragraphs with their page numbers, rejoined hyphenation and no page numbers', async () => {
    const extracted = await extractPdf(await reportPdf());
    assert.equal(extracted.pages, 2);
    assert.equal(extracted.needsOcr, false);
    assert.deepEqual(extracted.warnings, []);
    assert.deepEqual(
      extracted.blocks.map((block) => [block.page, block.kind, block.text]),
      [
        [1, 'heading', 'Security and Defence after Brexit'],
        [1, 'paragraph', 'The panel discussed the common security and defence policy and the role of the United Kingdom in European security.'],
        [1, 'paragraph', 'A second paragraph considered the Security Action for Europe instrument.'],
        [2, 'paragraph', 'Page two text: the Windsor Framework was mentioned.'],
      ],
    );
  });

  it('reads the info dictionary into normalised properties', async () => {
    const extracted = await extractPdf(await reportPdf());
    assert.equal(extracted.propertiesSource, 'pdf-info');
    assert.equal(extracted.properties['title'], 'Security and Defence after Brexit');
    assert.equal(extracted.properties['author'], 'Institute for European Policymaking');
    assert.deepEqual(extracted.properties['keywords'], ['defence', 'Brexit']);
    assert.equal(extracted.properties['created'], '2025-05-06T10:00:00.000Z');
    assert.equal(extracted.properties['modified'], '2025-05-07T10:00:00.000Z');
    assert.equal(extracted.properties['pages'], 2);
  });

  it('flags pages without a text layer as needing OCR instead of failing', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
    pdf.addPage();
    const extracted = await extractPdf(await pdf.save());
    assert.equal(extracted.pages, 2);
    assert.deepEqual(extracted.blocks, []);
    assert.equal(extracted.needsOcr, true);
  });

  it('fails on bytes that are not a PDF with a reason naming the problem', async () => {
    await assert.rejects(
      extractPdf(new TextEncoder().encode('this is plain text, not a PDF at all')),
      (error: unknown) => error instanceof ExtractionError && /^not a readable PDF: /.test(error.message),
    );
  });

  it('words password failures for the user', () => {
    const exception = (code: number): Error => Object.assign(new Error('No password given'), { name: 'PasswordException', code });
    assert.match(loadFailureReason(exception(1)), /^password-protected/);
    assert.equal(loadFailureReason(exception(2)), 'password-protected (incorrect password)');
  });
});
