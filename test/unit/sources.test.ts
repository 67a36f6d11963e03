/** sources.yml, the cache's names, link following and the fetch settings: the parts of sources by URL that need no network. */
import { strict as assert } from 'node:assert';
import { ConfigurationError } from '../../contract/env.js';
import { fetchConfig } from '../../contract/fetch-config.js';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheStem, SourceCache, STATE_FILE } from '../../indexer/sources/cache.js';
import { storedContent } from '../../indexer/sources/fetch.js';
import { summaryLines } from '../../indexer/summary.js';
import { readGivenMetadata } from '../../indexer/metadata/input.js';
import { tempDir } from '../support/engine.js';
import { followLinks } from '../../indexer/sources/follow.js';
import { DEFAULT_FOLLOW_LIMIT, parseSourceList } from '../../indexer/sources/list.js';

describe('sources.yml', () => {
  it('reads URLs with sidecar keys and follow rules', () => {
    const entries = parseSourceList(`
sources:
  - https://www.gov.uk/government/speeches/pm-speech#section-2
  - url: https://www.eeas.europa.eu/press-material_en.rss
    follow: { limit: 5, hosts: [www.eeas.europa.eu], match: /eeas/ }
    type: statement
    organisations: [EEAS]
  - url: https://example.org/report.pdf
    title: A report
    date: 2025-05-05
    people:
      - { name: Jane Doe, role: author }
`);
    assert.deepEqual(entries.map((e) => e.url), [
      'https://www.gov.uk/government/speeches/pm-speech',
      'https://www.eeas.europa.eu/press-material_en.rss',
      'https://example.org/report.pdf',
    ]);
    assert.deepEqual(entries[1]!.follow, { limit: 5, hosts: ['www.eeas.europa.eu'], match: '/eeas/' });
    assert.deepEqual(entries[1]!.metadata, { type: 'statement', organisations: ['EEAS'] });
    assert.equal(entries[2]!.metadata['title'], 'A report');
    assert.equal(parseSourceList('sources:\n  - url: https://a.example/feed\n    follow: true\n')[0]!.follow!.limit, DEFAULT_FOLLOW_LIMIT);
    assert.deepEqual(parseSourceList('sources:\n  - url: https://a.example/feed\n    follow: true\n')[0]!.follow!.hosts, ['a.example']);
  });

  it('names the entry and the key of every mistake', () => {
    const cases: [string, RegExp][] = [
      ['sources:\n  - url: https://a.example/\n    typ: speech\n', /entry 1 \(https:\/\/a\.example\/\): unknown key "typ"/],
      ['sources:\n  - url: https://a.example/\n    type: essay\n', /entry 1 .*type: must be one of/],
      ['sources:\n  - url: https://a.example/\n  - url: https://a.example/#top\n', /entry 2 .*the same URL as entry 1/],
      ['sources:\n  - title: no url\n', /entry 1: url must be an http\(s\) URL/],
      ['sources:\n  - url: https://a.example/feed\n    follow: { limit: 0 }\n', /follow\.limit/],
      ['sources:\n  - url: https://a.example/feed\n    follow: { depth: 2 }\n', /follow: .*depth/],
      ['sources:\n  - url: https://a.example/feed\n    follow: true\n    title: Same for all\n', /"title" cannot be given for a followed listing/],
      ['sources: [\n', /not valid YAML/],
      ['source:\n  - https://a.example/\n', /unknown key "source"/],
    ];
    for (const [text, error] of cases) assert.throws(() => parseSourceList(text), error, text);
  });

  it('an empty file lists nothing', () => {
    assert.deepEqual(parseSourceList(''), []);
    assert.deepEqual(parseSourceList('sources:\n'), []);
  });
});

