/**
 * Every citation format read back by a real consumer: biber's data-model
 * validation for BibTeX and biblatex, Citation.js's BibTeX, biblatex and RIS
 * parsers field for field, Citation.js's CSL-JSON field-type model, pandoc's
 * strict CSL-JSON reader field for field, and citeproc-js rendering each
 * official style from its CSL file.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { DocumentRecord } from '../../contract/document.js';
import { citationText, citeDocument, CITATION_STYLES, exportResults, type Citation, type CslItem } from '../../server/citation/index.js';
import { officialStyle } from '../../server/citation/official-styles.js';
import { ACCESSED, BASE_URL, hostileDocument, passageOf, policyPaper, seedEventReport } from '../fixtures/citation-documents.js';

/** One document of each kind the collection holds, each cited as a whole and at a passage. */
function corpus(): Array<{ name: string; doc: DocumentRecord }> {
  const kallas = { name: 'Kaja Kallas', display: 'Kaja Kallas', role: 'speaker' as const, slug: 'kaja-kallas' };
  return [
    { name: 'event report without source', doc: seedEventReport() },
    { name: 'PDF policy paper', doc: policyPaper() },
    {
      name: 'speech',
      doc: seedEventReport({
        id: 'eeas-speech-html',
        type: 'speech',
        format: 'html',
        people: [kallas],
        publisher: 'European External Action Service',
        sourceUrl: 'https://www.eeas.europa.eu/eeas/ukraine-speech_en',
        date: '2025-09-09',
        published: '2025-09-09',
      }),
    },
    { name: 'news', doc: policyPaper({ id: 'ft-news-html', type: 'news', format: 'html', pages: 1, people: [], organisations: ['Financial Times'] }) },
    { name: 'signed news', doc: policyPaper({ id: 'ft-signed-html', type: 'news', format: 'html', pages: 1, organisations: ['Financial Times'] }) },
    {
      name: 'web page, month precision',
      doc: policyPaper({
        id: 'gov-uk-html',
        type: 'statement',
        format: 'html',
        pages: 1,
        people: [],
        organisations: ['Cabinet Office'],
        publisher: 'GOV.UK',
        sourceUrl: 'https://www.gov.uk/government/news/x',
        date: '2025-05-01',
        published: null,
        datePrecision: 'month',
      }),
    },
    { name: 'undated statement', doc: policyPaper({ id: 'undated-md', type: 'statement', format: 'markdown', date: null, published: null, year: null }) },
    { name: 'hostile values', doc: hostileDocument() },
  ];
}

function citations(): Array<{ name: string; doc: DocumentRecord; citation: Citation }> {
  return corpus().flatMap(({ name, doc }) => [
    { name, doc, citation: citeDocument(doc, { baseUrl: BASE_URL, accessed: ACCESSED }) },
    { name: `${name}, passage`, doc, citation: citeDocument(doc, { baseUrl: BASE_URL, accessed: ACCESSED, passage: passageOf(doc, doc.pages > 1 ? 7 : 1) }) },
  ]);
}

/** biber's verdict on a .bib file: every WARN and ERROR line of `biber --tool --validate-datamodel`. */
function biberProblems(bib: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'entente-biber-'));
  try {
    writeFileSync(join(dir, 'entries.bib'), bib);
    let output: string;
    try {
      output = execFileSync('biber', ['--tool', '--validate-datamodel', 'entries.bib'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; code?: string };
      if (failed.code === 'ENOENT') throw new Error('biber is not installed: apt-get install biber (.ci/run does)');
      output = `${failed.stdout ?? ''}${failed.stderr ?? ''}\nERROR - biber failed`;
    }
    return output.split('\n').filter((line) => /^(WARN|ERROR) -/.test(line));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pandoc's reading of a CSL-JSON file, written back as CSL-JSON (`pandoc -f csljson -t csljson`); throws with pandoc's error when it cannot read it. */
function pandocCslJson(json: string): unknown {
  try {
    return JSON.parse(execFileSync('pandoc', ['-f', 'csljson', '-t', 'csljson'], { input: json, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })) as unknown;
  } catch (error) {
    const failed = error as { stderr?: string; code?: string };
    if (failed.code === 'ENOENT') throw new Error('pandoc is not installed: apt-get install pandoc (.ci/run does)');
    throw new Error(`pandoc cannot read the CSL-JSON: ${failed.stderr ?? String(error)}`);
  }
}

/**
 * pandoc reads straight quotes in CSL-JSON text as quotation marks and writes
 * them back curly, as citeproc renders them: the one change it may make.
 */
function straightQuotes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '\\"')) as unknown;
}

