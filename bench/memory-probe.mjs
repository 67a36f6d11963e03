/**
 * `node --import ./bench/memory-probe.mjs ...`: where a process's memory is at its peak.
 * Every 200 ms it reads process.memoryUsage(); at each new resident-size peak it keeps
 * the breakdown (V8 heap by space, buffers outside the heap), and with
 * MEMORY_PROBE_SNAPSHOT_MIB set it writes a V8 heap snapshot the first times the
 * resident size passes that many MiB (again after each further 64 MiB, three at most).
 * MEMORY_PROBE_SNAPSHOT_AT_S="60,240" writes a snapshot at each of those times instead, to compare
 * what is live early and late in a run. Every 5 s it also notes the resident size and the heap in use, so the JSON shows where in the
 * run the peak falls and whether memory climbs with the documents read or comes and goes.
 * At exit the peak goes to MEMORY_PROBE_OUT as JSON. Plain JavaScript, so that it
 * loads before tsx and measures the process as the indexer runs it.
 */
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

const MiB = 1024 * 1024;
const out = process.env.MEMORY_PROBE_OUT;
const snapshotAt = Number(process.env.MEMORY_PROBE_SNAPSHOT_MIB ?? 0) * MiB;
const snapshotDir = process.env.MEMORY_PROBE_DIR ?? '.';
const started = performance.now();
let peak = null;
let nextSnapshot = snapshotAt;
const snapshotTimes = (process.env.MEMORY_PROBE_SNAPSHOT_AT_S ?? '').split(',').filter(Boolean).map((s) => Number(s) * 1000);
const snapshots = [];
/** [ms since start, resident MiB, heap used MiB], one every TIMELINE_EVERY samples, at most TIMELINE_MAX. */
const timeline = [];
const TIMELINE_EVERY = 25;
const TIMELINE_MAX = 4000;
let samples = 0;

function sample() {
  const usage = process.memoryUsage();
  if (samples++ % TIMELINE_EVERY === 0 && timeline.length < TIMELINE_MAX) {
    timeline.push([Math.round(performance.now() - started), Math.round(usage.rss / MiB), Math.round(usage.heapUsed / MiB)]);
  }
  if (!peak || usage.rss > peak.rss) {
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
    peak = { ...usage, atMs: Math.round(performance.now() - started), spaces };
  }
  if (snapshotTimes.length > 0 && performance.now() - started >= snapshotTimes[0]) {
    snapshotTimes.shift();
    const file = writeHeapSnapshot(`${snapshotDir}/heap-${process.pid}-${Math.round((performance.now() - started) / 1000)}s.heapsnapshot`);
    snapshots.push({ file, rss: usage.rss, atMs: Math.round(performance.now() - started) });
  }
  if (snapshotAt > 0 && snapshots.length < 3 && usage.rss >= nextSnapshot) {
    const file = writeHeapSnapshot(`${snapshotDir}/heap-${process.pid}-${Math.round(usage.rss / MiB)}MiB.heapsnapshot`);
    snapshots.push({ file, rss: usage.rss, atMs: Math.round(performance.now() - started) });
    nextSnapshot = process.memoryUsage().rss + 64 * MiB;
  }
}

setInterval(sample, 200).unref();
process.on('exit', () => {
  sample();
  if (out) writeFileSync(out, JSON.stringify({ pid: process.pid, peak, snapshots, timeline }, null, 2) + '\n');
});
