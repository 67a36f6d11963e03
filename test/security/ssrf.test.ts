/**
 * Server-side request forgery: the fetcher reaches only public http(s)
 * addresses unless configuration allows a private one. Proven without any
 * traffic leaving the machine: refused addresses fail before a socket
 * connects (every connection made is recorded and checked), names are judged
 * by the address they resolve to at connect time, and every redirect hop is
 * judged again.
 */
import { strict as assert } from 'node:assert';
import diagnostics from 'node:diagnostics_channel';
import type { LookupAddress } from 'node:dns';
import type { Socket } from 'node:net';
import { addressAllowed, type Resolver } from '../../indexer/sources/guard.js';
import { FetchError, PoliteClient } from '../../indexer/sources/http.js';
import { parseSourceList, SourceListError } from '../../indexer/sources/list.js';
import { TestSite } from '../support/web.js';

const BASE = { userAgent: 'Entente/test', delayMs: 0, timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5 };

/** Test names -> addresses, as a DNS server would answer (the second answer for `rebind.test` differs from the first). */
function fakeDns(): { resolver: Resolver; asked: string[] } {
  const asked: string[] = [];
  let rebinds = 0;
  const table: Record<string, () => LookupAddress[]> = {
    'intranet.test': () => [{ address: '10.0.0.1', family: 4 }],
    'metadata.test': () => [{ address: '169.254.169.254', family: 4 }],
    'loopback6.test': () => [{ address: '::1', family: 6 }],
    // One public and one private address: the socket could pick either, so the name is refused.
    'mixed.test': () => [{ address: '8.8.8.8', family: 4 }, { address: '10.1.2.3', family: 4 }],
    'rebind.test': () => [{ address: rebinds++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }],
  };
  const resolver: Resolver = (hostname, _options, callback) => {
    asked.push(hostname);
    const entry = table[hostname];
    if (!entry) return callback(Object.assign(new Error(`unknown test host ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, entry());
  };
  return { resolver, asked };
}

describe('fetching sources: server-side request forgery', function () {
  this.timeout(30_000);
  let site: TestSite;
  const connected: string[] = [];
  const onSocket = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket;
    socket.once('connect', () => connected.push(String(socket.remoteAddress)));
  };

  before(async () => {
    diagnostics.subscribe('net.client.socket', onSocket);
    site = await new TestSite({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '/page': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>inside</p>'),
      '/to-metadata': (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/to-ipv6-loopback': (_req, res) => void res.writeHead(302, { location: `http://[::1]:${new URL(site.origin).port}/page` }).end(),
      '/to-intranet-name': (_req, res) => void res.writeHead(302, { location: 'http://intranet.test/admin' }).end(),
      '/to-file': (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
      '/hop': (_req, res) => void res.writeHead(301, { location: '/page' }).end(),
    }).start();
  });
  beforeEach(() => {
    connected.length = 0;
    site.log.length = 0;
  });
  after(async () => {
    diagnostics.unsubscribe('net.client.socket', onSocket);
    await site.stop();
  });

  async function refused(client: PoliteClient, url: string): Promise<FetchError> {
    const started = Date.now();
    try {
      await client.get(url, ['text/html']);
    } catch (err) {
      assert.ok(err instanceof FetchError, String(err));
      // Refused before connecting: no connection timeout was waited for.
      assert.ok(Date.now() - started < 1000, `${url} took ${Date.now() - started} ms`);
      return err;
    } finally {
      await client.close();
    }
    assert.fail(`${url} was fetched`);
  }

  it('refuses loopback, private, link-local and unspecified addresses by default, before any connection', async () => {
    const port = new URL(site.origin).port;
    const targets = [
      `http://127.0.0.1:${port}/page`,
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${port}/page`,
      `http://[::ffff:127.0.0.1]:${port}/page`,
      // 2130706433 is 127.0.0.1 written as one number.
      `http://2130706433:${port}/page`,
      'http://0.0.0.0/',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
    ];
    for (const url of targets) {
      const err = await refused(new PoliteClient({ ...BASE, allowPrivate: [] }), url);
      assert.match(err.message, /refused to connect to .*private, loopback or link-local/, url);
    }
    assert.deepEqual(connected, []);
    assert.equal(site.log.length, 0);
  });

  it('judges a name by the address it resolves to when connecting', async () => {
    const dns = fakeDns();
    for (const host of ['intranet.test', 'metadata.test', 'loopback6.test', 'mixed.test']) {
      const err = await refused(new PoliteClient({ ...BASE, allowPrivate: [], resolver: dns.resolver }), `http://${host}/x`);
      assert.match(err.message, /refused to connect to (10\.0\.0\.1|169\.254\.169\.254|::1|10\.1\.2\.3)/, host);
    }
    assert.deepEqual(connected, []);
    assert.ok(dns.asked.includes('mixed.test'));
  });

  it('checks the address on every connection, so a name that changes its answer (DNS rebinding) is refused', async () => {
    const dns = fakeDns();
    const port = new URL(site.origin).port;
    // rebind.test first answers 127.0.0.1 (allowed: robots.txt is read from the test site), then 10.0.0.1.
    const err = await refused(new PoliteClient({ ...BASE, allowPrivate: ['127.0.0.1'], resolver: dns.resolver }), `http://rebind.test:${port}/page`);
    assert.match(err.message, /refused to connect to 10\.0\.0\.1/);
    assert.deepEqual(site.log.map((r) => r.path), ['/robots.txt']);
    assert.deepEqual(connected, ['127.0.0.1']);
  });

  it('checks every redirect hop, and records the hops that led there', async () => {
    const dns = fakeDns();
    const client = () => new PoliteClient({ ...BASE, allowPrivate: ['127.0.0.1'], resolver: dns.resolver });
    const metadata = await refused(client(), site.url('/to-metadata'));
    assert.match(metadata.message, /169\.254\.169\.254/);
    assert.deepEqual(metadata.redirects, [{ url: site.url('/to-metadata'), status: 302 }]);
    assert.match((await refused(client(), site.url('/to-ipv6-loopback'))).message, /::1/);
    assert.match((await refused(client(), site.url('/to-intranet-name'))).message, /10\.0\.0\.1/);
    assert.match((await refused(client(), site.url('/to-file'))).message, /only http and https/);
    // The allowance is exact: the test site's own address and nothing else.
    assert.ok(connected.every((address) => address === '127.0.0.1'), connected.join());

    const allowed = client();
    const hop = await allowed.get(site.url('/hop'), ['text/html']);
    await allowed.close();
    assert.equal(hop.kind === 'ok' && hop.finalUrl, site.url('/page'));
    assert.deepEqual(hop.redirects, [{ url: site.url('/hop'), status: 301 }]);
  });

  it('accepts only http and https in sources.yml', () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/x', 'gopher://example.org/', 'javascript:alert(1)']) {
      assert.throws(() => parseSourceList(`sources:\n  - url: "${url}"\n`), (err: Error) => err instanceof SourceListError && /http\(s\) URL/.test(err.message), url);
    }
    assert.throws(() => parseSourceList('sources:\n  - url: https://example.org/\n    source_url: http://other.example/\n'), /written by the fetcher/);
  });

  it('classifies addresses: only public unicast passes without an allowance', () => {
    for (const address of ['8.8.8.8', '2a00:1450:4009:80b::200e', '81.2.69.160']) assert.ok(addressAllowed(address, []), address);
    for (const address of ['127.0.0.1', '127.1.2.3', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', 'not-an-address']) {
      assert.ok(!addressAllowed(address, []), address);
    }
    assert.ok(addressAllowed('10.1.2.3', ['10.1.0.0/16']));
    assert.ok(!addressAllowed('10.2.0.1', ['10.1.0.0/16']));
    assert.ok(addressAllowed('::1', true));
  });
});