type ReadBack = Record<string, unknown> & { author?: Array<Record<string, string>>; issued?: { 'date-parts': number[][] } };

function readBack(text: string): ReadBack[] {
  return new Cite(text).data as ReadBack[];
}

/** The name as a reader would compare it, whichever way the parser split it. */
function nameText(name: Record<string, string> | undefined): string {
  if (!name) return '';
  return name['literal'] ?? [name['given'], name['non-dropping-particle'], name['family'], name['suffix']].filter(Boolean).join(' ');
}

/** Strips the case protection a parser may keep as markup. */
function plain(value: unknown): string {
  return String(value ?? '').replace(/<\/?span[^>]*>/g, '');
}

function assertSameWork(back: ReadBack, item: CslItem, where: string, options: { yearOnly?: boolean; noAuthors?: boolean } = {}): void {
  assert.equal(plain(back['title']), item.title, `${where}: title`);
  // The hostile name ("Eve <img src=x onerror=alert(1)> Hacker}") is no name a parser can split; it is checked as escaped text elsewhere.
  if (!options.noAuthors && !item.author?.some((name) => /[<>}]/.test(nameText(name as Record<string, string>)))) {
    assert.deepEqual((back.author ?? []).map(nameText), (item.author ?? []).map((name) => nameText(name as Record<string, string>)), `${where}: authors`);
  }
  const expected = item.issued?.['date-parts'];
  // An undated entry says so in EDTF (date = {XXXX}, which biber requires); Citation.js reads that as year 0.
  if (expected) assert.deepEqual(back.issued?.['date-parts'], options.yearOnly ? [[expected[0]?.[0]]] : expected, `${where}: date`);
  assert.equal(back['URL'], item.URL, `${where}: URL`);
}

