/**
 * V8 flags for the indexer's processes (its main process and every extraction worker).
 *
 * V8 grows its young generation for throughput on a machine with memory to spare: in
 * the indexer, which allocates fast, it reached 128 MiB (two 64 MiB semi-spaces),
 * nearly all of it empty between collections but resident all the same: a quarter of
 * the main process at its peak (`npm run bench -- --memory-probe`). Semi-spaces of
 * 16 MiB keep it at 32 MiB; the extra minor collections cost little, since what the
 * indexer allocates dies young.
 *
 * V8 also lets the old generation grow to several times what is live before collecting
 * it (a factor up to 4 on a machine with memory to spare). At 10,000 documents a heap
 * snapshot of the main process at its peak held 140-160 MiB live (mostly the write
 * batches' text) in a heap of 350 MiB; growing by at most 30% before the next full
 * collection keeps the heap near what is live. On 1,000 documents: main process peak
 * 413-421 -> 310-329 MiB, indexing time unchanged (51.0/51.7 s -> 61.6/51.8 s, the
 * 61.6 s run on a loaded machine).
 *
 * The flags must be given when the process starts: `npm run index` passes them through
 * tsx, the pool to each worker it forks.
 */
export const INDEXER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=16', '--heap-growing-percent=30'];
