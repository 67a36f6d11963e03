/** The metadata stage on a plain text, as the indexer reads a saved .txt file: shared by the metadata form tables. */
import { strict as assert } from 'node:assert';
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

/** The first lines of a text, to name a table row after it. */
export const firstLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 3)
    .join(' / ')
    .slice(0, 90);

/** A row of a metadata form table: a text and what must be read from it; a field left out is not checked. */
export interface FormCase {
  text: string;
  makers?: string[];
  publisher?: string | null;
  date?: string | null;
  type?: string;
}

/** One test per row, asserting every field the row gives. */
export function itReadsEach(cases: readonly FormCase[]): void {
  for (const { text, makers: want, publisher, date, type } of cases) {
    const expected = [
      want && (want.join(', ') || 'nobody'),
      date !== undefined && `the date ${date ?? 'none'}`,
      type !== undefined && `a ${type}`,
      publisher !== undefined && (publisher ?? 'no publisher'),
    ].filter(Boolean);
    it(`reads ${expected.join(' and ')} from "${firstLines(text)}"`, () => {
      const m = metadataOf(text);
      if (want !== undefined) assert.deepEqual(makers(m), want);
      if (date !== undefined) assert.equal(m.date, date);
      if (type !== undefined) assert.equal(m.type, type);
      if (publisher !== undefined) assert.equal(m.publisher, publisher);
    });
  }
}
