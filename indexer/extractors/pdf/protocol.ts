/** Messages between the PDF pool (parent) and a worker process, over the IPC channel. */
import type { Extracted } from '../../../contract/extracted.js';
import type { OcrSettings } from './ocr.js';

export interface ExtractRequest {
  type: 'extract';
  id: number;
  /** Absolute path; the worker reads the file itself. */
  path: string;
  password?: string;
  /** Absent: no OCR, pages without a text layer stay empty. */
  ocr?: OcrSettings;
}

/** Sent once the worker listens, so no request is sent into the void during start-up. */
export interface ReadyMessage {
  type: 'ready';
}

export type ExtractResponse =
  | { type: 'result'; id: number; ok: true; extracted: Extracted }
  | { type: 'result'; id: number; ok: false; reason: string };

export type WorkerMessage = ReadyMessage | ExtractResponse;
