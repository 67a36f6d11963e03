/** The query box's syntax, whole-word highlights and name matching: pure functions, no engine. */
import { strict as assert } from 'node:assert';
import { parseQuery, rarityWeight, SINGLE_TERM_WEIGHT, STEM_WEIGHT, tellsAlone, weighByRarity } from '../../server/search/query-text.js';
import { highlightHtml, stemSnippet } from '../../server/search/highlight.js';
import { stemText } from '../../contract/stems.js';
import { closestNames, NameList, sameName, speakersNamed, withinOneEdit } from '../../server/search/names.js';
import { editDistance } from '../../server/search/edit-distance.js';
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
    assert.deepEqual(parsed.alternatives.filter((a) => !a.stems).map((a) => a.text), ['what did the UK agree -draft', 'UK -draft', 'agree -draft']);
    assert.deepEqual(parsed.alternatives.find((a) => a.term === 'UK')!.acronyms, ['UK']);
  });

  it('leaves a question mark or full stop off a word, but not an abbreviation\'s', () => {
    assert.deepEqual(parseQuery('illegal migration? defence, U.S.', ACRONYMS).terms, ['illegal', 'migration', 'defence', 'U.S.']);
  });

  it('reads consecutive words that make a glossary term of several words as one term', () => {
    const phrases = new Map([['illegal migration', null], ['european union', 'EU']]);
    const parsed = parseQuery('UK cooperation on Illegal Migration', ACRONYMS, phrases);
    assert.deepEqual(parsed.terms, ['UK', 'cooperation', 'on', 'Illegal Migration']);
    assert.ok(parsed.alternatives.some((a) => a.term === 'Illegal Migration'), 'the term is searched alone, whole');
    assert.deepEqual(parsed.acronyms, ['UK'], 'a synonym group means no acronym');
    const entry = parseQuery('European Union fisheries', ACRONYMS, phrases);
    assert.deepEqual([entry.terms, entry.acronyms], [['European Union', 'fisheries'], ['EU']], "an acronym's expansion means its entry, as the acronym in capitals does");
    assert.deepEqual(entry.alternatives.find((a) => a.term === 'European Union')?.acronyms, ['EU']);
    assert.deepEqual(parseQuery('illegal -migration', ACRONYMS, phrases).terms, ['illegal'], 'an excluded word is not joined');
    assert.equal(parseQuery('illegal OR migration', ACRONYMS, phrases).anyOf, true, 'OR keeps its words apart');
  });
});

describe('word forms', () => {
  it('stems the forms of a word alike', () => {
    assert.equal(stemText('spending spends spend'), 'spend spend spend');
    assert.equal(stemText('Investments, investing'), 'invest invest');
  });

  it('searches the query in stems too, below the words as written, and only when some word has another form', () => {
    const stems = parseQuery('defence spending -loans', ACRONYMS).alternatives.find((a) => a.stems);
    assert.deepEqual(stems && [stems.text, stems.weight], ['defenc spend -loan', STEM_WEIGHT]);
    assert.ok(STEM_WEIGHT < 1);
    assert.equal(parseQuery('nato summit', ACRONYMS).alternatives.some((a) => a.stems), false);
  });

  it('marks every form of the query\'s words in a passage found by stems, cut around the first', () => {
    const text = `${'Filler words here. '.repeat(20)}We must spend more, and spending must rise; the spender pays.`;
    const marked = stemSnippet(text, new Set(['spend']), 12);
    assert.equal(highlightHtml(marked).match(/<mark>[^<]+<\/mark>/g)?.join(' '), '<mark>spend</mark> <mark>spending</mark>');
    assert.ok(marked.startsWith('…'), marked);
  });
});

