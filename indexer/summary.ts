/**
 * The one-paragraph summary of an index run, shared by the CLI and the server's
 * log. Kept apart from the progress bar so the server loads no terminal code.
 */
import type { IndexSummary } from './pipeline.js';

/**
 * A file name or reason made safe for one log line: a name may hold a newline (which would
 * forge a line of its own in the log) or terminal control codes. Those are shown escaped.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Summary of a run: a headline, then one line per file that failed, needs OCR, was indexed with warnings or has no date. */
export function summaryLines(s: IndexSummary): string[] {
  const lines = [
    `${s.indexed} indexed, ${s.unchanged} unchanged, ${s.removed} removed, ${s.failed.length} failed, ${s.needsOcr.length} need OCR ` +
      `(${(s.durationMs / 1000).toFixed(1)} s; index holds ${s.documents} documents, ${s.passages} passages)`,
  ];
  // Part of the headline for the same reason as the sources below.
  if (s.boilerplateUpdated) lines[0] += `; ${s.boilerplateUpdated} more read again: the text repeated across their source changed`;
  if (s.fetch) {
    const f = s.fetch;
    // Part of the headline: the server logs every further line as a warning.
    lines[0] +=
      `; sources: ${f.checked} checked, ${f.fetched.length} new or changed, ${f.unchanged} unchanged, ${f.failed.length} failed` +
      (f.removed.length ? `, ${f.removed.length} removed from the cache` : '');
    for (const failed of f.failed) lines.push(`  fetch failed  ${printable(failed.url)}: ${printable(failed.reason)}`);
  }
  for (const f of s.failed) lines.push(`  failed     ${printable(f.file)}: ${printable(f.reason)}`);
  for (const f of s.needsOcr) lines.push(`  needs OCR  ${printable(f)} (no text layer: indexed by metadata only)`);
  for (const w of s.warnings ?? []) for (const warning of w.warnings) lines.push(`  warning    ${printable(w.file)}: ${printable(warning)}`);
  for (const f of s.undated ?? []) lines.push(`  no date    ${printable(f)} (no date in the text or its metadata: not found by date filters)`);
  return lines;
}
