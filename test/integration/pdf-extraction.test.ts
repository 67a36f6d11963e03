/**
 * The 70 third-party PDFs in shared/pdfs-realworld (broken, encrypted, CJK, huge,
 * hostile) through the real worker pool: every file ends as text, needs-ocr or a
 * failure whose reason names the problem, and the run as a whole stays bounded in
 * time and memory. MANIFEST.tsv says what each file should give.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExtractionPool, type ExtractionPoolStats } from '../../indexer/extractors/pool.js';
import type { Extracted } from '../../contract/extracted.js';

const REPO_ROOT = path.join(import.meta.dirname, '..', '..');
// shared/ sits beside the repository, for developers and CI alike.
const SOURCE_DIR = process.env['PDFS_REALWORLD_DIR'] ?? path.join(REPO_ROOT, '..', 'shared', 'pdfs-realworld');
const MEMORY_MB = 768;
const TIMEOUT_MS = 30_000;
const RUN_BOUND_MS = 110_000;
/** The RSS poll runs every 50 ms, so a worker caught growing may be a little past the limit when killed. */
const POLL_OVERSHOOT_MB = 128;
const MIB = 1024 * 1024;

interface ManifestRow {
  file: string;
  category: string;
  expect: string;
  observed: string;
  password: string;
}

type Outcome =
  | { file: string; status: 'text'; extracted: Extracted; text: string; ms: number }
  | { file: string; status: 'needs-ocr'; extracted: Extracted; text: ''; ms: number }
  | { file: string; status: 'failed'; reason: string; ms: number };

function readManifest(dir: string): ManifestRow[] {
  const [header, ...lines] = readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const cell = (name: string): string => cells[columns.indexOf(name)] ?? '';
    return { file: cell('file'), category: cell('category'), expect: cell('expect'), observed: cell('observed'), password: cell('password') };
  });
}

