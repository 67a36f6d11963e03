/**
 * Search through the app, against the real indexer's output: the issue's
 * checks, exact disjunctive facet counts, dates, sorting, paging, bad input.
 */
import { strict as assert } from 'node:assert';
import request from 'supertest';
import { FACETS } from '../../contract/facets.js';
import { indexedSite, SEED_ID, type Site } from './site.js';

interface ApiHit {
  id: string;
  title: string;
  date: string | null;
  people: { name: string; role: string }[];
  themes: { id: string; label: string }[];
  url: string;
  passages: { id: string; page: number; snippet: string; permalink: string }[];
}
interface ApiSearch {
  query: string;
  total: number;
  page: number;
  pages: number;
  hits: ApiHit[];
  facets: Record<string, { value: string; label: string; count: number; selected: boolean }[]>;
}

describe('acceptance: search', function () {
  this.timeout(180_000);
  let site: Site;
  const api = async (query: string): Promise<ApiSearch> => {
    const res = await request(site.app).get(`/api/search?${query}`).expect(200).expect('Content-Type', /json/);
    return res.body as ApiSearch;
  };
  const ids = (result: ApiSearch) => result.hits.map((h) => h.id);

  before(async () => {
    site = await indexedSite('search');
    assert.equal(site.summary.failed.length, 0, JSON.stringify(site.summary.failed));
  });

  it('finds the seed with a passage about people smuggling for speaker Julian King', async () => {
    const result = await api('q=people%20smuggling&speaker=Julian%20King');
    const seed = result.hits.find((h) => h.id === SEED_ID);
    assert.ok(seed, `seed not in ${ids(result).join(', ')}`);
    assert.ok(seed.passages.length >= 1 && seed.passages.length <= 3);
    const passage = seed.passages.find((p) => /<mark>people<\/mark> <mark>smuggling<\/mark>/i.test(p.snippet));
    assert.ok(passage, JSON.stringify(seed.passages));
    assert.match(passage.permalink, new RegExp(`/passages/${SEED_ID}_[0-9a-f]{8}`));
    assert.deepEqual(
      seed.people.filter((p) => p.role === 'speaker').map((p) => p.name).sort(),
      ['Alan Dashwood', 'Jonathan Faull', 'Julian King'],
    );
    assert.ok(seed.people.some((p) => p.name === 'Eleanor Spaventa' && p.role === 'chair'));
  });

  it('ORs values within a facet: speaker=Julian King&speaker=Nobody still finds the seed', async () => {
    const result = await api('q=people%20smuggling&speaker=Julian%20King&speaker=Nobody');
    assert.ok(ids(result).includes(SEED_ID));
    const nobody = result.facets['speaker']?.find((v) => v.value === 'Nobody');
    assert.deepEqual(nobody && { count: nobody.count, selected: nobody.selected }, { count: 0, selected: true });
  });

  it('ANDs across facets', async () => {
    const result = await api('speaker=Julian%20King&type=briefing');
    assert.ok(!ids(result).includes(SEED_ID));
    assert.ok(result.total >= 1);
  });

  it('filters by inclusive dates: from=2025-05-06 excludes the seed, to=2025-05-05 includes it', async () => {
    assert.ok(!ids(await api('q=people%20smuggling&from=2025-05-06')).includes(SEED_ID));
    assert.ok(ids(await api('q=people%20smuggling&to=2025-05-05')).includes(SEED_ID));
    assert.ok(ids(await api('from=2025-05-05&to=2025-05-05')).includes(SEED_ID));
    assert.ok(ids(await api('from=2025&to=2025-05')).includes(SEED_ID));
    assert.ok(!ids(await api('to=2025-04')).includes(SEED_ID));
  });

  it('browses everything newest first without a query, and sorts oldest first on request', async () => {
    const newest = await api('');
    assert.equal(newest.query, '');
    assert.ok(newest.total >= 5);
    const dates = newest.hits.map((h) => h.date).filter((d): d is string => d !== null);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const oldest = await api('sort=oldest');
    const oldDates = oldest.hits.map((h) => h.date).filter((d): d is string => d !== null);
    assert.deepEqual(oldDates, [...oldDates].sort());
  });

  it('pages with exact totals', async () => {
    const all = await api('');
    const first = await api('per=10&page=1');
    assert.equal(first.total, all.total);
    assert.equal(first.pages, Math.ceil(all.total / 10));
    const beyond = await api(`per=10&page=${first.pages + 1}`);
    assert.equal(beyond.hits.length, 0);
    assert.equal(beyond.total, all.total);
  });

  /** For each facet value shown, selecting it must return exactly that many documents. */
  async function assertExactCounts(base: string): Promise<number> {
    const result = await api(base);
    let checked = 0;
    for (const facet of FACETS) {
      for (const value of result.facets[facet.param] ?? []) {
        if (value.selected) continue;
        const selected = await api(`${base}${base ? '&' : ''}${facet.param}=${encodeURIComponent(value.value)}&per=50`);
        // The facet's own other selections are ORed, so only an unselected facet can be compared directly.
        if ((result.facets[facet.param] ?? []).some((v) => v.selected)) continue;
        assert.equal(selected.total, value.count, `${facet.param}=${value.value} on "${base}": facet says ${value.count}, search returns ${selected.total}`);
        checked += 1;
      }
    }
    return checked;
  }

  it('facet counts are exact document counts, browsing and with a query', async () => {
    assert.ok((await assertExactCounts('')) >= 8);
    assert.ok((await assertExactCounts('q=NATO')) >= 3);
    assert.ok((await assertExactCounts('q=people%20smuggling')) >= 2);
  });

  it('disjunctive facets: counts beside a selected value stay those without it', async () => {
    const plain = await api('');
    const withType = await api('type=briefing');
    assert.deepEqual(withType.facets['type'], plain.facets['type']?.map((v) => ({ ...v, selected: v.value === 'briefing' })));
    // Other facets do apply the selection.
    const briefingYears = withType.facets['year']?.reduce((sum, v) => sum + v.count, 0) ?? 0;
    assert.ok(briefingYears <= withType.total);
  });

  it('facet values carry labels (theme labels from the taxonomy, type labels)', async () => {
    const result = await api('');
    const types = result.facets['type'] ?? [];
    assert.ok(types.some((v) => v.value === 'event-report' && v.label === 'Event report'));
    const themes = result.facets['theme'] ?? [];
    assert.ok(themes.length > 0);
    assert.ok(themes.every((v) => v.label.length > 0));
  });

  const BAD: [string, RegExp][] = [
    ['from=banana', /"from" must be a date/],
    ['to=2025-02-30', /"to" must be a date/],
    ['from=2025-06&to=2025-05', /before it starts/],
    ['sort=random', /Unknown sort/],
    ['page=0', /"page"/],
    ['page=abc', /"page"/],
    ['page=100000', /"page"/],
    ['per=7', /"per"/],
    ['type=novel', /Unknown document type/],
    ['theme=no-such-theme', /Unknown theme/],
    ['year=20x5', /"year"/],
    ['speakr=Julian', /Unknown parameter "speakr"/],
    ['q=a&q=b', /only once/],
    [`q=${'x'.repeat(600)}`, /too long/],
    ['theme[]=nato', /Unknown parameter/],
  ];

  for (const [query, message] of BAD) {
    it(`rejects ${query.slice(0, 40)} with 400 (JSON and HTML)`, async () => {
      const json = await request(site.app).get(`/api/search?${query}`).expect(400).expect('Content-Type', /json/);
      assert.match((json.body as { error: string }).error, message);
      const html = await request(site.app).get(`/?${query}`).expect(400).expect('Content-Type', /html/);
      assert.match(html.text, /Bad request/);
    });
  }

  it('renders the search page with facets, histogram, chips, sort and shareable links', async () => {
    const res = await request(site.app).get('/?q=NATO&type=speech').expect(200);
    assert.match(res.text, /<form[^>]+action="\/"[^>]+method="get"/);
    assert.match(res.text, /Active filters/);
    assert.match(res.text, /href="\/\?q=NATO"[^>]*aria-label="Remove filter Document type: Speech"/);
    assert.match(res.text, /<option value="relevance" selected>/);
    assert.match(res.text, /Remarks on NATO and European defence/);
    const browse = await request(site.app).get('/').expect(200);
    assert.match(browse.text, /<svg class="histogram__chart"[^>]+role="group"/);
    assert.match(browse.text, /<a href="\/\?year=2025" aria-label="2025: \d+ documents?"/);
    assert.match(browse.text, /href="\/export\.csv"/);
  });

  it('shows an empty state that suggests removing filters or a spelling', async () => {
    const res = await request(site.app).get('/?q=smugglng%20zzqqxx&type=speech').expect(200);
    assert.match(res.text, /No documents match/);
    assert.match(res.text, /Remove “Document type: Speech”/);
    // Four-letter words get no typo tolerance from the engine; the suggestion fixes them.
    const spelling = await request(site.app).get('/?q=julian%20kimg').expect(200);
    assert.match(spelling.text, /No documents match/);
    assert.match(spelling.text, /Did you mean <a href="\/\?q=julian%20king">/);
    // A respelling that would still find nothing is not offered.
    const hopeless = await request(site.app).get('/?q=smugglingg%20xqxqxqxq').expect(200);
    assert.doesNotMatch(hopeless.text, /Did you mean/);
  });
});
