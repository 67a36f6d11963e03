/**
 * Extractors turn one file into blocks of text with page numbers. One module per
 * format; the registry in ./index.ts picks by format.
 */
import type { Extracted, Job, StageContext } from '../stages/stage.js';

export type Extractor = (job: Job, ctx: StageContext) => Promise<Extracted>;

/** An extraction failure with a reason a user can act on ("password-protected", "not a PDF"). */
export class ExtractionError extends Error {
  override name = 'ExtractionError';
}

export function emptyExtracted(): Extracted {
  return { blocks: [], pages: 0, properties: {}, propertiesSource: null, needsOcr: false, warnings: [] };
}
