import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDateValue, findDates } from '../../indexer/metadata/dates.js';
import { guessLanguage } from '../../indexer/metadata/language.js';
import { readName, readNameAfterOffice, surnamesAsWritten } from '../../indexer/metadata/names.js';
import { metadataStage, buildMetadata } from '../../indexer/stages/metadata.js';
import { newJob, type DocumentMetadata, type Job, type StageContext } from '../../indexer/stages/stage.js';
import { type Block, type Extracted, type MetadataInput } from '../../contract/extracted.js';

const SEED = fileURLToPath(new URL('../../corpus/uk-eu-defence-roundtable-2025.txt', import.meta.url));

/** Blocks as a text extractor gives them: one per non-empty line, "- " lines as list items. */
function blocksOf(text: string): Block[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      line.startsWith('- ')
        ? { page: 1, kind: 'list-item' as const, text: line.slice(2) }
        : { page: 1, kind: 'paragraph' as const, text: line },
    );
}

interface JobOptions {
  file?: string;
  sidecar?: MetadataInput;
  properties?: MetadataInput;
  propertiesSource?: Extracted['propertiesSource'];
}

function jobFor(text: string, options: JobOptions = {}): Job {
  const file = options.file ?? 'reports/example-document.txt';
  const job = newJob({
    path: `/corpus/${file}`,
    relativePath: file,
    id: 'example',
    format: 'text',
    sidecarPath: options.sidecar ? `/corpus/${file.replace(/\.[^.]+$/, '')}.meta.yml` : null,
  });
  job.sidecar = options.sidecar ?? null;
  job.extracted = {
    blocks: blocksOf(text),
    pages: 1,
    properties: options.properties ?? {},
    propertiesSource: options.propertiesSource ?? null,
    needsOcr: false,
    warnings: [],
  };
  return job;
}

function metadataOf(text: string, options: JobOptions = {}): DocumentMetadata {
  const result = buildMetadata(jobFor(text, options));
  if ('error' in result) assert.fail(`unexpected failure: ${result.error}`);
  return result;
}

const ctx = {} as StageContext;

const rolesOf = (metadata: DocumentMetadata) => metadata.people.map((p) => [p.role, p.name, p.display]);

