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

const ALLOWED_TAG = /^<\/?i>$/;

function assertSafeHtml(html: string): void {
  for (const tag of html.match(/<[^>]*>?/g) ?? []) assert.match(tag, ALLOWED_TAG, `unexpected markup ${tag} in ${html}`);
  assert.doesNotMatch(html, /<script|<\/mark|<img|<b>/i);
}

describe('citations: the seed event report', () => {
  let citation: Citation;
  before(() => {
    citation = citeDocument(seedEventReport(), { baseUrl: BASE_URL, accessed: ACCESSED });
  });

  it('APA names the organisation as author, dates the event, italicises the title and gives the place and permalink', () => {
    assert.equal(
      citation.apa.text,
      'Institute for European Policymaking at Bocconi University. (2025, May 5). ' +
        'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead [Event report]. Brussels. ' +
        SEED_URL,
    );
    assert.equal(
      citation.apa.html,
      'Institute for European Policymaking at Bocconi University. (2025, May 5). ' +
        '<i>UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead</i> [Event report]. Brussels. ' +
        SEED_URL,
    );
    assert.equal(citation.apa.inText.text, '(Institute for European Policymaking at Bocconi University, 2025)');
  });

  it('Chicago author-date quotes the event report title and gives place and full date', () => {
    assert.equal(
      citation.chicago.text,
      'Institute for European Policymaking at Bocconi University. 2025. ' +
        '“UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead.” Event report, Brussels, May 5, 2025. ' +
        `${SEED_URL}.`,
    );
    assert.equal(citation.chicago.inText.text, '(Institute for European Policymaking at Bocconi University 2025)');
  });

  it('CSL-JSON describes the event: speech type, institutional author, event title, place and date', () => {
    const item = citation.cslJson;
    assert.equal(item.type, 'speech');
    assert.deepEqual(item.author, [{ literal: 'Institute for European Policymaking at Bocconi University' }]);
    assert.equal(item['event-title'], 'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead');
    assert.equal(item['event-place'], 'Brussels');
    assert.deepEqual(item['event-date'], { 'date-parts': [[2025, 5, 5]] });
    assert.deepEqual(item.issued, { 'date-parts': [[2025, 5, 5]] });
    assert.equal(item.publisher, 'Institute for European Policymaking at Bocconi University');
    assert.equal(item.URL, SEED_URL);
    assert.deepEqual(item.accessed, { 'date-parts': [[2025, 6, 1]] });
    assert.equal(item.page, undefined);
  });

  it('BibTeX is a @misc entry with a stable key, the organisation braced as one name and TeX-escaped title', () => {
    assert.match(citation.bibtex, /^@misc\{iepbu2025ukeu,\n/);
    assert.match(citation.bibtex, /\tauthor = \{\{Institute for European Policymaking at Bocconi University\}\},/);
    assert.match(citation.bibtex, /\ttitle = \{UK--\{EU\} \{Defence\}/);
    assert.match(citation.bibtex, /\turl = \{http:\/\/localhost:3000\/documents\/uk-eu-defence-roundtable-2025-txt\},/);
    assert.match(citation.bibtex, /accessed 2025-06-01/);
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
    assert.ok(citation.ris.endsWith('ER  - \r\n'));
    assert.ok(!/[^\r]\n/.test(citation.ris), 'every line ends in CRLF');
  });

  it('a passage of an unpaginated text cites the passage permalink without a page', () => {
    const seed = seedEventReport();
    const cited = citeDocument(seed, { baseUrl: `${BASE_URL}/`, passage: passageOf(seed, 1), accessed: ACCESSED });
    const permalink = `${BASE_URL}/passages/${seed.id}_0a1b2c3d`;
    assert.equal(cited.cslJson.URL, permalink);
    assert.equal(cited.cslJson.page, undefined);
    assert.ok(cited.apa.text.endsWith(permalink));
    assert.equal(cited.apa.inText.text, '(Institute for European Policymaking at Bocconi University, 2025)');
    assert.doesNotMatch(cited.bibtex, /pages/);
  });
});

describe('citations: a PDF policy paper with two authors, passage on page 7', () => {
  const paper = policyPaper();
  const passage = passageOf(paper, 7);
  const permalink = `${BASE_URL}/passages/${paper.id}_0a1b2c3d`;
  let citation: Citation;
  before(() => {
    citation = citeDocument(paper, { baseUrl: BASE_URL, passage, accessed: ACCESSED });
  });

  it('APA lists both authors by surname and initials, year, italic title, publisher and permalink; the in-text citation has the page', () => {
    assert.equal(
      citation.apa.text,
      'Müller, A., & O’Brien, S. (2024). Rebuilding European Defence: What Role for the United Kingdom? [Policy paper]. ' +
        `Centre for European Reform. ${permalink}`,
    );
    assert.equal(
      citation.apa.html,
      'Müller, A., &#38; O’Brien, S. (2024). <i>Rebuilding European Defence: What Role for the United Kingdom?</i> [Policy paper]. ' +
        `Centre for European Reform. ${permalink}`,
    );
    assert.equal(citation.apa.inText.text, '(Müller & O’Brien, 2024, p. 7)');
  });

  it('Chicago inverts only the first author, joins with "and", and pins the page in the in-text citation', () => {
    assert.equal(
      citation.chicago.text,
      'Müller, Anna, and Seán O’Brien. 2024. Rebuilding European Defence: What Role for the United Kingdom? ' +
        `Policy paper. London: Centre for European Reform. ${permalink}.`,
    );
    assert.equal(citation.chicago.html.includes('<i>Rebuilding European Defence: What Role for the United Kingdom?</i>'), true);
    assert.equal(citation.chicago.inText.text, '(Müller and O’Brien 2024, 7)');
  });

  it('the page pinpoint reaches BibTeX, RIS and CSL-JSON', () => {
    assert.match(citation.bibtex, /^@techreport\{muller2024rebuilding,\n/);
    assert.match(citation.bibtex, /\tpages = \{7\},/);
    assert.match(citation.bibtex, /\tauthor = \{M\{\\" u\}ller, Anna and O'Brien, Se\{\\' a\}n\},/);
    assert.match(citation.bibtex, /\tinstitution = \{Centre for European Reform\},/);
    const lines = risLines(citation.ris);
    assert.deepEqual(
      lines.filter((line) => line.startsWith('AU')),
      ['AU  - Müller, Anna', "AU  - O'Brien, Seán"],
    );
    assert.ok(lines.includes('SP  - 7'));
    assert.ok(lines.includes(`UR  - ${permalink}`));
    assert.equal(citation.cslJson.page, '7');
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
    assert.equal(cited.apa.inText.text, '(Müller & O’Brien, 2024, p. 2)');
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
    assert.match(news.apa.html, /<i>Financial Times<\/i>/);
    assert.doesNotMatch(news.apa.text, /\[News\]/, 'APA gives no bracketed kind for a newspaper article');
    assert.ok(risLines(news.ris).includes('TY  - NEWS'));

    const statement = citeDocument(policyPaper({ type: 'statement' }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(statement.cslJson.type, 'document');
  });

  it('an organisation that is author and publisher is named once in APA; Chicago repeats it as publisher', () => {
    const statement = policyPaper({ type: 'statement', people: [], organisations: ['Council of the European Union'], place: 'Brussels' });
    const cited = citeDocument(statement, { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.equal(
      cited.apa.text,
      'Council of the European Union. (2024, November 12). Rebuilding European Defence: What Role for the United Kingdom? [Statement]. ' +
        `${BASE_URL}/documents/papers-cer-rebuilding-european-defence-pdf`,
    );
    assert.match(cited.chicago.text, /Kingdom\? Statement\. Brussels: Council of the European Union\. http/);
  });

  it('a speech with no author is by its speaker', () => {
    const speech = seedEventReport({
      type: 'speech',
      people: [{ name: 'Kaja Kallas', display: 'Kaja Kallas', role: 'speaker', slug: 'kaja-kallas' }],
    });
    const cited = citeDocument(speech, { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.deepEqual(cited.cslJson.author, [{ family: 'Kallas', given: 'Kaja' }]);
    assert.ok(cited.apa.text.startsWith('Kallas, K. (2025, May 5).'));
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
    const undated = citeDocument(policyPaper({ date: null, published: null, year: null }), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.match(undated.apa.text, /\(n\.d\.\)/);
    assert.match(undated.chicago.text, /Accessed June 1, 2025\./);
  });
});

describe('citations: hostile values are escaped in every format', () => {
  const hostile = hostileDocument();
  let citation: Citation;
  before(() => {
    citation = citeDocument(hostile, { baseUrl: BASE_URL, passage: passageOf(hostile, 3), accessed: ACCESSED });
  });

  it('APA and Chicago HTML contain no markup but the italics, and show the hostile text as text', () => {
    for (const style of [citation.apa, citation.chicago]) {
      assertSafeHtml(style.html);
      assertSafeHtml(style.inText.html);
      assert.match(style.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/i);
      assert.match(style.html, /&lt;\/mark&gt;/i);
    }
    assert.match(citation.apa.html, /&lt;i&gt;x&lt;\/i&gt;/);
    assert.match(citation.apa.html, /&lt;b&gt;Org&lt;\/b&gt;/);
    assert.ok(citation.apa.text.includes('</mark><script>alert(1)</script> <i>x</i>'), 'plain text keeps the characters');
  });

  it('hostile names come out escaped in the in-text citation, as a person or as an organisation', () => {
    const byName = citeDocument(hostileDocument(), { baseUrl: BASE_URL, accessed: ACCESSED });
    assert.match(byName.apa.inText.html, /&lt;|&gt;/);
    assertSafeHtml(byName.apa.inText.html);
    const byOrg = citeDocument({ ...hostileDocument(), people: [] }, { baseUrl: BASE_URL, accessed: ACCESSED });
    assertSafeHtml(byOrg.apa.html);
    assertSafeHtml(byOrg.chicago.inText.html);
    assert.ok(byOrg.apa.html.startsWith('=HYPERLINK(“http://evil.example”)&lt;b&gt;Org&lt;/b&gt; &#38; Co.'));
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
      assert.match(bibtex, /100\\% \\textdollar\{\}5 \\#1 a\\textunderscore\{\}b/);
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
  it('lists every format with its label, extension and content type', () => {
    assert.deepEqual(
      CITATION_FORMATS.map((format) => [format.id, format.extension, format.contentType.split(';')[0]]),
      [
        ['apa', 'txt', 'text/plain'],
        ['chicago', 'txt', 'text/plain'],
        ['bibtex', 'bib', 'application/x-bibtex'],
        ['ris', 'ris', 'application/x-research-info-systems'],
        ['csl-json', 'json', 'application/vnd.citationstyles.csl+json'],
      ],
    );
    assert.ok(CITATION_FORMATS.every((format) => format.label.length > 0));
    assert.match(CITATION_FORMATS[1].label, /author-date/);
    assert.ok(isCitationFormatId('ris'));
    assert.ok(!isCitationFormatId('docx'));
  });

  it('gives each download a body and a safe filename carrying the key and page', () => {
    const paper = policyPaper();
    const citation = citeDocument(paper, { baseUrl: BASE_URL, passage: passageOf(paper, 7), accessed: ACCESSED });
    assert.deepEqual(
      CITATION_FORMATS.map((format) => citationFile(citation, format.id).filename),
      [
        'muller2024rebuilding-p7-apa.txt',
        'muller2024rebuilding-p7-chicago.txt',
        'muller2024rebuilding-p7.bib',
        'muller2024rebuilding-p7.ris',
        'muller2024rebuilding-p7.json',
      ],
    );
    assert.equal(citationFile(citation, 'apa').body, `${citation.apa.text}\n`);
    assert.equal(citationFile(citation, 'ris').body, citation.ris);
    const cslFile = citationFile(citation, 'csl-json');
    assert.equal(cslFile.contentType, 'application/vnd.citationstyles.csl+json; charset=utf-8');
    assert.deepEqual(JSON.parse(cslFile.body), [citation.cslJson]);
  });
});
