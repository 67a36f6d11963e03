/**
 * Entry point of an extraction pool worker process (forked by ./pool.ts). Extracts one
 * file per request, whatever its format; the parent enforces time and memory limits by
 * killing this process, so a hostile file never blocks or exhausts the parent (the web
 * server, under `npm start`).
 */
import { readFile } from 'node:fs/promises';
import { ExtractionError, type Extracted } from '../../contract/extracted.js';
import type { Format } from '../../contract/document.js';
import { newJob, type StageContext } from '../stages/stage.js';
import { extractPdf } from './pdf/extract-document.js';
import type { ExtractRequest, ExtractResponse, WorkerMessage } from './protocol.js';
import type { OcrSettings } from './pdf/ocr.js';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

async function extract(format: Format, data: Buffer, password: string | undefined, ocr: OcrSettings | null): Promise<Extracted> {
  if (format === 'pdf') {
    // pdf.js takes ownership of (and may detach) the array it is given.
    return extractPdf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), password, ocr);
  }
  const job = newJob({ path: '', relativePath: '', id: '', format, sidecarPath: null });
  job.data = data;
  // Loaded on first use: a worker that only ever sees PDFs stays as small as it was.
  const { IN_PROCESS_EXTRACTORS } = await import('./formats.js');
  // The text extractors read only the job's bytes.
  return IN_PROCESS_EXTRACTORS[format](job, {} as StageContext);
}

function failureReason(format: Format, error: unknown): string {
  if (error instanceof ExtractionError) return error.message;
  // Deeply nested markup overflows a recursive parser: say so rather than quoting V8.
  if (error instanceof RangeError && /call stack/iu.test(error.message)) return 'the document is nested too deeply to read (the parser ran out of stack)';
  const label = format === 'pdf' ? 'PDF' : format === 'html' ? 'HTML' : format === 'markdown' ? 'Markdown' : 'text';
  return `${label} extraction failed: ${String((error as Error)?.message ?? error)}`;
}

async function handle(request: ExtractRequest): Promise<ExtractResponse> {
  let data: Buffer;
  if (request.data) {
    data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  } else if (request.path) {
    try {
      data = await readFile(request.path);
    } catch (error) {
      return { type: 'result', id: request.id, ok: false, reason: `cannot read file: ${(error as Error).message}` };
    }
  } else {
    return { type: 'result', id: request.id, ok: false, reason: 'no file given' };
  }
  try {
    return { type: 'result', id: request.id, ok: true, extracted: await extract(request.format, data, request.password, request.ocr ?? null) };
  } catch (error) {
    return { type: 'result', id: request.id, ok: false, reason: failureReason(request.format, error) };
  }
}

if (!process.send) {
  throw new Error('the extraction worker must be started by ExtractionPool (it needs an IPC channel)');
}
// The parent is gone (closed the pool, crashed or was killed): nothing left to work for.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: ExtractRequest) => {
  if (message?.type !== 'extract') return;
  void handle(message).then(send, (error: unknown) =>
    send({ type: 'result', id: message.id, ok: false, reason: failureReason(message.format, error) }),
  );
});
send({ type: 'ready' });
