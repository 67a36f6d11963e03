import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ExtractionPool } from '../../indexer/extractors/pool.js';
import { alive } from '../support/app.js';

const POOL_MODULE = fileURLToPath(new URL('../../indexer/extractors/pool.ts', import.meta.url));

async function textPdf(pages: number, text: (page: number) => string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) {
    const sheet = pdf.addPage();
    for (let line = 0; line < 40; line++) sheet.drawText(`${text(page)} line ${line}`, { x: 50, y: 780 - line * 18, size: 11, font });
  }
  return pdf.save();
}

/**
 * A long PDF made cheaply: every page shows the same content stream, so it is
 * written in milliseconds yet takes pdf.js many seconds to read page by page.
 */
function longPdf(pages: number): Buffer {
  const lines = Array.from({ length: 40 }, (_, i) => `BT /F1 11 Tf 50 ${780 - i * 18} Td (A long document, line ${i}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ')}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>'),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(50);
  }
  return condition();
}

describe('ExtractionPool (worker processes)', function () {
  this.timeout(60_000);
  let dir: string;
  let twoPages: string;
  let manyPages: string;
  /** Far longer to read than any time limit below, however loaded the machine. */
  let endless: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'entente-pdf-pool-'));
    twoPages = path.join(dir, 'two-pages.pdf');
    manyPages = path.join(dir, 'many-pages.pdf');
    endless = path.join(dir, 'endless.pdf');
    await writeFile(twoPages, await textPdf(2, (page) => `Page ${page} says hello`));
    await writeFile(manyPages, await textPdf(150, (page) => `Long document page ${page}`));
    await writeFile(endless, longPdf(5000));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('extracts in a worker process and keeps page numbers', async () => {
    const pool = new ExtractionPool({ size: 1 });
    try {
      const extracted = await pool.extract(twoPages);
      assert.equal(extracted.pages, 2);
      assert.ok(extracted.blocks.some((block) => block.page === 2 && block.text.includes('Page 2 says hello')));
      assert.ok(extracted.blocks.every((block) => !block.text.includes(`Page ${3 - block.page} says`)));
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker grown large after a file without failing the files queued behind it', async () => {
    // A limit this low makes every worker end each file above the recycling share.
    const pool = new ExtractionPool({ size: 1, memoryMb: 220 });
    try {
      const results = await Promise.all([twoPages, twoPages, twoPages].map((file) => pool.extract(file)));
      assert.deepEqual(results.map((r) => r.pages), [2, 2, 2]);
      assert.ok(pool.getStats().workersStarted >= 2, 'workers were replaced');
    } finally {
      await pool.close();
    }
  });

  it('fails a file past the time limit and goes on with a fresh worker', async () => {
    // The limit leaves a fresh worker ample time for two pages on a busy machine; the endless file never fits.
    const pool = new ExtractionPool({ size: 1, timeoutMs: 3_000 });
    try {
      await assert.rejects(pool.extract(endless), /^ExtractionError: timed out after 3 s$/);
      assert.equal((await pool.extract(twoPages)).pages, 2);
      assert.equal(pool.getStats().killedForTime, 1);
    } finally {
      await pool.close();
    }
  });

  it('fails a file whose worker passes the memory limit', async () => {
    // Node with pdf.js loaded is already above 40 MiB, so the first file trips the limit.
    const pool = new ExtractionPool({ size: 1, memoryMb: 40, timeoutMs: 20_000 });
    try {
      await assert.rejects(pool.extract(manyPages), /^ExtractionError: exceeded memory limit of 40 MiB$/);
      assert.equal(pool.getStats().killedForMemory, 1);
    } finally {
      await pool.close();
    }
  });

  it('fails only the file whose worker crashed', async () => {
    const pool = new ExtractionPool({ size: 1, timeoutMs: 20_000 });
    try {
      await pool.extract(twoPages);
      const [pid] = pool.pids;
      const doomed = pool.extract(manyPages);
      const queued = pool.extract(twoPages);
      await sleep(100);
      process.kill(pid!, 'SIGKILL');
      await assert.rejects(doomed, /^ExtractionError: extraction worker crashed \(signal SIGKILL\)$/);
      assert.equal((await queued).pages, 2);
      assert.notDeepEqual(pool.pids, [pid]);
    } finally {
      await pool.close();
    }
  });

  it('leaves no worker process behind after close()', async () => {
    const pool = new ExtractionPool({ size: 2 });
    await Promise.all([pool.extract(twoPages), pool.extract(twoPages)]);
    const pids = pool.pids;
    assert.ok(pids.length > 0);
    await pool.close();
    assert.deepEqual(pids.filter(alive), []);
    await assert.rejects(pool.extract(twoPages), /closed/);
  });

  it('workers exit when the parent process dies without closing the pool', async () => {
    const script = `
      const { ExtractionPool } = await import(${JSON.stringify(POOL_MODULE)});
      const pool = new ExtractionPool({ size: 2 });
      await Promise.all([pool.extract(${JSON.stringify(twoPages)}), pool.extract(${JSON.stringify(twoPages)})]);
      console.log(JSON.stringify(pool.pids));
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pids = await new Promise<number[]>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as number[]));
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    assert.ok(pids.length > 0 && pids.every(alive));
    parent.kill('SIGKILL');
    assert.ok(await waitUntil(() => pids.every((pid) => !alive(pid)), 5_000), `still running: ${pids.filter(alive)}`);
  });
});