describe('cache names', () => {
  it('are readable, stable for a URL and distinct for distinct URLs', () => {
    const a = cacheStem('https://www.gov.uk/government/speeches/pm-speech-at-munich');
    assert.match(a, /^www\.gov\.uk\/government-speeches-pm-speech-at-munich-[0-9a-f]{8}$/);
    assert.equal(cacheStem('https://www.gov.uk/government/speeches/pm-speech-at-munich'), a);
    assert.notEqual(cacheStem('https://www.gov.uk/government/speeches/pm/speech-at-munich'), a);
    assert.match(cacheStem('http://127.0.0.1:8080/'), /^127\.0\.0\.1-8080\/index-[0-9a-f]{8}$/);
    assert.ok(cacheStem(`https://a.example/${'x'.repeat(500)}`).length < 120);
  });
});

describe('following a listing', () => {
  const rule = { limit: 2, hosts: ['news.example'], match: null };
  it('takes RSS and Atom links in order, on allowed hosts, up to the limit', () => {
    const rss = `<?xml version="1.0"?><rss><channel><item><link>https://news.example/a</link></item><item><link>https://evil.example/b</link></item><item><link>/c</link></item><item><link>https://news.example/d</link></item></channel></rss>`;
    assert.deepEqual(followLinks(Buffer.from(rss), 'application/rss+xml', 'https://news.example/feed', rule), ['https://news.example/a', 'https://news.example/c']);
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="self" href="https://news.example/self"/><link rel="alternate" href="https://news.example/post"/></entry></feed>`;
    assert.deepEqual(followLinks(Buffer.from(atom), 'text/xml', 'https://news.example/feed', rule), ['https://news.example/post']);
  });
  it('takes links from a page’s content, not its navigation, and only those matching', () => {
    const html = `<html><body><nav><a href="/about">About</a></nav><main><a href="/press/1">One</a><a href="#top">Top</a><a href="mailto:x@news.example">Mail</a><a href="/other/2">Two</a><a href="/press/3">Three</a></main></body></html>`;
    assert.deepEqual(followLinks(Buffer.from(html), 'text/html', 'https://news.example/press', { ...rule, match: '/press/' }), ['https://news.example/press/1', 'https://news.example/press/3']);
  });
});

describe('fetch settings', () => {
  it('reads durations, the contact and the private-address allowance', () => {
    const config = fetchConfig({ FETCH_INTERVAL: '6h', FETCH_DELAY: '500ms', FETCH_CONTACT: 'desk@example.org', FETCH_ALLOW_PRIVATE: '127.0.0.1, 10.1.0.0/16' });
    assert.equal(config.intervalMs, 6 * 3600 * 1000);
    assert.equal(config.delayMs, 500);
    assert.equal(config.contact, 'desk@example.org');
    assert.deepEqual(config.allowPrivate, ['127.0.0.1', '10.1.0.0/16']);
    assert.equal(fetchConfig({ FETCH_INTERVAL: '0' }).intervalMs, 0);
    assert.deepEqual(fetchConfig({}).allowPrivate, []);
    assert.equal(fetchConfig({ FETCH_ALLOW_PRIVATE: 'true' }).allowPrivate, true);
  });
  it('names the variable of a bad value', () => {
    assert.throws(() => fetchConfig({ FETCH_INTERVAL: 'often' }), (err: Error) => err instanceof ConfigurationError && /^FETCH_INTERVAL: .*duration/.test(err.message));
    assert.throws(() => fetchConfig({ FETCH_ALLOW_PRIVATE: 'yes please' }), /FETCH_ALLOW_PRIVATE: must be true, false, or a comma-separated list/);
  });
});

describe('what is kept of a fetched page', () => {
  it('a PDF sent as a generic binary type is a PDF; anything else under that type is refused', () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj');
    assert.deepEqual(storedContent({ contentType: 'application/octet-stream', charset: null, body: pdf }), { contentType: 'application/pdf', body: pdf });
    assert.match(String(storedContent({ contentType: 'application/octet-stream', charset: null, body: Buffer.from('MZ\x90') })), /not a PDF/);
  });
  it('an HTML page in a charset named only by the server is kept as UTF-8, its own declaration corrected', () => {
    const latin1 = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>Défense européenne</body></html>', 'latin1');
    const kept = storedContent({ contentType: 'text/html', charset: 'iso-8859-1', body: latin1 });
    assert.ok(typeof kept !== 'string');
    const text = kept.body.toString('utf8');
    assert.match(text, /Défense européenne/);
    assert.match(text, /charset=utf-8/);
    assert.match(String(storedContent({ contentType: 'text/html', charset: 'no-such-charset', body: latin1 })), /charset no-such-charset/);
  });
});

describe('the sources cache', () => {
  const doc = (url: string) => ({
    url, origin: url, finalUrl: url, redirects: [], retrievedAt: '2026-01-01T00:00:00.000Z', checkedAt: '2026-01-01T00:00:00.000Z',
    sha256: 'x', contentType: 'text/html', etag: null, lastModified: null, lastError: null,
  });
  const entry = (url: string) => ({ url, metadata: { type: 'speech' }, follow: null });

  it('drops copies no entry or state accounts for, keeps the rest with sidecars that follow sources.yml', () => {
    const dir = tempDir('sources-cache');
    try {
      const cache = new SourceCache(dir);
      const kept = cache.store(doc('https://a.example/kept'), Buffer.from('<p>kept</p>'), {});
      const gone = cache.store(doc('https://a.example/gone'), Buffer.from('<p>gone</p>'), {});
      cache.save();
      mkdirSync(join(dir, 'a.example'), { recursive: true });
      writeFileSync(join(dir, 'a.example', 'orphan-12345678.html'), '<p>written, never recorded</p>');
      const again = new SourceCache(dir);
      assert.deepEqual(again.sync([entry('https://a.example/kept')]).removed, ['https://a.example/gone']);
      assert.ok(existsSync(join(dir, kept.file)) && !existsSync(join(dir, gone.file)));
      assert.ok(!existsSync(join(dir, 'a.example', 'orphan-12345678.html')));
      assert.match(readFileSync(join(dir, kept.file + '.meta.yml'), 'utf8'), /type: speech/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every copy when its state is lost: they may be the only ones', () => {
    const dir = tempDir('sources-cache');
    try {
      const cache = new SourceCache(dir);
      const stored = cache.store(doc('https://a.example/page'), Buffer.from('<p>page</p>'), {});
      cache.save();
      rmSync(join(dir, STATE_FILE));
      new SourceCache(dir).sync([entry('https://a.example/page')]);
      assert.ok(existsSync(join(dir, stored.file)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the run summary', () => {
  it('says what the fetch did in its headline and lists each source that failed', () => {
    const lines = summaryLines({
      indexed: 1, unchanged: 2, removed: 0, needsOcr: [], failed: [], warnings: [], undated: [], documents: 3, passages: 9, durationMs: 1200,
      fetch: { checked: 3, fetched: ['https://a.example/new'], unchanged: 1, failed: [{ url: 'https://a.example/gone', reason: 'HTTP 404' }], removed: [] },
    });
    assert.match(lines[0]!, /; sources: 3 checked, 1 new or changed, 1 unchanged, 1 failed$/);
    assert.deepEqual(lines.slice(1), ['  fetch failed  https://a.example/gone: HTTP 404']);
  });
});

describe('provenance keys in a sidecar', () => {
  it('reads retrieved and final_url, and rejects values that are not a date or an http(s) URL', () => {
    assert.deepEqual(readGivenMetadata({ retrieved: '2025-05-21', final_url: 'https://a.example/b' }, { strict: true }), {
      ok: true,
      value: { retrievedAt: '2025-05-21', finalUrl: 'https://a.example/b' },
      warnings: [],
    });
    assert.equal(readGivenMetadata({ retrieved: '2026-12-01T03:58:30.956Z' }, { strict: true }).ok, true);
    assert.match(String((readGivenMetadata({ retrieved: 'yesterday' }, { strict: true }) as { error: string }).error), /^retrieved: must be a date/);
    assert.match(String((readGivenMetadata({ final_url: 'ftp://a.example/' }, { strict: true }) as { error: string }).error), /^final_url: not an http\(s\) URL/);
  });
});
