import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Passage, ThemeTag } from '../../contract/document.js';
import { loadGlossary, loadTaxonomy, type Taxonomy } from '../../contract/taxonomy.js';
import { textBlocks } from '../../indexer/extractors/text.js';
import { buildPassages } from '../../indexer/stages/passages.js';
import { tagDocument, tagText, themesStage, withGlossary } from '../../indexer/stages/themes.js';
import { newJob, type StageContext } from '../../indexer/stages/stage.js';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

function passagesOf(texts: string[]): Passage[] {
  return texts.map((text, ordinal) => ({
    id: `doc_${String(ordinal).padStart(8, '0')}`,
    ordinal,
    page: 1,
    start: 0,
    end: text.length,
    heading: null,
    text,
    themes: [],
    themeTags: [],
  }));
}

/** A small taxonomy built in the test, so each rule is seen on its own. */
function taxonomy(
  themes: { id: string; phrases?: string[]; acronyms?: string[]; patterns?: string[]; contextual?: string[]; broader?: string; threshold?: number }[],
  threshold = 2,
): Taxonomy {
  return {
    threshold,
    share: 0,
    themes: themes.map((t) => ({
      id: t.id,
      label: t.id.toUpperCase(),
      description: '',
      ...(t.broader ? { broader: t.broader } : {}),
      ...(t.threshold ? { threshold: t.threshold } : {}),
      terms: { phrases: t.phrases ?? [], acronyms: t.acronyms ?? [], patterns: t.patterns ?? [], contextual: t.contextual ?? [] },
    })),
  };
}

const evidenceOf = (tax: Taxonomy, text: string, id: string) => tagText(tax, text).get(id) ?? {};

