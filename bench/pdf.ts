/**
 * PDF text extraction through the indexer's PdfPool beside poppler's pdftotext,
 * on the real-world PDFs the manifest expects text from, with the same
 * parallelism (2) on both sides. Files that never finish under pdf.js (the
 * manifest's "timeout" rows) are left out: they would time the limit, not the extraction.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { PdfPool } from '../indexer/extractors/pdf-pool.js';
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
}

function textFiles(): { files: string[]; excluded: string[]; bytes: number } {
  const rows = readFileSync(join(REALWORLD_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const files: string[] = [];
  const excluded: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    const [file, size, , , expect, , observed] = row;
    if (expect !== 'text' || !file) continue;
    if (!observed?.startsWith('ok')) {
      excluded.push(`${file} (${observed})`);
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
  const pool = new PdfPool({ size: PARALLEL, timeoutMs: 60_000, memoryMb: 640 });
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

  const ratio = (ms: number) => (pdftotext.ms ? Math.round((ms / pdftotext.ms) * 100) / 100 : null);
  return {
    files: files.length,
    excluded,
    bytes,
    pool: { coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms), failed: cold.failed, characters: cold.characters },
    pdftotext: { ...pdftotext, ms: pdftotext.ms === null ? null : Math.round(pdftotext.ms) },
    ratioCold: ratio(cold.ms),
    ratioWarm: ratio(warm.ms),
  };
}
