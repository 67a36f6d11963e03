/**
 * Extractors turn one file into blocks of text with page numbers. One module per
 * format; the registry in ./index.ts picks by format.
 */
import type { Extracted } from '../../contract/extracted.js';
import type { Job, StageContext } from '../stages/stage.js';

export type Extractor = (job: Job, ctx: StageContext) => Promise<Extracted>;
