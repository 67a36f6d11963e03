/**
 * Metadata as real public texts write it: who made the text and in what role,
 * which date is the text's own, empty or unusual keys in front matter and
 * sidecars, the publisher, and page chrome in saved web pages. Fixtures are
 * written here, in the forms GOV.UK, Hansard, the EEAS, the Council and NATO use.
 */
import { strict as assert } from 'node:assert';
import type { Role } from '../../contract/document.js';
import type { Block, Extracted, MetadataInput } from '../../contract/extracted.js';
import { extractHtml } from '../../indexer/extractors/html.js';
import { dateFromUrl } from '../../indexer/metadata/dates.js';
import { readName, readNameAfterOffice } from '../../indexer/metadata/names.js';
import { publisherFromUrl } from '../../indexer/metadata/organisations.js';
import { buildMetadata } from '../../indexer/stages/metadata.js';
import { newJob, type DocumentMetadata, type Job } from '../../indexer/stages/stage.js';
import { summaryLines } from '../../indexer/summary.js';
import { toRecords } from '../../indexer/records.js';
import { formatDate } from '../../server/view-helpers.js';

function blocksOf(text: string): Block[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => (line.startsWith('- ') ? { page: 1, kind: 'list-item' as const, text: line.slice(2) } : { page: 1, kind: 'paragraph' as const, text: line }));
}

function jobFor(text: string, options: { sidecar?: MetadataInput; properties?: MetadataInput; propertiesSource?: Extracted['propertiesSource']; blocks?: Block[] } = {}): Job {
  const job = newJob({ path: '/corpus/doc.txt', relativePath: 'doc.txt', id: 'doc', format: 'text', sidecarPath: options.sidecar ? '/corpus/doc.meta.yml' : null });
  job.sidecar = options.sidecar ?? null;
  job.extracted = {
    blocks: options.blocks ?? blocksOf(text),
    pages: 1,
    properties: options.properties ?? {},
    propertiesSource: options.propertiesSource ?? null,
    needsOcr: false,
    warnings: [],
  };
  return job;
}

function metadataOf(text: string, options: Parameters<typeof jobFor>[1] = {}): DocumentMetadata {
  const result = buildMetadata(jobFor(text, options));
  if ('error' in result) throw new Error(result.error);
  return result;
}

/** The people who made the text (not those mentioned), as "role: name". */
const makers = (m: DocumentMetadata) => m.people.filter((p) => p.role !== 'mentioned').map((p) => `${p.role}: ${p.name}`);

