/**
 * `npx tsx bench/scale.ts`: the scale curve, one row per corpus size, from the
 * newest result file of each size in bench/results/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'results');
const MiB = 1024 * 1024;
interface Result {
  date: string;
  size: number;
  corpus: { pages: number };
  indexing: {
    full: { wallMs: number; pagesPerS: number; passagesPerS: number; peakTreeRssBytes: number; summary: { passages: number } };
    floorRatio: number | null;
    noChange: { wallMs: number };
    onePercent: { wallMs: number };
  };
  search: { byConcurrency: { connections: number; api: { latencyMs: { p50: number }; requestsPerSecond: number }; ratios: { apiP50: number; htmlP50: number } }[] } | null;
}

const newest = new Map<number, Result>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Result;
  newest.set(result.size, result);
}
const rows = [['docs', 'pages', 'passages', 'index s', 'pages/s', 'passages/s', 'x floor', 'peak MiB', 'no-change s', '1% s', 'api p50 ms c=1/8/32', 'api req/s c=8', 'api/direct p50 c=8', 'html/direct p50 c=8']];
for (const r of [...newest.values()].sort((a, b) => a.size - b.size)) {
  const c = (n: number) => r.search?.byConcurrency.find((x) => x.connections === n);
  rows.push([
    String(r.size),
    String(r.corpus.pages),
    String(r.indexing.full.summary.passages),
    (r.indexing.full.wallMs / 1000).toFixed(1),
    String(r.indexing.full.pagesPerS),
    String(r.indexing.full.passagesPerS),
    String(r.indexing.floorRatio ?? '-'),
    (r.indexing.full.peakTreeRssBytes / MiB).toFixed(0),
    (r.indexing.noChange.wallMs / 1000).toFixed(1),
    (r.indexing.onePercent.wallMs / 1000).toFixed(1),
    [1, 8, 32].map((n) => c(n)?.api.latencyMs.p50 ?? '-').join('/'),
    String(c(8)?.api.requestsPerSecond ?? '-'),
    String(c(8)?.ratios.apiP50 ?? '-'),
    String(c(8)?.ratios.htmlP50 ?? '-'),
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
process.stdout.write(rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n') + '\n');