describe('metadata stage', () => {
  describe('the seed event report', () => {
    const metadata = metadataOf(readFileSync(SEED, 'utf8'), { file: 'uk-eu-defence-roundtable-2025.txt' });

    it('takes the title from the first line', () => {
      assert.equal(metadata.title, 'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead');
      assert.equal(metadata.provenance.title, 'text');
    });

    it('dates it to the day of the event', () => {
      assert.equal(metadata.date, '2025-05-05');
      assert.equal(metadata.provenance.date, 'text');
    });

    it('names the host once, its acronym in the footer not counted as a second body', () => {
      assert.deepEqual(metadata.organisations, ['Institute for European Policymaking at Bocconi University']);
    });

    it('places it in Brussels', () => {
      assert.equal(metadata.place, 'Brussels');
    });

    it('finds the chair and the three speakers, honorifics kept only for display', () => {
      assert.deepEqual(rolesOf(metadata), [
        ['chair', 'Eleanor Spaventa', 'Professor Eleanor Spaventa'],
        ['speaker', 'Alan Dashwood', 'Professor Sir Alan Dashwood KC'],
        ['speaker', 'Jonathan Faull', 'Sir Jonathan Faull'],
        ['speaker', 'Julian King', 'Sir Julian King'],
      ]);
      assert.deepEqual(
        metadata.people.map((p) => p.slug),
        ['eleanor-spaventa', 'alan-dashwood', 'jonathan-faull', 'julian-king'],
      );
    });

    it('is an event report, although its disclaimer mentions "the authors"', () => {
      assert.equal(metadata.type, 'event-report');
    });

    it('is in English, with a summary from its first paragraph, not its title', () => {
      assert.equal(metadata.language, 'en');
      assert.match(metadata.summary, /^The discussion focused on progress made so far/);
      assert.ok(metadata.summary.length <= 300);
    });
  });

  describe('other documents read with the same heuristics', () => {
    it('reads a policy paper with an "Authors:" line', () => {
      const metadata = metadataOf(
        [
          'Rebuilding European Defence Supply Chains',
          'Authors: Dr Jane Roe and Prof. Richard Miles',
          'Published 3 June 2024',
          'This report examines how European governments can rebuild defence supply chains after two decades of underinvestment, and what role the United Kingdom could play.',
        ].join('\n'),
      );
      assert.equal(metadata.title, 'Rebuilding European Defence Supply Chains');
      assert.deepEqual(rolesOf(metadata), [
        ['author', 'Jane Roe', 'Dr Jane Roe'],
        ['author', 'Richard Miles', 'Prof. Richard Miles'],
      ]);
      assert.equal(metadata.type, 'policy-paper');
      assert.equal(metadata.published, '2024-06-03');
      // No event: the publication date stands in as the document's date.
      assert.equal(metadata.date, '2024-06-03');
    });

    it('reads a speech from a "Remarks by" dateline', () => {
      const metadata = metadataOf(
        [
          'Europe in a More Dangerous World',
          'Remarks by Dame Example Person MEP, Brussels, 12 March 2024',
          'Thank you for inviting me to speak today about the future of European security and the partnership between the Union and its closest neighbours.',
        ].join('\n'),
      );
      assert.equal(metadata.type, 'speech');
      assert.deepEqual(rolesOf(metadata), [['speaker', 'Example Person', 'Dame Example Person MEP']]);
      assert.equal(metadata.place, 'Brussels');
      assert.equal(metadata.date, '2024-03-12');
    });

    it('reads a moderated panel with speakers, a host and a place', () => {
      const metadata = metadataOf(
        [
          'Deterrence After Ukraine',
          'The panel was organised by the Royal United Services Institute and took place in London on 14th October 2024.',
          'Moderated by Ms Ana García, the panel featured speakers including General Sir Nick Carter, Dr Claudia Major (SWP) and Lord Ricketts.',
          'RUSI thanks all participants.',
        ].join('\n'),
      );
      assert.equal(metadata.type, 'event-report');
      assert.deepEqual(metadata.organisations, ['Royal United Services Institute']);
      assert.equal(metadata.place, 'London');
      assert.equal(metadata.date, '2024-10-14');
      assert.deepEqual(rolesOf(metadata), [
        ['moderator', 'Ana García', 'Ms Ana García'],
        ['speaker', 'Nick Carter', 'General Sir Nick Carter'],
        ['speaker', 'Claudia Major', 'Dr Claudia Major'],
        ['speaker', 'Lord Ricketts', 'Lord Ricketts'],
      ]);
    });

    it('names both co-hosts, resolves an acronym once, and reads "held in The Hague"', () => {
      const metadata = metadataOf(
        [
          'The Future of the E3',
          'On Monday 12 February 2024, the European Council on Foreign Relations (ECFR) and the Foreign Policy Centre co-hosted a workshop.',
          'The workshop, held in The Hague, was chaired by Admiral Rob Bauer and featured Vice Admiral Sir Ben Key KCB CBE and Ms Kaja Kallas.',
          'ECFR is grateful to all participants.',
        ].join('\n'),
      );
      assert.deepEqual(metadata.organisations, ['European Council on Foreign Relations', 'Foreign Policy Centre']);
      assert.equal(metadata.place, 'The Hague');
      assert.equal(metadata.date, '2024-02-12');
      assert.deepEqual(rolesOf(metadata), [
        ['chair', 'Rob Bauer', 'Admiral Rob Bauer'],
        ['speaker', 'Ben Key', 'Vice Admiral Sir Ben Key KCB CBE'],
        ['speaker', 'Kaja Kallas', 'Ms Kaja Kallas'],
      ]);
    });

    it('prefers the date after "On" to an earlier date in the text', () => {
      const metadata = metadataOf(
        [
          'Lessons from the Windsor Framework',
          'Following the agreement of 27 February 2023, much changed.',
          'On 9 November 2023, Chatham House hosted a workshop in London chaired by Dr Jane Roe.',
        ].join('\n'),
      );
      assert.equal(metadata.date, '2023-11-09');
      assert.deepEqual(metadata.organisations, ['Chatham House']);
      assert.equal(metadata.place, 'London');
    });

    it('notes people mentioned with a title, below those with a role', () => {
      const metadata = metadataOf(
        [
          'Security Cooperation After Brexit',
          'Chaired by Professor Jane Roe, the roundtable discussed the approach of Sir Keir Starmer to the EU.',
        ].join('\n'),
      );
      assert.deepEqual(rolesOf(metadata), [
        ['chair', 'Jane Roe', 'Professor Jane Roe'],
        ['mentioned', 'Keir Starmer', 'Sir Keir Starmer'],
      ]);
    });

    it('treats a name spelt with and without accents as one person, keeping the accented spelling', () => {
      const metadata = metadataOf(
        [
          'Strategic Autonomy Revisited',
          'Chaired by Jose Borrell, the seminar opened with a question from the floor.',
          'Speakers included José Borrell and Dr Jane Roe.',
        ].join('\n'),
      );
      assert.deepEqual(rolesOf(metadata), [
        ['chair', 'José Borrell', 'José Borrell'],
        ['speaker', 'Jane Roe', 'Dr Jane Roe'],
      ]);
      assert.equal(metadata.people[0]!.slug, 'jose-borrell');
    });

    it('falls back to the file name when the first line is a sentence', () => {
      const metadata = metadataOf('This short note records a conversation about defence spending.\nNothing else.', {
        file: '2024/defence_spending-note.txt',
      });
      assert.equal(metadata.title, 'Defence spending note');
      assert.equal(metadata.provenance.title, 'file');
      assert.equal(metadata.date, null);
      assert.equal(metadata.type, 'other');
    });

    it('guesses a document in French as French', () => {
      const metadata = metadataOf(
        [
          'La défense européenne après le Brexit',
          "Le Royaume-Uni et l'Union européenne sont des partenaires naturels dans le domaine de la défense, et la coopération entre les deux reste une priorité pour la sécurité du continent.",
        ].join('\n'),
      );
      assert.equal(metadata.language, 'fr');
    });
  });

  describe('sidecar and front matter', () => {
    const seedText = readFileSync(SEED, 'utf8');

    it('lets a sidecar override title and date, recording the sidecar as their source', () => {
      const metadata = metadataOf(seedText, { sidecar: { title: 'A Better Title', date: '2025-05-06' } });
      assert.equal(metadata.title, 'A Better Title');
      assert.equal(metadata.date, '2025-05-06');
      assert.equal(metadata.provenance.title, 'sidecar');
      assert.equal(metadata.provenance.date, 'sidecar');
      // Fields the sidecar leaves out still come from the text.
      assert.equal(metadata.place, 'Brussels');
      assert.equal(metadata.provenance.place, 'text');
    });

    it('records where an organisation that is only the publisher came from', () => {
      const text = 'Ministers met in Brussels on Monday to discuss closer co-operation on border security, and officials said more meetings would follow.';
      const metadata = metadataOf(text, { sidecar: { publisher: 'NATO' } });
      assert.deepEqual(metadata.organisations, ['NATO']);
      assert.equal(metadata.provenance.organisations, 'sidecar', 'the organisations list says where its one entry came from');
    });

    it('accepts every documented sidecar key', () => {
      const metadata = metadataOf(seedText, {
        sidecar: {
          title: 'Roundtable',
          date: '2025-05',
          published: new Date(Date.UTC(2025, 5, 1)),
          type: 'Event report',
          organisation: 'IEP@BU',
          place: 'Milan',
          language: 'English',
          source_url: 'https://example.org/report',
          people: [{ name: 'Professor Eleanor Spaventa', role: 'chair' }, 'Sir Julian King'],
          authors: 'Dr Jane Roe',
          password: 'secret',
        },
      });
      // A month stays a month: "2025-05" is May 2025, not 1 May.
      assert.equal(metadata.date, '2025-05');
      assert.equal(metadata.published, '2025-06-01');
      assert.equal(metadata.type, 'event-report');
      assert.deepEqual(metadata.organisations, ['Institute for European Policymaking at Bocconi University']);
      assert.equal(metadata.place, 'Milan');
      assert.equal(metadata.language, 'en');
      assert.equal(metadata.sourceUrl, 'https://example.org/report');
      assert.deepEqual(rolesOf(metadata), [
        ['chair', 'Eleanor Spaventa', 'Professor Eleanor Spaventa'],
        ['speaker', 'Julian King', 'Sir Julian King'],
        ['author', 'Jane Roe', 'Dr Jane Roe'],
      ]);
      assert.equal(metadata.provenance.people, 'sidecar');
      assert.equal(metadata.provenance.type, 'sidecar');
    });

    it('takes people from front matter', () => {
      const metadata = metadataOf('Body text only.\nA second paragraph with several more words in it than the first one has.', {
        propertiesSource: 'front-matter',
        properties: {
          title: 'From Front Matter',
          date: new Date(Date.UTC(2024, 0, 15)),
          chair: 'Baroness Ashton',
          speakers: ['Professor Sir Alan Dashwood KC', 'Jonathan Faull'],
          layout: 'post',
        },
      });
      assert.equal(metadata.title, 'From Front Matter');
      assert.equal(metadata.provenance.title, 'front-matter');
      assert.equal(metadata.date, '2024-01-15');
      assert.deepEqual(rolesOf(metadata), [
        ['chair', 'Baroness Ashton', 'Baroness Ashton'],
        ['speaker', 'Alan Dashwood', 'Professor Sir Alan Dashwood KC'],
        ['speaker', 'Jonathan Faull', 'Jonathan Faull'],
      ]);
      assert.equal(metadata.provenance.people, 'front-matter');
    });

    it('fails the document on a sidecar date that is not a date', async () => {
      const job = jobFor(seedText, { file: 'report.txt', sidecar: { date: 'last Tuesday' } });
      const outcome = await metadataStage.run(job, ctx);
      assert.ok(outcome && outcome.stop === 'failed');
      assert.match(outcome.reason, /^sidecar report\.meta\.yml: date: not a date/);
      assert.equal(job.metadata, null);
    });

    it('fails on 31 February, an unknown key and an unknown role, naming each', () => {
      const errorOf = (sidecar: MetadataInput) => {
        const result = buildMetadata(jobFor(seedText, { file: 'r.txt', sidecar }));
        return 'error' in result ? result.error : 'no error';
      };
      assert.match(errorOf({ date: '2025-02-31' }), /^sidecar r\.meta\.yml: date: not a date/);
      assert.match(errorOf({ tittle: 'x' }), /unknown key "tittle"/);
      assert.match(errorOf({ people: [{ name: 'Jane Roe', role: 'keynote' }] }), /people\.0\.role: must be one of chair, speaker/);
      assert.match(errorOf({ type: 'blog' }), /type: must be one of event-report/);
      assert.match(errorOf({ source_url: 'javascript:alert(1)' }), /source_url: not an http\(s\) URL/);
    });

    it('indexes a file whose front matter date is bad, reading the date from the text and keeping a warning', () => {
      const result = buildMetadata(
        jobFor('Title\nPublished 18 March 2025\nText of the page.', { propertiesSource: 'front-matter', properties: { date: 'soon' } }),
      );
      assert.ok(!('error' in result));
      assert.equal(result.date, '2025-03-18');
      assert.equal(result.provenance.date, 'text');
      assert.match(result.warnings.join('\n'), /^front matter: date: not a date.*read from the text instead/);
    });
  });

  describe('PDF and HTML properties', () => {
    it('uses the PDF creation date only as the publication date', () => {
      const metadata = metadataOf('A Paper Without Dates\nThis paper has no date anywhere in its text, which happens more often than one would like.', {
        propertiesSource: 'pdf-info',
        properties: { title: 'The PDF Title', created: '2023-04-01T10:00:00.000Z', author: 'jsmith', pages: 3 },
      });
      assert.equal(metadata.title, 'The PDF Title');
      assert.equal(metadata.provenance.title, 'pdf-info');
      assert.equal(metadata.published, '2023-04-01');
      assert.equal(metadata.provenance.published, 'pdf-info');
      assert.equal(metadata.date, null);
      // "jsmith" is a login name, not a person.
      assert.deepEqual(metadata.people, []);
    });

    it('uses a PDF author only when the text names nobody', () => {
      const withAuthor = metadataOf('A Paper\nText with no names in it at all, just a reasonable amount of prose.', {
        propertiesSource: 'pdf-info',
        properties: { author: 'Jane Roe' },
      });
      assert.deepEqual(rolesOf(withAuthor), [['author', 'Jane Roe', 'Jane Roe']]);
      assert.equal(withAuthor.provenance.people, 'pdf-info');
    });

    it('reads common HTML meta names', () => {
      const metadata = metadataOf('Page Heading\nSome body text of the page that goes on for a while.', {
        propertiesSource: 'html-meta',
        properties: {
          'og:title': 'Meta Title',
          'article:published_time': '2024-09-30T08:00:00Z',
          author: 'Dr Jane Roe',
          lang: 'en-GB',
          canonical: 'https://example.org/page',
        },
      });
      assert.equal(metadata.title, 'Meta Title');
      assert.equal(metadata.date, '2024-09-30');
      assert.equal(metadata.provenance.date, 'html-meta');
      assert.equal(metadata.language, 'en');
      assert.equal(metadata.sourceUrl, 'https://example.org/page');
    });
  });
});

