/** PDF extractor: hands the file to the worker pool (time and memory limits live there). */
import type { Extractor } from './extractor.js';
import { ExtractionError } from '../../contract/extracted.js';

export const extractPdf: Extractor = async (job, ctx) => {
  const password = typeof job.sidecar?.['password'] === 'string' ? job.sidecar['password'] : undefined;
  try {
    return await ctx.pdfPool.extract(job.source.path, password);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError(`PDF extraction failed: ${error instanceof Error ? error.message : String(error)}`);
  }
};
