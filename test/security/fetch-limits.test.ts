/** Fetching sources: size limits hold for compressed transfers too (a small gzip can unpack to gigabytes). */
import { strict as assert } from 'node:assert';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { FetchError, PoliteClient } from '../../indexer/sources/http.js';
import { TestSite } from '../support/web.js';

const OPTIONS = { userAgent: 'Entente/test', delayMs: 0, timeoutMs: 2000, maxBytes: 64 * 1024, maxRedirects: 2, allowPrivate: ['127.0.0.1'] };

describe('fetching sources: compressed responses', () => {
  let site: TestSite;
  const html = `<html><body><p>${'UK–EU security cooperation. '.repeat(50)}</p></body></html>`;
  before(async () => {
    site = await new TestSite({
      '/gzip': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(html)),
      '/br': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(html)),
      // 20 MiB of zeros in about 20 KiB.
      '/bomb': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(20 * 1024 * 1024))),
      '/odd': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'compress' }).end('x'),
    }).start();
  });
  after(() => site.stop());

  const get = async (path: string) => {
    const client = new PoliteClient(OPTIONS);
    try {
      return await client.get(site.url(path), ['text/html']);
    } finally {
      await client.close();
    }
  };

  it('asks for compression and stores the decompressed page', async () => {
    for (const path of ['/gzip', '/br']) {
      const result = await get(path);
      assert.equal(result.kind === 'ok' && result.body.toString('utf8'), html, path);
    }
    assert.match(String(site.requests('/gzip')[0]!.headers['accept-encoding']), /gzip/);
  });

  it('refuses a response that decompresses past the size limit', async () => {
    await assert.rejects(get('/bomb'), (err: Error) => err instanceof FetchError && /larger than the 65536 byte limit once decompressed/.test(err.message));
    await assert.rejects(get('/odd'), /content encoding compress is not supported/);
  });
});
