/**
 * Load runs with autocannon. Latencies are collected per response (autocannon's
 * summary has no p95), and for Meilisearch sent directly a "logical request" is
 * the chain of multi-search calls one app request makes, one after the other
 * on one connection, so both sides are timed for the same work.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadStats {
  connections: number;
  durationS: number;
  /** Logical requests completed per second. */
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  completed: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Runs `sequences` (each a list of requests forming one logical request) round-robin on
 * every connection for `durationS` seconds after a short warm-up.
 */
export async function runLoad(options: {
  url: string;
  sequences: LoadRequest[][];
  connections: number;
  durationS: number;
  warmupS?: number;
  timeoutS?: number;
}): Promise<LoadStats> {
  const flat = options.sequences.flat();
  const lastOfSequence: boolean[] = options.sequences.flatMap((seq) => seq.map((_, i) => i === seq.length - 1));
  const base = {
    url: options.url,
    connections: options.connections,
    requests: flat.map((r) => ({ method: r.method, path: r.path, headers: r.headers ?? {}, ...(r.body ? { body: r.body } : {}) })),
    timeout: options.timeoutS ?? 30,
  };
  if (options.warmupS ?? 2) await autocannon({ ...base, duration: options.warmupS ?? 2 });

  const latencies: number[] = [];
  const progress = new Map<object, { position: number; elapsed: number; failed: boolean }>();
  let status5xx = 0;
  let non2xx = 0;
  // Without a callback autocannon returns its event emitter, which is also a promise of the result.
  const instance = autocannon({ ...base, duration: options.durationS }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 500) status5xx++;
    if (statusCode < 200 || statusCode >= 300) non2xx++;
    const state = progress.get(client) ?? { position: 0, elapsed: 0, failed: false };
    progress.set(client, state);
    state.elapsed += responseTime;
    state.failed ||= statusCode >= 400;
    if (lastOfSequence[state.position % flat.length]) {
      if (!state.failed) latencies.push(state.elapsed);
      state.elapsed = 0;
      state.failed = false;
    }
    state.position++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1);
  return {
    connections: options.connections,
    durationS: options.durationS,
    requestsPerSecond: round(latencies.length / (result.duration || options.durationS)),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? 0),
      mean: round(mean),
    },
    completed: latencies.length,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    status5xx,
  };
}
