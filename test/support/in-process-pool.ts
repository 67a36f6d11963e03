/**
 * An extraction pool that runs the text extractors in this process: for tests that must
 * observe side effects of extraction here (a front-matter payload that would set a global).
 * Real runs always extract in worker processes (indexer/extractors/pool.ts).
 */
import type { Format } from '../../contract/document.js';
import type { Extracted } from '../../contract/extracted.js';
import { IN_PROCESS_EXTRACTORS } from '../../indexer/extractors/formats.js';
import type { ExtractionPool } from '../../indexer/extractors/pool.js';
import { newJob, type StageContext } from '../../indexer/stages/stage.js';

export function inProcessContext(): StageContext {
  const pool = {
    extractData(format: Format, data: Uint8Array): Promise<Extracted> {
      if (format === 'pdf') throw new Error('PDFs are extracted only in worker processes');
      const job = newJob({ path: '', relativePath: '', id: '', format, sidecarPath: null });
      job.data = Buffer.from(data);
      return IN_PROCESS_EXTRACTORS[format](job, {} as StageContext);
    },
  } as unknown as ExtractionPool;
  return { pool } as StageContext;
}
