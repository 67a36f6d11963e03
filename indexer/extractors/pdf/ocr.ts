/**
 * OCR of PDF pages without a text layer, inside a pool worker process (so the pool's time
 * and memory limits hold for it too): pdf.js renders the page onto an @napi-rs/canvas,
 * tesseract.js reads the image. The trained data comes from the @tesseract.js-data/<lang>
 * npm packages and is handed to tesseract as bytes, so nothing is ever fetched.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import Tesseract from 'tesseract.js';
import type { Block, OcrPage } from '../../../contract/extracted.js';
import { cleanText, joinLines } from './layout.js';

export interface OcrSettings {
  /** Tesseract language codes, each from an installed @tesseract.js-data package ("eng", "fra", "deu"). */
  languages: string[];
  /** Pages whose mean word confidence (0–100) is below this are kept but marked. */
  minConfidence: number;
  /** Time this file may spend before OCR stops, in ms: pages past it are skipped with a warning rather than the whole file lost to the pool's kill. */
  budgetMs: number;
}

/** Render resolution: 300 dpi is what tesseract is trained for; capped so a poster-sized page stays bounded. */
const RENDER_DPI = 300;
const MAX_RENDER_PIXELS = 16_000_000;

const require = createRequire(import.meta.url);

/** Path of the gzipped trained data of one language in its npm package (best_int: small and fast). */
export function trainedDataFile(language: string): string {
  if (!/^[a-z_]{3,12}$/u.test(language)) throw new Error(`OCR language "${language}" is not a tesseract language code`);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
  } catch {
    throw new Error(`OCR language "${language}" is not installed (npm install @tesseract.js-data/${language})`);
  }
  return path.join(packageDir, '4.0.0_best_int', `${language}.traineddata.gz`);
}

/**
 * tesseract reads every language from one langPath, and each language is its own npm
 * package, so a folder of links gathers them. (Passing the bytes as {code, data} would be
 * simpler, but tesseract.js 7 then names the language by its data and fails.) The folder is
 * named after the files it links to and kept: pool workers are killed, so they cannot clean
 * up, and the next worker finds it ready. Links are made under a temporary name and renamed,
 * so two workers starting at once never see half a folder.
 */
function languageFolder(languages: string[]): string {
  const targets = languages.map(trainedDataFile);
  const folder = path.join(os.tmpdir(), `entente-tessdata-${createHash('sha256').update(targets.join('\n')).digest('hex').slice(0, 16)}`);
  mkdirSync(folder, { recursive: true });
  languages.forEach((language, i) => {
    const link = path.join(folder, `${language}.traineddata.gz`);
    if (existsSync(link)) return;
    const temporary = `${link}.${process.pid}`;
    rmSync(temporary, { force: true });
    symlinkSync(targets[i]!, temporary);
    renameSync(temporary, link);
  });
  return folder;
}

let recogniser: { languages: string; worker: Promise<Tesseract.Worker> } | null = null;

/** One tesseract worker per process and language set: loading the model costs about a second. */
function tesseractFor(languages: string[]): Promise<Tesseract.Worker> {
  const key = languages.join('+');
  if (recogniser?.languages === key) return recogniser.worker;
  const previous = recogniser?.worker;
  const worker = (async () => {
    await previous?.then((w) => w.terminate()).catch(() => undefined);
    // A local langPath is read with fs (never fetched); cacheMethod 'none' neither reads nor writes a cache.
    const langPath = languageFolder(languages);
    return Tesseract.createWorker(languages, Tesseract.OEM.LSTM_ONLY, { langPath, cachePath: langPath, cacheMethod: 'none', gzip: true });
  })();
  recogniser = { languages: key, worker };
  worker.catch(() => {
    if (recogniser?.worker === worker) recogniser = null;
  });
  return worker;
}

/** Renders one page to PNG bytes at up to RENDER_DPI. */
async function renderPage(page: PDFPageProxy): Promise<Buffer> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(RENDER_DPI / 72, Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  // Transparent pixels read as black to tesseract: paint the paper white first.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport })
    .promise;
  return canvas.toBuffer('image/png');
}

export interface OcrResult {
  blocks: Block[];
  mark: OcrPage | null;
}

export class OcrTimeout extends Error {
  override name = 'OcrTimeout';
}

/**
 * Text of one page by OCR: paragraphs as blocks, and the page's mean confidence. A page
 * still unread at `deadline` (ms since the epoch) stops its tesseract thread: speckled
 * scans can keep tesseract busy for minutes.
 */
export async function ocrPage(page: PDFPageProxy, pageNumber: number, settings: OcrSettings, deadline: number): Promise<OcrResult> {
  const worker = await tesseractFor(settings.languages);
  const image = await renderPage(page);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrTimeout('the time for OCR ran out')), Math.max(0, deadline - Date.now()));
  });
  let data: Tesseract.Page;
  try {
    ({ data } = await Promise.race([worker.recognize(image), timeout]));
  } catch (error) {
    if (error instanceof OcrTimeout) await closeOcr();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const blocks: Block[] = data.text
    .split(/\n\s*\n/u)
    .map((paragraph) => cleanText(joinLines(paragraph.split('\n').map((line) => line.trim()).filter((line) => line !== ''))).trim())
    .filter((text) => /[\p{L}\p{N}]/u.test(text))
    .map((text) => ({ page: pageNumber, kind: 'paragraph', text }));
  if (blocks.length === 0) return { blocks, mark: null };
  const confidence = Math.round(data.confidence);
  return { blocks, mark: { page: pageNumber, confidence, belowFloor: confidence < settings.minConfidence } };
}

/** Ends the process's tesseract worker thread (tests; a pool worker simply exits). */
export async function closeOcr(): Promise<void> {
  const current = recogniser;
  recogniser = null;
  await current?.worker.then((w) => w.terminate()).catch(() => undefined);
}