describe('themes stage', () => {
  describe('the real taxonomy on the seed', () => {
    const real = loadTaxonomy(CORPUS);
    const lines = readFileSync(`${CORPUS}uk-eu-defence-roundtable-2025.txt`, 'utf8')
      .split('\n')
      .map((line) => line.replace(/^- /, '').trim())
      .filter((line) => line !== '');
    // Passages tagged one line at a time; the document tagged as the indexer passes it: its own passages (the list of
    // questions kept with the line that introduces it) and its title.
    const passages = passagesOf(lines);
    tagDocument(real, passages);
    const text = readFileSync(`${CORPUS}uk-eu-defence-roundtable-2025.txt`, 'utf8');
    const tags = tagDocument(real, buildPassages('seed', textBlocks(text).blocks), '', lines[0]!);
    const byId = new Map(tags.filter((tag) => tag.weight === 'about').map((tag) => [tag.id, tag]));

    it('tags the five themes the report is about, each with evidence', () => {
      for (const id of ['defence-industry', 'nato-transatlantic', 'migration', 'institutional-architecture', 'foreign-policy-coordination']) {
        const tag = byId.get(id);
        assert.ok(tag, `missing theme ${id}; got ${tags.map((t) => t.id).join(', ')}`);
        assert.ok(Object.values(tag.evidence).reduce((a, b) => a + b, 0) >= 2, `${id} has too little evidence`);
      }
    });

    it('shows terms a researcher would recognise as the reason', () => {
      assert.ok(byId.get('defence-industry')!.evidence['procurement']);
      assert.ok(byId.get('defence-industry')!.evidence['standardisation']);
      assert.ok(byId.get('nato-transatlantic')!.evidence['NATO']);
      assert.equal(byId.get('migration')!.evidence['irregular migration'], 1);
      assert.equal(byId.get('migration')!.evidence['people smuggling'], 1);
      assert.ok(byId.get('institutional-architecture')!.evidence['institutional architecture']);
      assert.ok(byId.get('foreign-policy-coordination')!.evidence['foreign policy coordination']);
      assert.equal(byId.get('institutional-architecture')!.label, 'Institutional architecture and legal framework');
    });

    it('does not tag themes the report does not discuss', () => {
      for (const id of ['sanctions', 'cyber-hybrid', 'maritime-space', 'law-enforcement', 'resilience']) {
        assert.ok(!byId.has(id), `unexpected theme ${id}`);
      }
    });

    it('tags the passage that mentions a theme, even once, with the term as evidence', () => {
      const passage = passages.find((p) => p.text.includes('terrorism, irregular migration'))!;
      assert.deepEqual(passage.themes.slice(0, 1), ['migration']);
      assert.ok(passage.themes.includes('counter-terrorism'));
      assert.deepEqual(passage.themeTags.find((t) => t.id === 'counter-terrorism')!.evidence, { terrorism: 1 });
      // One mention of terrorism in a long report is a mention, not what the report is about.
      assert.ok(!byId.has('counter-terrorism'));
      assert.equal(tags.find((t) => t.id === 'counter-terrorism')?.weight, 'mentions');
    });

    it('loads a glossary with the required acronyms', () => {
      const glossary = loadGlossary(CORPUS);
      const expansions = new Map(glossary.map((entry) => [entry.acronym, entry.expansion]));
      assert.equal(expansions.get('SAFE'), 'Security Action for Europe');
      assert.equal(expansions.get('CSDP'), 'Common Security and Defence Policy');
      assert.equal(expansions.get('PESCO'), 'Permanent Structured Cooperation');
      assert.equal(expansions.get('EDIP'), 'European Defence Industry Programme');
      assert.equal(expansions.get('EDF'), 'European Defence Fund');
      assert.equal(expansions.get('CFSP'), 'Common Foreign and Security Policy');
      assert.equal(expansions.get('UK'), 'United Kingdom');
      assert.equal(expansions.get('EU'), 'European Union');
      assert.ok(glossary.find((e) => e.acronym === 'UK')!.aliases.includes('Britain'));
      assert.ok(glossary.find((e) => e.acronym === 'NATO')!.aliases.includes('Atlantic Alliance'));
    });
  });

  describe('matching rules', () => {
    it('matches acronyms case-sensitively and as whole words', () => {
      const tax = taxonomy([{ id: 'eu', acronyms: ['EU', 'SAFE'] }]);
      assert.deepEqual(evidenceOf(tax, 'A safe place in Europe; the eu; EURO; SAFEGUARD.', 'eu'), {});
      assert.deepEqual(evidenceOf(tax, 'The EU and SAFE: EU–UK ties, (SAFE).', 'eu'), { EU: 2, SAFE: 2 });
    });

    it('matches phrases regardless of case, accents, hyphens, plurals and UK/US spelling', () => {
      const tax = taxonomy([{ id: 't', phrases: ['Prüm', 'counter terrorism', 'sanction', 'standardisation', 'defence policy', 'capability'] }]);
      assert.deepEqual(
        evidenceOf(tax, 'PRUM and Prüm; Counter-Terrorism; sanctions; standardization; US defense policies; capabilities.', 't'),
        { Prüm: 2, 'counter terrorism': 1, sanction: 1, standardisation: 1, 'defence policy': 1, capability: 1 },
      );
      // Whole words only: "Prümer" and "sanctioning" are other words.
      assert.deepEqual(evidenceOf(tax, 'Prümer sanctioning', 't'), {});
    });

    it('matches a phrase listed in the plural to its singular, and each to the other', () => {
      const tax = taxonomy([{ id: 't', phrases: ['gas pipelines', 'defence industries', 'sanctions', 'news'] }]);
      assert.deepEqual(evidenceOf(tax, 'A gas pipeline; the defence industry; a sanction; defence industries.', 't'), {
        'gas pipelines': 1,
        'defence industries': 2,
        sanctions: 1,
      });
      // Only a plural "s" comes off: "new" is not "news".
      assert.deepEqual(evidenceOf(tax, 'A new pipe.', 't'), {});
    });

    it('matches "co-operation" and "co-ordination", as Hansard writes them, to phrases written without the hyphen', () => {
      const tax = taxonomy([{ id: 't', phrases: ['police cooperation', 'foreign policy coordination'] }]);
      assert.deepEqual(evidenceOf(tax, 'Police co-operation and foreign policy co-ordination; police cooperation.', 't'), {
        'police cooperation': 2,
        'foreign policy coordination': 1,
      });
      // Only the prefix "co" of those words: "cop operation" is not "cooperation".
      assert.deepEqual(evidenceOf(tax, 'A police cop operation.', 't'), {});
    });

    it('counts overlapping terms of one theme once, the longest winning', () => {
      const tax = taxonomy([{ id: 'industry', phrases: ['procurement', 'joint procurement'], acronyms: ['EDIP'] }]);
      assert.deepEqual(evidenceOf(tax, 'Joint procurement under EDIP, and other procurement.', 'industry'), {
        'joint procurement': 1,
        EDIP: 1,
        procurement: 1,
      });
    });

    it('reports a pattern by the words it matched', () => {
      const tax = taxonomy([{ id: 'nato', patterns: ['\\b\\d(?:\\.\\d)?\\s?(?:%|per ?cent) of GDP\\b'] }]);
      assert.deepEqual(evidenceOf(tax, 'Spending 2% of GDP, then 3.5 per cent of GDP.', 'nato'), {
        '2% of gdp': 1,
        '3.5 per cent of gdp': 1,
      });
    });
  });

  describe('document tags', () => {
    const tax = taxonomy(
      [
        { id: 'foreign', phrases: ['foreign policy'] },
        { id: 'sanctions', phrases: ['sanctions'], broader: 'foreign' },
        { id: 'nato', acronyms: ['NATO'] },
        { id: 'cyber', phrases: ['cyber'], threshold: 3 },
      ],
      2,
    );

    /** Passages of a long text, so no opening, closing or short-text rule applies unless a test says so. */
    function bodyPassages(texts: string[]): Passage[] {
      const filler = 'Words about nothing in particular. '.repeat(60);
      const all = passagesOf([filler, filler, ...texts, filler, filler, filler, filler, filler, filler, filler, filler, filler]);
      let offset = 0;
      for (const p of all) {
        p.start = offset;
        p.end = offset + p.text.length;
        offset = p.end + 1;
      }
      return all;
    }
    const about = (tags: ThemeTag[]) => tags.filter((t) => t.weight === 'about').map((t) => t.id);

    it("needs the theme's threshold of score for the document to be about it, and lists the rest as mentions", () => {
      const tags = tagDocument(tax, bodyPassages(['NATO met.', 'NATO again.', 'A cyber attack.', 'Another cyber attack.']));
      assert.deepEqual(about(tags), ['nato'], 'cyber needs a score of 3 (its own threshold), NATO 2 (the default)');
      assert.deepEqual(
        tags.map((t) => [t.id, t.weight, t.score, t.evidence]),
        [
          ['nato', 'about', 2, { NATO: 2 }],
          // A single common word counts less than an acronym or a phrase of several words.
          ['cyber', 'mentions', 1.2, { cyber: 2 }],
        ],
      );
    });

    it('gives a document with a narrower theme its broader theme too, with the evidence, as a mention', () => {
      const tags = tagDocument(tax, bodyPassages(['New sanctions were agreed.', 'More sanctions followed.', 'Sanctions again.', 'And sanctions.']));
      assert.deepEqual(
        tags.map((t) => [t.id, t.label, t.weight, t.evidence]),
        [
          ['sanctions', 'SANCTIONS', 'about', { sanctions: 4 }],
          ['foreign', 'FOREIGN', 'mentions', { sanctions: 4 }],
        ],
      );
    });

    it('orders themes: what the document is about first, then by score', () => {
      const tags = tagDocument(
        tax,
        bodyPassages(['NATO met. NATO again. NATO once more.', 'Foreign policy first. Foreign policy next.', 'Cyber one. Cyber two. Cyber three. Cyber four. Cyber five. Cyber six.']),
      );
      assert.deepEqual(
        tags.map((t) => [t.id, t.score]),
        [
          ['cyber', 3.6],
          ['nato', 3],
          ['foreign', 2],
        ],
      );
    });

    it('weighs a term by where it stands: the title and a heading above the body, closing notes below', () => {
      const weighted = taxonomy([{ id: 'nato', acronyms: ['NATO'] }], 3);
      const body = bodyPassages(['NATO once.']);
      assert.deepEqual(about(tagDocument(weighted, body)), [], 'one mention in the body is not enough');
      assert.deepEqual(about(tagDocument(weighted, bodyPassages(['NATO once.']), '', 'NATO and Europe')), ['nato'], 'one in the title is');
      const withHeading = bodyPassages(['Text of the section.']);
      withHeading[2]!.heading = 'NATO after Vilnius';
      assert.equal(tagDocument(weighted, withHeading)[0]?.score, 2);
      const closing = bodyPassages([]);
      closing[closing.length - 1]!.text = 'See NATO (2024).';
      assert.equal(tagDocument(weighted, closing)[0]?.score, 0.5, 'a footnote at the end counts half');
    });

    it('lowers the threshold for a short text, so one decisive mention in a news item is enough', () => {
      const short = taxonomy([{ id: 'sdp', phrases: ['Security and Defence Partnership'] }], 2);
      const news = passagesOf(['The UK and the EU met in London.', 'They signed a Security and Defence Partnership on Monday.']);
      assert.deepEqual(about(tagDocument(short, news)), ['sdp']);
    });

    it('keeps the share of each theme, and needs the taxonomy share to be about it', () => {
      const shared = { ...taxonomy([{ id: 'nato', acronyms: ['NATO'] }, { id: 'cyber', acronyms: ['EDR'] }], 2), share: 0.2 };
      const tags = tagDocument(shared, bodyPassages(['NATO met. '.repeat(10), 'EDR met. EDR again.']));
      assert.deepEqual(
        tags.map((t) => [t.id, t.share, t.weight]),
        [
          ['nato', 0.83, 'about'],
          ['cyber', 0.17, 'mentions'],
        ],
      );
    });

    it("counts the title in the score, not in the evidence, which is the text's own words", () => {
      const weighted = taxonomy([{ id: 'nato', acronyms: ['NATO'] }], 3);
      const [tag] = tagDocument(weighted, bodyPassages(['NATO once.']), '', 'NATO and Europe');
      assert.deepEqual([tag?.evidence, tag?.score], [{ NATO: 1 }, 4]);
    });

    it("matches a theme's acronym written out as the glossary spells it", () => {
      const pesco = taxonomy([{ id: 'pesco', acronyms: ['PESCO'] }], 1);
      const glossary = [{ acronym: 'PESCO', expansion: 'Permanent Structured Cooperation', aliases: ['Permanent Structured Co-operation'] }];
      const text = 'Projects under Permanent Structured Co-operation were discussed.';
      assert.deepEqual(evidenceOf(pesco, text, 'pesco'), {});
      assert.deepEqual(evidenceOf(withGlossary(pesco, glossary), text, 'pesco'), { 'Permanent Structured Co-operation': 1 });
    });

    it('matches "&" where a phrase says "and"', () => {
      const sdp = taxonomy([{ id: 'sdp', phrases: ['Security and Defence Partnership'] }]);
      assert.deepEqual(evidenceOf(sdp, 'The UK-EU Security & Defence Partnership', 'sdp'), { 'Security and Defence Partnership': 1 });
    });

    it('counts a contextual term only beside another term of its theme', () => {
      const context = taxonomy([{ id: 'law', acronyms: ['JIT', 'Eurojust'], phrases: ['investigation'], contextual: ['JIT'] }]);
      assert.deepEqual(evidenceOf(context, 'Deliveries arrive JIT to cut stock.', 'law'), {}, 'JIT alone is just in time');
      assert.deepEqual(evidenceOf(context, 'A JIT under Eurojust opened an investigation.', 'law'), { JIT: 1, Eurojust: 1, investigation: 1 });
      const real = loadTaxonomy(CORPUS);
      assert.equal(tagText(real, 'Suppliers deliver parts JIT, just in time.').get('law-enforcement'), undefined);
      assert.equal(tagText(real, 'Shipping routes through the Arctic are opening.').get('maritime-space'), undefined);
      assert.equal(tagText(real, 'Article 42 of the Charter was cited.').get('institutional-architecture'), undefined);
      assert.ok(tagText(real, 'Naval patrols protect undersea cables in the Arctic.').get('maritime-space'));
    });

    it('re-tags with an edited taxonomy', () => {
      const passages = passagesOf(['NATO and NATO.']);
      assert.deepEqual(tagDocument(tax, passages).map((t) => t.id), ['nato']);
      const edited = taxonomy([{ id: 'alliance', acronyms: ['NATO'] }]);
      assert.deepEqual(tagDocument(edited, passages).map((t) => t.id), ['alliance']);
      assert.deepEqual(passages[0]!.themes, ['alliance']);
    });

    it('runs as a stage on the job, falling back to the title when there are no passages', async () => {
      const job = newJob({ path: '/c/a.pdf', relativePath: 'a.pdf', id: 'a-pdf', format: 'pdf', sidecarPath: null });
      job.metadata = {
        title: 'NATO after NATO',
        givenThemes: [],
        date: null,
        published: null,
        type: 'other',
        organisations: [],
        place: null,
        language: null,
        sourceUrl: null,
        people: [],
        summary: '',
        provenance: {},
        publisher: null,
        warnings: [],
      };
      await themesStage.run(job, { taxonomy: tax } as StageContext);
      assert.deepEqual(job.themeTags, [{ id: 'nato', label: 'NATO', evidence: { NATO: 2 }, score: 2, share: 1, weight: 'about' }]);
    });
  });
});

