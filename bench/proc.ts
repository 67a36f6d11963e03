/**
 * Resident memory of a process tree, read from /proc: a command's cost includes
 * its children (the indexer's PDF workers), so the tree is summed at each sample.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of one process in bytes, or 0 once it is gone. */
export function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
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

export interface MemorySample {
  peakBytes: number;
  /** Peak of the root process alone (the indexer without its PDF workers). */
  peakRootBytes: number;
  lastBytes: number;
  samples: number;
}

/** Samples the summed RSS of a process tree every `intervalMs` until stopped. */
export function sampleTreeMemory(root: () => number | undefined, intervalMs = 100): { stop(): MemorySample; current(): MemorySample } {
  const result: MemorySample = { peakBytes: 0, peakRootBytes: 0, lastBytes: 0, samples: 0 };
  const sample = () => {
    const pid = root();
    if (pid === undefined) return;
    const total = processTree(pid).reduce((sum, p) => sum + rssBytes(p), 0);
    if (total === 0) return;
    result.lastBytes = total;
    result.peakBytes = Math.max(result.peakBytes, total);
    result.peakRootBytes = Math.max(result.peakRootBytes, rssBytes(pid));
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
