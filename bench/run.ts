/**
 * `npm run bench -- [--size N] [--duration S] [--soak S] [--skip pdf,startup,search,floor] [--profile] [--memory-probe] [--rounds N] [--baseline DIR]`
 *
 * Generates (or reuses) a synthetic corpus of N documents, indexes it with the
 * real CLI against a Meilisearch the bench starts on a temporary data
 * directory, serves it, loads it, and prints one table. Results go to
 * bench/results/<date>-<size>.json.
 *
 * `--baseline DIR` serves another checkout (with its own node_modules) beside this one
 * on the same index and loads both in the same rounds, so a change to the request
 * path is measured before and after under the same load on the machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { ensureEngine, freePort, stopChild } from '../indexer/engine/engine.js';
import { loadGlossary, loadTaxonomy } from '../contract/taxonomy.js';
import { obtainSearchKey } from '../server/search/meili.js';
import { BENCH_DIR, corpusThemes, ensureCorpus, REPO_ROOT, writeDocument, type CorpusManifest } from './generate.js';
import { engineFloor, runIndexer, type EngineFloor, type IndexerRun } from './indexing.js';
import { runLoad, type LoadStats } from './load.js';
import { benchPdfExtraction, type PdfExtractionResult } from './pdf.js';
import { MiB, rssBytes, sampleTreeMemory } from './proc.js';
import { facetPool, meiliSequences, queryMix } from './search.js';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    soak: { type: 'string' },
    concurrency: { type: 'string', default: '1,8,32' },
    skip: { type: 'string', default: '' },
    profile: { type: 'boolean', default: false },
    'memory-probe': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    baseline: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(`Usage: npm run bench -- [--size N] [--duration S] [--soak S] [--concurrency 1,8,32] [--skip pdf,startup,search,floor,soak] [--profile] [--memory-probe] [--rounds N] [--baseline DIR]\n`);
  process.exit(0);
}
const SIZE = Number(args.size);
const DURATION_S = Number(args.duration);
// The soak belongs to the full-size run; smaller runs skip it unless asked.
const SOAK_S = Number(args.soak ?? (SIZE >= 10_000 ? 60 : 0));
const CONCURRENCY = args.concurrency.split(',').map(Number);
const SKIP = new Set(args.skip.split(',').filter(Boolean));
const ROUNDS = Number(args.rounds);
const BASELINE_DIR = args.baseline ? resolve(args.baseline) : null;
const PROFILE_DIR = join(BENCH_DIR, 'profiles');
if (!(SIZE >= 1) || !(DURATION_S > 0) || !(Number.isInteger(ROUNDS) && ROUNDS >= 1)) throw new Error('--size, --duration and --rounds must be positive numbers');

interface Ratios {
  apiP50: number;
  apiRps: number;
  htmlP50: number;
  htmlRps: number;
}

interface SearchFigures {
  queries: number;
  meiliRoundTripsPerQuery: number;
  /** Each figure is the median over this many rounds, run one after another. */
  rounds: number;
  /** The checkout served as "before" beside this one, when --baseline was given. */
  baseline: string | null;
  byConcurrency: {
    connections: number;
    api: LoadStats;
    html: LoadStats;
    direct: LoadStats;
    ratios: Ratios;
    /** The --baseline checkout's server, measured in the same rounds against the same direct requests. */
    before?: { api: LoadStats; html: LoadStats; ratios: Ratios };
  }[];
}

interface Results {
  date: string;
  size: number;
  /** Load averages (1 min) when the run started and ended: other work on the machine skews every figure. */
  machine: { cpus: number; model: string; memoryGiB: number; node: string; loadAverageStart: number; loadAverageEnd: number };
  corpus: CorpusManifest['totals'] & { generationMs: number | null; cached: boolean };
  indexing: {
    full: IndexerRun & { documentsPerS: number; pagesPerS: number; passagesPerS: number; bytesPerS: number };
    floor: EngineFloor | null;
    floorRatio: number | null;
    noChange: IndexerRun;
    onePercent: IndexerRun & { changed: number };
  };
  pdf: PdfExtractionResult | null;
  search: SearchFigures | null;
  soak: Soak | null;
  startup: Startup | null;
  targets: Target[];
}