describe('reading a query for ranking', () => {
  it('searches a phrase with & also with "and", word by word too', () => {
    const parsed = parseQuery('"Security & Defence Partnership"', ACRONYMS);
    const asWritten = (q: ReturnType<typeof parseQuery>) => q.alternatives.filter((a) => !a.stems).map((a) => a.text);
    assert.deepEqual(asWritten(parsed), ['"Security & Defence Partnership"', '"Security and Defence Partnership"']);
    assert.equal(parsed.alternatives.find((a) => a.stems)?.text, '"secur and defenc partnership"');
    const longer = parseQuery('"R & D" spending', ACRONYMS);
    assert.deepEqual(asWritten(longer), ['"R & D" spending', '"R and D" spending', '"R & D"', 'spending']);
    assert.equal(parseQuery('"R&D"', ACRONYMS).alternatives.length, 1, 'an & inside a word stays as typed');
  });

  it('also searches the query without its rarest word, counting as much as the information its other words carry', () => {
    const parsed = parseQuery('NATO EU cooperation', new Set(['NATO', 'EU']));
    const weighed = weighByRarity(parsed, new Map([['NATO', 30], ['EU', 60], ['cooperation', 10]]), 100);
    const without = weighed.alternatives.find((a) => a.dropped !== undefined);
    assert.deepEqual(without && [without.text, without.acronyms, without.dropped], ['NATO EU', ['NATO', 'EU'], 'cooperation']);
    const share = (Math.log(100 / 30) + Math.log(100 / 60)) / (Math.log(100 / 30) + Math.log(100 / 60) + Math.log(100 / 10));
    assert.ok(Math.abs(without!.weight! - share) < 1e-9, String(without!.weight));
    // A rarest word nothing has carries nothing: the rest is searched almost as the whole query.
    const typo = weighByRarity(parseQuery('Rute NATO speech', new Set(['NATO'])), new Map([['Rute', 0], ['NATO', 30], ['speech', 20]]), 100);
    assert.equal(typo.alternatives.find((a) => a.dropped === 'Rute')?.text, 'NATO speech');
    assert.equal(weighByRarity(parseQuery('sanctions', ACRONYMS), new Map([['sanctions', 3]]), 100).alternatives.some((a) => a.dropped), false);
  });

  it('does not search alone a word more than half the collection has', () => {
    assert.ok(tellsAlone(50, 100) && !tellsAlone(51, 100));
    const weighed = weighByRarity(parseQuery('EU fisheries quotas', new Set(['EU'])), new Map([['EU', 80], ['fisheries', 3], ['quotas', 5]]), 100);
    assert.deepEqual(weighed.alternatives.filter((a) => a.term !== undefined).map((a) => a.term), ['fisheries', 'quotas']);
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
  it('tells words one edit apart as the edit distance does', () => {
    const words = ['kallas', 'kalas', 'kallass', 'kalla', 'kellas', 'skallas', 'allas', 'kallsa', 'rutte', 'rute', 'ruttee', 'x', '', 'ab', 'ba'];
    for (const a of words) for (const b of words) assert.equal(withinOneEdit(a, b), editDistance(a, b) <= 1, `${a} / ${b}`);
  });

  it('gives the same answers from a list folded once as from the names themselves', () => {
    const names = [...known, 'Kaja Kallas-Smith', 'Nicolás Pascual de la Parte', 'Jo Lee'];
    const list = new NameList(names);
    assert.deepEqual([...list], names);
    for (const input of ['antonio COSTA', 'Kalas', 'julian king', 'Zbigniew', 'Nicolas Pascual de la Parte']) {
      assert.deepEqual(sameName(input, list), sameName(input, names), input);
      assert.deepEqual(closestNames(input, list), closestNames(input, names), input);
    }
    for (const words of [['Kalas', 'sanctions'], ['jo', 'lee'], ['costa'], ['parte']]) assert.deepEqual(speakersNamed(words, list), speakersNamed(words, names), words.join(' '));
  });
});

describe('passage locations', () => {
  it('is a page in a paginated document, section and paragraph otherwise', () => {
    assert.equal(passageLocation({ format: 'pdf', pages: 9 }, { page: 4, ordinal: 12, heading: 'Findings' }), 'Page 4');
    assert.equal(passageLocation({ format: 'markdown', pages: 1 }, { page: 1, ordinal: 6, heading: 'Findings' }), 'Findings, paragraph 7');
    assert.equal(passageLocation({ format: 'text', pages: 1 }, { page: 1, ordinal: 0, heading: null }), 'Paragraph 1');
  });
});
