/**
 * Entry point of a PDF pool worker process (forked by ./pdf-pool.ts). Extracts one file
 * per request; the parent enforces time and memory limits by killing this process.
 */
import { readFile } from 'node:fs/promises';
import { ExtractionError } from '../../contract/extracted.js';
import { extractPdf } from './pdf/extract-document.js';
import type { ExtractRequest, ExtractResponse, WorkerMessage } from './pdf/protocol.js';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

async function handle(request: ExtractRequest): Promise<ExtractResponse> {
  let data: Buffer;
  try {
    data = await readFile(request.path);
  } catch (error) {
    return { type: 'result', id: request.id, ok: false, reason: `cannot read file: ${(error as Error).message}` };
  }
  try {
    // pdf.js takes ownership of (and may detach) the array it is given.
    const extracted = await extractPdf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), request.password, request.ocr ?? null);
    return { type: 'result', id: request.id, ok: true, extracted };
  } catch (error) {
    const reason = error instanceof ExtractionError ? error.message : `PDF extraction failed: ${String((error as Error)?.message ?? error)}`;
    return { type: 'result', id: request.id, ok: false, reason };
  }
}

if (!process.send) {
  throw new Error('pdf-worker must be started by PdfPool (it needs an IPC channel)');
}
// The parent is gone (closed the pool, crashed or was killed): nothing left to work for.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: ExtractRequest) => {
  if (message?.type !== 'extract') return;
  void handle(message).then(send, (error: unknown) =>
    send({ type: 'result', id: message.id, ok: false, reason: `PDF extraction failed: ${String(error)}` }),
  );
});
send({ type: 'ready' });
