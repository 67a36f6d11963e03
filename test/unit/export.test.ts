import { strict as assert } from 'node:assert';
import { parse } from 'csv-parse/sync';
import { citationKey, exportFile, exportResults, EXPORT_FORMATS, isExportFormatId } from '../../server/citation/index.js';
import { ACCESSED, BASE_URL, hostileDocument, passageOf, policyPaper, seedEventReport } from '../fixtures/citation-documents.js';

const options = { baseUrl: BASE_URL, accessed: ACCESSED };
const HEADER = ['id', 'title', 'date', 'type', 'organisations', 'publisher', 'people', 'themes', 'summary', 'source_url', 'url', 'passages'];

function parseCsv(csv: string): string[][] {
  return parse(csv, { bom: true }) as string[][];
}

describe('export: CSV', () => {
  it('has the documented header and one row per document: facets, publisher, summary, source URL and the document URL', () => {
    const csv = exportResults('csv', [seedEventReport(), policyPaper({ publisher: 'CER Publications' })], options);
    const [header, seed, paper] = parseCsv(csv);
    assert.deepEqual(header, HEADER);
    assert.deepEqual(seed, [
      'uk-eu-defence-roundtable-2025-txt',
      'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead',
      '2025-05-05',
      'event-report',
      'Institute for European Policymaking at Bocconi University',
      'Institute for European Policymaking at Bocconi University',
      'Eleanor Spaventa (chair); Alan Dashwood (speaker); Jonathan Faull (speaker); Julian King (speaker)',
      'Security and defence partnership; NATO',
      'The discussion focused on progress made so far and the challenges that still lie ahead in shaping a new framework for UK–EU collaboration in security and defence.',
      '',
      `${BASE_URL}/documents/uk-eu-defence-roundtable-2025-txt`,
      '',
    ]);
    assert.equal(paper?.[0], 'papers-cer-rebuilding-european-defence-pdf');
    assert.equal(paper?.[5], 'CER Publications');
    assert.equal(paper?.[6], "Anna Müller (author); Seán O'Brien (author); Kaja Kallas (mentioned)");
    assert.equal(paper?.[9], 'https://example.org/rebuilding-european-defence.pdf');
  });

  it('for a search, lists the matching passages of each document with pinpoint and permalink', () => {
    const paper = policyPaper();
    const passages = new Map([[paper.id, [passageOf(paper, 7), { ...passageOf(paper, 9, 'ffff0000'), text: '=1+1 is not a formula here' }]]]);
    const [, row] = parseCsv(exportResults('csv', [paper], { ...options, passages }));
    assert.equal(
      row?.[11],
      `p. 7: “The United Kingdom could join SAFE procurement as a third country…” ${BASE_URL}/passages/${paper.id}_0a1b2c3d\n` +
        `p. 9: “=1+1 is not a formula here” ${BASE_URL}/passages/${paper.id}_ffff0000`,
    );
    const ris = exportResults('ris', [paper], { ...options, passages });
    assert.equal(ris.split('\r\n').filter((line) => line.startsWith('TY  - ')).length, 1, 'one item per work');
    assert.ok(
      ris.includes(
        `N1  - Retrieved from Entente: ${BASE_URL}/documents/${paper.id}. Matching passages: p. 7, ${BASE_URL}/passages/${paper.id}_0a1b2c3d; p. 9, ${BASE_URL}/passages/${paper.id}_ffff0000\r\n`,
      ),
      ris,
    );
    const bib = exportResults('bibtex', [paper], { ...options, passages });
    assert.match(bib, /Matching passages: p\. 7, http:\/\/localhost:3000\/passages\/papers-cer-rebuilding-european-defence-pdf\\_0a1b2c3d; p\. 9/);
  });

  it('is RFC 4180: CRLF records, fields with commas, quotes or line breaks quoted, and a BOM for Excel', () => {
    const tricky = policyPaper({ title: 'Security, "Defence"\nand Trade', organisations: ['A, B', 'C'] });
    const csv = exportResults('csv', [tricky], options);
    assert.ok(csv.startsWith('\uFEFFid,title,date,type,organisations,publisher,people,themes,summary,source_url,url,passages\r\n'));
    assert.ok(csv.endsWith('\r\n'));
    assert.match(csv, /,"Security, ""Defence"" and Trade",/);
    const [, row] = parseCsv(csv);
    assert.equal(row?.[1], 'Security, "Defence" and Trade');
    assert.equal(row?.[4], 'A, B; C');
  });

  it('neutralises formulas: a cell starting with = + - @ gets a leading apostrophe', () => {
    const docs = [
      policyPaper({ id: 'eq', title: '=HYPERLINK("http://evil.example","click")' }),
      policyPaper({ id: 'plus', title: '+44 20 7946 0000' }),
      policyPaper({ id: 'minus', title: '-2+3' }),
      policyPaper({ id: 'at', title: '@SUM(A1:A9)', organisations: ['=cmd|"/c calc"!A1'] }),
      policyPaper({ id: 'tab', title: '\t=1+1' }),
      policyPaper({ id: 'safe', title: 'Defence = security' }),
    ];
    const rows = parseCsv(exportResults('csv', docs, options)).slice(1);
    assert.deepEqual(
      rows.map((row) => row[1]),
      ["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+44 20 7946 0000", "'-2+3", "'@SUM(A1:A9)", "'=1+1", 'Defence = security'],
    );
    assert.equal(rows[3]?.[4], "'=cmd|\"/c calc\"!A1");
    assert.equal(rows[3]?.[5], "'=cmd|\"/c calc\"!A1", 'the publisher column too');
  });

  it('an empty result set is the header alone', () => {
    assert.deepEqual(parseCsv(exportResults('csv', [], options)), [HEADER]);
  });
});

