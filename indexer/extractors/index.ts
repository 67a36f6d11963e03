/**
 * The extractor registry: one extractor per format, chosen by the extract stage. Every
 * format is extracted in the worker pool (./pool.ts), with its time and memory limits:
 * none runs on the indexer's own event loop, which under `npm start` is the web server's.
 */
import type { Format } from '../../contract/document.js';
import { ExtractionError } from '../../contract/extracted.js';
import type { Extractor } from './extractor.js';

const inWorker =
  (format: Format): Extractor =>
  async (job, ctx) => {
    if (!job.data) throw new ExtractionError('file contents were not read');
    const password = format === 'pdf' && typeof job.sidecar?.['password'] === 'string' ? job.sidecar['password'] : undefined;
    try {
      return await ctx.pool.extractData(format, job.data, password);
    } catch (error) {
      if (error instanceof ExtractionError) throw error;
      throw new ExtractionError(`extraction failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

export const EXTRACTORS: Readonly<Record<Format, Extractor>> = Object.freeze({
  pdf: inWorker('pdf'),
  markdown: inWorker('markdown'),
  text: inWorker('text'),
  html: inWorker('html'),
});

export function extractorFor(format: Format): Extractor {
  return EXTRACTORS[format];
}
