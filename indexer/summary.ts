/**
 * The one-paragraph summary of an index run, shared by the CLI and the server's
 * log. Kept apart from the progress bar so the server loads no terminal code.
 */
import type { IndexSummary } from './pipeline.js';

/** Summary of a run: a headline, then one line per failed file and per file that needs OCR. */
export function summaryLines(s: IndexSummary): string[] {
  const lines = [
    `${s.indexed} indexed, ${s.unchanged} unchanged, ${s.removed} removed, ${s.failed.length} failed, ${s.needsOcr.length} need OCR ` +
      `(${(s.durationMs / 1000).toFixed(1)} s; index holds ${s.documents} documents, ${s.passages} passages)`,
  ];
  if (s.fetch) {
    const f = s.fetch;
    // Part of the headline: the server logs every further line as a warning.
    lines[0] +=
      `; sources: ${f.checked} checked, ${f.fetched.length} new or changed, ${f.unchanged} unchanged, ${f.failed.length} failed` +
      (f.removed.length ? `, ${f.removed.length} removed from the cache` : '');
    for (const failed of f.failed) lines.push(`  fetch failed  ${failed.url}: ${failed.reason}`);
  }
  for (const f of s.failed) lines.push(`  failed     ${f.file}: ${f.reason}`);
  for (const f of s.needsOcr) lines.push(`  needs OCR  ${f} (no text layer: indexed by metadata only)`);
  return lines;
}