describe('metadata from real-world phrasings', () => {
  describe('who made the text, in which role', () => {
    const BODY = 'The meeting discussed the security and defence partnership between the United Kingdom and the European Union at some length.';
    const cases: { text: string; want: `${Role}: ${string}`[] }[] = [
      { text: `Roundtable on European defence\nChair: Dr Jane Roe\n${BODY}`, want: ['chair: Jane Roe'] },
      { text: `Roundtable on European defence\nThe session was chaired by Professor Sir John Smith KC.\n${BODY}`, want: ['chair: John Smith'] },
      { text: `Panel on sanctions\nModerator: Ms Ana García\n${BODY}`, want: ['moderator: Ana García'] },
      { text: `Panel on sanctions\nSpeaker: Baroness Smith of Newnham\n${BODY}`, want: ['speaker: Baroness Smith of Newnham'] },
      { text: `A new era for European defence\nBy Jane Roe and John Smith\n${BODY}`, want: ['author: Jane Roe', 'author: John Smith'] },
      {
        text: `Remarks by President António Costa at the joint press conference following the EU-UK summit in London\n${BODY}`,
        want: ['speaker: António Costa'],
      },
      {
        text: `Speech by High Representative/Vice-President Kaja Kallas at the European Parliament plenary on the CFSP\n${BODY}`,
        want: ['speaker: Kaja Kallas'],
      },
      {
        text: `Press conference by NATO Secretary General Mark Rutte following the meetings of NATO Ministers of Foreign Affairs\n${BODY}`,
        want: ['speaker: Mark Rutte'],
      },
      { text: `UK-EU cooperation on Europol\nWritten statement by Minister of State for Europe Stephen Doughty\n${BODY}`, want: ['author: Stephen Doughty'] },
      { text: `UK sanctions Russian military intelligence\nForeign Secretary David Lammy said:\n“We will not tolerate this.”\n${BODY}`, want: ['speaker: David Lammy'] },
      { text: `NATO ministers meet\n“We must do more,” said the Secretary General Jens Stoltenberg.\n${BODY}`, want: ['speaker: Jens Stoltenberg'] },
      { text: `High Representative Kaja Kallas: “We have to help Ukraine end this war”\n${BODY}`, want: ['speaker: Kaja Kallas'] },
      {
        text: `Lords debate Ukraine\nMembers contributing to the debate included:\n- Lord Robertson of Port Ellen (Labour), former Secretary General of NATO\n- Baroness Meyer (Conservative), former trade envoy\n${BODY}`,
        want: ['speaker: Lord Robertson of Port Ellen', 'speaker: Baroness Meyer'],
      },
      { text: `Lords debate Ukraine\nLord Coaker (Labour), Minister of State at the Ministry of Defence, put forward the debate.\n${BODY}`, want: ['speaker: Lord Coaker'] },
      { text: `PM meeting with Chancellor Merz\nFrom: Prime Minister's Office, 10 Downing Street and The Rt Hon Sir Keir Starmer KCB KC MP\n${BODY}`, want: ['speaker: Keir Starmer'] },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ')} from "${text.split('\n').slice(0, 2).join(' / ').slice(0, 90)}"`, () => assert.deepEqual(makers(metadataOf(text)), want));
    }

    it('never takes a job title for a person', () => {
      for (const title of ['Special Envoy', 'Deputy Managing Director', 'Director General', 'Acting Director', 'Cyber Director', 'Secretary General']) {
        assert.equal(readName(`${title} of the service`), null, title);
        const text = `Statement on cyber security\nRemarks by the ${title} at the conference.\nSpeakers: ${title}, Jane Roe\n${BODY}`;
        assert.deepEqual(makers(metadataOf(text)), ['speaker: Jane Roe'], title);
      }
    });

    it('keeps people named in passing as mentioned, not as speakers', () => {
      const m = metadataOf(`Speech by Jane Roe\nAs President Emmanuel Macron argued last year, Europe must do more.\n${BODY}`);
      assert.deepEqual(makers(m), ['speaker: Jane Roe']);
      assert.deepEqual(m.people.filter((p) => p.role === 'mentioned').map((p) => p.name), ['Emmanuel Macron']);
    });

    it('skips the office before a name but not the name itself', () => {
      assert.equal(readNameAfterOffice('NATO Deputy Secretary General Radmila Shekerinska said')?.name, 'Radmila Shekerinska');
      assert.equal(readNameAfterOffice('Director General for Defence Industry and Space Timo Pesonen')?.name, 'Timo Pesonen');
      assert.equal(readNameAfterOffice('the Foreign Affairs Council on Monday'), null);
    });
  });

  describe("the text's own date", () => {
    const cases: { name: string; text: string; date: string | null; published?: string }[] = [
      {
        name: 'a dateline wins over a date in the body',
        text: 'EU statement on the summit\nBrussels, 19 May 2025\nThe Council recalls its decision of 12 March 2024 and the summit on 2 June 2025.',
        date: '2025-05-19',
      },
      {
        name: 'a "Published" line wins over dates in the body',
        text: 'UK and EU agree new cooperation\nPublished 18 March 2025\nThe agreement builds on talks held on 4 February 2025 and a summit planned for 19 May 2025 in London.',
        date: '2025-03-18',
        published: '2025-03-18',
      },
      {
        name: 'a Hansard sitting date',
        text: 'Ukraine\nVolume 820: debated on Wednesday 30 March 2022\nThe following Statement was made in the House of Commons on Monday 28 March 2022.',
        date: '2022-03-30',
      },
      {
        name: 'a date alone on a line under the heading',
        text: 'Ukraine at the heart of Lords debate\n28 October 2024\nOn Friday 25 October 2024, members of the House of Lords debated the situation in Ukraine.',
        date: '2024-10-28',
      },
      {
        name: 'a dateline after an institution and a place',
        text: 'EU Statement on the outcomes of the first EU–UK Summit in London, 19 May 2025\nOSCE Permanent Council No.1522, Vienna, 29 May 2025\n1. The European Union welcomes the summit.',
        date: '2025-05-29',
      },
      {
        name: 'a month alone keeps its precision',
        text: 'Policy brief on defence industry\nMay 2025\nThis brief discusses the SAFE regulation and third-country participation in some detail.',
        date: '2025-05',
      },
      {
        name: 'an event date in the opening ("On 5 May 2025")',
        text: 'Roundtable report\nOn 5 May 2025, the institute hosted a roundtable in Brussels on defence cooperation.',
        date: '2025-05-05',
      },
      {
        name: 'no date from deep in the body of a long speech',
        text: `Speech on European security\n${'We must stand together and invest in our defence. '.repeat(40)}\nWhen Russia invaded on 24 February 2022, Europe changed.`,
        date: null,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const m = metadataOf(c.text);
        assert.equal(m.date, c.date);
        if (c.published) assert.equal(m.published, c.published);
      });
    }

    it('reads the day a web address carries when the text gives none', () => {
      assert.equal(dateFromUrl('https://ec.europa.eu/news/results-edf-calls-2022-07-20_sk'), '2022-07-20');
      assert.equal(dateFromUrl('https://example.org/2025/05/19/summit'), '2025-05-19');
      assert.equal(dateFromUrl('https://example.org/report-2025'), null);
      const m = metadataOf('Results of the calls\nThe Commission selected 61 projects for funding under the fund.', {
        sidecar: { source_url: 'https://defence-industry-space.ec.europa.eu/results-2022-07-20_en' },
      });
      assert.equal(m.date, '2022-07-20');
      assert.equal(m.provenance.date, 'source-url');
    });
  });

  describe('front matter and sidecars as researchers write them', () => {
    it('treats empty values as not given: the file is indexed, the field read from the text, a warning kept', () => {
      const m = metadataOf('Speech by NATO Secretary General Mark Rutte\nBrussels, 9 June 2025\nThank you for having me.', {
        propertiesSource: 'front-matter',
        properties: { title: 'Speech in Brussels', date: '', type: '', speakers: [] },
      });
      assert.equal(m.date, '2025-06-09');
      assert.equal(m.provenance.date, 'text');
      assert.equal(m.type, 'speech');
      assert.deepEqual(makers(m), ['speaker: Mark Rutte']);
      assert.deepEqual(m.warnings, [
        'front matter: "date" is empty: read from the text instead',
        'front matter: "type" is empty: read from the text instead',
        'front matter: "speakers" is empty: read from the text instead',
      ]);
    });

    it('accepts publisher, source, url, people, authors, speakers and licence in a sidecar', () => {
      const m = metadataOf('A paper\nText of the paper on defence.', {
        sidecar: {
          publisher: 'EEAS',
          url: 'https://www.eeas.europa.eu/eeas/paper_en',
          licence: 'EU reuse notice',
          authors: ['Dr Jane Roe'],
          speakers: 'John Smith',
          people: [{ name: 'Ana García', role: 'chair' }],
        },
      });
      assert.equal(m.publisher, 'European External Action Service');
      assert.equal(m.provenance.publisher, 'sidecar');
      assert.equal(m.organisations[0], 'European External Action Service');
      assert.equal(m.sourceUrl, 'https://www.eeas.europa.eu/eeas/paper_en');
      assert.deepEqual(makers(m), ['chair: Ana García', 'speaker: John Smith', 'author: Jane Roe']);
      assert.equal(metadataOf('A paper\nText.', { sidecar: { source: 'House of Lords Library' } }).publisher, 'House of Lords Library');
      assert.equal(metadataOf('A paper\nText.', { sidecar: { source: 'https://lordslibrary.parliament.uk/x/' } }).sourceUrl, 'https://lordslibrary.parliament.uk/x/');
    });

    it('still fails a sidecar with an unknown key, naming it', () => {
      const result = buildMetadata(jobFor('Title\nText.', { sidecar: { tittle: 'x' } }));
      assert.ok('error' in result && /unknown key "tittle"/.test(result.error));
    });
  });

  describe('the publisher', () => {
    it('reads a "From:" line, a known body under the title, the speaker\'s office, or the web address', () => {
      assert.equal(metadataOf("PM meets Rutte\nFrom: Prime Minister's Office, 10 Downing Street\nText.").publisher, "Prime Minister's Office, 10 Downing Street");
      assert.equal(metadataOf('Remarks by President Costa\nEuropean Council\nStatements and remarks\nText.').publisher, 'European Council');
      assert.equal(metadataOf('Press conference by NATO Secretary General Mark Rutte\nGood afternoon.').publisher, 'NATO');
      // The title opens with the Prime Minister ("PM"): a Downing Street readout, not NATO's text.
      assert.equal(metadataOf('PM meeting with NATO Secretary General Mark Rutte\nThe Prime Minister met him.').publisher, "Prime Minister's Office, 10 Downing Street");
      assert.equal(publisherFromUrl('https://hansard.parliament.uk/lords/2019-05-15/debates/x'), 'Hansard');
      assert.equal(publisherFromUrl('https://www.nato.int/cps/en/natohq/opinions_1.htm'), 'NATO');
    });

    it('prefers the publisher a page declares, and uses its site name only when nothing more specific is known', () => {
      const page = (meta: MetadataInput, text = 'Title\nText of the page.') => metadataOf(text, { propertiesSource: 'html-meta', properties: meta });
      assert.equal(page({ 'dc.publisher': 'Home Office', 'og:site_name': 'GOV.UK' }).publisher, 'Home Office');
      assert.equal(page({ 'og:site_name': 'GOV.UK' }).publisher, 'GOV.UK');
      assert.equal(page({ 'og:site_name': 'GOV.UK' }, 'Title\nFrom: Home Office\nText.').publisher, 'Home Office');
      assert.equal(page({ 'article:published_time': '2025-03-18T10:00:00Z' }).published, '2025-03-18');
      assert.equal(page({ author: 'Jane Roe' }).people[0]?.name, 'Jane Roe');
    });
  });

  describe('page chrome in saved web pages', () => {
    const PAGE = `<!doctype html><html lang="en"><head><title>Summit - Site</title></head><body>
      <div class="cookie-banner"><p>We use cookies to make this site work. Accept all cookies.</p></div>
      <div id="global-header"><a href="/">Home</a> <a href="/news">News</a></div>
      <main>
        <div class="breadcrumbs"><a>Home</a> &gt; <a>News</a></div>
        <h1>Leaders agree a security and defence partnership</h1>
        <p>From: Prime Minister's Office, 10 Downing Street</p>
        <p>Published 19 May 2025</p>
        ${'<p>The United Kingdom and the European Union agreed a partnership covering defence industry, maritime security and cyber threats, with regular consultations between them.</p>'.repeat(4)}
        <div class="share-this-page"><p>Share this page on Facebook or Twitter</p></div>
      </main>
      <footer><p>All content is available under the Open Government Licence</p></footer></body></html>`;

    it('keeps navigation, cookie notices, breadcrumbs and share bars out of the text, and lists them as removed', async () => {
      const extracted = await extractHtml({ data: Buffer.from(PAGE) } as Parameters<typeof extractHtml>[0], {} as Parameters<typeof extractHtml>[1]);
      const text = extracted.blocks.map((b) => b.text).join('\n');
      assert.doesNotMatch(text, /cookies|Share this page|Open Government Licence|Home > News/);
      assert.match(text, /^Leaders agree a security and defence partnership\nFrom: Prime Minister's Office/m);
      assert.match(text, /Published 19 May 2025/);
      assert.ok(extracted.removed?.some((r) => /We use cookies/.test(r)));
      assert.ok(extracted.removed?.some((r) => /Share this page/.test(r)));
    });

    it('still reads the metadata in the lead above the article', async () => {
      const job = jobFor('', {});
      job.extracted = await extractHtml({ data: Buffer.from(PAGE) } as Parameters<typeof extractHtml>[0], {} as Parameters<typeof extractHtml>[1]);
      const m = buildMetadata(job);
      assert.ok(!('error' in m));
      assert.equal(m.date, '2025-05-19');
      assert.equal(m.publisher, "Prime Minister's Office, 10 Downing Street");
      assert.match(m.summary, /^The United Kingdom and the European Union agreed/);
    });
  });

  describe('date precision, end to end', () => {
    it('stores a month as its first day with the precision beside it, and shows it as the month', () => {
      const job = jobFor('Policy brief on defence industry\nMay 2025\nThis brief discusses the SAFE regulation and third-country participation.');
      const metadata = buildMetadata(job);
      assert.ok(!('error' in metadata));
      job.metadata = metadata;
      const { document } = toRecords(job, '2025-06-01T00:00:00Z');
      assert.deepEqual([document.date, document.datePrecision, document.dateTs, document.year], ['2025-05-01', 'month', Date.UTC(2025, 4, 1) / 1000, 2025]);
      assert.equal(formatDate(document.date, document.datePrecision), 'May 2025');
      assert.equal(formatDate('2025-01-01', 'year'), '2025');
      assert.equal(formatDate('2025-05-05', 'day'), '5 May 2025');
    });
  });

  describe('the indexer summary', () => {
    it('lists files that failed, need OCR, were indexed with warnings or have no date, each with its reason', () => {
      const lines = summaryLines({
        indexed: 3,
        unchanged: 0,
        removed: 0,
        needsOcr: ['scan.pdf'],
        failed: [{ file: 'locked.pdf', reason: 'password-protected' }],
        warnings: [{ file: 'speech.md', warnings: ['front matter: "date" is empty: read from the text instead'] }],
        undated: ['undated.txt'],
        documents: 3,
        passages: 9,
        durationMs: 1000,
      });
      assert.deepEqual(lines.slice(1), [
        '  failed     locked.pdf: password-protected',
        '  needs OCR  scan.pdf (no text layer: indexed by metadata only)',
        '  warning    speech.md: front matter: "date" is empty: read from the text instead',
        '  no date    undated.txt (no date in the text or its metadata: not found by date filters)',
      ]);
    });
  });
});
