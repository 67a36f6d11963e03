import { strict as assert } from 'node:assert';
import {
  citationFile,
  citationKey,
  citeDocument,
  CITATION_FORMATS,
  isCitationFormatId,
  type Citation,
} from '../../server/citation/index.js';
import { isoDay } from '../../server/citation/text.js';
import {
  ACCESSED,
  BASE_URL,
  HOSTILE_ORG,
  hostileDocument,
  passageOf,
  policyPaper,
  seedEventReport,
} from '../fixtures/citation-documents.js';

const SEED_URL = `${BASE_URL}/documents/uk-eu-defence-roundtable-2025-txt`;

function risLines(ris: string): string[] {
  return ris.split('\r\n').filter((line) => line !== '');
}

/** Field values of one BibTeX entry (url excluded: verbatim by design). */
function bibtexFieldValues(entry: string): string[] {
  return entry
    .split('\n')
    .filter((line) => /^\t\w+ = \{/.test(line) && !line.startsWith('\turl'))
    .map((line) => line.replace(/^\t\w+ = \{/, '').replace(/\},$/, ''));
}

function bracesBalanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** TeX specials that are not part of an escape sequence. */
function rawTexSpecials(value: string): string {
  return value
    .replace(/\\text[a-z]+\{\}/g, '')
    .replace(/\\[&%$#_]/g, '')
    .replace(/\{\\[`'^"~=.uvHcdb] ?\{?\w\}?\}/g, '')
    .replace(/[{}]/g, '')
    .replace(/[^\\&%$#_~^]/g, '');
}

/** Italics, and the link to the Entente copy after a reference. */
const ALLOWED_TAG = /^(?:<\/?i>|<a href="http:\/\/localhost:3000\/(?:passages|documents)\/[\w-]+">|<\/a>)$/;

function assertSafeHtml(html: string): void {
  for (const tag of html.match(/<[^>]*>?/g) ?? []) assert.match(tag, ALLOWED_TAG, `unexpected markup ${tag} in ${html}`);
  assert.doesNotMatch(html, /<script|<\/mark|<img|<b>/i);
}

describe('citations: the seed event report (no known source: the Entente copy is cited)', () => {
  let citation: Citation;
  before(() => {
    citation = citeDocument(seedEventReport(), { baseUrl: BASE_URL, accessed: ACCESSED });
  });

  it('APA names the organisation as author, gives the year of the report, italicises the title and points at the Entente copy', () => {
    assert.equal(
      citation.styles.apa.text,
      'Institute for European Policymaking at Bocconi University. (2025). ' +
        'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead [Event report]. ' +
        SEED_URL,
    );
    assert.equal(
      citation.styles.apa.html,
      'Institute for European Policymaking at Bocconi University. (2025). ' +
        '<i>UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead</i> [Event report]. ' +
        SEED_URL,
    );
    assert.equal(citation.styles.apa.inText.text, '(Institute for European Policymaking at Bocconi University, 2025)');
    assert.doesNotMatch(citation.styles.apa.text, /Retrieved from Entente/, 'the copy is already the address given');
  });

  it('Chicago author-date gives kind, place and publisher', () => {
    assert.equal(
      citation.styles.chicago.text,
      'Institute for European Policymaking at Bocconi University. 2025. ' +
        '“UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead.” Event report. Brussels: Institute for European Policymaking at Bocconi University. ' +
        `${SEED_URL}.`,
    );
    assert.equal(citation.styles.chicago.inText.text, '(Institute for European Policymaking at Bocconi University 2025)');
  });

  it('CSL-JSON describes a report: institutional author, place, full date, the Entente URL and no archive', () => {
    const item = citation.cslJson;
    assert.equal(item.type, 'report');
    assert.equal(item.genre, 'Event report');
    assert.deepEqual(item.author, [{ literal: 'Institute for European Policymaking at Bocconi University' }]);
    assert.equal(item['publisher-place'], 'Brussels');
    assert.deepEqual(item.issued, { 'date-parts': [[2025, 5, 5]] });
    assert.equal(item.publisher, 'Institute for European Policymaking at Bocconi University');
    assert.equal(item.URL, SEED_URL);
    assert.equal(item.archive_location, undefined);
    assert.equal(item.note, undefined);
    assert.deepEqual(item.accessed, { 'date-parts': [[2025, 6, 1]] });
    assert.equal(item.page, undefined);
  });

  it('BibTeX is a @techreport with a stable key, the organisation braced as one name and the title braced whole', () => {
    assert.match(citation.bibtex, /^@techreport\{iepbu2025ukeu,\n/);
    assert.match(citation.bibtex, /\tauthor = \{\{Institute for European Policymaking at Bocconi University\}\},/);
    assert.match(citation.bibtex, /\ttitle = \{\{UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead\}\},/);
    assert.match(citation.bibtex, /\turl = \{http:\/\/localhost:3000\/documents\/uk-eu-defence-roundtable-2025-txt\},/);
    assert.match(citation.bibtex, /\tmonth = may,/);
    assert.match(citation.bibtex, /\turldate = \{2025-06-01\},/);
    assert.match(citation.biblatex, /^@report\{iepbu2025ukeu,\n/);
    assert.match(citation.biblatex, /\tdate = \{2025-05-05\},/);
    assert.equal(citationKey(seedEventReport()), 'iepbu2025ukeu');
  });

  it('RIS has the required tags in order, CRLF lines, and closes with ER', () => {
    const lines = risLines(citation.ris);
    assert.equal(lines[0], 'TY  - RPRT');
    assert.ok(lines.includes('TI  - UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead'));
    assert.ok(lines.includes('AU  - Institute for European Policymaking at Bocconi University'));
    assert.ok(lines.includes('PY  - 2025'));
    assert.ok(lines.includes('DA  - 2025/05/05/'));
    assert.ok(lines.includes('PB  - Institute for European Policymaking at Bocconi University'));
    assert.ok(lines.includes('CY  - Brussels'));
    assert.ok(lines.includes(`UR  - ${SEED_URL}`));
    assert.ok(lines.includes('Y2  - 2025/06/01/'));
    assert.equal(lines.at(-1), 'ER  - ');
    assert.ok(!lines.some((line) => line.startsWith('SP ')), 'no page for a document without pages');
    assert.ok(!lines.some((line) => line.startsWith('L2 ')), 'no second link when the copy is the only one');
    assert.ok(citation.ris.endsWith('ER  - \r\n'));
    assert.ok(!/[^\r]\n/.test(citation.ris), 'every line ends in CRLF');
  });

  it('a passage of an unpaginated text cites the passage permalink and its number as the pinpoint', () => {
    const seed = seedEventReport();
    const cited = citeDocument(seed, { baseUrl: `${BASE_URL}/`, passage: passageOf(seed, 1), accessed: ACCESSED });
    const permalink = `${BASE_URL}/passages/${seed.id}_0a1b2c3d`;
    assert.equal(cited.cslJson.URL, permalink);
    assert.equal(cited.cslJson.page, undefined);
    assert.ok(cited.styles.apa.text.endsWith(permalink));
    assert.equal(cited.styles.apa.inText.text, '(Institute for European Policymaking at Bocconi University, 2025, para. 13)');
    assert.deepEqual(cited.pinpoint, { label: 'paragraph', value: '13' });
    assert.doesNotMatch(cited.bibtex, /pages/);
    assert.match(cited.bibtex, /note = \{Cited at para\. 13\}/);
  });
});

describe('citations: a PDF policy paper with two authors and a source URL, passage on page 7', () => {
  const paper = policyPaper();
  const ORIGINAL = 'https://example.org/rebuilding-european-defence.pdf';
  const passage = passageOf(paper, 7);
  const permalink = `${BASE_URL}/passages/${paper.id}_0a1b2c3d`;
  let citation: Citation;
  before(() => {
    citation = citeDocument(paper, { baseUrl: BASE_URL, passage, accessed: ACCESSED });
  });

  it('APA lists both authors, year, italic title, publisher and the original URL, then the passage in Entente; the in-text citation has the page', () => {
    assert.equal(
      citation.styles.apa.text,
      'Müller, A., & O’Brien, S. (2024). Rebuilding European Defence: What Role for the United Kingdom? [Policy paper]. ' +
        `Centre for European Reform. ${ORIGINAL} Retrieved from Entente: ${permalink}`,
    );
    assert.equal(
      citation.styles.apa.html,
      'Müller, A., &#38; O’Brien, S. (2024). <i>Rebuilding European Defence: What Role for the United Kingdom?</i> [Policy paper]. ' +
        `Centre for European Reform. ${ORIGINAL} Retrieved from Entente: <a href="${permalink}">${permalink}</a>`,
    );
    assert.equal(citation.styles.apa.inText.text, '(Müller & O’Brien, 2024, p. 7)');
  });

  it('Chicago inverts only the first author, joins with "and", and pins the page in the in-text citation', () => {
    assert.equal(
      citation.styles.chicago.text,
      'Müller, Anna, and Seán O’Brien. 2024. “Rebuilding European Defence: What Role for the United Kingdom?” ' +
        `Policy paper. London: Centre for European Reform. ${ORIGINAL}. Retrieved from Entente: ${permalink}`,
    );
    assert.equal(citation.styles.chicago.inText.text, '(Müller and O’Brien 2024, 7)');
  });

  it('every official style gives the page: p. 7 in the in-text citation or footnote', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(citation.styles).map(([id, styled]) => [id, [styled.kind, styled.inText.text]])),
      {
        apa: ['in-text', '(Müller & O’Brien, 2024, p. 7)'],
        chicago: ['in-text', '(Müller and O’Brien 2024, 7)'],
        'chicago-notes': ['note', 'Müller and O’Brien, “Rebuilding European Defence: What Role for the United Kingdom?,” 7.'],
        harvard: ['in-text', '(Müller and O’Brien, 2024, p. 7)'],
        oscola: ['note', `Anna Müller and Seán O’Brien, ‘Rebuilding European Defence: What Role for the United Kingdom?’ (Centre for European Reform 2024) Policy paper 7 <${ORIGINAL}> accessed 1 June 2025.`],
        mhra: ['note', `Anna Müller and Seán O’Brien, Rebuilding European Defence: What Role for the United Kingdom? (Centre for European Reform, 12 November 2024), p. 7 <${ORIGINAL}>.`],
      },
    );
  });

  it('the pinpoint and the Entente permalink reach BibTeX, biblatex, RIS and CSL-JSON; the original is the url', () => {
    assert.match(citation.bibtex, /^@techreport\{muller2024rebuilding,\n/);
    assert.match(citation.bibtex, /\tauthor = \{Müller, Anna and O'Brien, Seán\},/);
    assert.match(citation.bibtex, /\tinstitution = \{Centre for European Reform\},/);
    assert.match(citation.bibtex, new RegExp(`\\turl = \\{${ORIGINAL}\\},`));
    assert.match(citation.bibtex, /\tnote = \{Cited at p\. 7\. Retrieved from Entente: http:\/\/localhost:3000\/passages\/papers-cer-rebuilding-european-defence-pdf\\_0a1b2c3d\},/);
    assert.doesNotMatch(citation.bibtex, /howpublished/);
    assert.match(citation.biblatex, /\turldate = \{2025-06-01\},/);
    const lines = risLines(citation.ris);
    assert.deepEqual(
      lines.filter((line) => line.startsWith('AU')),
      ['AU  - Müller, Anna', "AU  - O'Brien, Seán"],
    );
    assert.ok(lines.includes('SP  - 7'));
    assert.ok(lines.includes(`UR  - ${ORIGINAL}`));
    assert.ok(lines.includes(`L2  - ${permalink}`));
    assert.equal(citation.cslJson.page, '7');
    assert.equal(citation.cslJson.URL, ORIGINAL);
    assert.equal(citation.cslJson.archive, 'Entente');
    assert.equal(citation.cslJson.archive_location, permalink);
    assert.equal(citation.cslJson.type, 'report');
    assert.deepEqual(citation.cslJson.author, [
      { family: 'Müller', given: 'Anna' },
      { family: "O'Brien", given: 'Seán' },
    ]);
  });

  it('people who are only mentioned are not authors', () => {
    assert.ok(!JSON.stringify(citation.cslJson.author).includes('Kallas'));
  });

  it('a multi-page document that is not a PDF still gets its page', () => {
    const markdown = policyPaper({ format: 'markdown', pages: 3 });
    const cited = citeDocument(markdown, { baseUrl: BASE_URL, passage: passageOf(markdown, 2), accessed: ACCESSED });
    assert.equal(cited.cslJson.page, '2');
    assert.equal(cited.styles.apa.inText.text, '(Müller & O’Brien, 2024, p. 2)');
  });

  it('the key depends only on the record: same document, same key; name particles and accents folded', () => {
    assert.equal(citationKey(paper), citationKey(policyPaper()));
    const vonDerLeyen = policyPaper({
      title: 'The State of the Union',
      people: [{ name: 'Ursula von der Leyen', display: 'Ursula von der Leyen', role: 'author', slug: 'ursula-von-der-leyen' }],
    });
    assert.equal(citationKey(vonDerLeyen), 'leyen2024state');
    assert.equal(citationKey(policyPaper({ date: null, published: null, year: null })), 'mullerndrebuilding');
  });
});

describe('citations: type mapping and defaults', () => {
  it('names no kind for a text of no known type: no "[Other]" after the title', () => {
    const citation = citeDocument(policyPaper({ type: 'other' }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(citation.cslJson.genre, undefined);
    for (const style of Object.values(citation.styles)) assert.doesNotMatch(style.text, /\bOther\b/, style.text);
  });

  it('title-casing styles keep web addresses and host names in a title as written', () => {
    const doc = policyPaper({ title: 'Guidance on gov.uk and at https://www.example.org/defence for suppliers' });
    const citation = citeDocument(doc, { baseUrl: BASE_URL, accessed: ACCESSED });
    for (const style of [citation.styles.chicago, citation.styles.mhra]) {
      assert.ok(style.text.includes('gov.uk and at https://www.example.org/defence for'), style.text);
      assert.match(style.text, /Guidance on .* for Suppliers/, 'the rest of the title is still title-cased');
      assert.doesNotMatch(style.html, /nocase/);
      assertSafeHtml(style.html);
    }
  });

  it('briefings are reports, news articles name the outlet as container and not as author, statements are documents', () => {
    const briefing = citeDocument(policyPaper({ type: 'briefing' }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(briefing.cslJson.type, 'report');

    const news = citeDocument(policyPaper({ type: 'news', people: [], organisations: ['Financial Times'], format: 'html', pages: 1 }), {
      baseUrl: BASE_URL,
      accessed: ACCESSED,
    });
    assert.equal(news.cslJson.type, 'article-newspaper');
    assert.equal(news.cslJson['container-title'], 'Financial Times');
    assert.equal(news.cslJson.author, undefined);
    assert.match(news.styles.apa.html, /<i>Financial Times<\/i>/);
    assert.doesNotMatch(news.styles.apa.text, /\[News\]/, 'APA gives no bracketed kind for a newspaper article');
    assert.ok(risLines(news.ris).includes('TY  - NEWS'));
    // Unsigned: biblatex's @article needs an author, so the outlet's item is @online (BibTeX: @misc published by it).
    assert.match(news.bibtex, /^@misc\{/);
    assert.match(news.bibtex, /\thowpublished = \{Financial Times, London\},/);
    assert.match(news.biblatex, /^@online\{/);
    assert.match(news.biblatex, /\torganization = \{Financial Times\},/);
    const signed = citeDocument(policyPaper({ type: 'news', organisations: ['Financial Times'], format: 'html', pages: 1 }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.match(signed.bibtex, /^@article\{/);
    assert.match(signed.bibtex, /\tjournal = \{Financial Times\},/, 'a news @article names its journal');
    assert.match(signed.biblatex, /\tjournaltitle = \{Financial Times\},\n\tentrysubtype = \{newspaper\},/);

    const statement = citeDocument(policyPaper({ type: 'statement' }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(statement.cslJson.type, 'document');
  });

  it('a statement read from a web page is a web page: @online, RIS ELEC, the site as container', () => {
    const page = policyPaper({ type: 'statement', format: 'html', pages: 1, people: [], organisations: ['Cabinet Office'], publisher: 'GOV.UK', sourceUrl: 'https://www.gov.uk/x' });
    const cited = citeDocument(page, { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(cited.cslJson.type, 'webpage');
    assert.equal(cited.cslJson['container-title'], 'GOV.UK');
    assert.match(cited.biblatex, /^@online\{/);
    assert.doesNotMatch(cited.biblatex, /location/, 'biblatex @online has no location');
    assert.ok(risLines(cited.ris).includes('TY  - ELEC'));
    assert.equal((cited.styles.apa.text.match(/GOV\.UK/g) ?? []).length, 1, 'the site is named once');
  });

  it('a speech is a CSL speech, @misc of type Speech in BibTeX, RIS GEN with M3 Speech', () => {
    const speech = citeDocument(seedEventReport({ type: 'speech', people: [{ name: 'Kaja Kallas', display: 'Kaja Kallas', role: 'speaker', slug: 'kaja-kallas' }] }), {
      baseUrl: BASE_URL,
      accessed: ACCESSED,
    });
    assert.equal(speech.cslJson.type, 'speech');
    assert.equal(speech.cslJson['event-place'], 'Brussels');
    assert.match(speech.biblatex, /^@misc\{kallas2025uk/);
    assert.match(speech.biblatex, /\ttype = \{Speech\},/);
    assert.ok(risLines(speech.ris).includes('M3  - Speech'));
  });

  it('the recorded publisher wins over the organisations, and the date keeps only the precision the source gives', () => {
    const monthOnly = policyPaper({ publisher: 'European External Action Service', date: '2025-05-01', published: null, datePrecision: 'month' });
    const cited = citeDocument(monthOnly, { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(cited.cslJson.publisher, 'European External Action Service');
    assert.deepEqual(cited.cslJson.issued, { 'date-parts': [[2025, 5]] });
    assert.match(cited.biblatex, /\tdate = \{2025-05\},/);
    assert.match(cited.bibtex, /\tyear = \{2025\},\n\tmonth = may,/);
    assert.ok(risLines(cited.ris).includes('DA  - 2025/05//'));
    assert.match(citeDocument(policyPaper({ type: 'statement', publisher: 'EEAS', date: '2025-05-01', published: null, datePrecision: 'month' }), { baseUrl: BASE_URL, accessed: ACCESSED }).styles.apa.text, /\(2025, May\)/);
    const yearOnly = citeDocument(policyPaper({ date: '2025-01-01', published: null, datePrecision: 'year' }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.deepEqual(yearOnly.cslJson.issued, { 'date-parts': [[2025]] });
    assert.doesNotMatch(yearOnly.bibtex, /month/);
  });

  it('a source fetched by URL is cited at its address, accessed on the day it was retrieved', () => {
    const fetched = policyPaper({ sourceUrl: null, finalUrl: 'https://example.org/final', retrievedAt: '2025-03-04T10:00:00.000Z' });
    const cited = citeDocument(fetched, { baseUrl: BASE_URL });
    assert.equal(cited.cslJson.URL, 'https://example.org/final');
    assert.deepEqual(cited.cslJson.accessed, { 'date-parts': [[2025, 3, 4]] });
    assert.match(cited.biblatex, /\turldate = \{2025-03-04\},/);
  });

  it('BibTeX never puts the day into month', () => {
    for (const type of ['speech', 'news', 'statement', 'policy-paper'] as const) {
      const bib = citeDocument(policyPaper({ type }), { baseUrl: BASE_URL, accessed: ACCESSED }).bibtex;
      assert.match(bib, /\tmonth = nov,/);
    }
  });

  it('an organisation that is author and publisher is named once in APA; Chicago repeats it as publisher', () => {
    const statement = policyPaper({ type: 'statement', people: [], organisations: ['Council of the European Union'], place: 'Brussels', sourceUrl: null });
    const cited = citeDocument(statement, { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(
      cited.styles.apa.text,
      'Council of the European Union. (2024, November 12). Rebuilding European Defence: What Role for the United Kingdom? [Statement]. ' +
        `${BASE_URL}/documents/papers-cer-rebuilding-european-defence-pdf`,
    );
    assert.match(cited.styles.chicago.text, /Kingdom\?” Statement\. Brussels: Council of the European Union\. http/);
  });

  it('a speech with no author is by its speaker', () => {
    const speech = seedEventReport({
      type: 'speech',
      people: [{ name: 'Kaja Kallas', display: 'Kaja Kallas', role: 'speaker', slug: 'kaja-kallas' }],
    });
    const cited = citeDocument(speech, { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.deepEqual(cited.cslJson.author, [{ family: 'Kallas', given: 'Kaja' }]);
    assert.ok(cited.styles.apa.text.startsWith('Kallas, K. (2025, May 5).'), cited.styles.apa.text);
  });

  it('the access date defaults to today and can be given as a Date', () => {
    const today = citeDocument(seedEventReport(), { baseUrl: BASE_URL });
    const [year, month, day] = isoDay(new Date()).split('-').map(Number);
    assert.deepEqual(today.cslJson.accessed, { 'date-parts': [[year, month, day]] });
    const given = citeDocument(seedEventReport(), { baseUrl: BASE_URL, accessed: new Date('2026-01-31T23:00:00Z') });
    assert.deepEqual(given.cslJson.accessed, { 'date-parts': [[2026, 1, 31]] });
    assert.throws(() => citeDocument(seedEventReport(), { baseUrl: BASE_URL, accessed: 'yesterday' }), RangeError);
  });

  it('an undated work says "n.d." in APA and gives the access date in Chicago', () => {
    const undated = citeDocument(policyPaper({ date: null, published: null, year: null, sourceUrl: null }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.match(undated.styles.apa.text, /\(n\.d\.\)/);
    assert.match(undated.styles.chicago.text, /Accessed June 1, 2025\./);
  });
});

describe('citations: hostile values are escaped in every format', () => {
  const hostile = hostileDocument();
  let citation: Citation;
  before(() => {
    citation = citeDocument(hostile, { baseUrl: BASE_URL, passage: passageOf(hostile, 3), accessed: ACCESSED });
  });

  it('APA and Chicago HTML contain no markup but the italics, and show the hostile text as text', () => {
    for (const style of [citation.styles.apa, citation.styles.chicago]) {
      assertSafeHtml(style.html);
      assertSafeHtml(style.inText.html);
      assert.match(style.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/i);
      assert.match(style.html, /&lt;\/mark&gt;/i);
    }
    assert.match(citation.styles.apa.html, /&lt;i&gt;x&lt;\/i&gt;/);
    assert.match(citation.styles.apa.html, /&lt;b&gt;Org&lt;\/b&gt;/);
    assert.ok(citation.styles.apa.text.includes('</mark><script>alert(1)</script> <i>x</i>'), 'plain text keeps the characters');
  });

  it('hostile names come out escaped in the in-text citation, as a person or as an organisation', () => {
    const byName = citeDocument(hostileDocument(), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.match(byName.styles.apa.inText.html, /&lt;|&gt;/);
    assertSafeHtml(byName.styles.apa.inText.html);
    const byOrg = citeDocument({ ...hostileDocument(), people: [] }, { baseUrl: BASE_URL, accessed: ACCESSED });
    assertSafeHtml(byOrg.styles.apa.html);
    assertSafeHtml(byOrg.styles.chicago.inText.html);
    assert.ok(byOrg.styles.apa.html.startsWith('=HYPERLINK(“http://evil.example”)&lt;b&gt;Org&lt;/b&gt; &#38; Co.'));
  });

  it('BibTeX escapes every TeX special and keeps braces balanced, for a person or an organisation as author', () => {
    for (const doc of [hostile, { ...hostile, people: [] }]) {
      const bibtex = citeDocument(doc, { baseUrl: BASE_URL, accessed: ACCESSED }).bibtex;
      assert.ok(bracesBalanced(bibtex), bibtex);
      for (const value of bibtexFieldValues(bibtex)) {
        assert.ok(bracesBalanced(value), `unbalanced braces in ${value}`);
        assert.equal(rawTexSpecials(value), '', `unescaped TeX special in ${value}`);
      }
      assert.doesNotMatch(bibtex, /\\textit|\\textbf/, 'markup in values is not turned into TeX formatting');
      assert.match(bibtex, /\\textless\{\}script\\textgreater\{\}/);
      assert.match(bibtex, /100\\% \\\$5 \\#1 a\\_b/);
    }
  });

  it('RIS keeps one record: a line break in a value cannot start a new tag', () => {
    const lines = risLines(citation.ris);
    assert.equal(lines.filter((line) => line.startsWith('TY  - ')).length, 1);
    assert.equal(lines.filter((line) => line.startsWith('ER  - ')).length, 1);
    assert.equal(lines.at(-1), 'ER  - ');
    for (const line of lines) assert.match(line, /^[A-Z][A-Z0-9]  - /);
    assert.ok(lines.some((line) => line.startsWith('TI  - Defence </mark><script>alert(1)</script>') && line.endsWith('ER - end')));
  });

  it('CSL-JSON keeps the values as data (cleaned of control characters) and serialises to valid JSON', () => {
    const file = citationFile(citation, 'csl-json');
    const [item] = JSON.parse(file.body) as Array<{ title: string; publisher: string }>;
    assert.equal(item?.title, 'Defence </mark><script>alert(1)</script> <i>x</i> & {co} 100% $5 #1 a_b ~^\\ "q" ER - end');
    assert.equal(item?.publisher, HOSTILE_ORG);
    assert.ok(!file.body.includes('\u0001'));
  });
});

describe('citations: download formats', () => {
  it('lists every style and format with its label, extension and content type', () => {
    assert.deepEqual(
      CITATION_FORMATS.map((format) => [format.id, format.extension, format.contentType.split(';')[0]]),
      [
        ['apa', 'txt', 'text/plain'],
        ['chicago', 'txt', 'text/plain'],
        ['chicago-notes', 'txt', 'text/plain'],
        ['harvard', 'txt', 'text/plain'],
        ['oscola', 'txt', 'text/plain'],
        ['mhra', 'txt', 'text/plain'],
        ['bibtex', 'bib', 'application/x-bibtex'],
        ['biblatex', 'bib', 'application/x-bibtex'],
        ['ris', 'ris', 'application/x-research-info-systems'],
        ['csl-json', 'json', 'application/vnd.citationstyles.csl+json'],
      ],
    );
    assert.ok(CITATION_FORMATS.every((format) => format.label.length > 0));
    assert.match(CITATION_FORMATS[1].label, /author-date/);
    assert.ok(isCitationFormatId('ris'));
    assert.ok(!isCitationFormatId('docx'));
  });

  it('gives each download a body and a safe filename carrying the key and pinpoint', () => {
    const paper = policyPaper();
    const citation = citeDocument(paper, { baseUrl: BASE_URL, passage: passageOf(paper, 7), accessed: ACCESSED });
    assert.deepEqual(
      CITATION_FORMATS.map((format) => citationFile(citation, format.id).filename),
      [
        'muller2024rebuilding-p7-apa.txt',
        'muller2024rebuilding-p7-chicago.txt',
        'muller2024rebuilding-p7-chicago-notes.txt',
        'muller2024rebuilding-p7-harvard.txt',
        'muller2024rebuilding-p7-oscola.txt',
        'muller2024rebuilding-p7-mhra.txt',
        'muller2024rebuilding-p7.bib',
        'muller2024rebuilding-p7-biblatex.bib',
        'muller2024rebuilding-p7.ris',
        'muller2024rebuilding-p7.json',
      ],
    );
    assert.equal(citationFile(citation, 'apa').body, `${citation.styles.apa.text}\n`);
    assert.equal(citationFile(citation, 'ris').body, citation.ris);
    const cslFile = citationFile(citation, 'csl-json');
    assert.equal(cslFile.contentType, 'application/vnd.citationstyles.csl+json; charset=utf-8');
    assert.deepEqual(JSON.parse(cslFile.body), [citation.cslJson]);
  });
});