describe('acceptance: citation formats read back by real parsers', function () {
  this.timeout(120_000);
  const all = citations();

  it('biber validates every BibTeX and biblatex entry against its data model without a warning', () => {
    const keys = new Set<string>();
    // biber reads one file: keys must be unique in it.
    const entries = all.flatMap(({ citation }, i) =>
      [citation.bibtex, citation.biblatex].map((entry, j) => entry.replace(/^(@\w+\{)([^,]+),/, (_m, head: string, key: string) => `${head}${key}x${i}y${j},`)),
    );
    for (const entry of entries) keys.add(/^@\w+\{([^,]+),/.exec(entry)?.[1] ?? '');
    assert.equal(keys.size, entries.length);
    assert.deepEqual(biberProblems(entries.join('\n')), []);
  });

  it('biber rejects what it should: the check is live (an unknown field for the type warns)', () => {
    const problems = biberProblems('@online{k,\n\ttitle = {T},\n\tinstitution = {X},\n\turl = {https://example.org},\n}\n');
    assert.ok(problems.some((line) => /Invalid field 'institution'/.test(line)), problems.join('\n'));
  });

  it('Citation.js reads the biblatex and BibTeX entries back field for field', () => {
    for (const { name, citation } of all) {
      const item = citation.cslJson;
      const [latex] = readBack(citation.biblatex);
      assert.ok(latex, `${name}: biblatex parsed`);
      assertSameWork(latex, item, `${name} (biblatex)`);
      assert.deepEqual(latex['accessed'], item.accessed, `${name}: urldate`);
      assert.equal(latex['note'], [citation.pinpoint ? `Cited at ${citation.pinpoint.label === 'page' ? 'p.' : 'para.'} ${citation.pinpoint.value}` : null, item.note].filter(Boolean).join('. ') || undefined, `${name}: note`);
      const unsignedNews = item.type === 'article-newspaper' && !item.author;
      if (item.publisher && (item.type !== 'article-newspaper' || unsignedNews)) assert.equal(latex['publisher'], item.publisher, `${name}: publisher`);
      if (item.type === 'article-newspaper' && !unsignedNews) assert.equal(latex['container-title'], item['container-title'], `${name}: newspaper`);

      const [classic] = readBack(citation.bibtex);
      assert.ok(classic, `${name}: BibTeX parsed`);
      assert.equal(plain(classic['title']), item.title, `${name} (BibTeX): title`);
      assert.equal(classic['URL'], item.URL, `${name} (BibTeX): URL`);
      // Classic BibTeX has year and month only.
      if (item.issued) assert.deepEqual(classic.issued?.['date-parts']?.[0], item.issued['date-parts'][0].slice(0, 2), `${name} (BibTeX): year and month`);
      else assert.match(citation.bibtex, /\tdate = \{XXXX\},/, `${name}: undated`);
    }
  });

  it('the Citation.js RIS parser reads every record back: title, authors, date, publisher, URL, page', () => {
    for (const { name, citation } of all) {
      const item = citation.cslJson;
      const [back] = readBack(citation.ris);
      assert.ok(back, `${name}: RIS parsed`);
      // Citation.js reads only PY (the year) and no AU for a NEWS record; the full date and the authors are checked as written.
      const news = item.type === 'article-newspaper';
      assertSameWork(back, item, `${name} (RIS)`, { yearOnly: news, noAuthors: news });
      if (news) {
        assert.match(citation.ris, /\r\nDA {2}- 2024\/11\/12\/\r\n/);
        const authors = citation.ris.split('\r\n').filter((line) => line.startsWith('AU  - '));
        assert.equal(authors.length, item.author?.length ?? 0, `${name}: AU lines`);
      }
      if (item.publisher && item.type !== 'article-newspaper' && item.type !== 'webpage') assert.equal(back['publisher'], item.publisher, `${name}: PB`);
      assert.equal(back['page'], item.page, `${name}: SP`);
      if (item.archive_location) assert.ok(citation.ris.includes(`\r\nL2  - ${item.archive_location}\r\n`), `${name}: L2`);
    }
  });

  it('CSL-JSON uses only CSL variables of the right type: Citation.js cleaning changes nothing', () => {
    for (const { name, citation } of all) {
      const [cleaned] = plugins.input.util.clean([structuredClone(citation.cslJson)], { bestGuessConversions: false }) as CslItem[];
      assert.deepEqual(cleaned, citation.cslJson, `${name}: a field was dropped or retyped`);
    }
    const exported = JSON.parse(exportResults('csl-json', corpus().map(({ doc }) => doc), { baseUrl: BASE_URL, accessed: ACCESSED })) as CslItem[];
    assert.deepEqual(plugins.input.util.clean(structuredClone(exported), { bestGuessConversions: false }), exported);
  });

  it('pandoc reads every CSL-JSON citation and the export back field for field', () => {
    // The file /documents/:id/cite?format=csl-json gives; /api/cite carries the same item.
    for (const { name, citation } of all) {
      const file = citationText(citation, 'csl-json');
      assert.deepEqual(JSON.parse(file), [citation.cslJson], `${name}: the file is the item`);
      assert.deepEqual(straightQuotes(pandocCslJson(file)), [citation.cslJson], `${name}: pandoc read it differently`);
    }
    // The export of a query: each item's note lists the matching passages.
    const docs = corpus().map(({ doc }) => doc);
    const passages = new Map(docs.map((doc) => [doc.id, [passageOf(doc, doc.pages > 1 ? 7 : 1)]]));
    const exported = exportResults('csl-json', docs, { baseUrl: BASE_URL, accessed: ACCESSED, passages });
    assert.ok(exported.includes('Matching passages: '));
    assert.deepEqual(straightQuotes(pandocCslJson(exported)), JSON.parse(exported));
  });

  it('pandoc rejects or rewrites what the CSL-JSON schema forbids: the check is live', () => {
    assert.throws(() => pandocCslJson('[{"id":"a","type":"report","title":"T","author":"Anna Müller"}]'), /expected Array/);
    assert.throws(() => pandocCslJson('[{"id":"a","type":"report","title":"T","issued":{"date-parts":[["2025","May"]]}}]'), /not a number/);
    const looseDate = [{ id: 'a', type: 'report', title: 'T', issued: 'May 2025' }];
    assert.notDeepEqual(pandocCslJson(JSON.stringify(looseDate)), looseDate);
  });

  it('every official style is the CSL file from the styles repository, and citeproc renders each for every document', () => {
    const classes = Object.fromEntries(CITATION_STYLES.map((style) => [style.id, officialStyle(style.file).attrs['class']]));
    assert.deepEqual(classes, { apa: 'in-text', chicago: 'in-text', 'chicago-notes': 'note', harvard: 'in-text', oscola: 'note', mhra: 'note' });
    for (const { name, doc, citation } of all) {
      for (const style of CITATION_STYLES) {
        const styled = citation.styles[style.id];
        assert.ok(styled.text.includes(doc.title.split(/[<\n]/)[0]?.trim().split(' ')[0] ?? ''), `${name} ${style.id}: ${styled.text}`);
        assert.ok(styled.inText.text.length > 0, `${name} ${style.id}: in-text`);
      }
    }
  });
});
