import { strict as assert } from 'node:assert';
import { BadRequest } from '../../server/errors.js';
import { effectiveSort, parseDateBound, parseSearchState, type RawParams } from '../../server/search/state.js';
import { stateUrl, toggleValue } from '../../server/search/url.js';

const context = { themeIds: new Set(['nato', 'migration']) };
const parse = (params: RawParams) => parseSearchState(params, context);
const rejects = (params: RawParams, pattern: RegExp) =>
  assert.throws(() => parse(params), (err: unknown) => err instanceof BadRequest && pattern.test(err.message));

describe('search state from request parameters', () => {
  it('defaults to browsing everything, newest first, 20 per page', () => {
    const state = parse({});
    assert.equal(state.q, '');
    assert.equal(state.page, 1);
    assert.equal(state.per, 20);
    assert.equal(effectiveSort(state), 'newest');
  });

  it('ranks by relevance once there is a query', () => {
    assert.equal(effectiveSort(parse({ q: 'NATO' })), 'relevance');
    assert.equal(effectiveSort(parse({ q: 'NATO', sort: 'oldest' })), 'oldest');
  });

  it('keeps repeated facet values (OR within a facet) and drops duplicates and blanks', () => {
    const state = parse({ speaker: ['Julian King', 'Nobody', 'Julian King', ''], theme: 'nato' });
    assert.deepEqual(state.selections.speaker, ['Julian King', 'Nobody']);
    assert.deepEqual(state.selections.theme, ['nato']);
  });

  it('treats empty form fields as absent', () => {
    const state = parse({ q: '', from: '', to: '', sort: '' });
    assert.equal(state.from, null);
    assert.equal(state.to, null);
    assert.equal(state.sort, null);
  });

  it('reads dates as inclusive periods', () => {
    assert.equal(parseDateBound('from', '2025', 'start').day, '2025-01-01');
    assert.equal(parseDateBound('to', '2025', 'end').day, '2025-12-31');
    assert.equal(parseDateBound('to', '2025-05', 'end').day, '2025-05-31');
    assert.equal(parseDateBound('to', '2024-02', 'end').day, '2024-02-29');
    assert.equal(parseDateBound('from', '2025-05-06', 'start').ts, Date.UTC(2025, 4, 6) / 1000);
  });

  it('rejects malformed and impossible dates, and ranges that end before they start', () => {
    rejects({ from: 'banana' }, /"from" must be a date/);
    rejects({ to: '2025-02-30' }, /"to" must be a date/);
    rejects({ from: '2025-13' }, /"from" must be a date/);
    rejects({ from: '2025-06', to: '2025-05' }, /ends \(2025-05\) before it starts \(2025-06\)/);
    assert.doesNotThrow(() => parse({ from: '2025-05', to: '2025-05' }));
  });

  it('rejects unknown parameters, themes, types, sorts and out-of-range paging', () => {
    rejects({ speakr: 'x' }, /Unknown parameter "speakr"/);
    rejects({ theme: 'not-a-theme' }, /Unknown theme/);
    rejects({ type: 'novel' }, /Unknown document type/);
    rejects({ sort: 'random' }, /Unknown sort/);
    rejects({ year: '25' }, /four-digit year/);
    rejects({ page: '0' }, /between 1 and 500/);
    rejects({ page: '1e3' }, /whole number/);
    rejects({ per: '15' }, /one of 10, 20, 50/);
    rejects({ q: ['a', 'b'] }, /only once/);
    rejects({ q: 'x'.repeat(501) }, /too long/);
  });

  /** What a shared URL means: the state a visitor opening it gets. */
  function opened(url: string) {
    const parsed = new URL(url, 'http://entente.example');
    assert.equal(parsed.pathname, '/');
    const params: RawParams = {};
    for (const key of new Set(parsed.searchParams.keys())) {
      const values = parsed.searchParams.getAll(key);
      params[key] = values.length === 1 ? values[0] : values;
    }
    return parse(params);
  }

  it('writes a shareable URL that opens the same search, and toggles values back to page 1', () => {
    const state = parse({ q: 'people smuggling', speaker: ['Julian King', 'Jonathan Faull'], theme: 'nato', from: '2024-05', sort: 'oldest', page: '2' });
    assert.deepEqual(opened(stateUrl(state)), state);

    const without = opened(stateUrl(toggleValue(state, 'speaker', 'Julian King')));
    assert.deepEqual(without.selections.speaker, ['Jonathan Faull']);
    assert.equal(without.page, 1);
    assert.deepEqual({ ...without, selections: { ...without.selections, speaker: state.selections.speaker }, page: state.page }, state);

    const added = opened(stateUrl(toggleValue(state, 'theme', 'migration')));
    assert.deepEqual([...added.selections.theme].sort(), ['migration', 'nato']);
    assert.equal(added.page, 1);
    assert.deepEqual(opened(stateUrl(parse({}))), parse({}), 'an empty search stays empty');
  });
});
