/**
 * `npm run index -- [--corpus DIR] [--rebuild] [--fetch] [--json] [--explain FILE|URL]`
 *
 * Exit codes: 0 every file indexed (or unchanged) and every source fetched; 1
 * some files or sources failed, the rest indexed; 2 fatal (bad configuration,
 * Meilisearch unusable).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { ConfigurationError, sharedConfig } from '../contract/env.js';
import { fetchConfig } from '../contract/fetch-config.js';
import { indexerStateDir, sourcesCacheDir } from '../contract/paths.js';
import { boilerplateStateFile } from './boilerplate.js';
import { commandEngine } from './engine/engine.js';
import { explainFile, runIndex, type IndexSummary } from './pipeline.js';
import { explainDocument, progressReporter, summaryLines } from './report.js';

const USAGE = `Usage: npm run index -- [options]

  --corpus DIR     folder of documents (default: $CORPUS_DIR or ./corpus)
  --rebuild        build fresh indexes and swap them in atomically
  --json           print the summary as one JSON object on stdout
  --fetch          check the sources in sources.yml over the network first (only changed pages are downloaded)
  --explain FILE   run every stage but publish on FILE and print the result as JSON
  --explain URL    fetch URL into a temporary folder and do the same (nothing is cached or indexed)
  --batch-size N   documents per write batch (default 1000; smaller uses less memory)
  --help           this text`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        fetch: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        explain: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }

  const batchDocuments = args['batch-size'] === undefined ? undefined : Number(args['batch-size']);
  if (batchDocuments !== undefined && !(Number.isInteger(batchDocuments) && batchDocuments > 0)) {
    process.stderr.write(`--batch-size must be a whole number above 0\n\n${USAGE}\n`);
    return 2;
  }
  const config = sharedConfig();
  const corpusDir = args.corpus ? resolve(args.corpus) : config.corpusDir;

  const fetch = fetchConfig();
  const sourcesDir = sourcesCacheDir(config.dataDir);
  const stateDir = indexerStateDir(config.dataDir);
  // --explain compares the file with the collection as last indexed, and changes nothing.
  const boilerplateState = boilerplateStateFile(stateDir, config.indexPrefix);

  if (args.explain && /^https?:\/\//i.test(args.explain)) {
    const { explainUrl } = await import('./sources/explain.js');
    const result = await explainUrl(corpusDir, args.explain, fetch, { boilerplateState });
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return result.fetch.error || result.document?.status === 'failed' ? 1 : 0;
  }
  if (args.explain) {
    const { job, outcome } = await explainFile(corpusDir, args.explain, { boilerplateState });
    process.stdout.write(JSON.stringify(explainDocument(job, outcome), null, 2) + '\n');
    return outcome && outcome.stop === 'failed' ? 1 : 0;
  }

  if (args.fetch && !fetch.contact) {
    process.stderr.write('FETCH_CONTACT is not set: the sites fetched from cannot tell who to contact about these requests.\n');
  }
  const engine = await commandEngine(config, (signal) => `Stopped (${signal}); the next run picks up where this one left off.`);
  try {
    const client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
    const summary: IndexSummary = await runIndex({
      corpusDir,
      client,
      prefix: config.indexPrefix,
      rebuild: args.rebuild,
      sourcesDir,
      stateDir,
      ...(args.fetch ? { fetch } : {}),
      ...(batchDocuments ? { batchDocuments } : {}),
      reporter: progressReporter(process.stderr),
    });
    if (args.json) process.stdout.write(JSON.stringify(summary) + '\n');
    else process.stdout.write(summaryLines(summary).join('\n') + '\n');
    return summary.failed.length || summary.fetch?.failed.length ? 1 : 0;
  } finally {
    await engine.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof ConfigurationError ? err.message : `${(err as Error).name}: ${(err as Error).message}`;
    process.stderr.write(`entente index: ${message}\n`);
    process.exit(2);
  },
);
