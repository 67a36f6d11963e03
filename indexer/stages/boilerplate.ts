/**
 * boilerplate: leaves out the text repeated across the documents of the
 * document's source (see ../boilerplate.ts for the rule), so that a site's
 * banner or a publisher's disclaimer is in no passage, snippet or summary.
 *
 * It runs after metadata, which reads the whole text (a "Published by" line
 * shared by a publisher's documents still names the publisher, and groups the
 * document with them; a repeated "Press release" still gives the type). The
 * summary, and a title guessed from the text, are read again from what is left:
 * a banner the title heuristic took for the title gives way to the real one.
 * A title given by the file or a sidecar is never removed.
 */
import { dirname } from 'node:path';
import type { Block } from '../../contract/extracted.js';
import { foldAccents } from '../../contract/ids.js';
import { blockHash, MIN_SOURCE_DOCUMENTS, type BoilerplateReport, type Decision } from '../boilerplate.js';
import { buildMetadata } from './metadata.js';
import { countWords, normalisePassageText } from './passages.js';
import type { DocumentMetadata, SourceFile, Stage } from './stage.js';

/**
 * The source a document is compared within: the site it was published on (a
 * site's banner and cookie notice go with the host, whoever wrote the text),
 * else its publisher, else its folder in the corpus.
 */
export function sourceOf(metadata: Pick<DocumentMetadata, 'sourceUrl' | 'publisher'>, file: Pick<SourceFile, 'relativePath'>): string {
  const host = hostOf(metadata.sourceUrl);
  if (host) return `site:${host}`;
  if (metadata.publisher) return `publisher:${foldAccents(metadata.publisher).replace(/\s+/g, ' ').trim()}`;
  return `folder:${dirname(file.relativePath)}`;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The source in words: "site example.org", "publisher Foo Institute", "folder reports/" or "the corpus folder". */
function sourceLabel(key: string, publisher: string | null): string {
  const [kind, ...rest] = key.split(':');
  const name = rest.join(':');
  if (kind === 'folder') return name === '.' ? 'the corpus folder' : `folder ${name}/`;
  if (kind === 'publisher') return `publisher ${publisher ?? name}`;
  return `${kind} ${name}`;
}

/** Blocks that can be boilerplate: prose and list items, not headings, lead-ins or a title the document is given. */
function counted(block: Block, givenTitle: string | null): string | null {
  if (block.kind === 'heading' || /:\s*$/.test(block.text)) return null;
  const normalised = normalisePassageText(block.text);
  if (!/[\p{L}\p{N}]/u.test(normalised) || normalised === givenTitle) return null;
  return normalised;
}

export const boilerplateStage: Stage = {
  name: 'boilerplate',
  run(job, ctx) {
    const extracted = job.extracted;
    const metadata = job.metadata;
    if (!extracted || !metadata) return;
    const givenTitle = metadata.provenance.title === 'text' ? null : normalisePassageText(metadata.title);
    const blocks = extracted.blocks;
    const hashOfBlock: (number | null)[] = [];
    const hashes: number[] = [];
    const words: number[] = [];
    let textWords = 0;
    for (const block of blocks) {
      const blockWords = countWords(block.text);
      textWords += blockWords;
      const normalised = counted(block, givenTitle);
      const hash = normalised === null ? null : blockHash(normalised);
      hashOfBlock.push(hash);
      if (hash === null) continue;
      hashes.push(hash);
      words.push(blockWords);
    }
    const source = sourceOf(metadata, job.source);
    ctx.boilerplate.put(job.source.id, {
      fingerprint: job.fingerprint,
      source,
      hashes: Float64Array.from(hashes),
      words: Uint32Array.from(words),
      textWords,
    });
    const decision = ctx.boilerplate.decide(job.source.id);
    ctx.boilerplate.setApplied(job.source.id, decision.digest);
    job.boilerplateDigest = decision.digest;
    job.boilerplate = report(decision, sourceLabel(source, metadata.publisher ?? null), blocks, hashOfBlock);
    if (decision.removed.size === 0) return;

    extracted.blocks = blocks.filter((_, i) => !decision.removed.has(hashOfBlock[i] ?? -1));
    // The fields read from the whole text stand: a repeated "Press release" or "Published by ..."
    // line still says what the document is and who published it. Only the summary, and a title
    // guessed from the text, are read again from what remains.
    const again = buildMetadata(job);
    if ('error' in again) return;
    job.metadata = {
      ...metadata,
      summary: again.summary,
      ...(metadata.provenance.title === 'text' || again.provenance.title === 'text' ? { title: again.title, provenance: { ...metadata.provenance, title: again.provenance.title! } } : {}),
    };
  },
};

function report(decision: Decision, label: string, blocks: readonly Block[], hashOfBlock: readonly (number | null)[]): BoilerplateReport {
  const rule =
    decision.threshold === null
      ? `${label} has ${decision.documents} document${decision.documents === 1 ? '' : 's'} with text: too few to tell (at least ${MIN_SOURCE_DOCUMENTS} are needed)`
      : `a paragraph or list item carried by at least ${decision.threshold} of the ${decision.documents} documents of ${label} is left out`;
  const removed: BoilerplateReport['removed'] = [];
  const seen = new Set<number>();
  blocks.forEach((block, i) => {
    const hash = hashOfBlock[i];
    if (hash === null || hash === undefined || seen.has(hash)) return;
    const carriedBy = decision.removed.get(hash);
    if (carriedBy === undefined) return;
    seen.add(hash);
    removed.push({
      text: block.text,
      documents: carriedBy,
      reason: `carried by ${carriedBy} of the ${decision.documents} documents of ${label}`,
    });
  });
  return { source: label, documents: decision.documents, rule, removed, ...(decision.keptAll ? { kept: decision.keptAll } : {}) };
}
