/**
 * extract: text with page boundaries, by the extractor registered for the file's
 * format. An ExtractionError stops this document with its reason; the file's
 * bytes are released either way, since no later stage needs them.
 */
import { ExtractionError } from '../../contract/extracted.js';
import { extractorFor } from '../extractors/index.js';
import { fail, type Job, type Stage, type StageContext } from './stage.js';

export const extractStage: Stage = {
  name: 'extract',
  async run(job: Job, ctx: StageContext) {
    if (!job.data) return fail('file contents were not read');
    try {
      job.extracted = await extractorFor(job.source.format)(job, ctx);
    } catch (error) {
      if (error instanceof ExtractionError) return fail(error.message);
      throw error;
    } finally {
      job.data = null;
    }
  },
};