describe('themes: general vocabulary of the real taxonomy', () => {
  const real = loadTaxonomy(CORPUS);
  const aboutOf = (text: string) =>
    tagDocument(real, passagesOf([text]), '', '')
      .filter((t) => t.weight === 'about')
      .map((t) => t.id);

  it('paying for and building up defence is the defence industry, even when no instrument is named', () => {
    const text =
      'Ministers agreed that Europe must invest more in defence and find new ways of financing defence, with the European Investment Bank lending to dual-use projects and to defence innovation.';
    assert.ok(aboutOf(text).includes('defence-industry'), String(aboutOf(text)));
  });

  it('the relationship between the UK and the EU is the institutional theme, however it is named', () => {
    assert.ok(aboutOf('The Minister spoke of the UK’s relationship with the EU and of the next steps for the partnership. They met again in the autumn.').includes('institutional-architecture'));
    assert.ok(aboutOf('Both sides hoped the EU-UK relationship would deepen in the years ahead, and they set a date for further talks.').includes('institutional-architecture'));
    // Another country's relations with the EU are not the UK-EU relationship.
    assert.ok(!aboutOf('The summit discussed relations between the EU and the United States in a changing world, and trade.').includes('institutional-architecture'));
  });

  it('ships in national waters and undersea infrastructure are maritime security; a passing "maritime" alone is not', () => {
    assert.ok(aboutOf('A Russian spy ship was detected in British territorial waters near undersea infrastructure last week.').includes('maritime-space'));
    assert.ok(!aboutOf('The alliance has a maritime tradition and a long history, and its members meet each year.').includes('maritime-space'));
  });

  it("the UK's names for civil-emergency planning, the Prevent programme and a space strategy are their themes; the verb prevent is not", () => {
    assert.ok(aboutOf('The minister explained how risks are chosen for the National Risk Register and its civil emergencies planning.').includes('resilience'));
    assert.ok(aboutOf('The learning review found that the Prevent programme missed chances to refer him for support.').includes('counter-terrorism'));
    assert.ok(!aboutOf('New rules will prevent: delays at ports, and prevent attacks on the price of goods in shops.').includes('counter-terrorism'));
    assert.ok(aboutOf('The Defence Space Strategy sets out how Space Command will grow its space capabilities.').includes('maritime-space'));
  });

  it('cross-border crime is law enforcement', () => {
    assert.ok(aboutOf('The arrangement helps both agencies in tackling cross-border crime and crossborder crime networks together.').includes('law-enforcement'));
  });

  it("the UK's defence and security industry, Frontex's border-crossings and EU NAVFOR are their themes; the Joint Expeditionary Force alone is no maritime text", () => {
    assert.ok(aboutOf('The review looks at the defence and security industrial base and at how defence and security companies export.').includes('defence-industry'));
    assert.ok(aboutOf('Illegal border-crossings rose last year, and migratory pressure grew on the central route.').includes('migration'));
    assert.ok(aboutOf('EU NAVFOR protects vessels of the World Food Programme off the Horn of Africa. The Council extended the mandate of EU NAVFOR by two years.').includes('crisis-management'));
    assert.ok(!aboutOf('The Prime Minister spoke with leaders of the Joint Expeditionary Force about support for Ukraine. JEF leaders agreed to meet again.').includes('maritime-space'));
    assert.ok(aboutOf('JEF navies patrolled the Baltic Sea to protect undersea cables.').includes('maritime-space'));
  });

  it('a warship escorting tankers through a strait is maritime security', () => {
    assert.ok(aboutOf('HMS Kent, a Type 23 frigate, escorted British-flagged tankers through the Strait of Hormuz this week.').includes('maritime-space'));
    assert.ok(aboutOf('A destroyer will protect commercial shipping in the Bab el-Mandeb after further attacks on merchant vessels.').includes('maritime-space'));
  });

  // Vocabulary of the sea, space, hybrid threats and terrorism as texts write it, one row per form; "false" rows must not change.
  const vocabulary: { text: string; theme: string; about: boolean }[] = [
    { text: 'There have been more than 40 attacks on commercial vessels, and fewer vessels now transit Bab al-Mandab.', theme: 'maritime-space', about: true },
    { text: 'The Red sea is vital to trade, and the attacks breach the United Nations convention on the law of the sea.', theme: 'maritime-space', about: true },
    { text: 'The Carrier Strike Group left Portsmouth in May and sailed for the Mediterranean with allied ships.', theme: 'maritime-space', about: true },
    { text: 'Ministers met on the shores of the Red Sea to discuss trade and tourism, and agreed to meet again.', theme: 'maritime-space', about: false },
    { text: 'Ministers agreed to recognise space as an operational domain, alongside air, land and cyberspace.', theme: 'maritime-space', about: true },
    { text: 'Revisionist powers and their proxies now wage a hybrid war against liberal democracies.', theme: 'cyber-hybrid', about: true },
    { text: 'Three men were charged under the National Security Act, the first charges for state threats of this kind.', theme: 'cyber-hybrid', about: true },
    { text: 'The Coalition against Da’esh met in Rome to review the campaign against Da’esh in Iraq and Syria.', theme: 'counter-terrorism', about: true },
  ];
  for (const { text, theme, about } of vocabulary) {
    it(`${about ? 'tags' : 'does not tag'} ${theme} in "${text.slice(0, 70)}"`, () => assert.equal(aboutOf(text).includes(theme), about));
  }

  it('space as a domain of security is space security; "shipping" or "in space" alone is not', () => {
    assert.ok(aboutOf('The deep space radar will track objects in orbit and protect our space systems from threats in space.').includes('maritime-space'));
    assert.ok(aboutOf('Adversaries are investing in space warfare, and our space assets need protection.').includes('maritime-space'));
    assert.ok(!aboutOf('Shipping costs rose last year, and the firm found little room in space at the port for its goods.').includes('maritime-space'));
    assert.ok(!aboutOf('The Royal Navy rescued people from a small boat in the Channel, and HMS Severn brought them to Dover.').includes('maritime-space'));
  });
});

