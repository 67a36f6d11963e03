/**
 * What the indexer tells a person: a progress bar on a terminal (files, current
 * file, rate, ETA), plain lines otherwise; the summary; and --explain's JSON.
 */
import cliProgress from 'cli-progress';
import { datePrecisionOf } from '../contract/document.js';
import type { FileOutcome, Reporter, SourceOutcome } from './pipeline.js';
import type { Job, StageOutcome } from './stages/stage.js';
import { printable } from './summary.js';
export { summaryLines } from './summary.js';

export function progressReporter(stream: NodeJS.WriteStream): Reporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): Reporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: ' {bar} {value}/{total} files | {rate}/s | ETA {eta_formatted} | {file}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  return {
    start(total) {
      bar.start(total, 0, { file: '', rate: '0.0' });
    },
    // Failures are listed with their reasons in the summary printed after the bar.
    file(relativePath) {
      done++;
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      bar.update(done, { file: truncate(printable(relativePath), 40), rate });
    },
    finish() {
      bar.stop();
    },
    source: sourceLine(stream),
  };
}

/** One line per source checked: fetching comes before the bar starts, and can take a while (a pause per request). */
function sourceLine(stream: NodeJS.WriteStream) {
  return (url: string, outcome: SourceOutcome, reason?: string) => {
    stream.write(`source ${outcome.padEnd(9)} ${url}${reason ? `: ${reason}` : ''}\n`);
  };
}

function lineReporter(stream: NodeJS.WriteStream): Reporter {
  let total = 0;
  let done = 0;
  return {
    start(n) {
      total = n;
      stream.write(`Indexing ${n} file${n === 1 ? '' : 's'}\n`);
    },
    file(relativePath, outcome: FileOutcome, reason) {
      done++;
      stream.write(`[${done}/${total}] ${outcome.padEnd(9)} ${printable(relativePath)}${reason ? `: ${printable(reason)}` : ''}\n`);
    },
    finish() {},
    source: sourceLine(stream),
  };
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : '…' + text.slice(text.length - width + 1);
}

/** The --explain view of a document: every field with where it came from, themes with evidence, passages. */
export function explainDocument(job: Job, outcome: StageOutcome | null) {
  const meta = job.metadata;
  return {
    file: job.source.relativePath,
    id: job.source.id,
    format: job.source.format,
    status: outcome ? outcome.stop : job.extracted?.needsOcr ? 'needs-ocr' : 'ok',
    ...(outcome ? { reason: outcome.reason } : {}),
    title: meta?.title ?? null,
    date: meta?.date ?? null,
    datePrecision: datePrecisionOf(meta?.date ?? null),
    published: meta?.published ?? null,
    type: meta?.type ?? null,
    publisher: meta?.publisher ?? null,
    organisations: meta?.organisations ?? [],
    place: meta?.place ?? null,
    language: meta?.language ?? null,
    sourceUrl: meta?.sourceUrl ?? null,
    finalUrl: meta?.finalUrl ?? null,
    retrievedAt: meta?.retrievedAt ?? null,
    people: (meta?.people ?? []).map((p) => ({ name: p.name, role: p.role, display: p.display })),
    // The score behind each theme (and whether it reached "about"), not only the terms.
    themes: job.themeTags.map((t) => ({ id: t.id, label: t.label, weight: t.weight, score: t.score, share: t.share, evidence: t.evidence })),
    summary: meta?.summary ?? null,
    provenance: meta?.provenance ?? {},
    pages: job.extracted?.pages ?? 0,
    needsOcr: job.extracted?.needsOcr ?? false,
    warnings: [...(job.extracted?.warnings ?? []), ...(meta?.warnings ?? [])],
    removed: job.extracted?.removed ?? [],
    // Text repeated across the document's source, left out of passages and summary: which, and why.
    boilerplate: job.boilerplate,
    sidecar: job.source.sidecarPath,
    sha256: job.sha256 || null,
    passages: job.passages.map((p) => ({
      id: p.id,
      page: p.page,
      heading: p.heading,
      words: p.text.split(/\s+/).filter(Boolean).length,
      themes: p.themes,
      text: p.text,
    })),
  };
}