interface Soak {
  connections: number;
  durationS: number;
  stats: LoadStats;
  serverRssStartBytes: number;
  serverRssEndBytes: number;
  serverRssPeakBytes: number;
}

interface Startup {
  firstStartMs: number | null;
  restartMs: number | null;
  error?: string;
}

interface Target {
  name: string;
  target: string;
  actual: string;
  met: boolean | null;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : 0);

async function main(): Promise<void> {
  const started = Date.now();
  const loadAverageStart = round(loadavg()[0]!);
  log(`size ${SIZE}: preparing the corpus`);
  const corpus = await ensureCorpus(SIZE, log);
  log(`corpus ${corpus.dir} (${corpus.cached ? 'cached' : `generated in ${(corpus.manifest.generationMs / 1000).toFixed(0)} s`}): ${corpus.manifest.totals.pages} pages, ${(corpus.manifest.totals.bytes / MiB).toFixed(0)} MiB`);

  const work = mkdtempSync(join(tmpdir(), 'entente-bench-'));
  const corpusDir = join(work, 'corpus');
  // Hard links: a free copy whose edits (rm + write) never reach the cache.
  const linked = spawnSync('cp', ['-al', corpus.dir, corpusDir]);
  if (linked.status !== 0) cpSync(corpus.dir, corpusDir, { recursive: true });
  const dataDir = join(work, 'data');
  const engine = await ensureEngine({ dataDir, port: await freePort(7900), log });
  const lock = JSON.parse(readFileSync(join(dataDir, 'meili.lock'), 'utf8')) as { enginePid?: number };
  const prefix = 'bench';
  const target = { url: engine.url, masterKey: engine.masterKey!, prefix, dataDir, enginePid: lock.enginePid };
  const admin = new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
  // CPU profile, and a sampling heap profile (what is still allocated when the process ends).
  const profileArgs = (name: string) =>
    args.profile
      ? ['--cpu-prof', '--cpu-prof-dir', join(PROFILE_DIR, `${SIZE}-${name}`), '--heap-prof', '--heap-prof-dir', join(PROFILE_DIR, `${SIZE}-${name}`)]
      : [];
  // The indexer's heap at its peak (bench/memory-probe.mjs); MEMORY_PROBE_SNAPSHOT_MIB=N or MEMORY_PROBE_SNAPSHOT_AT_S=t1,t2 also write heap snapshots there.
  const probeArgs = (name: string) => {
    if (!args['memory-probe']) return [];
    const dir = join(PROFILE_DIR, `${SIZE}-${name}`);
    mkdirSync(dir, { recursive: true });
    process.env['MEMORY_PROBE_OUT'] = join(dir, 'memory-probe.json');
    process.env['MEMORY_PROBE_DIR'] = dir;
    return ['--import', pathToFileURL(join(BENCH_DIR, 'memory-probe.mjs')).href];
  };
  let server: ChildProcess | null = null;
  let baselineServer: (ChildProcess & { port: number }) | null = null;
  // Ctrl-C or a kill stops the server, the engine and the temporary copy too, not only this process.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      if (server) server.kill('SIGKILL');
      if (baselineServer) baselineServer.kill('SIGKILL');
      void engine.stop().finally(() => {
        rmSync(work, { recursive: true, force: true });
        process.exit(130);
      });
    });
  }

  try {
    log('indexing (full)');
    const full = await runIndexer(corpusDir, target, [], [...profileArgs('index'), ...probeArgs('index')]);
    delete process.env['MEMORY_PROBE_OUT'];
    delete process.env['MEMORY_PROBE_SNAPSHOT_MIB'];
    delete process.env['MEMORY_PROBE_SNAPSHOT_AT_S'];
    const s = full.wallMs / 1000;
    log(`indexed ${full.summary.indexed} documents, ${full.summary.passages} passages in ${s.toFixed(1)} s (exit ${full.exitCode}, ${full.summary.failed.length} failed)`);
    if (full.summary.failed.length) log(`failed: ${full.summary.failed.slice(0, 5).map((f) => `${f.file}: ${f.reason}`).join('; ')}`);

    let floor: EngineFloor | null = null;
    if (!SKIP.has('floor')) {
      log('engine floor: the same records loaded straight into fresh indexes');
      floor = await engineFloor(admin, prefix);
      log(`floor ${(floor.ms / 1000).toFixed(1)} s for ${floor.documents} documents + ${floor.passages} passages`);
    }

    log('re-index, nothing changed');
    const noChange = await runIndexer(corpusDir, target);
    log(`no-change re-index ${(noChange.wallMs / 1000).toFixed(1)} s`);

    let search: SearchFigures | null = null;
    let soak: Soak | null = null;
    if (!SKIP.has('search')) {
      const searchKey = await obtainSearchKey(engine.url, engine.masterKey, prefix);
      const connection = { url: engine.url, searchKey, indexPrefix: prefix };
      server = await startServer(corpusDir, connection, profileArgs('server'));
      const appUrl = `http://127.0.0.1:${(server as ChildProcess & { port: number }).port}`;
      const pool = await facetPool(admin, prefix);
      const queries = queryMix(pool);
      const themeIds = new Set(loadTaxonomy(corpusDir).themes.map((t) => t.id));
      const acronyms = new Set(loadGlossary(corpusDir).map((entry) => entry.acronym));
      const { sequences, roundTrips } = await meiliSequences(connection, queries, themeIds, acronyms);
      search = {
        queries: queries.length,
        meiliRoundTripsPerQuery: round(roundTrips.reduce((a, b) => a + b, 0) / roundTrips.length),
        rounds: ROUNDS,
        baseline: BASELINE_DIR,
        byConcurrency: [],
      };
      if (BASELINE_DIR) baselineServer = await startServer(corpusDir, connection, [], BASELINE_DIR);
      const beforeUrl = baselineServer ? `http://127.0.0.1:${baselineServer.port}` : null;
      const apiSequences = queries.map((q) => [{ method: 'GET' as const, path: `/api/search?${q}` }]);
      const htmlSequences = queries.map((q) => [{ method: 'GET' as const, path: `/?${q}` }]);
      for (const connections of CONCURRENCY) {
        const runs: Record<string, LoadStats[]> = { api: [], html: [], direct: [], beforeApi: [], beforeHtml: [] };
        for (let r = 1; r <= ROUNDS; r++) {
          const load = async (key: string, label: string, url: string, seqs: typeof sequences) => {
            log(`search load: ${label} at concurrency ${connections} for ${DURATION_S} s${ROUNDS > 1 ? ` (round ${r} of ${ROUNDS})` : ''}`);
            runs[key]!.push(await runLoad({ url, sequences: seqs, connections, durationS: DURATION_S }));
          };
          if (beforeUrl) await load('beforeApi', '/api/search before (--baseline)', beforeUrl, apiSequences);
          await load('api', '/api/search', appUrl, apiSequences);
          await load('direct', 'Meilisearch direct', engine.url, sequences);
          if (beforeUrl) await load('beforeHtml', '/ (HTML) before (--baseline)', beforeUrl, htmlSequences);
          await load('html', '/ (HTML)', appUrl, htmlSequences);
        }
        const api = medianStats(runs['api']!);
        const html = medianStats(runs['html']!);
        const direct = medianStats(runs['direct']!);
        const ratiosOf = (a: LoadStats, h: LoadStats): Ratios => ({
          apiP50: ratio(a.latencyMs.p50, direct.latencyMs.p50),
          apiRps: ratio(a.requestsPerSecond, direct.requestsPerSecond),
          htmlP50: ratio(h.latencyMs.p50, direct.latencyMs.p50),
          htmlRps: ratio(h.requestsPerSecond, direct.requestsPerSecond),
        });
        const before = beforeUrl ? { api: medianStats(runs['beforeApi']!), html: medianStats(runs['beforeHtml']!) } : null;
        search.byConcurrency.push({
          connections,
          api,
          html,
          direct,
          ratios: ratiosOf(api, html),
          ...(before ? { before: { ...before, ratios: ratiosOf(before.api, before.html) } } : {}),
        });
      }
      if (baselineServer) await stopChild(baselineServer, 10_000);
      baselineServer = null;

      if (SOAK_S > 0 && !SKIP.has('soak')) {
        log(`soak: ${SOAK_S} s at concurrency 64, API and HTML mixed`);
        const pid = server.pid!;
        const rssStart = rssBytes(pid);
        const memory = sampleTreeMemory(() => pid, 500);
        const mixed = queries.flatMap((q) => [[{ method: 'GET' as const, path: `/api/search?${q}` }], [{ method: 'GET' as const, path: `/?${q}` }]]);
        const stats = await runLoad({ url: appUrl, sequences: mixed, connections: 64, durationS: SOAK_S, warmupS: 0 });
        const peak = memory.stop();
        soak = { connections: 64, durationS: SOAK_S, stats, serverRssStartBytes: rssStart, serverRssEndBytes: rssBytes(pid), serverRssPeakBytes: peak.peakBytes };
      }
      await stopChild(server, 10_000);
      server = null;
    }

    const changed = Math.max(1, Math.round(SIZE / 100));
    log(`re-index after changing ${changed} documents (1%)`);
    const themes = corpusThemes();
    for (let i = 0; i < changed; i++) await writeDocument(corpusDir, Math.floor((i * SIZE) / changed), 1, themes);
    const onePercent = await runIndexer(corpusDir, target);
    log(`1% re-index ${(onePercent.wallMs / 1000).toFixed(1)} s (${onePercent.summary.indexed} re-indexed)`);

    const pdf = SKIP.has('pdf') ? null : await benchPdfExtraction(log);
    const startup = SKIP.has('startup') ? null : await measureStartup();

    const totals = corpus.manifest.totals;
    const results: Results = {
      date: new Date().toISOString(),
      size: SIZE,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 1024 ** 3, 1), node: process.version, loadAverageStart, loadAverageEnd: round(loadavg()[0]!) },
      corpus: { ...totals, generationMs: corpus.cached ? null : corpus.manifest.generationMs, cached: corpus.cached },
      indexing: {
        full: {
          ...full,
          documentsPerS: round(full.summary.indexed / s, 1),
          pagesPerS: round(totals.pages / s, 1),
          passagesPerS: round(full.summary.passages / s, 1),
          bytesPerS: Math.round(totals.bytes / s),
        },
        floor,
        floorRatio: floor ? ratio(full.wallMs, floor.ms) : null,
        noChange,
        onePercent: { ...onePercent, changed },
      },
      pdf,
      search,
      soak,
      startup,
      targets: [],
    };
    results.targets = targets(results);
    mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
    const file = join(BENCH_DIR, 'results', `${results.date.slice(0, 10)}-${SIZE}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    process.stdout.write(table(results) + '\n');
    log(`results in ${file.slice(REPO_ROOT.length + 1)} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    if (server) await stopChild(server, 10_000);
    if (baselineServer) await stopChild(baselineServer, 10_000);
    await engine.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Each figure of several runs of the same load: the median (of an even count, the upper one). */
function medianStats(runs: LoadStats[]): LoadStats {
  const median = (pick: (l: LoadStats) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const first = runs[0]!;
  return {
    connections: first.connections,
    durationS: first.durationS,
    requestsPerSecond: median((l) => l.requestsPerSecond),
    latencyMs: {
      p50: median((l) => l.latencyMs.p50),
      p95: median((l) => l.latencyMs.p95),
      p99: median((l) => l.latencyMs.p99),
      max: Math.max(...runs.map((l) => l.latencyMs.max)),
      mean: median((l) => l.latencyMs.mean),
    },
    completed: runs.reduce((n, l) => n + l.completed, 0),
    errors: runs.reduce((n, l) => n + l.errors, 0),
    timeouts: runs.reduce((n, l) => n + l.timeouts, 0),
    non2xx: runs.reduce((n, l) => n + l.non2xx, 0),
    status5xx: runs.reduce((n, l) => n + l.status5xx, 0),
  };
}

/** serve.ts of `root` (this checkout unless given) in a child process; resolves once it prints its port. */
async function startServer(
  corpusDir: string,
  connection: { url: string; searchKey: string | undefined; indexPrefix: string },
  nodeArgs: string[],
  root = REPO_ROOT,
): Promise<ChildProcess & { port: number }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'bench', 'serve.ts')], {
    cwd: root,
    env: {
      ...process.env,
      MEILI_URL: connection.url,
      SEARCH_KEY: connection.searchKey ?? '',
      INDEX_PREFIX: connection.indexPrefix,
      CORPUS_DIR: corpusDir,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr.slice(-2000)}`)));
  });
  return Object.assign(child, { port });
}

/** `npm start` on the shipped corpus with a fresh data directory, then again on the same one: time to the first answered search. */
async function measureStartup(): Promise<Startup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'entente-start-'));
  const once = async (): Promise<number> => {
    const port = await freePort(3900);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', BASE_URL: `http://127.0.0.1:${port}` };
    for (const name of ['MEILI_URL', 'MEILI_MASTER_KEY', 'INDEX_PREFIX', 'CORPUS_DIR']) delete env[name];
    const started = performance.now();
    // Its own process group, so the stop reaches npm, tsx and the server together.
    const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, stdio: 'ignore', detached: true });
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
        if (performance.now() - started > 120_000) throw new Error('no answer within 120 s');
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/search?q=defence`, { signal: AbortSignal.timeout(2000) });
          if (res.ok) return Math.round(performance.now() - started);
        } catch {
          // not listening yet
        }
        await sleep(50);
      }
    } finally {
      const exited = new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
      // The server stops its engine after npm itself has exited.
      await sleep(1500);
    }
  };
  try {
    log('start-up: npm start with a fresh DATA_DIR');
    const firstStartMs = await once();
    log('start-up: npm start again on the same DATA_DIR');
    const restartMs = await once();
    return { firstStartMs, restartMs };
  } catch (err) {
    return { firstStartMs: null, restartMs: null, error: (err as Error).message };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function targets(r: Results): Target[] {
  const list: Target[] = [];
  const add = (name: string, target: string, actual: string, met: boolean | null) => list.push({ name, target, actual, met });
  for (const c of r.search?.byConcurrency ?? []) {
    add(`/api/search p50 vs direct (c=${c.connections})`, '<= 1.25x', `${c.ratios.apiP50}x (${c.api.latencyMs.p50} vs ${c.direct.latencyMs.p50} ms)`, c.ratios.apiP50 <= 1.25);
    add(`/api/search req/s vs direct (c=${c.connections})`, '>= 0.75x', `${c.ratios.apiRps}x (${c.api.requestsPerSecond} vs ${c.direct.requestsPerSecond})`, c.ratios.apiRps >= 0.75);
    add(`HTML / p50 vs direct (c=${c.connections})`, '<= 1.5x', `${c.ratios.htmlP50}x (${c.html.latencyMs.p50} vs ${c.direct.latencyMs.p50} ms)`, c.ratios.htmlP50 <= 1.5);
  }
  const ix = r.indexing;
  if (ix.floorRatio !== null && ix.floor) add('indexing time vs engine floor', '<= 2x', `${ix.floorRatio}x (${(ix.full.wallMs / 1000).toFixed(1)} vs ${(ix.floor.ms / 1000).toFixed(1)} s)`, ix.floorRatio <= 2);
  if (r.pdf?.ratioCold != null) add('PDF extraction vs pdftotext', '<= 1.5x', `${r.pdf.ratioCold}x cold, ${r.pdf.ratioWarm}x warm (${r.pdf.pool.coldMs} vs ${r.pdf.pdftotext.ms} ms)`, r.pdf.ratioCold <= 1.5);
  add('indexer peak memory (RSS, workers included)', '< 1 GiB', `${mib(ix.full.peakTreeRssBytes)} MiB`, ix.full.peakTreeRssBytes < 1024 * MiB);
  add('no-change re-index', r.size >= 10_000 ? '< 10 s' : '< 10 s at 10k', `${(ix.noChange.wallMs / 1000).toFixed(1)} s`, ix.noChange.wallMs < 10_000);
  if (r.startup) add('npm start to first search', '< 5 s', r.startup.error ?? `${((r.startup.firstStartMs ?? 0) / 1000).toFixed(1)} s fresh, ${((r.startup.restartMs ?? 0) / 1000).toFixed(1)} s restart`, r.startup.firstStartMs !== null && r.startup.firstStartMs < 5000);
  if (r.soak) {
    const s = r.soak.stats;
    add('soak: errors and 5xx', '0', `${s.errors} errors, ${s.timeouts} timeouts, ${s.status5xx} 5xx, ${s.non2xx} non-2xx of ${s.completed}`, s.errors + s.timeouts + s.status5xx + s.non2xx === 0);
    const growth = r.soak.serverRssEndBytes / Math.max(1, r.soak.serverRssStartBytes);
    add('soak: server RSS flat', 'end <= 1.25x start', `${(r.soak.serverRssStartBytes / MiB).toFixed(0)} -> ${(r.soak.serverRssEndBytes / MiB).toFixed(0)} MiB (peak ${(r.soak.serverRssPeakBytes / MiB).toFixed(0)})`, growth <= 1.25);
  }
  return list;
}

function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

const mib = (bytes: number) => (bytes / MiB).toFixed(0);

function table(r: Results): string {
  const ix = r.indexing;
  const lines: string[] = [];
  lines.push(`Entente bench: ${r.size} documents (${r.corpus.pages} pages, ${(r.corpus.bytes / MiB).toFixed(0)} MiB; ${r.corpus.byFormat.pdf} PDF, ${r.corpus.byFormat.markdown} Markdown, ${r.corpus.byFormat.text} text) on ${r.machine.cpus} x ${r.machine.model}, load average ${r.machine.loadAverageStart} -> ${r.machine.loadAverageEnd}`);
  lines.push('');
  lines.push(
    formatTable([
      ['indexing', 'value'],
      ['full run', `${(ix.full.wallMs / 1000).toFixed(1)} s: ${ix.full.documentsPerS} docs/s, ${ix.full.pagesPerS} pages/s, ${ix.full.passagesPerS} passages/s`],
      ['engine floor', ix.floor ? `${(ix.floor.ms / 1000).toFixed(1)} s (pipeline ${ix.floorRatio}x)` : 'skipped'],
      ['indexer peak memory', `${mib(ix.full.peakTreeRssBytes)} MiB RSS with its workers (PSS ${mib(ix.full.peakTreePssBytes)}, anonymous ${mib(ix.full.peakTreeAnonBytes)}); main process ${mib(ix.full.peakMainRssBytes)} MiB (anonymous ${mib(ix.full.peakMainAnonBytes)})`],
      ['  at its peak', ix.full.atPeak.processes.map((p) => `${p.name} ${mib(p.rssBytes)}`).join(', ')],
      ['engine peak memory', `Meilisearch ${mib(ix.full.peakEngineRssBytes)} MiB RSS (anonymous ${mib(ix.full.peakEngineAnonBytes)}, the rest its memory-mapped database)`],
      ['no-change re-index', `${(ix.noChange.wallMs / 1000).toFixed(1)} s`],
      ['1% changed re-index', `${(ix.onePercent.wallMs / 1000).toFixed(1)} s (${ix.onePercent.changed} documents)`],
      ['PDF extraction', r.pdf ? `${r.pdf.files} files: pool ${r.pdf.pool.coldMs} ms cold / ${r.pdf.pool.warmMs} ms warm; pdftotext ${r.pdf.pdftotext.ms ?? 'n/a'} ms; ${r.pdf.ratioCold ?? 'n/a'}x / ${r.pdf.ratioWarm ?? 'n/a'}x` : 'skipped'],
      ['OCR', r.pdf?.ocr ? `${r.pdf.ocr.pages} scanned pages: ${r.pdf.ocr.pagesPerSecond} pages/s with ${r.pdf.ocr.workers} workers, mean confidence ${r.pdf.ocr.meanConfidence}, worker peak ${(r.pdf.ocr.peakWorkerRssBytes / MiB).toFixed(0)} MiB` : 'skipped'],
      ['start-up', r.startup ? (r.startup.error ?? `${r.startup.firstStartMs} ms fresh, ${r.startup.restartMs} ms restart`) : 'skipped'],
    ]),
  );
  if (r.search) {
    lines.push('');
    const rows = [['search (p50/p95/p99 ms, req/s)', 'c', 'app /api/search', 'app / (HTML)', 'Meilisearch direct', 'API ratio p50 / rps', 'HTML ratio p50 / rps']];
    const cell = (l: LoadStats) => `${l.latencyMs.p50}/${l.latencyMs.p95}/${l.latencyMs.p99}, ${l.requestsPerSecond}`;
    for (const c of r.search.byConcurrency) {
      rows.push(['', String(c.connections), cell(c.api), cell(c.html), cell(c.direct), `${c.ratios.apiP50}x / ${c.ratios.apiRps}x`, `${c.ratios.htmlP50}x / ${c.ratios.htmlRps}x`]);
      if (c.before) rows.push(['  before (--baseline)', String(c.connections), cell(c.before.api), cell(c.before.html), '', `${c.before.ratios.apiP50}x / ${c.before.ratios.apiRps}x`, `${c.before.ratios.htmlP50}x / ${c.before.ratios.htmlRps}x`]);
    }
    lines.push(formatTable(rows));
    lines.push(`(${r.search.queries} queries; ${r.search.meiliRoundTripsPerQuery} Meilisearch round trips per app request on average; medians of ${r.search.rounds} round${r.search.rounds === 1 ? '' : 's'}${r.search.baseline ? `; before = ${r.search.baseline}` : ''})`);
  }
  if (r.soak) {
    const s = r.soak;
    lines.push('');
    lines.push(`soak ${s.durationS} s at c=${s.connections}: ${s.stats.completed} requests, ${s.stats.requestsPerSecond} req/s, p99 ${s.stats.latencyMs.p99} ms, ${s.stats.errors} errors, ${s.stats.status5xx} 5xx; server RSS ${(s.serverRssStartBytes / MiB).toFixed(0)} -> ${(s.serverRssEndBytes / MiB).toFixed(0)} MiB`);
  }
  lines.push('');
  lines.push(formatTable([['target', 'wanted', 'actual', ''], ...r.targets.map((t) => [t.name, t.target, t.actual, t.met === null ? '' : t.met ? 'met' : 'MISSED'])]));
  return lines.join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