describe('themes: glossary spellings of a contextual acronym', () => {
  it('an office named only as the speaker’s title does not tag its theme, whichever way it is spelled', () => {
    const tax = taxonomy([{ id: 'diplomacy', phrases: ['foreign ministers'], acronyms: ['SG/FM'], contextual: ['SG/FM'] }]);
    const glossary = [{ acronym: 'SG/FM', expansion: 'Secretary-General/Foreign Minister', aliases: [] }];
    const expanded = withGlossary(tax, glossary);
    const title = 'Remarks by the Secretary-General/Foreign Minister at the press conference';
    assert.deepEqual(tagDocument(expanded, passagesOf([title, 'We spoke about trade and the harvest.']), '', title), []);
    // Beside the theme's own words it counts, as the acronym does.
    const tags = tagDocument(expanded, passagesOf(['The Secretary-General/Foreign Minister met the foreign ministers.']), '', '');
    assert.deepEqual(tags[0]?.evidence, { 'foreign ministers': 1, 'Secretary-General/Foreign Minister': 1 });
  });
});

describe('themes: what a text dwells on, not what it lists or names in passing', () => {
  const tax = taxonomy([
    { id: 'nato', acronyms: ['NATO'] },
    { id: 'ukraine', phrases: ['Ukraine', 'war of aggression', 'military aid'] },
    { id: 'cyber', phrases: ['cyber attack', 'hybrid threats'] },
    { id: 'maritime', phrases: ['maritime security', 'space security'] },
    { id: 'resilience', phrases: ['critical infrastructure'] },
    { id: 'migration', phrases: ['irregular migration', 'people smuggling'] },
  ]);
  /** A short text (under 1,000 words) in passages at their real offsets: the first is the opening, the rest the body. */
  function shortText(texts: string[]): Passage[] {
    const all = passagesOf(texts);
    let offset = 0;
    for (const p of all) {
      p.start = offset;
      p.end = offset + p.text.length;
      offset = p.end + 2;
    }
    return all;
  }
  const opening = 'The ministers met in Brussels on Monday to take stock of the year and to plan the next one.';
  const weightOf = (tags: ThemeTag[], id: string) => tags.find((t) => t.id === id)?.weight;
  const scoreOf = (tags: ThemeTag[], id: string) => tags.find((t) => t.id === id)?.score;

  it('counts a theme once per sentence: how many sentences dwell on it, not how often one repeats a word', () => {
    const once = tagDocument(tax, shortText([opening, 'Putin is not afraid of NATO, and he moves troops from the borders of NATO.']));
    const twice = tagDocument(tax, shortText([opening, 'Putin is not afraid of NATO.', 'He moves troops from the borders of NATO.']));
    assert.equal(scoreOf(once, 'nato'), 1);
    assert.equal(scoreOf(twice, 'nato'), 2);
    // The evidence still counts every occurrence in the text.
    assert.deepEqual(once.find((t) => t.id === 'nato')?.evidence, { NATO: 2 });
  });

  it('reads a sentence that lists several areas as weaker evidence for each than a sentence about one', () => {
    const listed = tagDocument(
      tax,
      shortText([opening, 'The partnership covers cooperation on cyber attacks, maritime security, critical infrastructure and irregular migration.']),
    );
    for (const id of ['cyber', 'maritime', 'resilience', 'migration']) assert.equal(weightOf(listed, id), 'mentions', id);
    const discussed = tagDocument(tax, shortText([opening, 'The partnership covers cooperation on irregular migration, which both sides want to reduce.']));
    assert.equal(weightOf(discussed, 'migration'), 'about');
  });

  it('reads a theme named by one term in one sentence about something else as an aside, however short the text', () => {
    const dwelling = ['NATO allies met again.', 'NATO will meet in The Hague next year.'];
    const aside = tagDocument(tax, shortText([opening, ...dwelling, 'NATO allies spoke of the threat to critical infrastructure.']));
    assert.equal(weightOf(aside, 'resilience'), 'mentions');
    assert.equal(weightOf(aside, 'nato'), 'about');
    // The same words are what the text is about when their sentence is about nothing else,
    const alone = tagDocument(tax, shortText([opening, ...dwelling, 'The threat to critical infrastructure grows.']));
    assert.equal(weightOf(alone, 'resilience'), 'about');
    // when a second sentence names the theme,
    const twice = tagDocument(tax, shortText([opening, ...dwelling, 'NATO allies spoke of critical infrastructure.', 'Critical infrastructure is at risk.']));
    assert.equal(weightOf(twice, 'resilience'), 'about');
    // when the one sentence dwells on it with several of its terms,
    const several = tagDocument(tax, shortText([opening, ...dwelling, 'NATO allies spoke of maritime security and of space security.']));
    assert.equal(weightOf(several, 'maritime'), 'about');
    // and when the title names it.
    const titled = tagDocument(tax, shortText([opening, ...dwelling, 'NATO allies spoke of the threat to critical infrastructure.']), '', 'Critical infrastructure');
    assert.equal(weightOf(titled, 'resilience'), 'about');
  });

  it('reads a term two themes share as naming both in its sentence, not one beside the other', () => {
    const shared = taxonomy([
      { id: 'nato', acronyms: ['NATO'] },
      { id: 'crisis', phrases: ['Operation Atalanta', 'CSDP'] },
      { id: 'maritime', phrases: ['Operation Atalanta'] },
    ]);
    const text = shortText(['Peers debated the CSDP and its missions.', 'The CSDP needs more staff.', 'Operation Atalanta has kept ships safe off Somalia for years.']);
    assert.equal(weightOf(tagDocument(shared, text), 'maritime'), 'about');
    // Beside words of another subject, the one term is still an aside.
    const beside = shortText(['Peers debated the CSDP and its missions.', 'The CSDP needs more staff.', 'NATO praised Operation Atalanta off Somalia.']);
    assert.equal(weightOf(tagDocument(shared, beside), 'maritime'), 'mentions');
  });

  it('reads a theme named in one sentence as a passing mention beside a subject the text dwells on sentence after sentence', () => {
    const dwelling = ['NATO allies met again.', 'NATO will meet in The Hague next year.', 'NATO ministers agreed new plans.', 'NATO leaders will sign them.'];
    const once = 'The ministers also discussed maritime security and space security in the region.';
    const passing = tagDocument(tax, shortText([opening, ...dwelling, once]));
    assert.equal(weightOf(passing, 'maritime'), 'mentions');
    assert.equal(weightOf(passing, 'nato'), 'about');
    // A second sentence on it, the title, or a list of the text's subjects that a line introduces makes it a subject.
    const twice = tagDocument(tax, shortText([opening, ...dwelling, once, 'Maritime security will be on the agenda again.']));
    assert.equal(weightOf(twice, 'maritime'), 'about');
    const titled = tagDocument(tax, shortText([opening, ...dwelling, once]), '', 'Maritime security in the Alliance');
    assert.equal(weightOf(titled, 'maritime'), 'about');
    const agenda = `Participants addressed three questions, including:\n\nHow allies share the cost.\n\n${once}`;
    const listed = tagDocument(tax, shortText([opening, ...dwelling, agenda]));
    assert.equal(weightOf(listed, 'maritime'), 'about');
  });

  it('reads a list that half its items give to one theme, in the sentence of its lead-in, as announcing that theme', () => {
    const dwelling = ['NATO allies met again.', 'NATO will meet in The Hague next year.', 'NATO ministers agreed new plans.', 'NATO leaders will sign them.'];
    const threats = 'Allies face, every day:\n\ncyber attacks;\n\nhybrid threats from proxies;\n\nmore cyber attacks on banks;\n\ndrones;\n\nand espionage.';
    assert.equal(weightOf(tagDocument(tax, shortText([opening, ...dwelling, threats])), 'cyber'), 'about');
    // Must not change: a list of areas naming each once is no subject beside the one the text dwells on.
    const areas = 'The partnership covers areas such as:\n\npeacebuilding\n\nmaritime security\n\nspace security\n\ncyber attack response\n\ntraining';
    const listed = tagDocument(tax, shortText([opening, ...dwelling, areas]));
    assert.equal(weightOf(listed, 'maritime'), 'mentions');
    assert.equal(weightOf(listed, 'cyber'), 'mentions');
  });

  it('reads "A, B and C" and "A, B or C" as a list of three, with or without a comma before the last item', () => {
    for (const sentence of [
      'The agreement opens cooperation on issues such as the war of aggression, maritime security and cyber attacks.',
      'Officials will meet on hybrid threats, space security, or people smuggling next month.',
      'Talks turned to military aid, critical infrastructure, and irregular migration.',
    ]) {
      const tags = tagDocument(tax, shortText([opening, sentence]));
      const named = tags.map((t) => t.id);
      assert.equal(named.length, 3, sentence);
      for (const id of named) assert.equal(weightOf(tags, id), 'mentions', `${id} in "${sentence}"`);
    }
    // Two themes joined by "and" after a comma are not a list of areas: each counts in full (a body sentence, 1), not half.
    const pair = tagDocument(tax, shortText([opening, 'In Brussels, they spoke of maritime security and cyber attacks at length.']));
    assert.equal(scoreOf(pair, 'maritime'), 1);
    assert.equal(scoreOf(pair, 'cyber'), 1);
  });

  it('reads a theme named only inside a series of short items as listed, even when it is the only theme there', () => {
    const tags = tagDocument(
      tax,
      shortText([opening, 'A closer relationship with Europe – across defence and security, tackling irregular migration, trade and economic growth – would benefit working people.']),
    );
    assert.equal(weightOf(tags, 'migration'), 'mentions');
  });

  it('counts a theme once per item of a list, so a theme that fills two items weighs twice one that fills one', () => {
    const tags = tagDocument(
      tax,
      shortText([opening, 'The areas are cyber attacks, maritime security, space security, critical infrastructure and people smuggling, and irregular migration.']),
    );
    assert.equal(scoreOf(tags, 'maritime'), 2 * scoreOf(tags, 'cyber')!);
    assert.equal(scoreOf(tags, 'migration'), 2 * scoreOf(tags, 'resilience')!);
  });

  it('reads a bulleted list, with the line that introduces it, as one list', () => {
    const bullets = 'Cooperation will cover areas such as:\n\nPeacebuilding\n\nMaritime security\n\nCyber attacks on critical infrastructure\n\nHybrid threats';
    const tags = tagDocument(tax, shortText([opening, bullets]));
    assert.equal(weightOf(tags, 'maritime'), 'mentions');
    assert.equal(weightOf(tags, 'resilience'), 'mentions');
  });

  it('does not read a sentence that names three themes without being built as a list as a list', () => {
    const tags = tagDocument(tax, shortText([opening, 'A hybrid threats campaign hit critical infrastructure during the war of aggression.']));
    // Each theme counts in full (a body sentence, 1), not half as in a list.
    for (const id of ['cyber', 'resilience', 'ukraine']) assert.equal(scoreOf(tags, id), 1, id);
  });

  it("counts a contextual term in a sentence of a passage that uses the theme's own words", () => {
    const contextual = taxonomy([{ id: 'institutions', phrases: ['UK-EU summit', 'European Council'], contextual: ['European Council'] }]);
    const tags = tagDocument(contextual, shortText([opening, 'They prepared the UK-EU summit. The President of the European Council agreed.']));
    assert.equal(scoreOf(tags, 'institutions'), 1.5, 'the summit (1) and the Council beside it (0.5)');
    const alone = tagDocument(contextual, shortText([opening, 'The President of the European Council agreed.']));
    assert.deepEqual(alone, []);
  });
});

