/** Placeholder: the PDF worker pool (see issue: per-file time and memory limits). */
import type { Extracted } from '../stages/stage.js';

export interface PdfPoolOptions {
  /** Concurrent worker processes. */
  size: number;
  /** Wall-time limit per file. */
  timeoutMs: number;
  /** Heap limit per worker, in MiB. */
  memoryMb: number;
}

export class PdfPool {
  constructor(readonly options: PdfPoolOptions) {}
  async extract(_path: string, _password?: string): Promise<Extracted> {
    throw new Error('not implemented');
  }
  async close(): Promise<void> {}
}
