/** Messages between the extraction pool (parent) and a worker process, over the IPC channel. */
import type { Format } from '../../contract/document.js';
import type { Extracted } from '../../contract/extracted.js';
import type { OcrSettings } from './pdf/ocr.js';

export interface ExtractRequest {
  type: 'extract';
  id: number;
  format: Format;
  /** The file's bytes, read by the parent through a checked descriptor (text formats: decoded to UTF-8). */
  data?: Uint8Array;
  /** Absolute path, when no bytes are given (PDF only): the worker reads the file itself. */
  path?: string;
  password?: string;
  /** PDF only. Absent: no OCR, pages without a text layer stay empty. */
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