describe('themes: sanctions and ceasefires in the real taxonomy', () => {
  const real = loadTaxonomy(CORPUS);
  it('reads the verb and the singular as sanctions', () => {
    for (const text of ['We are sanctioning those who help Russia.', 'Those who suppress people will be sanctioned.', 'A new sanction was agreed.']) {
      assert.ok(tagText(real, text).has('sanctions'), text);
    }
  });

  it('reads Russia as the Ukraine theme only beside the war\'s own words, not as the actor behind other threats', () => {
    assert.ok(!tagText(real, 'A Russian spy ship was tracked off the coast, and the Kremlin denied it.').has('ukraine-russia'));
    assert.deepEqual(tagText(real, 'Russia continues its invasion of Ukraine.').get('ukraine-russia'), { Russia: 1, 'invasion of Ukraine': 1 });
  });

  it("reads a term inside another theme's longer term as that theme's subject only", () => {
    // "cyber resilience" is cyber security; "resilience" on its own, or beside it, is still resilience.
    assert.ok(!tagText(real, 'The summit on cyber resilience brought firms and officials together.').has('resilience'));
    assert.ok(tagText(real, 'The summit on cyber resilience brought firms and officials together.').has('cyber-hybrid'));
    assert.ok(tagText(real, 'Cyber resilience matters, and so does the resilience of our hospitals and power grids.').has('resilience'));
  });

  it("reads stabilisation as crisis management only beside the theme's other words", () => {
    assert.ok(!tagText(real, 'The coalition funds the stabilisation of areas liberated from Daesh.').has('crisis-management'));
    assert.ok(tagText(real, 'The CSDP mission supports the stabilisation of the region.').has('crisis-management'));
  });

  it('reads people driven across a border as migration', () => {
    for (const text of ['Groups were escorted towards the border to force irregular entries.', 'Irregular crossings rose sharply in the spring.']) {
      assert.ok(tagText(real, text).has('migration'), text);
    }
  });

  it("reads a minister at the EU's foreign ministers' table as foreign-policy coordination", () => {
    assert.ok(tagText(real, 'The Minister attended the Foreign Affairs Council in Luxembourg on 3 June.').has('foreign-policy-coordination'));
    assert.ok(tagText(real, 'I attended the informal meeting of EU foreign ministers in Gdansk.').has('foreign-policy-coordination'));
    // Must not change: the Council named as the place of a press remark is who met, not what was discussed.
    assert.ok(!tagText(real, 'Arriving at the Foreign Affairs Council, she spoke about the war.').has('foreign-policy-coordination'));
  });

  it('reads diplomacy between the UK and the EU, and their foreign and defence policy, as foreign-policy coordination', () => {
    for (const text of ['The committee will examine UK-EU diplomacy after Brexit.', 'How does the UK conduct diplomacy with the EU now?', 'Experts will discuss post-Brexit foreign and defence policy.']) {
      assert.ok(tagText(real, text).has('foreign-policy-coordination'), text);
    }
    // The High Representative's full title is the office speaking, not the subject.
    assert.ok(!tagText(real, 'As High Representative for Common Foreign and Security Policy, I will travel to Kyiv.').has('foreign-policy-coordination'));
    // Must not change: diplomacy elsewhere is not the UK's and the EU's.
    assert.ok(!tagText(real, 'Diplomacy with China resumed in the spring.').has('foreign-policy-coordination'));
  });

  it('reads working together on foreign policy, however phrased, as foreign-policy coordination', () => {
    for (const text of [
      'Ministers agreed to hold a regular dialogue with Brussels about foreign policy.',
      'We will continue to co-operate closely with our European friends on foreign policy questions.',
      'She proposed a new partnership on foreign policy, security and defence.',
      'The two sides have been co-ordinating positions in the UN Security Council.',
    ]) {
      assert.ok(tagText(real, text).has('foreign-policy-coordination'), text);
    }
    assert.ok(tagText(real, 'Chapter 5: Long-term implications for the UK-EU foreign policy and security relationship').has('foreign-policy-coordination'));
    assert.ok(tagText(real, 'The Foreign Secretary hosted a meeting of the Nordic-Baltic Eight foreign ministers in London.').has('foreign-policy-coordination'));
    // Must not change: one country's foreign policy is not coordination between partners.
    assert.ok(!tagText(real, "Canada's foreign policy has changed since 2015.").has('foreign-policy-coordination'));
  });

  it('reads the networks critical infrastructure is made of as resilience', () => {
    for (const text of [
      'Russian ships have been mapping subsea cables and gas pipelines in the North Sea, and the power grid is exposed.',
      'Operators of telecommunications networks must remove high-risk vendors from 5G networks.',
    ]) {
      assert.ok(tagText(real, text).has('resilience'), text);
    }
  });

  it("reads the EU's justice and home affairs business as law enforcement, and a crisis of migrants as migration", () => {
    assert.ok(tagText(real, 'The Justice and Home Affairs Council met in Luxembourg; the JHA ministers discussed e-evidence.').has('law-enforcement'));
    assert.ok(tagText(real, 'The regime has manufactured a migrant crisis on its western border to put pressure on its neighbours.').has('migration'));
    assert.ok(tagText(real, 'Migratory flows across the central Mediterranean rose sharply in the summer.').has('migration'));
  });

  it('reads the Iran nuclear deal as foreign-policy coordination, the E3 format it is run in', () => {
    assert.ok(tagText(real, 'The UK, France and Germany triggered the dispute mechanism of the Joint Comprehensive Plan of Action.').has('foreign-policy-coordination'));
    assert.ok(tagText(real, 'Iran must return to full compliance with the JCPOA.').has('foreign-policy-coordination'));
  });

  it("reads the treaties an EU act cites as institutional architecture only beside the theme's own words", () => {
    assert.ok(!tagText(real, 'Having regard to the Treaty on European Union (TEU) and the Treaty on the Functioning of the European Union (TFEU),').has('institutional-architecture'));
    assert.ok(tagText(real, 'Article 218 TFEU governs how the Trade and Cooperation Agreement was concluded.').has('institutional-architecture'));
    assert.ok(tagText(real, 'The proposed mandate for negotiations for a new partnership with the United Kingdom.').has('institutional-architecture'));
    assert.ok(tagText(real, "Oral evidence: the UK's security relationship with the EU").has('institutional-architecture'));
    assert.ok(tagText(real, "The EU's future relationship with the United Kingdom was debated.").has('institutional-architecture'));
  });

  it("reads telecoms security and the energy supply as resilience, and Russia's state assets as sanctions", () => {
    assert.ok(tagText(real, 'The Bill protects UK telecommunications infrastructure from high-risk vendors.').has('resilience'));
    assert.ok(tagText(real, 'Moscow put pressure on Europe over energy supplies through the winter.').has('resilience'));
    assert.ok(tagText(real, 'Leaders agreed to reduce energy dependencies and other strategic dependencies by 2030.').has('resilience'));
    assert.ok(tagText(real, 'A Bill on the seizure of Russian state assets to support Ukraine.').has('sanctions'));
  });

  it('reads a ceasefire as the Ukraine theme only beside its other words', () => {
    assert.ok(!tagText(real, 'They discussed the Middle East and the importance of a ceasefire.').has('ukraine-russia'));
    assert.deepEqual(tagText(real, 'A ceasefire in Ukraine needs security guarantees.').get('ukraine-russia'), { ceasefire: 1, Ukraine: 1, 'security guarantees': 1 });
  });
});

