/** The query box's syntax, whole-word highlights and name matching: pure functions, no engine. */
import { strict as assert } from 'node:assert';
import { parseQuery, rarityWeight, SINGLE_TERM_WEIGHT } from '../../server/search/query-text.js';
import { highlightHtml } from '../../server/search/highlight.js';
import { closestNames, sameName, speakersNamed } from '../../server/search/names.js';
import { passageLocation } from '../../contract/document.js';

const ACRONYMS = new Set(['SAFE', 'EDF', 'HR/VP', 'UK']);

describe('query syntax', () => {
  it('keeps phrases and exclusions, and reads a glossary acronym in capitals as an acronym', () => {
    const parsed = parseQuery('"joint procurement" SAFE -nato loans', ACRONYMS);
    assert.equal(parsed.text, '"joint procurement" SAFE -nato loans');
    assert.deepEqual(parsed.terms, ['"joint procurement"', 'SAFE', 'loans']);
    assert.deepEqual(parsed.excluded, ['nato']);
    assert.deepEqual(parsed.acronyms, ['SAFE']);
  });

  it('reads "safe" in lower case as the word, and an acronym not in the glossary as a word', () => {
    assert.deepEqual(parseQuery('safe loans', ACRONYMS).acronyms, []);
    assert.deepEqual(parseQuery('PESCO', ACRONYMS).acronyms, []);
  });

  it('joins OR alternatives, OR binding the terms beside it, each with its own acronyms', () => {
    const parsed = parseQuery('uk ferry OR SAFE', ACRONYMS);
    assert.ok(parsed.anyOf);
    assert.deepEqual(parsed.alternatives.map((a) => [a.text, a.acronyms]), [['uk ferry', []], ['uk SAFE', ['SAFE']]]);
  });

  it('drops what cannot be read: a lone quote, a lone minus, OR at either end or twice', () => {
    for (const [q, text] of [['"joint procurement', 'joint procurement'], ['- OR "', ''], ['OR ferry OR', 'ferry'], ['a OR OR b', 'a b'], ['--word', '-word'], ['""', ''], ['“curly quotes”', '"curly quotes"']] as const) {
      assert.equal(parseQuery(q, ACRONYMS).text, text, q);
    }
  });

  it('answers a question in several words word by word too, leaving out function words', () => {
    const parsed = parseQuery('what did the UK agree -draft', ACRONYMS);
    assert.deepEqual(parsed.alternatives.map((a) => a.text), ['what did the UK agree -draft', 'UK -draft', 'agree -draft']);
    assert.deepEqual(parsed.alternatives[1]!.acronyms, ['UK']);
  });
});

describe('reading a query for ranking', () => {
  it('searches a phrase with & also with "and", word by word too', () => {
    const parsed = parseQuery('"Security & Defence Partnership"', ACRONYMS);
    assert.deepEqual(parsed.alternatives.map((a) => a.text), ['"Security & Defence Partnership"', '"Security and Defence Partnership"']);
    const longer = parseQuery('"R & D" spending', ACRONYMS);
    assert.deepEqual(longer.alternatives.map((a) => a.text), ['"R & D" spending', '"R and D" spending', '"R & D"', 'spending']);
    assert.equal(parseQuery('"R&D"', ACRONYMS).alternatives.length, 1, 'an & inside a word stays as typed');
  });

  it('weighs a word alone by its rarity: full in one document, next to nothing in all', () => {
    assert.equal(rarityWeight(1, 100), SINGLE_TERM_WEIGHT);
    assert.ok(rarityWeight(10, 100) < SINGLE_TERM_WEIGHT && rarityWeight(10, 100) > rarityWeight(60, 100));
    assert.ok(rarityWeight(100, 100) > 0 && rarityWeight(100, 100) < 0.05);
  });

  it('finds the speakers a query names, by whole name or surname, one typo in a long surname', () => {
    const known = ['Kaja Kallas', 'Mark Rutte', 'Nicolás Pascual de la Parte', 'Jo Lee'];
    assert.deepEqual(speakersNamed(['Kalas', 'sanctions'], known), ['Kaja Kallas']);
    assert.deepEqual(speakersNamed(['nicolas', 'pascual', 'de', 'la', 'parte'], known), ['Nicolás Pascual de la Parte']);
    assert.deepEqual(speakersNamed(['rute'], known), [], 'a short surname must be exact');
    assert.deepEqual(speakersNamed(['lee'], known), [], 'a surname under four letters needs the whole name');
    assert.deepEqual(speakersNamed(['jo', 'lee'], known), ['Jo Lee']);
  });
});

describe('highlights', () => {
  it('marks the whole word of a typo or prefix match, and escapes everything else', () => {
    assert.equal(highlightHtml('said \uE000Kalla\uE001s <b>'), 'said <mark>Kallas</mark> &lt;b&gt;');
    assert.equal(highlightHtml('\uE000NATO\uE001’s allies'), '<mark>NATO</mark>’s allies');
  });
});

describe('names', () => {
  const known = ['Kaja Kallas', 'António Costa', 'Julian King'];
  it('matches a name whatever its accents and case', () => {
    assert.deepEqual(sameName('antonio COSTA', known), ['António Costa']);
  });
  it('offers the closest names for a misspelt one, and none for a stranger', () => {
    assert.deepEqual(closestNames('Kalas', known), ['Kaja Kallas']);
    assert.deepEqual(closestNames('Zbigniew', known), []);
  });
});

describe('passage locations', () => {
  it('is a page in a paginated document, section and paragraph otherwise', () => {
    assert.equal(passageLocation({ format: 'pdf', pages: 9 }, { page: 4, ordinal: 12, heading: 'Findings' }), 'Page 4');
    assert.equal(passageLocation({ format: 'markdown', pages: 1 }, { page: 1, ordinal: 6, heading: 'Findings' }), 'Findings, paragraph 7');
    assert.equal(passageLocation({ format: 'text', pages: 1 }, { page: 1, ordinal: 0, heading: null }), 'Paragraph 1');
  });
});
