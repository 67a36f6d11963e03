/**
 * Resident memory of a process tree, read from /proc: a command's cost includes
 * its children (the indexer's extraction workers), so the tree is summed at each sample.
 *
 * Resident size (VmRSS) counts a page once in every process that maps it: the
 * Node binary's code is counted again in each worker, and a database mapped into
 * memory (Meilisearch's LMDB) counts its file pages, which the kernel may drop at
 * any time. So each sample also keeps the anonymous part (RssAnon: heaps and
 * buffers, what only that process can give back) and, for the tree, the
 * proportional set size (Pss: shared pages split between the processes sharing them).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of one process in bytes, or 0 once it is gone. */
export function rssBytes(pid: number): number {
  return residence(pid).rss;
}

export interface Residence {
  rss: number;
  /** Anonymous resident memory: heap, stacks, buffers. */
  anon: number;
  /** Resident pages of mapped files (code, memory-mapped databases). */
  file: number;
}

/** VmRSS, RssAnon and RssFile of one process in bytes; zeros once it is gone. */
export function residence(pid: number): Residence {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'mu').exec(status)?.[1] ?? 0) * 1024;
    return { rss: field('VmRSS'), anon: field('RssAnon'), file: field('RssFile') + field('RssShmem') };
  } catch {
    return { rss: 0, anon: 0, file: 0 };
  }
}

/** Proportional set size of one process in bytes (0 once it is gone or where the kernel does not say). */
export function pssBytes(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+)\s+kB/mu.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return null;
  }
}

/** `root` and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const parent = parentOf(pid);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** What each process held at the sample where the tree's summed RSS peaked. */
export interface PeakBreakdown {
  /** Root process first, then its descendants, each with its RSS and anonymous RSS. */
  processes: { pid: number; name: string; rssBytes: number; anonBytes: number }[];
}

export interface MemorySample {
  /** Highest summed RSS of the tree at one sample (each process's RSS, shared pages counted in each). */
  peakBytes: number;
  /** Highest summed anonymous RSS of the tree at one sample. */
  peakAnonBytes: number;
  /** Highest summed proportional set size of the tree at one sample (0 where not measured). */
  peakPssBytes: number;
  /** Peak of the root process alone (the indexer without its extraction workers). */
  peakRootBytes: number;
  peakRootAnonBytes: number;
  lastBytes: number;
  samples: number;
  /** The tree at its RSS peak. */
  atPeak: PeakBreakdown;
}

function commandName(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = argv.find((arg) => /\.(?:[cm]?[jt]s)$/u.test(arg) && !arg.includes('node_modules'));
    return (script ?? argv[0] ?? '?').split('/').slice(-2).join('/');
  } catch {
    return '?';
  }
}

/**
 * Samples the summed memory of a process tree every `intervalMs` until stopped.
 * `pss` also reads smaps_rollup, which costs the kernel a walk of each process's page tables.
 */
export function sampleTreeMemory(root: () => number | undefined, intervalMs = 100, options: { pss?: boolean } = {}): { stop(): MemorySample; current(): MemorySample } {
  const result: MemorySample = { peakBytes: 0, peakAnonBytes: 0, peakPssBytes: 0, peakRootBytes: 0, peakRootAnonBytes: 0, lastBytes: 0, samples: 0, atPeak: { processes: [] } };
  const sample = () => {
    const pid = root();
    if (pid === undefined) return;
    const pids = processTree(pid);
    const each = pids.map((p) => ({ pid: p, ...residence(p) }));
    const total = each.reduce((sum, p) => sum + p.rss, 0);
    if (total === 0) return;
    const anon = each.reduce((sum, p) => sum + p.anon, 0);
    result.lastBytes = total;
    if (total > result.peakBytes) {
      result.peakBytes = total;
      result.atPeak = { processes: each.filter((p) => p.rss > 0).map((p) => ({ pid: p.pid, name: commandName(p.pid), rssBytes: p.rss, anonBytes: p.anon })) };
    }
    result.peakAnonBytes = Math.max(result.peakAnonBytes, anon);
    if (options.pss) result.peakPssBytes = Math.max(result.peakPssBytes, pids.reduce((sum, p) => sum + pssBytes(p), 0));
    result.peakRootBytes = Math.max(result.peakRootBytes, each[0]!.rss);
    result.peakRootAnonBytes = Math.max(result.peakRootAnonBytes, each[0]!.anon);
    result.samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { ...result };
    },
    current: () => ({ ...result }),
  };
}

export const MiB = 1024 * 1024;