describe('themes: the field\'s own names for its subjects, in the real taxonomy', () => {
  const real = loadTaxonomy(CORPUS);
  const themesOf = (text: string) => [...tagText(real, text).keys()];

  it('reads the UK-EU relationship however it is named: a pact, an agreement, a partnership, the future relationship', () => {
    for (const text of [
      'The Government will seek an ambitious new UK-EU security pact.',
      'Talks on an EU–UK defence and security agreement began.',
      'Our goal is a better UK EU relationship.',
      'We want a security partnership with the European Union.',
      'Foreign policy was left out of the future relationship negotiations.',
    ]) {
      assert.ok(themesOf(text).includes('institutional-architecture'), text);
    }
  });

  it('does not read the EU\'s association agreement with another country, or export controls on arms, by themselves as UK-EU architecture or sanctions', () => {
    assert.ok(!themesOf('The EU-Israel Association Agreement was discussed.').includes('institutional-architecture'));
    assert.ok(!themesOf('The treaty eases export controls on defence equipment between the two countries.').includes('sanctions'));
    // Beside the theme's own words they count.
    assert.deepEqual(tagText(real, 'New sanctions tighten export controls on Russia.').get('sanctions'), { sanctions: 1, 'export controls': 1 });
  });

  it('does not read CFSP as the type of a legal act as foreign-policy coordination', () => {
    assert.ok(!themesOf('Council Decision (CFSP) 2019/797 concerning restrictive measures was prolonged.').includes('foreign-policy-coordination'));
    assert.ok(!themesOf('The measures set out in the Annex to Decision 2012/642/CFSP were prolonged.').includes('foreign-policy-coordination'));
    // A declaration recording third countries' alignment with the decision is coordination of foreign policy.
    assert.ok(themesOf('The candidate countries align themselves with this Council Decision.').includes('foreign-policy-coordination'));
    assert.ok(themesOf('Declaration on behalf of the EU on the alignment of certain countries concerning restrictive measures').includes('foreign-policy-coordination'));
    assert.ok(themesOf('Ministers discussed the future of the CFSP.').includes('foreign-policy-coordination'));
  });

  it("does not read an act's own Article 5 as NATO's, unless the Alliance's other words stand beside it", () => {
    assert.ok(!themesOf('Member States shall apply Article 5 of the Directive to persons displaced from the country.').includes('nato-transatlantic'));
    assert.deepEqual(tagText(real, 'Allies reaffirmed their commitment to Article 5 and collective defence.').get('nato-transatlantic'), { 'Article 5': 1, 'collective defence': 1 });
  });

  it('reads foreign and security policy in either order', () => {
    assert.ok(themesOf('Britain and the EU consult on security and foreign policy.').includes('foreign-policy-coordination'));
    assert.ok(themesOf('Cooperation on foreign and security policy.').includes('foreign-policy-coordination'));
  });

  it('reads hybrid tactics and activities as hybrid threats, and refugees and the instrumentalisation of migrants as migration', () => {
    for (const text of ['The regime uses hybrid tactics against its neighbours.', 'Russia\'s hybrid and destabilising activities continue.']) {
      assert.ok(themesOf(text).includes('cyber-hybrid'), text);
    }
    for (const text of ['Six million refugees have crossed into Europe.', 'The regime is instrumentalising vulnerable migrants at the border.']) {
      assert.ok(themesOf(text).includes('migration'), text);
    }
    // "Hybrid" of other things is not a threat.
    assert.ok(!themesOf('A hybrid vehicle and a hybrid working pattern.').includes('cyber-hybrid'));
  });

  it('reads a CSDP mission by its name or its acronym as crisis management', () => {
    for (const text of ['The EU Advisory Mission Ukraine resumed its work in Kyiv.', 'EUAM staff returned to the capital.', 'The European Union Monitoring Mission in Georgia patrols the line.', 'EULEX Kosovo hands over its last tasks.', 'EUCAP Sahel Niger trains the police.']) {
      assert.ok(themesOf(text).includes('crisis-management'), text);
    }
    // An EU agency's mission statement, or a mission that is no CSDP operation, is not.
    assert.ok(!themesOf("The EU agency's mission is to support member states.").includes('crisis-management'));
  });

  it('reads attacks on ships as maritime security, screening foreign investment as resilience, high-risk vendors as cyber security', () => {
    for (const text of ['The Government condemn the attacks on two oil tankers in the Gulf of Oman.', 'In targeting civilian shipping, international norms have been violated.', 'The seizure of a British-flagged vessel is unacceptable.']) {
      assert.ok(themesOf(text).includes('maritime-space'), text);
    }
    assert.ok(themesOf('The National Security and Investment Act introduces new powers of investment screening.').includes('resilience'));
    assert.ok(themesOf('Huawei and other high-risk vendors will be removed from the 5G network.').includes('cyber-hybrid'));
    // A ship's name in passing, or an attack on anything else, is not.
    assert.ok(!themesOf('The attack on the town killed three people.').includes('maritime-space'));
  });

  it("reads the UK-EU Common Understanding, information threats, temporary protection and cables under the sea by their names", () => {
    assert.ok(themesOf('Negotiations under the UK-EU Common Understanding continue.').includes('institutional-architecture'));
    assert.ok(!themesOf('We reached a common understanding of the risks.').includes('institutional-architecture'));
    assert.ok(themesOf('The Defending Democracy Taskforce counters information threats.').includes('cyber-hybrid'));
    assert.ok(themesOf('Temporary protection was granted to those fleeing the war.').includes('migration'));
    const cable = themesOf('Undersea internet cable interference is the latest challenge to security.');
    assert.ok(cable.includes('maritime-space') && cable.includes('resilience'), cable.join(', '));
  });

  it("reads buying the armed forces' equipment as defence industry, not equipment given to an ally", () => {
    for (const text of ['The Ministry has mismanaged defence equipment contracts for years.', 'The Equipment Plan is unaffordable.', 'Defence Equipment and Support manages the programme.']) {
      assert.ok(themesOf(text).includes('defence-industry'), text);
    }
    assert.ok(!themesOf('We have sent military equipment to the front line.').includes('defence-industry'));
  });

  it("reads the EU's naval operations as crisis management and maritime security, and the Nationality and Borders Bill as migration", () => {
    const irini = themesOf('Operation IRINI: remarks following the launch of the operation');
    assert.ok(irini.includes('crisis-management') && irini.includes('maritime-space'), irini.join(', '));
    assert.ok(themesOf('Third Reading of the Nationality and Borders Bill').includes('migration'));
  });

  it('reads migration by itself, the rules for buying defence and security equipment, foreign policy consultations or talks, and economic pressure on Russia', () => {
    assert.ok(themesOf('UK-Belgium Migration: Co-operation').includes('migration'));
    assert.ok(themesOf('Defence and Security Public Contracts (Amendment) Regulations 2020').includes('defence-industry'));
    for (const text of ['UK-EU foreign policy consultations will focus on Ukraine.', 'The two sides held foreign policy talks in Brussels.']) {
      assert.ok(themesOf(text).includes('foreign-policy-coordination'), text);
    }
    assert.ok(themesOf('Countries need to ramp up economic pressure on Russia to force Putin into negotiations.').includes('sanctions'));
    // Talks on something else, or public contracts for roads, are not.
    assert.ok(!themesOf('The two sides held trade talks in Brussels.').includes('foreign-policy-coordination'));
    assert.ok(!themesOf('Public contracts for roads are advertised online.').includes('defence-industry'));
  });
});