describe('PDF extraction of the real-world corpus', function () {
  this.timeout(RUN_BOUND_MS + 30_000);
  let workDir: string;
  let manifest: ManifestRow[];
  const outcomes = new Map<string, Outcome>();
  let runMs = 0;
  let stats: ExtractionPoolStats;
  let pool: ExtractionPool;

  before(async function () {
    if (!existsSync(path.join(SOURCE_DIR, 'MANIFEST.tsv'))) {
      console.log(`    (skipped: no corpus at ${SOURCE_DIR}; set PDFS_REALWORLD_DIR)`);
      this.skip();
    }
    // The shared folder is read-only; work on a copy.
    workDir = mkdtempSync(path.join(os.tmpdir(), 'entente-pdfs-'));
    cpSync(SOURCE_DIR, workDir, { recursive: true });
    manifest = readManifest(workDir);
    assert.equal(manifest.length, 70);

    pool = new ExtractionPool({ size: 2, timeoutMs: TIMEOUT_MS, memoryMb: MEMORY_MB });
    const started = Date.now();
    await Promise.all(
      manifest.map(async ({ file }) => {
        const fileStarted = Date.now();
        try {
          const extracted = await pool.extract(path.join(workDir, file));
          const text = extracted.blocks.map((block) => block.text).join('\n');
          const ms = Date.now() - fileStarted;
          outcomes.set(file, extracted.needsOcr ? { file, status: 'needs-ocr', extracted, text: '', ms } : { file, status: 'text', extracted, text, ms });
        } catch (error) {
          outcomes.set(file, { file, status: 'failed', reason: (error as Error).message, ms: Date.now() - fileStarted });
        }
      }),
    );
    runMs = Date.now() - started;
    stats = pool.getStats();

    const count = (status: Outcome['status']): number => [...outcomes.values()].filter((outcome) => outcome.status === status).length;
    console.log(`\n    ${manifest.length} files in ${(runMs / 1000).toFixed(1)} s: indexed ${count('text')}, needs-ocr ${count('needs-ocr')}, failed ${count('failed')}`);
    console.log(
      `    peak worker RSS ${(stats.peakWorkerRssBytes / MIB).toFixed(0)} MiB, peak all workers ${(stats.peakTotalRssBytes / MIB).toFixed(0)} MiB,` +
        ` parent ${(process.memoryUsage().rss / MIB).toFixed(0)} MiB, workers started ${stats.workersStarted},` +
        ` killed for time ${stats.killedForTime}, for memory ${stats.killedForMemory}`,
    );
    for (const row of manifest) {
      const outcome = outcomes.get(row.file)!;
      const detail =
        outcome.status === 'failed'
          ? outcome.reason
          : `${outcome.extracted.pages} pages, ${outcome.extracted.blocks.length} blocks, ${outcome.text.length} chars` +
            (outcome.extracted.warnings.length > 0 ? `; ${outcome.extracted.warnings.length} warning(s): ${outcome.extracted.warnings[0]}` : '');
      console.log(`    ${row.file.padEnd(40)} ${row.expect.padEnd(6)} ${outcome.status.padEnd(10)} ${detail}`);
    }
  });

  after(async () => {
    await pool?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('finishes the whole run, hostile files included, within the bound', () => {
    assert.equal(outcomes.size, manifest.length);
    assert.ok(runMs < RUN_BOUND_MS, `run took ${runMs} ms`);
  });

  it('ends every file as text, needs-ocr, or a failure naming the problem', () => {
    for (const outcome of outcomes.values()) {
      if (outcome.status === 'failed') {
        assert.match(outcome.reason, /^(password-protected|not a readable PDF: .+|timed out after \d+ s|exceeded memory limit of \d+ MiB)/, outcome.file);
      } else {
        assert.ok(outcome.extracted.pages > 0, outcome.file);
      }
    }
  });

  it('gets text from every file the manifest expects text from', () => {
    const expected = manifest.filter((row) => row.expect === 'text');
    assert.equal(expected.length, 51);
    const missing = expected.filter((row) => outcomes.get(row.file)?.status !== 'text').map((row) => row.file);
    assert.deepEqual(missing, []);
  });

  it('reads a PDF 2.0 file whose streams are all Brotli-compressed, and one whose password guards only an attachment', () => {
    const brotli = outcomes.get('Brotli-Prototype-FileA.pdf')!;
    assert.ok(brotli.status === 'text' && brotli.text.length > 10_000, 'Brotli file gives its text');
    const attachment = outcomes.get('auth-event-ef-open.pdf')!;
    assert.ok(attachment.status === 'text' && attachment.text.trim().length > 0, 'opens without the attachment password');
  });

  it('opens a file whose page tree is a bare page as one page without text', () => {
    const bare = outcomes.get('issue21436.pdf')!;
    assert.equal(bare.status, 'needs-ocr');
    assert.equal(bare.status === 'needs-ocr' ? bare.extracted.pages : 0, 1);
  });

  it('recovers the pages that still work in documents with broken pages', () => {
    for (const file of ['poppler-90-0-fuzzed.pdf', 'Pages-tree-refs.pdf']) {
      const outcome = outcomes.get(file)!;
      assert.equal(outcome.status, 'text', file);
      assert.ok(outcome.status === 'text' && outcome.extracted.warnings.some((warning) => /^page \d+: /.test(warning)), file);
    }
    const pagesTree = outcomes.get('Pages-tree-refs.pdf')!;
    assert.ok(pagesTree.status === 'text' && pagesTree.text.includes('Pages loop'));
  });

  it('fails encrypted files without their password as password-protected', () => {
    const encrypted = manifest.filter((row) => row.category === 'encrypted' && row.expect === 'error');
    assert.ok(encrypted.length >= 7);
    for (const row of encrypted) {
      const outcome = outcomes.get(row.file)!;
      assert.ok(outcome.status === 'failed' && outcome.reason.includes('password-protected'), row.file);
    }
  });

  it('opens password-123456.pdf with the manifest password and rejects a wrong one', async () => {
    const row = manifest.find((candidate) => candidate.file === 'password-123456.pdf')!;
    const extracted = await pool.extract(path.join(workDir, row.file), row.password);
    assert.match(extracted.blocks.map((block) => block.text).join(' '), /Adobe Acrobat/);
    await assert.rejects(pool.extract(path.join(workDir, row.file), 'not-the-password'), /password-protected \(incorrect password\)/);
  });

  it('extracts CJK text through the pdf.js CMaps', () => {
    const chinese = outcomes.get('issue3521.pdf')!;
    assert.ok(chinese.status === 'text' && chinese.text.includes('我们都是黑体字'));
    const japanese = outcomes.get('jpn.pdf')!;
    assert.ok(japanese.status === 'text');
    assert.ok((japanese.text.match(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu) ?? []).length > 1000);
    assert.match(japanese.text, /世界人権宣言/);
  });

  it('flags files without a text layer as needing OCR', () => {
    for (const file of ['issue7229.pdf', 'issue4379.pdf', 'bug1743245.pdf', 'empty.pdf']) {
      assert.equal(outcomes.get(file)?.status, 'needs-ocr', file);
    }
  });

  it('keeps the decompression bomb within the limits and its real text', () => {
    // pdf.js 6 refuses the 100,000 x 100,000 JBIG2 images; were it to decode them, the
    // pool's memory or time limit would stop the file (test/unit/pdf-pool.test.ts).
    const bomb = outcomes.get('bomb_giant.pdf')!;
    assert.ok(bomb.status === 'text', bomb.status === 'failed' ? bomb.reason : bomb.status);
    assert.match(bomb.text, /GIANT JBIG2 BOMB/);
    assert.ok(bomb.extracted.warnings.length === 0 || bomb.extracted.warnings.every((w) => /^page \d+: /.test(w)));
  });

  it('keeps worker memory within the limit and all workers under 2 GiB', () => {
    assert.ok(stats.peakWorkerRssBytes > 0, 'RSS was sampled');
    assert.ok(stats.peakWorkerRssBytes < (MEMORY_MB + POLL_OVERSHOOT_MB) * MIB, `peak ${stats.peakWorkerRssBytes / MIB} MiB`);
    assert.ok(stats.peakTotalRssBytes + process.memoryUsage().rss < 2048 * MIB);
  });
});
