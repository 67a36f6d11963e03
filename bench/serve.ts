/**
 * The app as the benchmark serves it: createApp on a free port, searching with
 * a search-only key, in its own process so its memory can be measured and the
 * load generator does not share its event loop. Prints `{"port":N}` when listening.
 *
 * Environment: MEILI_URL, SEARCH_KEY, INDEX_PREFIX, CORPUS_DIR, BENCH_DEV (any value: development mode).
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const app = createApp({
  search: { url: env('MEILI_URL'), searchKey: process.env['SEARCH_KEY'] || undefined, indexPrefix: env('INDEX_PREFIX') },
  corpusDir: env('CORPUS_DIR'),
  production: !process.env['BENCH_DEV'],
  log: (line) => process.stderr.write(`${line}\n`),
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as AddressInfo).port }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