describe('export: BibTeX', () => {
  it('concatenates one entry per document with unique keys', () => {
    const paper = policyPaper();
    const secondEdition = policyPaper({ id: 'papers-cer-rebuilding-european-defence-2-pdf' });
    const thirdEdition = policyPaper({ id: 'papers-cer-rebuilding-european-defence-3-pdf' });
    const bibtex = exportResults('bibtex', [seedEventReport(), paper, secondEdition, thirdEdition], options);
    const keys = [...bibtex.matchAll(/^@\w+\{([^,]+),$/gm)].map((match) => match[1]);
    assert.equal(citationKey(paper), citationKey(secondEdition));
    assert.deepEqual(keys, ['iepbu2025ukeu', 'muller2024rebuilding', 'muller2024rebuildingb', 'muller2024rebuildingc']);
    assert.match(bibtex, /\turl = \{https:\/\/example.org\/rebuilding-european-defence.pdf\},/);
    assert.match(bibtex, /\tnote = \{Retrieved from Entente: http:\/\/localhost:3000\/documents\/papers-cer-rebuilding-european-defence-2-pdf\},/);
    assert.equal(bibtex.split('\n\n').length, 4);
  });

  it('does not collide with a key another document already has', () => {
    const first = policyPaper({ id: 'a' });
    const second = policyPaper({ id: 'b' });
    const namedLikeSuffix = policyPaper({ id: 'c', title: 'Rebuildingb' });
    const keys = [...exportResults('bibtex', [first, namedLikeSuffix, second], options).matchAll(/^@\w+\{([^,]+),$/gm)].map((match) => match[1]);
    assert.equal(new Set(keys).size, 3, keys.join(' '));
  });

  it('an empty result set is an empty file', () => {
    assert.equal(exportResults('bibtex', [], options), '');
  });
});

describe('export: RIS', () => {
  it('concatenates one complete record per document', () => {
    const ris = exportResults('ris', [seedEventReport(), policyPaper(), hostileDocument()], options);
    const lines = ris.split('\r\n');
    assert.equal(lines.filter((line) => line.startsWith('TY  - ')).length, 3);
    assert.equal(lines.filter((line) => line === 'ER  - ').length, 3);
    assert.ok(lines.filter(Boolean).every((line) => /^[A-Z][A-Z0-9]  - /.test(line)), 'no stray or continuation lines');
    assert.ok(lines.includes('UR  - https://example.org/rebuilding-european-defence.pdf'));
    assert.ok(lines.includes(`L2  - ${BASE_URL}/documents/papers-cer-rebuilding-european-defence-pdf`));
    assert.ok(lines.includes('PB  - Centre for European Reform'));
    assert.ok(!lines.some((line) => line.startsWith('SP ')), 'a result set cites documents, not pages');
  });

  it('an empty result set is an empty file', () => {
    assert.equal(exportResults('ris', [], options), '');
  });
});

describe('export: formats table and files', () => {
  it('names content types and extensions for each format', () => {
    assert.deepEqual(
      EXPORT_FORMATS.map((format) => [format.id, format.extension, format.contentType]),
      [
        ['csv', 'csv', 'text/csv; charset=utf-8'],
        ['bibtex', 'bib', 'application/x-bibtex; charset=utf-8'],
        ['ris', 'ris', 'application/x-research-info-systems; charset=utf-8'],
        ['csl-json', 'json', 'application/vnd.citationstyles.csl+json; charset=utf-8'],
      ],
    );
    assert.ok(isExportFormatId('csv'));
    assert.ok(!isExportFormatId('xlsx'));
  });

  it('builds a download with a filename reduced to safe characters', () => {
    const file = exportFile('ris', [policyPaper()], { ...options, stem: '../../etc/passwd "NATO" results' });
    assert.equal(file.filename, 'etc-passwd-NATO-results.ris');
    assert.equal(file.contentType, 'application/x-research-info-systems; charset=utf-8');
    assert.match(file.body, /^TY {2}- RPRT\r\n/);
    assert.equal(exportFile('csv', [], options).filename, 'entente-results.csv');
    assert.equal(exportFile('bibtex', [], { ...options, stem: '///' }).filename, 'entente-results.bib');
  });
});
