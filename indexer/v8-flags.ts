/**
 * V8 flags for the indexer's processes (its main process and every extraction worker).
 *
 * V8 grows its young generation for throughput on a machine with memory to spare: in
 * the indexer, which allocates fast, it reached 128 MiB (two 64 MiB semi-spaces),
 * nearly all of it empty between collections but resident all the same: a quarter of
 * the main process at its peak (`npm run bench -- --memory-probe`). Semi-spaces of
 * 16 MiB keep it at 32 MiB; the extra minor collections cost little, since what the
 * indexer allocates dies young. The flag must be given when the process starts:
 * `npm run index` passes it through tsx, the pool to each worker it forks.
 */
export const INDEXER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