describe('metadata helpers', () => {
  it('parses the date forms people write, and only real dates', () => {
    // The precision is kept: a year stays a year, a month a month.
    assert.equal(parseDateValue('2025'), '2025');
    assert.equal(parseDateValue(2025), '2025');
    assert.equal(parseDateValue('2025-05'), '2025-05');
    assert.equal(parseDateValue('May 2025'), '2025-05');
    assert.equal(parseDateValue('2025-05-05'), '2025-05-05');
    assert.equal(parseDateValue('5 May 2025'), '2025-05-05');
    assert.equal(parseDateValue('May 5, 2025'), '2025-05-05');
    assert.equal(parseDateValue('5th May 2025'), '2025-05-05');
    assert.equal(parseDateValue('06/05/2025'), '2025-05-06', 'numeric dates are day-first');
    assert.equal(parseDateValue('2025-02-29'), null);
    assert.equal(parseDateValue('2024-02-29'), '2024-02-29');
    assert.equal(parseDateValue('31/02/2025'), null);
    assert.equal(parseDateValue('2025-13'), null);
    assert.equal(parseDateValue('tomorrow'), null);
    assert.equal(parseDateValue('held on 5 May 2025 in Rome'), null);
  });

  it('finds dates in text without inventing any', () => {
    assert.deepEqual(
      findDates('Held on 12-14 March 2024; published 2024-04-02. Not a date: May 2025, or 2025.').map((d) => d.date),
      ['2024-03-12', '2024-04-02'],
    );
  });

  it("finds dates written day-first with dashes and in the EU's other languages, as saved EU pages give them", () => {
    assert.deepEqual(findDates('Briefing 18-11-2024').map((d) => d.date), ['2024-11-18']);
    assert.deepEqual(findDates('THE HAGUE, 31-Oct-2023 — and 05/JUN/2024').map((d) => d.date), ['2023-10-31', '2024-06-05']);
    // Furniture run into the words around it when the page was saved.
    assert.deepEqual(findDates('Pressemitteilung4 März 2022Generaldirektion Migration').map((d) => d.date), ['2022-03-04']);
    // An English month name after a day with a full stop, as German copies write it.
    assert.deepEqual(findDates('Datum der Veröffentlichung\n- 24. September 2021').map((d) => d.date), ['2021-09-24']);
    assert.deepEqual(
      findDates('publié le 7 février 2023; gepubliceerd op dinsdag 14 mei 2024; 3. Oktober 2021; 21 de julio de 2020').map((d) => d.date),
      ['2023-02-07', '2024-05-14', '2021-10-03', '2020-07-21'],
    );
    // Month-first where day-first names no day, and then throughout the text, which keeps one convention; day-first otherwise.
    assert.deepEqual(findDates('12/22/2025 | Press release | Updated 01/05/2026').map((d) => d.date), ['2025-12-22', '2026-01-05']);
    assert.deepEqual(findDates('Posted 06/05/2025, updated 13/05/2025').map((d) => d.date), ['2025-05-06', '2025-05-13']);
    // Month-first also where the text gives in words the day a slashed date names read so; dotted dates are always Europe's, day-first.
    assert.deepEqual(findDates('11/06/2024 | Press release. The assembly today (6 November) announced results.').map((d) => d.date), ['2024-11-06']);
    assert.deepEqual(findDates('11/06/2024 | Press release. The assembly today announced results.').map((d) => d.date), ['2024-06-11']);
    assert.deepEqual(findDates('12/22/2025 | Press release. Decision 2025/2436 (OJ L, 2.12.2025).').map((d) => d.date), ['2025-12-22', '2025-12-02']);
    // The other EU languages' months, in the forms dates take, and year first; not a sentence ending in a year.
    assert.deepEqual(
      findDates('28 lutego 2024; 20. júla 2022; 3. března 2021; 28 Φεβρουαρίου 2024; 2024. február 28.; 2024. gada 28. februāris; In 2024. May 3 people').map((d) => d.date),
      ['2024-02-28', '2022-07-20', '2021-03-03', '2024-02-28', '2024-02-28', '2024-02-28'],
    );
    // Not dates: a day beyond the month, a version number, a year range.
    assert.deepEqual(findDates('31 février 2023, release 1.2.2023a, 2021-2027 and 4-5-67').map((d) => d.date), []);
  });

  it("sets a member's surname printed in capitals before their group as it is written elsewhere, and leaves acronyms be", () => {
    assert.equal(surnamesAsWritten('Anna BERG (S&D, FR) and Jan VAN DER STONE (EPP), rapporteur'), 'Anna Berg (S&D, FR) and Jan van der Stone (EPP), rapporteur');
    assert.equal(surnamesAsWritten('Marie LE-ROE (Renew, FR)'), 'Marie Le-Roe (Renew, FR)');
    // Capitals without a group's bracket, or before another bracket, are an acronym.
    assert.equal(surnamesAsWritten('Renew INTA (Committee on International Trade) and the Danish NATO presidency'), 'Renew INTA (Committee on International Trade) and the Danish NATO presidency');
  });

  it('strips honorifics and post-nominals from names, keeping them for display', () => {
    assert.deepEqual(readName('The Rt Hon Baroness Catherine Ashton'), { name: 'Catherine Ashton', display: 'The Rt Hon Baroness Catherine Ashton' });
    assert.deepEqual(readName('Ambassador Jane Roe CMG, former envoy'), { name: 'Jane Roe', display: 'Ambassador Jane Roe CMG' });
    assert.deepEqual(readName('Ursula von der Leyen'), { name: 'Ursula von der Leyen', display: 'Ursula von der Leyen' });
    // An officer's rank is a title, not a name: "Major Jane Roe", "Lieutenant Colonel John Smith"; "Sir John Major" keeps his surname.
    assert.deepEqual(readName('Major Jane Roe, Spokesperson'), { name: 'Jane Roe', display: 'Major Jane Roe' });
    assert.deepEqual(readName('Lieutenant Colonel John Smith of the Rifles'), { name: 'John Smith', display: 'Lieutenant Colonel John Smith' });
    assert.deepEqual(readName('Sir John Major'), { name: 'John Major', display: 'Sir John Major' });
    // "General" closing an office is no rank: the holder is not "General Jens Stoltenberg".
    assert.deepEqual(readNameAfterOffice('NATO Secretary General Jane Roe'), { name: 'Jane Roe', display: 'Jane Roe' });
    assert.deepEqual(readNameAfterOffice('Director General John Smith'), { name: 'John Smith', display: 'John Smith' });
    assert.deepEqual(readNameAfterOffice('General Jane Roe, Chief of Defence'), { name: 'Jane Roe', display: 'General Jane Roe' });
    assert.equal(readName('European Commission'), null);
    assert.equal(readName('the EU'), null);
  });

  it('tells English from other languages', () => {
    assert.equal(guessLanguage('The United Kingdom and the European Union agreed that it was in the interest of both to work on this together.'), 'en');
    assert.equal(guessLanguage('Die Zusammenarbeit zwischen dem Vereinigten Königreich und der Europäischen Union ist für die Sicherheit nicht nur wichtig, sondern auch notwendig.'), 'de');
    assert.equal(guessLanguage(''), null);
  });
});
