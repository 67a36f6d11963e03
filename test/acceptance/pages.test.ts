/**
 * Pages, permalinks, files, citations, exports and the JSON API through the
 * app, against the real indexer's output; hostile documents and parameters;
 * security headers; the master key never leaves the server.
 */
import { strict as assert } from 'node:assert';
import request from 'supertest';
import { indexedSite, SEED_ID, XSS, type Site } from './site.js';

const HOSTILE_ID = 'papers-hostile-paper-md';
const HTML_ID = 'news-coast-guard-agreement-html';
const HOSTILE_TEXT_ID = 'notes-hostile-notes-txt';

/** No payload appears as live markup: only escaped. */
function assertNoLiveMarkup(body: string, where: string): void {
  assert.ok(!/<script>alert\(1\)<\/script>/i.test(body), `${where}: live <script>`);
  assert.ok(!/<img src=x onerror/i.test(body), `${where}: live <img onerror>`);
  assert.ok(!/<script(?![^>]*src="\/static\/app\.js")/i.test(body), `${where}: a <script> other than app.js`);
  // Quoted attribute values are data, not markup: only attribute names count.
  const tags = body.match(/<[a-z][^>]*>/gi) ?? [];
  const handler = tags.map((tag) => tag.replace(/"[^"]*"/g, '""')).find((tag) => /\son[a-z]+\s*=/i.test(tag));
  assert.equal(handler, undefined, `${where}: an inline event handler`);
}

interface ApiDocument {
  id: string;
  title: string;
  passages: { id: string; page: number; text: string; permalink: string }[];
  themes: { id: string; label: string }[];
}

describe('acceptance: pages, permalinks and API', function () {
  this.timeout(180_000);
  let site: Site;
  let seedPassages: ApiDocument['passages'];

  before(async () => {
    site = await indexedSite('pages');
    const res = await request(site.app).get(`/api/documents/${SEED_ID}`).expect(200);
    seedPassages = (res.body as ApiDocument).passages;
    assert.ok(seedPassages.length > 0);
  });

  const PAGES = [
    '/',
    '/?q=NATO',
    '/?q=people%20smuggling&speaker=Julian%20King',
    '/?theme=migration&year=2024&sort=oldest&per=10',
    `/documents/${SEED_ID}`,
    `/documents/${SEED_ID}?q=people%20smuggling`,
    `/documents/${HOSTILE_ID}`,
    `/documents/${HOSTILE_ID}?q=NATO`,
    `/documents/${HOSTILE_TEXT_ID}?q=NATO%20planners`,
    '/themes',
    '/people',
    '/people/julian-king',
    '/about',
  ];
  for (const path of PAGES) {
    it(`GET ${path} is a 200 HTML page without live markup from documents`, async () => {
      const res = await request(site.app).get(path).expect(200).expect('Content-Type', /text\/html/);
      assert.match(res.text, /<!doctype html>/i);
      assertNoLiveMarkup(res.text, path);
    });
  }

  it('shows the seed document with provenance, people with roles, themes with evidence and anchored passages', async () => {
    const res = await request(site.app).get(`/documents/${SEED_ID}`).expect(200);
    assert.match(res.text, /UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead/);
    assert.match(res.text, /5 May 2025/);
    assert.match(res.text, /Source: (read from the text|file name|sidecar|front matter)/);
    assert.match(res.text, /href="\/people\/julian-king">[^<]*Julian King<\/a> <span class="role">Speaker/);
    assert.match(res.text, /href="\/people\/eleanor-spaventa">[^<]*Eleanor Spaventa<\/a> <span class="role">Chair/);
    assert.match(res.text, /class="evidence">because of “/);
    for (const passage of seedPassages) {
      assert.ok(res.text.includes(`id="${passage.id}"`), `anchor for ${passage.id}`);
      assert.ok(res.text.includes(`href="/passages/${passage.id}" data-copy-permalink`), `copy link for ${passage.id}`);
    }
    assert.match(res.text, /href="\/documents\/uk-eu-defence-roundtable-2025-txt\/file"/);
    assert.match(res.text, /Cite this document/);
    assert.match(res.text, /Related documents/);
  });

  it('highlights query terms on a document page when arriving from a search', async () => {
    const res = await request(site.app).get(`/documents/${SEED_ID}?q=people%20smuggling`).expect(200);
    assert.match(res.text, /<mark>people<\/mark> <mark>smuggling<\/mark>/);
    assert.match(res.text, /passage--match/);
  });

  it('escapes hostile titles, names, organisations and text, including a literal </mark>', async () => {
    const meta = await request(site.app).get(`/documents/${HOSTILE_ID}`).expect(200);
    assert.ok(meta.text.includes('Hostile &lt;script&gt;alert(1)&lt;/script&gt; paper &lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(meta.text.includes('Institute &lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(meta.text.includes('Mallory &lt;script&gt;alert(1)&lt;/script&gt; Jones'));
    const res = await request(site.app).get(`/documents/${HOSTILE_TEXT_ID}?q=NATO`).expect(200);
    assert.ok(res.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(res.text.includes('&lt;/mark&gt;'));
    assert.ok(res.text.includes('<mark>NATO</mark>'));
    const marks = res.text.match(/<mark>/g)?.length ?? 0;
    const closes = res.text.match(/<\/mark>/g)?.length ?? 0;
    assert.equal(marks, closes, 'every <mark> is closed by our own </mark> only');
    const search = await request(site.app).get('/?q=NATO%20planners').expect(200);
    assert.ok(search.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assertNoLiveMarkup(search.text, 'search');
    const api = await request(site.app).get('/api/search?q=NATO%20planners').expect(200);
    const snippets = (api.body as { hits: { passages: { snippet: string }[] }[] }).hits.flatMap((h) => h.passages.map((p) => p.snippet));
    assert.ok(snippets.some((s) => s.includes('&lt;script&gt;alert(1)&lt;/script&gt;')), 'the payload is in a snippet, escaped');
    assert.ok(snippets.every((s) => !/<(?!\/?mark>)/.test(s)), 'API snippets are escaped HTML with <mark> only');
  });

  const HOSTILE_PARAMS = [
    `/?q=${encodeURIComponent(XSS[0])}`,
    `/?q=${encodeURIComponent(XSS[1])}`,
    `/?q=${encodeURIComponent(`"><script>alert(1)</script>`)}`,
    `/?speaker=${encodeURIComponent(XSS[0])}`,
    `/?org=${encodeURIComponent(XSS[1])}`,
    `/?from=${encodeURIComponent(XSS[0])}`,
    `/?sort=${encodeURIComponent(XSS[1])}`,
    `/?${encodeURIComponent(XSS[0])}=1`,
    `/documents/${SEED_ID}?q=${encodeURIComponent(XSS[0])}`,
    `/documents/${encodeURIComponent(XSS[0])}`,
    `/passages/${encodeURIComponent(XSS[1])}`,
    `/people/${encodeURIComponent(XSS[0])}`,
    `/${encodeURIComponent(XSS[0])}`,
    `/documents/${SEED_ID}?notice=${encodeURIComponent(XSS[0])}`,
  ];
  for (const path of HOSTILE_PARAMS) {
    it(`never reflects markup unescaped: ${path.slice(0, 60)}`, async () => {
      const res = await request(site.app).get(path);
      assert.ok([200, 400, 404].includes(res.status), `status ${res.status}`);
      assertNoLiveMarkup(res.text, path);
      assert.ok(!res.text.includes('"><script>'), 'attribute break-out');
    });
  }

  it('redirects a passage permalink to its anchor in the document', async () => {
    const passage = seedPassages[1] ?? seedPassages[0]!;
    const res = await request(site.app).get(`/passages/${passage.id}`).expect(302);
    assert.equal(res.headers['location'], `/documents/${SEED_ID}?passage=${passage.id}#${passage.id}`);
  });

  it('sends a changed passage to its document with a notice, and a gone one to a 404 with a search box', async () => {
    const changed = await request(site.app).get(`/passages/${SEED_ID}_deadbeef`).expect(302);
    assert.equal(changed.headers['location'], `/documents/${SEED_ID}?notice=passage-changed`);
    const page = await request(site.app).get(changed.headers['location']!).expect(200);
    assert.match(page.text, /class="notice" role="status">The passage you linked to has changed/);
    const gone = await request(site.app).get('/passages/no-such-document_deadbeef').expect(404);
    assert.match(gone.text, /no longer in the collection/);
    assert.match(gone.text, /<form class="search-form"/);
    await request(site.app).get('/passages/not a passage').expect(404);
  });

  it('404s unknown documents, people and paths, as pages and as JSON', async () => {
    for (const path of ['/documents/no-such-document', '/documents/Bad_Id', '/people/nobody-at-all', '/no/such/page']) {
      const res = await request(site.app).get(path).expect(404).expect('Content-Type', /html/);
      assert.match(res.text, /Not found/);
    }
    for (const path of ['/api/documents/no-such-document', '/api/passages/no-such-document_deadbeef', '/api/nothing']) {
      const res = await request(site.app).get(path).expect(404).expect('Content-Type', /json/);
      assert.equal(typeof (res.body as { error: unknown }).error, 'string');
    }
  });

  it('serves the original file from the corpus with a safe content type', async () => {
    const text = await request(site.app).get(`/documents/${SEED_ID}/file`).expect(200);
    assert.match(String(text.headers['content-type']), /^text\/plain/);
    assert.equal(text.headers['x-content-type-options'], 'nosniff');
    assert.match(text.text, /Taking Stock and Looking Ahead/);
    const html = await request(site.app).get(`/documents/${HTML_ID}/file`).expect(200);
    assert.match(String(html.headers['content-type']), /^text\/plain/, 'an HTML original is never served as HTML');
    assert.match(String(html.headers['content-security-policy']), /sandbox/);
    await request(site.app).get('/documents/..%2F..%2Fetc%2Fpasswd/file').expect(404);
    await request(site.app).get('/documents/no-such-document/file').expect(404);
  });

  it('cites a document and a passage in every format, as downloads and JSON', async () => {
    const passage = seedPassages[0]!;
    for (const format of ['apa', 'chicago', 'chicago-notes', 'harvard', 'oscola', 'mhra', 'bibtex', 'biblatex', 'ris', 'csl-json']) {
      const res = await request(site.app).get(`/documents/${SEED_ID}/cite?format=${format}&passage=${passage.id}`).expect(200);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="/);
      assert.ok(res.text.includes(`/passages/${passage.id}`), `${format} cites the passage permalink`);
    }
    const json = await request(site.app).get(`/api/cite?id=${SEED_ID}`).expect(200);
    assert.match(JSON.stringify(json.body), /Spaventa|Dashwood|Bocconi/);
    await request(site.app).get(`/documents/${SEED_ID}/cite?format=mla`).expect(400);
    await request(site.app).get(`/documents/${SEED_ID}/cite?format=apa&passage=other-doc_deadbeef`).expect(400);
    await request(site.app).get('/api/cite').expect(400);
  });

  it('exports the result set as CSV, BibTeX and RIS and publishes an Atom feed', async () => {
    const csv = await request(site.app).get('/export.csv?q=NATO').expect(200).expect('Content-Type', /text\/csv/);
    const api = await request(site.app).get('/api/search?q=NATO').expect(200);
    const total = (api.body as { total: number }).total;
    assert.ok(total >= 2);
    for (const hit of (api.body as { hits: { id: string }[] }).hits) assert.ok(csv.text.includes(hit.id), `CSV has ${hit.id}`);
    await request(site.app).get('/export.bib?theme=migration').expect(200).expect('Content-Type', /bibtex/);
    await request(site.app).get('/export.ris').expect(200).expect('Content-Type', /research-info-systems/);
    const feed = await request(site.app).get('/feed.atom?q=NATO').expect(200).expect('Content-Type', /atom\+xml/);
    assert.match(feed.text, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assertNoLiveMarkup(feed.text.replace(/&lt;|&gt;/g, ''), 'feed');
    await request(site.app).get('/export.csv?from=banana').expect(400);
  });

  it('answers the JSON API: search shape, documents, passages, themes, people', async () => {
    const search = await request(site.app).get('/api/search?q=people%20smuggling').expect(200);
    const body = search.body as Record<string, unknown>;
    for (const key of ['query', 'total', 'page', 'pages', 'hits', 'facets']) assert.ok(key in body, key);
    assert.deepEqual(Object.keys(body['facets'] as object).sort(), ['mentions', 'org', 'speaker', 'theme', 'type', 'year']);
    const doc = (await request(site.app).get(`/api/documents/${SEED_ID}`).expect(200)).body as ApiDocument & Record<string, unknown>;
    assert.equal(doc.title, 'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead');
    assert.ok(!('fingerprint' in doc));
    const passage = (await request(site.app).get(`/api/passages/${seedPassages[0]!.id}`).expect(200)).body as { docId: string; text: string };
    assert.equal(passage.docId, SEED_ID);
    const themes = (await request(site.app).get('/api/themes').expect(200)).body as { themes: { id: string; count: number }[] };
    assert.ok(themes.themes.some((t) => t.count > 0));
    const people = (await request(site.app).get('/api/people').expect(200)).body as { people: { slug: string; roles: string[]; documents: number }[] };
    const king = people.people.find((p) => p.slug === 'julian-king');
    assert.ok(king && king.documents >= 2 && king.roles.includes('speaker'));
  });

  it('lists themes with counts linking to a filtered search, and people A–Z', async () => {
    const themes = await request(site.app).get('/themes').expect(200);
    assert.match(themes.text, /href="\/\?theme=migration"/);
    const people = await request(site.app).get('/people').expect(200);
    const dashwood = people.text.indexOf('Alan Dashwood');
    const king = people.text.indexOf('Julian King');
    const spaventa = people.text.indexOf('Eleanor Spaventa');
    assert.ok(dashwood > 0 && dashwood < king && king < spaventa, 'sorted by surname');
    const person = await request(site.app).get('/people/julian-king').expect(200);
    assert.match(person.text, /Sanctions and the CFSP after Brexit/);
    assert.match(person.text, /Taking Stock and Looking Ahead/);
  });

  it('sends security headers and a CSP without inline script on every page', async () => {
    for (const path of ['/', `/documents/${SEED_ID}`, '/no-such-page', '/api/search', '/?from=banana']) {
      const res = await request(site.app).get(path);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.ok(!csp.includes('unsafe-inline'));
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.ok(res.headers['x-frame-options']);
      assert.equal(res.headers['x-powered-by'], undefined);
      if (/html/.test(String(res.headers['content-type']))) {
        assert.ok(!/<script(?![^>]*src=)/i.test(res.text), `${path}: inline script`);
        assert.ok(!/<[^>]+\son(click|load|error|submit|change)=/i.test(res.text), `${path}: inline handler`);
      }
    }
  });

  it('searches with a search-only key and never sends the master key', async () => {
    assert.ok(site.masterKey, 'the test engine is secured');
    assert.ok(site.searchKey && site.searchKey !== site.masterKey);
    const paths = [...PAGES, '/api/search', `/api/documents/${SEED_ID}`, '/api/people', '/api/themes', '/readyz', '/healthz', '/nope', '/?from=banana', '/export.csv', '/feed.atom'];
    for (const path of paths) {
      const res = await request(site.app).get(path);
      const everything = JSON.stringify(res.headers) + res.text;
      assert.ok(!everything.includes(site.masterKey), `${path} leaks the master key`);
      assert.ok(!everything.includes(site.searchKey), `${path} leaks the search key`);
    }
  });

  it('reports liveness and readiness', async () => {
    await request(site.app).get('/healthz').expect(200, { status: 'ok' });
    await request(site.app).get('/readyz').expect(200, { status: 'ready' });
  });

  it('serves the stylesheet and the enhancement script', async () => {
    await request(site.app).get('/static/style.css').expect(200).expect('Content-Type', /css/);
    await request(site.app).get('/static/app.js').expect(200).expect('Content-Type', /javascript/);
  });
});
