/** The metadata stage on a plain text, as the indexer reads a saved .txt file: shared by the metadata form tables. */
import { textBlocks } from '../../indexer/extractors/text.js';
import { buildMetadata } from '../../indexer/stages/metadata.js';
import { newJob, type DocumentMetadata } from '../../indexer/stages/stage.js';

export function metadataOf(text: string): DocumentMetadata {
  const job = newJob({ path: '/corpus/doc.txt', relativePath: 'doc.txt', id: 'doc', format: 'text', sidecarPath: null });
  job.extracted = { blocks: textBlocks(text).blocks, pages: 1, properties: {}, propertiesSource: null, needsOcr: false, warnings: [] };
  const result = buildMetadata(job);
  if ('error' in result) throw new Error(result.error);
  return result;
}

/** The people who made the text (not those mentioned), as "role: name", sorted. */
export const makers = (m: DocumentMetadata) =>
  m.people
    .filter((p) => p.role !== 'mentioned')
    .map((p) => `${p.role}: ${p.name}`)
    .sort();
