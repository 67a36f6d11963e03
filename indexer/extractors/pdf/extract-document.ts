/**
 * Text and properties of one PDF with pdf.js, page by page so that one broken page
 * costs only that page. Runs inside a pool worker process (see ../worker.ts); it
 * has no limits of its own, the pool enforces time and memory from outside.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, PDFDateString, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import type { Block, Extracted, OcrPage } from '../../../contract/extracted.js';
import { ExtractionError } from '../../../contract/extracted.js';
import { normaliseInfo } from './info.js';
import { pageBlocks, runFromTextItem } from './layout.js';
import { ocrPage, OcrTimeout, type OcrSettings } from './ocr.js';

// pdf.js reads its data files through fs in Node, so these are directory paths (a
// file:// URL fails); the trailing slash is required. CMaps give CJK text in predefined
// encodings, the wasm decoders JBIG2 and JPEG 2000 images, the ICC profiles colours.
const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assetDir = (name: string): string => path.join(pdfjsDir, name) + path.sep;

/** getDocument options shared by text extraction and page rendering. */
export const PDFJS_OPTIONS = {
  cMapUrl: assetDir('cmaps'),
  cMapPacked: true,
  standardFontDataUrl: assetDir('standard_fonts'),
  wasmUrl: assetDir('wasm'),
  iccUrl: assetDir('iccs'),
  verbosity: VerbosityLevel.ERRORS,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
} as const;

/** Past this many unreadable pages in a row the rest is assumed broken too (fuzzed /Count). */
const MAX_CONSECUTIVE_PAGE_FAILURES = 50;

/** pdf.js's PasswordResponses: 1 no password given, 2 incorrect password. */
const INCORRECT_PASSWORD = 2;

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/gu, ' ').trim().replace(/\.$/u, '') || 'unknown error';
}

/** Turns a pdf.js load error into the reason a user sees. */
export function loadFailureReason(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'PasswordException') {
    return code === INCORRECT_PASSWORD
      ? 'password-protected (incorrect password)'
      : 'password-protected (no password given; add `password` to the sidecar)';
  }
  return `not a readable PDF: ${messageOf(error)}`;
}

const isTextItem = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

/** `ocr` null: pages without a text layer stay empty and the file is flagged needs-ocr. */
export async function extractPdf(data: Uint8Array, password?: string, ocr: OcrSettings | null = null): Promise<Extracted> {
  const started = Date.now();
  const loadingTask = getDocument({
    data,
    password,
    ...PDFJS_OPTIONS,
  });
  let document;
  try {
    document = await loadingTask.promise;
  } catch (error) {
    await loadingTask.destroy().catch(() => undefined);
    throw new ExtractionError(loadFailureReason(error));
  }

  try {
    const pages = document.numPages;
    const blocks: Block[] = [];
    const warnings: string[] = [];
    const ocrPages: OcrPage[] = [];
    let ocrStopped = false;
    let pagesRead = 0;
    let firstPageError = '';
    let consecutiveFailures = 0;
    for (let pageNumber = 1; pageNumber <= pages; pageNumber++) {
      try {
        const page = await document.getPage(pageNumber);
        const content = await page.getTextContent({ includeMarkedContent: false });
        const textBlocks = pageBlocks(content.items.filter(isTextItem).map(runFromTextItem), pageNumber);
        blocks.push(...textBlocks);
        if (textBlocks.length === 0 && ocr !== null && !ocrStopped) {
          try {
            if (Date.now() - started > ocr.budgetMs) throw new OcrTimeout('the time for OCR ran out');
            const recognised = await ocrPage(page, pageNumber, ocr, started + ocr.budgetMs);
            blocks.push(...recognised.blocks);
            if (recognised.mark) ocrPages.push(recognised.mark);
          } catch (error) {
            if (error instanceof OcrTimeout) {
              ocrStopped = true;
              warnings.push(`OCR stopped at page ${pageNumber} of ${pages}: the time for OCR ran out`);
            } else {
              warnings.push(`page ${pageNumber}: OCR failed: ${messageOf(error)}`);
            }
          }
        }
        page.cleanup();
        pagesRead++;
        consecutiveFailures = 0;
      } catch (error) {
        firstPageError ||= messageOf(error);
        warnings.push(`page ${pageNumber}: ${messageOf(error)}`);
        if (++consecutiveFailures >= MAX_CONSECUTIVE_PAGE_FAILURES && pageNumber < pages) {
          warnings.push(`pages ${pageNumber + 1}-${pages} skipped after ${consecutiveFailures} unreadable pages in a row`);
          break;
        }
      }
    }
    if (pages > 0 && pagesRead === 0) {
      throw new ExtractionError(`not a readable PDF: no page could be read (${firstPageError})`);
    }

    let info: Record<string, unknown> = {};
    try {
      const metadata = await document.getMetadata();
      info = (metadata.info ?? {}) as Record<string, unknown>;
    } catch (error) {
      warnings.push(`document info: ${messageOf(error)}`);
    }

    return {
      blocks,
      pages,
      properties: { ...normaliseInfo(info, pages, (value) => PDFDateString.toDateObject(value)) },
      propertiesSource: 'pdf-info',
      needsOcr: pages > 0 && blocks.length === 0,
      ocrPages,
      warnings,
    };
  } finally {
    // pdf.js 6 frees a document through its loading task (PDFDocumentProxy.destroy is gone).
    await loadingTask.destroy().catch(() => undefined);
  }
}
