/**
 * `npm run index -- --corpus <copy of shared/pdfs-realworld>` as a user runs it:
 * the command finishes, every file ends indexed, needs-ocr or failed with a
 * reason, and the indexer's processes together stay under 2 GiB.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexSummary } from '../../indexer/pipeline.js';
import { documentId } from '../../contract/ids.js';
import { indexNames } from '../../contract/settings.js';
import { REPO_ROOT } from '../support/corpus.js';
import { adminClient, tempDir, testEngine, testPrefix } from '../support/engine.js';

const SOURCE_DIR = process.env.PDFS_REALWORLD_DIR ?? join(REPO_ROOT, '..', 'shared', 'pdfs-realworld');
const MIB = 1024 * 1024;

/** Resident memory of a process and all its descendants, from /proc. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read it.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

describe('indexing the real-world PDF corpus from the command line', function () {
  this.timeout(360_000);

  it('finishes within bounds with every file accounted for', async function () {
    if (!existsSync(join(SOURCE_DIR, 'MANIFEST.tsv'))) {
      console.log(`    (skipped: no corpus at ${SOURCE_DIR}; set PDFS_REALWORLD_DIR)`);
      this.skip();
    }
    const engine = await testEngine();
    const corpus = tempDir('realworld');
    cpSync(SOURCE_DIR, corpus, { recursive: true });
    const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
    const prefix = testPrefix('realworld');

    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'indexer', 'cli.ts'), '--corpus', corpus, '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, MEILI_URL: engine.url, MEILI_MASTER_KEY: engine.masterKey ?? '', INDEX_PREFIX: prefix },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;

    assert.equal(code, 1, `exit 1: some files failed, the rest indexed\n${stderr.slice(-2000)}`);
    const summary = JSON.parse(stdout) as IndexSummary;
    console.log(
      `    ${manifest.length} PDFs in ${seconds.toFixed(1)} s, peak ${(peak / MIB).toFixed(0)} MiB for the indexer's processes: ` +
        `indexed ${summary.indexed} (of which needs-ocr ${summary.needsOcr.length}), failed ${summary.failed.length}`,
    );
    for (const f of summary.failed) console.log(`      failed ${f.file}: ${f.reason}`);

    assert.ok(seconds < 300, `under 5 minutes (took ${seconds} s)`);
    assert.ok(peak < 2048 * MIB, `under 2 GiB (peak ${peak / MIB} MiB)`);
    assert.equal(summary.indexed + summary.failed.length, manifest.length, 'every file is indexed or failed');
    for (const f of summary.failed) assert.ok(f.reason.length > 10, `${f.file} fails with a reason`);

    const failed = new Map(summary.failed.map((f) => [f.file, f.reason]));
    const client = await adminClient();
    const passages = client.index(indexNames(prefix).passages);
    for (const [file, , , category, expect] of manifest) {
      if (category === 'encrypted' && expect === 'error') assert.match(failed.get(file!) ?? '', /password-protected/, file);
      if (expect === 'text') {
        assert.ok(!failed.has(file!), `${file} indexed`);
        const res = await passages.search('', { filter: `docId = "${documentId(file!)}"`, limit: 1 });
        assert.ok(res.estimatedTotalHits! > 0, `${file} indexed with text`);
      }
    }
    const chinese = await passages.search('黑体字', { filter: `docId = "${documentId('issue3521.pdf')}"` });
    assert.ok(chinese.hits.some((h) => String(h.text).includes('我们都是黑体字')), 'CJK text through CMaps is searchable');
    for (const uid of Object.values(indexNames(prefix))) await client.deleteIndex(uid).waitTask().catch(() => {});
  });
});
