/**
 * PDF text extraction through the indexer's ExtractionPool beside poppler's pdftotext,
 * on every real-world PDF the manifest expects text from, with the same
 * parallelism (2) on both sides; then OCR throughput on scanned pages made here
 * (known text drawn onto an image-only page).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { ExtractionPool } from '../indexer/extractors/pool.js';
import { scannedPdf } from '../test/support/scanned-pdf.js';
import { REPO_ROOT } from './generate.js';

export const REALWORLD_DIR = join(REPO_ROOT, '..', 'shared', 'pdfs-realworld');
const PARALLEL = 2;

export interface PdfExtractionResult {
  files: number;
  excluded: string[];
  bytes: number;
  pool: { coldMs: number; warmMs: number; failed: number; characters: number };
  pdftotext: { available: boolean; ms: number | null; failed: number; characters: number; note?: string };
  /** Pool (cold: worker start-up included) wall time over pdftotext's. */
  ratioCold: number | null;
  ratioWarm: number | null;
  ocr: OcrThroughput | null;
}

export interface OcrThroughput {
  /** Scanned A4 pages (200 dpi images of 12 pt text), OCR'd at 300 dpi with eng. */
  pages: number;
  workers: number;
  ms: number;
  pagesPerSecond: number;
  meanConfidence: number;
  peakWorkerRssBytes: number;
}

function textFiles(): { files: string[]; excluded: string[]; bytes: number } {
  const rows = readFileSync(join(REALWORLD_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const files: string[] = [];
  const excluded: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    const [file, size, , , expect, , observed] = row;
    if (expect !== 'text' || !file) continue;
    // The decompression bomb would time pdftotext's runaway against the limit, not extraction.
    if (observed === 'timeout') {
      excluded.push(`${file} (pdftotext does not stop on it)`);
      continue;
    }
    files.push(join(REALWORLD_DIR, file));
    bytes += Number(size);
  }
  return { files, excluded, bytes };
}

function pdftotextAvailable(): Promise<boolean> {
  return new Promise((done) => execFile('pdftotext', ['-v'], (err) => done(!err || (err as NodeJS.ErrnoException).code !== 'ENOENT')));
}

export async function benchPdfExtraction(log: (line: string) => void): Promise<PdfExtractionResult | null> {
  if (!existsSync(join(REALWORLD_DIR, 'MANIFEST.tsv'))) {
    log(`PDF extraction: skipped, ${REALWORLD_DIR} is missing`);
    return null;
  }
  const { files, excluded, bytes } = textFiles();
  const pool = new ExtractionPool({ size: PARALLEL, timeoutMs: 60_000, memoryMb: 640 });
  const passOverPool = async () => {
    let failed = 0;
    let characters = 0;
    const started = performance.now();
    await Promise.all(
      files.map((file) =>
        pool.extract(file).then(
          (extracted) => {
            characters += extracted.blocks.reduce((n, b) => n + b.text.length, 0);
          },
          () => {
            failed++;
          },
        ),
      ),
    );
    return { ms: performance.now() - started, failed, characters };
  };
  let cold;
  let warm;
  try {
    cold = await passOverPool();
    warm = await passOverPool();
  } finally {
    await pool.close();
  }

  const available = await pdftotextAvailable();
  let pdftotext: PdfExtractionResult['pdftotext'] = {
    available,
    ms: null,
    failed: 0,
    characters: 0,
    note: 'pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) for this comparison',
  };
  if (available) {
    const limit = pLimit(PARALLEL);
    let failed = 0;
    let characters = 0;
    const started = performance.now();
    await Promise.all(
      files.map((file) =>
        limit(
          () =>
            new Promise<void>((done) => {
              execFile('pdftotext', ['-enc', 'UTF-8', file, '-'], { timeout: 60_000, maxBuffer: 256 * 1024 * 1024 }, (err, stdout) => {
                if (err) failed++;
                characters += stdout?.length ?? 0;
                done();
              });
            }),
        ),
      ),
    );
    pdftotext = { available, ms: performance.now() - started, failed, characters };
  } else log(`PDF extraction: ${pdftotext.note}`);

  const ocr = await benchOcr(log);

  const ratio = (ms: number) => (pdftotext.ms ? Math.round((ms / pdftotext.ms) * 100) / 100 : null);
  return {
    files: files.length,
    excluded,
    bytes,
    pool: { coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms), failed: cold.failed, characters: cold.characters },
    pdftotext: { ...pdftotext, ms: pdftotext.ms === null ? null : Math.round(pdftotext.ms) },
    ratioCold: ratio(cold.ms),
    ratioWarm: ratio(warm.ms),
    ocr,
  };
}

const OCR_FILES = 4;
const OCR_PAGES_PER_FILE = 3;

/** Pages per second of OCR through the pool: the first file per worker includes loading the model, as in a real run. */
async function benchOcr(log: (line: string) => void): Promise<OcrThroughput | null> {
  const dir = mkdtempSync(join(os.tmpdir(), 'entente-bench-ocr-'));
  const words = 'the defence ministers of the united kingdom and the european union met to discuss maritime security sanctions and support for ukraine'.split(' ');
  const paragraph = (seed: number): string => Array.from({ length: 60 }, (_, i) => words[(i * 7 + seed) % words.length]).join(' ') + '.';
  const files: string[] = [];
  for (let f = 0; f < OCR_FILES; f++) {
    const pages = Array.from({ length: OCR_PAGES_PER_FILE }, (_, p) => [paragraph(f * 10 + p), paragraph(f * 10 + p + 3), paragraph(f * 10 + p + 5)]);
    const file = join(dir, `scan-${f}.pdf`);
    writeFileSync(file, await scannedPdf(pages));
    files.push(file);
  }
  const pool = new ExtractionPool({ size: PARALLEL, timeoutMs: 120_000, memoryMb: 1024, ocr: { languages: ['eng'], minConfidence: 60 } });
  try {
    const started = performance.now();
    const results = await Promise.all(files.map((file) => pool.extract(file)));
    const ms = performance.now() - started;
    const ocrPages = results.flatMap((r) => r.ocrPages ?? []);
    const pages = ocrPages.length;
    const result: OcrThroughput = {
      pages,
      workers: PARALLEL,
      ms: Math.round(ms),
      pagesPerSecond: Math.round((pages / (ms / 1000)) * 100) / 100,
      meanConfidence: Math.round(ocrPages.reduce((n, p) => n + p.confidence, 0) / Math.max(1, pages)),
      peakWorkerRssBytes: pool.getStats().peakWorkerRssBytes,
    };
    log(`OCR: ${pages} pages in ${(ms / 1000).toFixed(1)} s with ${PARALLEL} workers: ${result.pagesPerSecond} pages/s, mean confidence ${result.meanConfidence}`);
    return result;
  } catch (error) {
    log(`OCR: failed: ${(error as Error).message}`);
    return null;
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
