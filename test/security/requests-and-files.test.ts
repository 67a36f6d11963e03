/**
 * The low-severity holes: request values looked up in plain objects, file names that
 * forge log lines, binary files indexed as mojibake, empty files, absolute links that
 * follow the Host header, and document pages that run to megabytes.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { indexNames } from '../../contract/settings.js';
import { summaryLines } from '../../indexer/summary.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { PASSAGES_PER_PART } from '../../server/handlers/documents.js';
import { indexedApp, type IndexedApp } from '../support/app.js';
import { adminClient, tempDir, testEngine } from '../support/engine.js';

const SENTENCE = 'The partnership between the United Kingdom and the European Union on defence procurement was reviewed again';
const FORGED_NAME = 'forged\n{"level":30,"msg":"Index: 0 failed"}.txt';

describe('security: requests and unlucky files', function () {
  this.timeout(240_000);
  let corpus: string;
  let site: IndexedApp;

  before(async () => {
    corpus = tempDir('requests-files');
    writeFileSync(join(corpus, 'short.txt'), `Short report\n\n${SENTENCE}.\n`);
    // Long enough for three parts: one paragraph per passage-sized block of words.
    const paragraphs = Array.from({ length: PASSAGES_PER_PART * 2 + 50 }, (_, i) => `Paragraph ${i + 1}. ${`${SENTENCE} in session ${i + 1}. `.repeat(8)}`);
    writeFileSync(join(corpus, 'long.txt'), `Long report\n\n${paragraphs.join('\n\n')}\n`);
    // Binary without a single NUL byte, named as text.
    const noise = randomBytes(64 * 1024).map((byte) => (byte === 0 ? 1 : byte));
    writeFileSync(join(corpus, 'noise.txt'), noise);
    writeFileSync(join(corpus, FORGED_NAME), noise);
    writeFileSync(join(corpus, 'empty.txt'), '');
    site = await indexedApp('requests', corpus);
  });

  after(async () => {
    const client = await adminClient();
    for (const uid of Object.values(indexNames(site.prefix))) await client.deleteIndex(uid).waitTask().catch(() => {});
    rmSync(corpus, { recursive: true, force: true });
  });

  const reason = (file: string) => site.summary.failed.find((f) => f.file === file)?.reason ?? '';

  it('looks up ?notice= among its own notices only', async () => {
    for (const notice of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await request(site.app).get(`/documents/short-txt?notice=${notice}`);
      assert.equal(res.status, 200);
      assert.ok(!res.text.includes('[native code]'), `?notice=${notice} printed a built-in function`);
      assert.ok(!res.text.includes('class="notice"'), `?notice=${notice} showed a notice`);
    }
  });

  it('refuses a binary file without NUL bytes instead of indexing mojibake', () => {
    assert.match(reason('noise.txt'), /binary content/);
  });

  it('says why an empty file is not indexed', () => {
    assert.match(reason('empty.txt'), /empty \(0 bytes\)/);
  });

  it('escapes a file name that would forge a log line', () => {
    assert.ok(reason(FORGED_NAME), JSON.stringify(site.summary.failed));
    const lines = summaryLines(site.summary);
    assert.ok(lines.every((line) => !/[\n\r]/.test(line)), lines.join('\n---\n'));
    assert.ok(lines.some((line) => line.includes('forged\\n{"level":30')), lines.join('\n'));
  });

  it('shows a very long document in parts, and a permalink lands on the part that holds its passage', async () => {
    const first = await request(site.app).get('/documents/long-txt');
    assert.equal(first.status, 200);
    const shown = (html: string) => [...html.matchAll(/<section class="passage[^"]*" id="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(shown(first.text).length, PASSAGES_PER_PART);
    assert.match(first.text, /part 1 of 3/);

    // The JSON comes in the same parts, each naming the next, so no answer runs to megabytes.
    const api = await request(site.app).get('/api/documents/long-txt');
    assert.equal(api.body.part, 1);
    assert.equal(api.body.parts, 3);
    assert.equal(api.body.passages.length, PASSAGES_PER_PART);
    const passages: { id: string; ordinal: number }[] = [];
    for (let next: string | null = '/api/documents/long-txt'; next; ) {
      const body = (await request(site.app).get(next.replace(/^https?:\/\/[^/]+/, '')).expect(200)).body as { passages: { id: string; ordinal: number }[]; next: string | null };
      passages.push(...body.passages);
      next = body.next;
    }
    assert.ok(passages.length > PASSAGES_PER_PART * 2, `${passages.length} passages`);
    assert.deepEqual(passages.map((p) => p.ordinal), passages.map((_, i) => i), 'every passage once, in order');
    assert.equal((await request(site.app).get('/api/documents/long-txt?part=4')).status, 404);
    const late = passages.find((p) => p.ordinal === PASSAGES_PER_PART * 2 + 3)!;
    const redirect = await request(site.app).get(`/passages/${late.id}`);
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers['location'], `/documents/long-txt?part=3&passage=${late.id}#${late.id}`);
    const third = await request(site.app).get('/documents/long-txt?part=3');
    assert.ok(shown(third.text).includes(late.id));
    assert.ok(!shown(first.text).includes(late.id));
    assert.ok(third.text.length < first.text.length * 2, 'a part is a bounded page');

    // The first part's permalinks name no part.
    const early = await request(site.app).get(`/passages/${passages[0]!.id}`);
    assert.equal(early.headers['location'], `/documents/long-txt?passage=${passages[0]!.id}#${passages[0]!.id}`);
    assert.equal((await request(site.app).get('/documents/long-txt?part=4')).status, 404);
    assert.equal((await request(site.app).get('/documents/long-txt?part=x')).status, 400);
  });

  describe('absolute links and the Host header', () => {
    it('requires BASE_URL (or ALLOWED_HOSTS) in production', () => {
      assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /^ConfigurationError: BASE_URL: required when NODE_ENV=production/);
      assert.equal(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://entente.example.org' }).baseUrl, 'https://entente.example.org');
      assert.deepEqual(loadConfig({ NODE_ENV: 'production', ALLOWED_HOSTS: 'entente.example.org, localhost:3000' }).allowedHosts, ['entente.example.org', 'localhost:3000']);
      assert.throws(() => loadConfig({ ALLOWED_HOSTS: 'evil.example/path' }), /^ConfigurationError: ALLOWED_HOSTS: /);
    });

    it('never puts an unlisted Host header into a link', async () => {
      const engine = await testEngine();
      const app = createApp({
        search: { url: engine.url, searchKey: site.searchKey, indexPrefix: site.prefix },
        corpusDir: corpus,
        production: true,
        log: () => {},
        allowedHosts: ['entente.example.org'],
      });
      const forged = await request(app).get('/api/documents/short-txt').set('Host', 'attacker.example');
      assert.equal(forged.status, 200);
      assert.equal(forged.body.url, 'http://entente.example.org/documents/short-txt');
      const listed = await request(app).get('/api/documents/short-txt').set('Host', 'entente.example.org');
      assert.equal(listed.body.url, 'http://entente.example.org/documents/short-txt');
    });
  });
});
