/**
 * `npm run backup` as a user runs it: a child process against a managed engine
 * in a fresh DATA_DIR, and against an external server through MEILI_URL.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { ensureEngine, freePort, type Engine } from '../../indexer/engine/engine.js';
import { PROJECT_ROOT } from '../../contract/paths.js';
import { tempDir as supportTempDir } from '../support/engine.js';

/** Temporary data directories of this suite, removed at the end. */
const created: string[] = [];
function tempDir(name: string): string {
  const dir = supportTempDir(name);
  created.push(dir);
  return dir;
}

/** Task waits on a busy two-core machine can exceed the client's 5 s default. */
const WAIT = { timeout: 60_000 };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the backup command with `env` layered over the test's environment. */
function runBackup(env: Record<string, string | undefined>): Promise<Run> {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/backup.ts'], {
      cwd: PROJECT_ROOT,
      env: merged,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Pids of Meilisearch processes whose command line names `dataDir` (other suites run their own engines). */
function meilisearchProcessesFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const args = cmdline.split('\0');
    if (args[0]?.endsWith('meilisearch') && args.some((arg) => arg.startsWith(dataDir))) pids.push(Number(entry));
  }
  return pids;
}

async function assertNoEngineLeft(dataDir: string): Promise<void> {
  // An engine being stopped may take a moment to go.
  for (let i = 0; i < 50 && meilisearchProcessesFor(dataDir).length > 0; i++) await sleep(100);
  assert.deepEqual(meilisearchProcessesFor(dataDir), [], `a Meilisearch for ${dataDir} is still running`);
}

function dumpFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'meili', 'dumps');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.dump')) : [];
}

describe('npm run backup', function () {
  this.timeout(120_000);

  after(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
  });

  describe('with a managed engine already running for DATA_DIR', () => {
    let dataDir: string;
    let engine: Engine;

    before(async () => {
      dataDir = tempDir('backup-running');
      engine = await ensureEngine({ dataDir, port: 7900 });
      assert.ok(engine.managed, 'the test should own this engine');
      const client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
      await client.createIndex('backup_docs', { primaryKey: 'id' }).waitTask(WAIT);
      await client
        .index('backup_docs')
        .addDocuments([
          { id: 'a', title: 'Security Action for Europe' },
          { id: 'b', title: 'UK–EU defence cooperation' },
        ])
        .waitTask(WAIT);
    });

    after(async () => {
      await engine?.stop();
      if (dataDir) await assertNoEngineLeft(dataDir);
    });

    it('writes a non-empty .dump under DATA_DIR/meili/dumps, names it, and uses the running engine', async () => {
      const run = await runBackup({ DATA_DIR: dataDir, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined });
      assert.equal(run.code, 0, run.stderr);

      const files = dumpFiles(dataDir);
      assert.equal(files.length, 1, `expected one dump, found ${files.join(', ')}`);
      const file = join(dataDir, 'meili', 'dumps', files[0]!);
      assert.ok(statSync(file).size > 0, 'the dump file is empty');
      assert.ok(run.stdout.includes(file), `the output does not name ${file}: ${run.stdout}`);
      assert.match(run.stderr, /already running/, 'it should reuse the running engine, not start another');

      // The engine it borrowed is still serving the documents.
      const client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey ?? undefined });
      assert.equal((await client.index('backup_docs').getStats()).numberOfDocuments, 2);
    });

    it('with MEILI_URL, reports the dump uid on that server', async () => {
      const before = new Set(dumpFiles(dataDir));
      const run = await runBackup({ DATA_DIR: tempDir('backup-remote-unused'), MEILI_URL: engine.url, MEILI_MASTER_KEY: engine.masterKey! });
      assert.equal(run.code, 0, run.stderr);

      const created = dumpFiles(dataDir).filter((name) => !before.has(name));
      assert.equal(created.length, 1);
      const uid = created[0]!.replace(/\.dump$/, '');
      assert.match(run.stdout, new RegExp(`Dump ${uid} created by ${engine.url}`));
      assert.match(run.stdout, /dump directory/);
    });

    it('fails with exit code 2 and one line when the key is wrong', async () => {
      const run = await runBackup({ MEILI_URL: engine.url, MEILI_MASTER_KEY: 'not-the-master-key-at-all' });
      assert.equal(run.code, 2);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(lines[0]!, /^entente backup: .*API key/i);
      assert.doesNotMatch(run.stderr, /not-the-master-key-at-all/);
    });
  });

  it('starts a managed engine when none is running, and stops it afterwards', async () => {
    const dataDir = tempDir('backup-fresh');
    const run = await runBackup({ DATA_DIR: dataDir, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined });
    assert.equal(run.code, 0, run.stderr);
    const files = dumpFiles(dataDir);
    assert.equal(files.length, 1);
    assert.ok(run.stdout.includes(join(dataDir, 'meili', 'dumps', files[0]!)), run.stdout);
    await assertNoEngineLeft(dataDir);
    assert.ok(!existsSync(join(dataDir, 'meili.lock')), 'the lock file should be released');
  });

  it('fails with exit code 2 and one line when MEILI_URL does not answer', async () => {
    const port = await freePort(0);
    const run = await runBackup({ MEILI_URL: `http://127.0.0.1:${port}`, MEILI_MASTER_KEY: 'a-master-key-of-enough-length' });
    assert.equal(run.code, 2);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^entente backup: .*127\.0\.0\.1/);
  });
});
