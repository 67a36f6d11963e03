/**
 * Metadata from texts saved as plain text, read by the real text extractor: the
 * forms public pages take when a researcher copies them (a genre line above a
 * "by …" line, Hansard member lines run into the next paragraph, joint
 * statements, metadata lines above a news lede). Each table holds several real-
 * world phrasings of one form, so a rule written for one wording fails here.
 */
import { strict as assert } from 'node:assert';
import type { DocType } from '../../contract/document.js';
import { detectType } from '../../indexer/metadata/type.js';
import { makers, metadataOf } from '../support/metadata.js';


const BODY = 'Good afternoon. We have just finished a meeting on the security of Europe, and I will be brief because the agenda was long.';

describe('metadata of texts saved as plain text', () => {
  describe('a genre line above its "by …" line names who spoke or wrote', () => {
    const cases: { text: string; want: string[] }[] = [
      {
        text: `Doorstep statement\n\nby NATO Secretary General Jens Stoltenberg at the start of the 2023 NATO Summit in Vilnius\n\n${BODY}`,
        want: ['speaker: Jens Stoltenberg'],
      },
      {
        text: `Opening remarks\n\nby NATO Secretary General Jens Stoltenberg at the joint meeting of the European Parliament’s Committee on Foreign Affairs (AFET) and the Subcommittee on Security and Defence (SEDE) followed by an exchange of views with Members of the European Parliament\n\n${BODY}`,
        want: ['speaker: Jens Stoltenberg'],
      },
      {
        text: `Joint press conference\n\nby NATO Secretary General Jens Stoltenberg, President of the European Council Charles Michel and President of the European Commission, Ursula von der Leyen\n\n${BODY}`,
        want: ['speaker: Charles Michel', 'speaker: Jens Stoltenberg', 'speaker: Ursula von der Leyen'],
      },
      { text: `Keynote speech\nby NATO Deputy Secretary General Mircea Geoană at the Berlin Security Conference\n\n${BODY}`, want: ['speaker: Mircea Geoană'] },
      { text: `Press conference\n\nby NATO Secretary General Mark Rutte following the meeting of NATO Ministers of Defence\n\n${BODY}`, want: ['speaker: Mark Rutte'] },
      // A written genre keeps its author.
      { text: `Op-ed\n\nby High Representative Kaja Kallas on European defence\n\n${BODY}`, want: ['author: Kaja Kallas'] },
      // A byline under a title that is not a genre line stays a byline.
      { text: `A new era for European defence\n\nBy Jane Roe and John Smith\n\n${BODY}`, want: ['author: Jane Roe', 'author: John Smith'] },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ')} from "${text.split('\n').filter(Boolean).slice(0, 2).join(' / ').slice(0, 80)}"`, () => assert.deepEqual(makers(metadataOf(text)), want));
    }

    it('makes the genre line and its "by …" line one title', () => {
      assert.equal(
        metadataOf(`Doorstep statement\n\nby NATO Secretary General Jens Stoltenberg at the Council of the EU\n\n${BODY}`).title,
        'Doorstep statement by NATO Secretary General Jens Stoltenberg at the Council of the EU',
      );
    });
  });

  describe('Hansard member lines name the members who spoke', () => {
    const speech = 'My Lords, I am grateful to the noble Lord for his question on co-operation with the European Union.';
    const cases: { text: string; want: string[] }[] = [
      // The line and the speech run together when the saved text has no blank lines.
      { text: `Resetting the UK-EU Relationship Debate\nLords Chamber\nLord Barrow (CB)\n${speech}`, want: ['speaker: Lord Barrow'] },
      { text: `Resetting the UK-EU Relationship Debate\n\nBaroness Suttie (LD)\n\n${speech}`, want: ['speaker: Baroness Suttie'] },
      { text: `UK–EU Defence and Security Co-operation\n\nThe Minister of State, Ministry of Defence (Lord Coaker) (Lab)\n\n${speech}`, want: ['speaker: Lord Coaker'] },
      { text: `EU Defence and Security Agreement\n\nJohn Healey (Rotherham) (Lab)\n\nMr Speaker, the security of Europe is the security of this country.`, want: ['speaker: John Healey'] },
      { text: `European Security\n\nStephen Doughty (Cardiff South and Penarth) (Lab/Co-op)\n\nThe partnership with the EU is strong.`, want: ['speaker: Stephen Doughty'] },
      // Parallel Parliament's form: "<member> Portrait <member or office> (Party)".
      {
        text: `UK–EU Defence and Security Co-operation\n\nLord Browne of Ladyton Portrait Lord Browne of Ladyton (Lab)\n- Hansard - - - Excerpts\n\n${speech}\n\nLord Coaker Portrait The Minister of State, Ministry of Defence (Lord Coaker) (Lab)\n- Hansard - -\n\n${speech}`,
        want: ['speaker: Lord Browne of Ladyton', 'speaker: Lord Coaker'],
      },
      // A minister's line carries no party tag; Parallel Parliament's "Portrait" still marks the member.
      {
        text: `Monday 1st December 2025\n\nDebates\nRead Hansard Text\nNick Thomas-Symonds Portrait The Paymaster General and Minister for the Cabinet Office (Nick Thomas-Symonds)\n- Hansard - - - Excerpts\n\nAt the first ever UK-EU summit on 19 May, the Government agreed a new strategic partnership with the EU.`,
        want: ['speaker: Nick Thomas-Symonds'],
      },
      // In a written statement the member wrote it.
      {
        text: `Monday 1st December 2025\n\n(1 day, 6 hours ago)\n\nWritten Statements\nRead Hansard Text\nNick Thomas-Symonds Portrait The Paymaster General and Minister for the Cabinet Office (Nick Thomas-Symonds)\n- Hansard - - - Excerpts\n\nAt the first ever UK-EU summit on 19 May, the Government agreed a new strategic partnership with the EU.`,
        want: ['author: Nick Thomas-Symonds'],
      },
      { text: `Written Statements\n\nThe Minister for Europe (Stephen Doughty) (Lab/Co-op)\n\nI attended the Foreign Affairs Council in Brussels.`, want: ['author: Stephen Doughty'] },
      // A party named by its abbreviation is not a member.
      { text: `Defence pact welcomed\n\nThe Liberal Democrats (LD) and the Scottish National Party (SNP) called for closer ties with Europe on defence.`, want: [] },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ') || 'nobody'} from "${text.split('\n').filter(Boolean).slice(1, 3).join(' / ').slice(0, 80)}"`, () => assert.deepEqual(makers(metadataOf(text)), want));
    }

    it('keeps page furniture ("Portrait", "Excerpts") out of the names mentioned', () => {
      const m = metadataOf(`UK–EU Defence and Security Co-operation\n\nLord Coaker Excerpts\nThursday 3rd July 2025\n\nLord Browne of Ladyton Portrait Lord Browne of Ladyton\n\n${speech}`);
      const names = m.people.map((p) => p.name);
      assert.ok(!names.some((n) => /Portrait|Excerpts/.test(n)), names.join(', '));
    });
  });

  describe('several people who "said:" together are all speakers', () => {
    const quote = '“We are pleased to have reached an agreement together, based on goodwill and pragmatism.”';
    const cases: { text: string; want: string[] }[] = [
      {
        text: `In a joint statement, Foreign Secretary Dominic Raab and EU High Representative and Vice President of the Commission, Josep Borrell, said:\n\n${quote}`,
        want: ['speaker: Dominic Raab', 'speaker: Josep Borrell'],
      },
      { text: `Prime Minister Keir Starmer and President Emmanuel Macron said: ${quote}`, want: ['speaker: Emmanuel Macron', 'speaker: Keir Starmer'] },
      { text: `Kaja Kallas, High Representative for Foreign Affairs and Security Policy, said: ${quote}`, want: ['speaker: Kaja Kallas'] },
      { text: `Speaking in Brussels, Defence Secretary John Healey and Foreign Secretary David Lammy said: ${quote}`, want: ['speaker: David Lammy', 'speaker: John Healey'] },
      // People in an opening phrase are not the ones speaking.
      { text: `Following talks with Volodymyr Zelenskyy and Kaja Kallas, the Prime Minister said: ${quote}`, want: [] },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ') || 'nobody'} from "${text.slice(0, 80)}"`, () => assert.deepEqual(makers(metadataOf(`Ministers meet in London\n\n${text}`)), want));
    }
  });

  describe('the publisher, from the forms a saved page keeps', () => {
    const cases: { text: string; want: string | null }[] = [
      { text: `Delegation of the European Union to the United Kingdom\n\nForeign Affairs Council: Press remarks by High Representative Josep Borrell\n\n${BODY}`, want: 'European External Action Service' },
      { text: `Delegation of the European Union to Ukraine\n\nHigh Representative Kaja Kallas visits Kyiv\n\n${BODY}`, want: 'European External Action Service' },
      { text: `Page language:\n\nForeign Affairs Council: Press remarks by High Representative Josep Borrell\n\nCheck against delivery!\n\n${BODY}`, want: 'European External Action Service' },
      { text: `Doorstep statement\n\nby NATO Secretary General Jens Stoltenberg at the Council of the EU\n\n${BODY}`, want: 'NATO' },
      { text: `Skip to main content\n\nCommon Security and Defence Policy\n\nVolume 654: debated on Monday 18 February 2019\n\n${BODY}`, want: 'Hansard' },
      { text: `UK–EU Defence and Security Co-operation Debate\n\nThursday 3rd July 2025\n\nLords Chamber\n\n${BODY}`, want: 'Hansard' },
      { text: `European Security\n\nTuesday 4th March 2025\n\nCommons Chamber\n\n${BODY}`, want: 'Hansard' },
      { text: `Foreign Secretary meeting with Josep Borrell, EU High Representative, 5 May\n\nNews story\n\n${BODY}`, want: 'Foreign, Commonwealth & Development Office' },
      {
        text: `John Healey – 2024 Speech at the RUSI Land Warfare Conference\nThe speech made by John Healey, the Secretary of State for Defence, at Church House, Westminster, on 22 July 2024.\n${BODY}`,
        want: 'Ministry of Defence',
      },
      { text: `Home Secretary sets out plan to stop smuggling gangs\n\n${BODY}`, want: 'Home Office' },
      // A masthead above the headline names the department; it is not the title.
      { text: `Ministry of Defence\nBoost for defence businesses as UK joins defence exports treaty\nThe UK has joined a defence exports treaty with European allies.`, want: 'Ministry of Defence' },
      { text: `Home Office\n\nNew measures to tackle organised immigration crime\n\n${BODY}`, want: 'Home Office' },
      // Parallel Parliament's copies of Hansard keep its links.
      { text: `Monday 1st December 2025\n\nWritten Statements\nRead Hansard Text\n\n${BODY}`, want: 'Hansard' },
      // The first office in a genre line is the speaker's: NATO's press conference with a Prime Minister is NATO's.
      { text: `Joint press conference by NATO Secretary General Mark Rutte with the Prime Minister of the United Kingdom, Keir Starmer\n\n${BODY}`, want: 'NATO' },
      // A copy of the official report without its masthead: the sitting's own forms.
      { text: `(1 day, 18 hours ago)\nCommons ChamberWith permission, Madam Deputy Speaker, I will make a statement on our co-operation with France.`, want: 'Hansard' },
      { text: `My Lords, I welcome the review and the defence papers that came with it, which show a willingness to think for the long term.`, want: 'Hansard' },
      { text: `(Urgent Question): To ask the Secretary of State for the Home Department if she will make a statement on the counter-terrorism strategy.\n\n${BODY}`, want: 'Hansard' },
      { text: `Defence – in the House of Commons at on 7 December 2020.\n\nWhat steps his Department is taking to co-operate with the EU on defence.`, want: 'Hansard' },
      // A briefing telling a bill's passage through the House is not the record of a sitting.
      { text: `The Counter Terrorism Bill was introduced in the House of Commons on 20 May 2020. Second Reading took place on 9 June 2020.\n\n${BODY}`, want: null },
      // An office merely mentioned further down is not the publisher.
      { text: `Allies agree new readiness targets\n\nThe ministers met in Brussels.\n\nThe Foreign Secretary said the agreement mattered.\n\n${BODY}`, want: null },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want ?? 'no publisher'} from "${text.split('\n').filter(Boolean).slice(0, 2).join(' / ').slice(0, 80)}"`, () => assert.equal(metadataOf(text).publisher, want));
    }
  });

  describe('lines that are page furniture, not titles', () => {
    for (const chrome of ['Page language:', 'Skip to main content', 'Skip to content', 'Category: Foreign Affairs', 'Tag: Speeches', 'Tags: defence, Europe']) {
      it(`skips "${chrome}"`, () => assert.equal(metadataOf(`${chrome}\n\nCommon Security and Defence Policy\n\n${BODY}`).title, 'Common Security and Defence Policy'));
    }
    // A line that only says when the page was published, alone or among a listing's fields, and a speech's greeting.
    for (const chrome of [
      'Published 5 May 2021',
      'Last updated: 12 March 2024',
      'date 2024-07-08 Home Office',
      '09/10/2025 | Press release | Distributed by Public on 09/10/2025 06:11',
      'News | 14 February 2023 | Defence',
    ]) {
      it(`skips "${chrome}"`, () => assert.equal(metadataOf(`${chrome}\n\nCommon Security and Defence Policy\n\n${BODY}`).title, 'Common Security and Defence Policy'));
    }
    it('takes no greeting for a title ("Good morning, all")', () => {
      const m = metadataOf(`Good morning, all\nThank you very much for having us here, and it is great to see so many of you at the exhibition this year.\nI was honoured to be asked to take on this new role, and that is what I am going to talk about today.\n`);
      assert.notEqual(m.title, 'Good morning, all');
      assert.equal(m.type, 'speech');
    });
    it('keeps a title that names a date among its words ("Statement on the summit in London, 19 May 2025")', () =>
      assert.equal(metadataOf(`Statement on the summit in London, 19 May 2025\n\n${BODY}`).title, 'Statement on the summit in London, 19 May 2025'));
  });

  describe('collections that introduce each text by who made it', () => {
    const cases: { text: string; want: { type: DocType; speaker: string; publisher: string } }[] = [
      {
        text: 'Category: Foreign Affairs\n\n  • Stephen Doughty – 2025 Address in Antalya\n\n    The speech made by Stephen Doughty, the Minister for Europe, in Antalya on 12 April 2025.\n\n    The principles are fundamental, and they are what is at stake here.',
        want: { type: 'speech', speaker: 'Stephen Doughty', publisher: 'Foreign, Commonwealth & Development Office' },
      },
      {
        text: 'Tag: Speeches\n\n  • Rishi Sunak – 2023 Council of Europe\n\n    The opening remarks made by Rishi Sunak, the Prime Minister, in Iceland on 16 May 2023.\n\n    Addressing a huge crowd on the streets of Strasbourg in 1949, Winston Churchill spoke about Europe.',
        want: { type: 'speech', speaker: 'Rishi Sunak', publisher: "Prime Minister's Office, 10 Downing Street" },
      },
      {
        text: 'Healey in Brussels\n\nThe comments made by John Healey, the Secretary of State for Defence, in Brussels on 5 June 2025.\n\nThank you. It is good to be with European colleagues today.',
        want: { type: 'speech', speaker: 'John Healey', publisher: 'Ministry of Defence' },
      },
    ];
    for (const { text, want } of cases) {
      it(`reads a ${want.type} by ${want.speaker} from "${text.split('\n').filter((l) => l.trim()).find((l) => /made by/.test(l))!.trim().slice(0, 60)}"`, () => {
        const m = metadataOf(text);
        assert.deepEqual({ type: m.type, speaker: makers(m).join(), publisher: m.publisher }, { type: want.type, speaker: `speaker: ${want.speaker}`, publisher: want.publisher });
      });
    }
  });

  describe('the genre of spoken texts and debates', () => {
    it('reads a doorstep statement as spoken, whatever line its "by …" stands on', () => {
      for (const text of [
        `Doorstep statement\n\nby NATO Secretary General Jens Stoltenberg at the Council of the EU\n\n${BODY}`,
        `Doorstep statement by NATO Secretary General Mark Rutte ahead of the meeting of NATO Ministers of Defence\n\n${BODY}`,
      ])
        assert.equal(metadataOf(text).type, 'speech');
    });

    it('reads "(As delivered)" as a speech even below a saved page\'s account and newsletter furniture', () => {
      const furniture = ['From now on you can download videos from our website', 'Subscribe to our newsletter', "Didn't receive a code? Send new Code", 'Click the button to return to the page you were on and log in.', '25 June 2025', '2 MIN READ'];
      for (const mark of ['(As delivered)', 'Check against delivery!', 'Check against delivery']) {
        assert.equal(metadataOf(`${furniture.join('\n')}\n${mark}\nSo good morning, and welcome to this session of the Council. We meet at a dangerous moment.`).type, 'speech', mark);
      }
    });

    it('reads written statements under Hansard\'s plural heading', () => {
      assert.equal(metadataOf('Monday 1st December 2025\n\nWritten Statements\n\nAt the first ever UK-EU summit on 19 May, the Government agreed a new strategic partnership with the EU.').type, 'statement');
    });

    it('does not read the idiom "in the event" as an event', () => {
      const speakers = [{ name: 'Lord Stirrup', display: 'Lord Stirrup', role: 'speaker' as const, slug: 'lord-stirrup' }];
      for (const idiom of ['In the event, it turned out to be the area of greatest disappointment.', 'The talks, in the event, produced nothing.']) {
        assert.notEqual(detectType('Resetting the UK-EU Relationship', `My Lords, I go back to the security and defence partnership. ${idiom}`, speakers), 'event-report', idiom);
      }
    });

    it('does not take a conference named in a debate ("the Munich Security Conference") for the event reported', () => {
      const speakers = [{ name: 'Lord Browne of Ladyton', display: 'Lord Browne of Ladyton', role: 'speaker' as const, slug: 'lord-browne-of-ladyton' }];
      for (const named of ['the Munich Security Conference', 'the Berlin Security Conference', 'the Lancaster House Conference']) {
        const text = `Lords Chamber\n\nMy Lords, noble Lords will recollect that, in February 2018 at ${named}, the then Prime Minister urged European Union leaders to forge a new security partnership.`;
        assert.notEqual(detectType('UK–EU Defence and Security Co-operation', text, speakers), 'event-report', named);
      }
      // An event report still reads as one.
      const report = 'The conference brought together officials and researchers. The roundtable was held under the Chatham House rule.';
      assert.equal(detectType('Defence roundtable', report, speakers), 'event-report');
    });
  });

  describe('an office named bare speaks for the one person the text names with it', () => {
    const cases: { text: string; want: string[] }[] = [
      {
        text: 'BRUSSELS --- NATO Secretary General Jane Roe met industry leaders on Thursday (4 May 2023) to discuss undersea cables.\n\n“Cables carry our data and our energy,” said the Secretary General. “We must protect them together.”',
        want: ['speaker: Jane Roe'],
      },
      {
        text: 'Europol Executive Director John Smith welcomed delegates to the annual conference in The Hague on Monday.\n\nThe Executive Director said: “Organised crime does not stop at any border, and neither can we.”',
        want: ['speaker: John Smith'],
      },
      // Reported, not quoted: the office speaks as the named form would ("NATO Secretary General … stressed that").
      {
        text: 'Today (22 October 2021), NATO Secretary General Jane Roe joined a meeting of defence ministers of the Global Coalition.\n\nThe Secretary General stressed that Allies remain strongly committed to the fight against terrorism in every region.',
        want: ['speaker: Jane Roe'],
      },
      // Two people named with the office: the bare one names neither.
      {
        text: 'NATO Secretary General Jane Roe and UN Secretary General John Smith met in New York on Monday.\n\n“We stand together,” said the Secretary General.',
        want: [],
      },
      // Another office that shares the words: the Deputy is not the Secretary General.
      { text: 'NATO Deputy Secretary General John Smith visited the Alliance’s headquarters on Monday.\n\n“We stand with our partners,” said the Secretary General.', want: [] },
      // A readout's "The Prime Minister said …" is the UK's Prime Minister, in the writer's words: not the other leader named.
      {
        text: 'The Prime Minister was hosted by Prime Minister Jane Roe in Tirana today, ahead of the summit.\n\nThe Prime Minister said the partnership between the two countries had been a great success.',
        want: [],
      },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ') || 'nobody'} from "${text.slice(0, 80)}"`, () => assert.deepEqual(makers(metadataOf(`Leaders meet on security\n\n${text}`)), want));
    }

    it('reads the UK office a quotation is given to as its holder on the text\'s date', () => {
      const text = 'Leaders meet on security\n\n15 May 2025\n\nThe Prime Minister said: “The partnership between our countries has been a great success, and we will build on it.”';
      assert.deepEqual(makers(metadataOf(text)), ['speaker: Keir Starmer']);
    });
  });

  describe('parliamentary sittings: who chaired, who spoke, and when', () => {
    const roster = [
      'The Committee consisted of the following Members:',
      'Chair: Sir Jane Roe',
      'Abbott, Sir Peter (Wessex) (Con)',
      '† Baker, Anna (Southport) (Lab)',
      '† Carter, Mrs Helen (Weald) (Con)',
      'Doyle, Tom (Leith) (SNP)',
      '† Evans, Rob (Aylesbury) (Con)',
      '† Foster, Mary (Ogmore) (Lab)',
      '† Green, Ali (Brent South) (Lab)',
      '† Hill, Sam (Wirral) (Lab)',
      '† Irving, Kate (Truro) (Con)',
      '† Jones, Owen (Clacton) (Con)',
      '† King, Lucy (St Ives) (Con)',
      'Lewis, Dan (Cynon) (Lab)',
      '† Morgan, Beth (Gower) (Lab)',
      '† Nash, Giles (Harwich) (Con)',
      '† Owen, Catherine (Hornsey) (Lab)',
      '† Price, Derek (Penzance) (Con)',
      'Quinn, Chris (Bridgend) (Lab)',
      '† Reid, Barry (Harrow) (Lab)',
      '† Stewart, Ewan Malcolm (Glasgow North) (SNP)',
      'Amir Patel, Committee Clerk',
      '† attended the Committee',
      'Second Delegated Legislation Committee',
      'Tuesday 16 May 2023',
      '[Sir Jane Roe in the Chair]',
      'Draft Sanctions (Amendment) Regulations 2023',
      'I beg to move, That the Committee has considered the draft Sanctions (Amendment) Regulations 2023.',
      'The regulations amend the sanctions regime to increase the pressure on those who support the war against Ukraine.',
    ].join('\n');

    it('reads a committee\'s roster of members ("Abbott, Sir Peter (Wessex) (Con)") as members, not speakers', () =>
      assert.deepEqual(makers(metadataOf(roster)), ['chair: Jane Roe']));

    it('finds the sitting\'s date below a long roster of members', () => assert.equal(metadataOf(roster).date, '2023-05-16'));

    it('types a sitting with its chair as proceedings, not a report of an event', () => assert.equal(metadataOf(roster).type, 'other'));

    const rising = (address: string) =>
      `Draft Law Enforcement Regulations 2020\n\nThe Minister for Security (John Smith)\n\nI beg to move, That the Committee has considered the draft Regulations. ${address} The regulations make changes to our law enforcement co-operation with the European Union.`;
    const cases: { text: string; want: string[] }[] = [
      { text: rising('It is a pleasure to serve under your chairmanship, Mr Lowe, and good morning to other members of the Committee.'), want: ['chair: Mr Lowe', 'speaker: John Smith'] },
      { text: rising('It is a great pleasure to serve under your chairship again, Ms Grant.'), want: ['chair: Ms Grant', 'speaker: John Smith'] },
      { text: rising('It is an honour to serve under your chairmanship, Sir Edward Leigh.'), want: ['chair: Edward Leigh', 'speaker: John Smith'] },
      // A copy of the record that lost the "your" still addresses the chair.
      { text: rising('It is a pleasure to serve under chairmanship, Mr Lowe. I thank the shadow Minister for his questions.'), want: ['chair: Mr Lowe', 'speaker: John Smith'] },
      // A chair mentioned, not addressed, chairs nothing here.
      { text: rising('I served under the chairmanship of Mr Lowe on the Justice Committee for some years.'), want: ['speaker: John Smith'] },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ')} from "${text.split('\n').filter(Boolean)[2]!.slice(95, 175)}"`, () => assert.deepEqual(makers(metadataOf(text)), want));
    }
  });

  describe('who speaks, in the forms news copy and joint releases take', () => {
    const cases: { text: string; want: string[] }[] = [
      // A speech announced before it is given.
      { text: 'Jane Roe, Chancellor of the Duchy of Lancaster, will set out what action the government is taking on cyber security in a speech next week.', want: ['speaker: Jane Roe'] },
      { text: 'date 2025-05-06 Security Minister John Smith is to deliver a speech on state threats at the conference in London tomorrow.', want: ['speaker: John Smith'] },
      { text: 'Foreign Secretary Jane Roe will today announce new sanctions on those who organise people smuggling across Europe.', want: ['speaker: Jane Roe'] },
      // A document "will set out" things too: it is no one.
      { text: 'The Defence Investment Plan will set out in more detail how we will support the UK’s long-term growth through investment.', want: [] },
      // An office read as the name's title introduces a speaker, in reported speech too; an honorific does not.
      { text: 'MEPs debated the crisis at the border. Vice President Jane Roe repeated that the Union is engaging in wide diplomatic efforts.', want: ['speaker: Jane Roe'] },
      { text: 'Ministers met in Luxembourg. Commissioner John Smith reiterated that the new rules would apply from next year.', want: ['speaker: John Smith'] },
      { text: 'Members heard evidence on Tuesday. Mr John Smith repeated that the committee had not been consulted.', want: [] },
      { text: 'The Leaders’ Meeting reaffirmed that the Alliance stands together against every threat to its members.', want: [] },
      // Words cited from elsewhere, however long the office before the name.
      { text: 'As the UK’s Chief of Defence Staff Admiral Sir John Smith said a few weeks ago, we are witnessing a unique era of contest and competition.', want: [] },
      { text: 'As Jane Roe noted, “We are not at war, but we are certainly not at peace.”', want: [] },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ') || 'nobody'} from "${text.slice(0, 80)}"`, () => assert.deepEqual(makers(metadataOf(`Cyber security and the economy\n\n${text}`)), want));
    }

    it('reads each leader\'s words under their office and name on a line of its own', () => {
      const text = [
        'NATO and the EU release a report on critical infrastructure',
        'The report sets out recommendations to strengthen the resilience of energy, transport and digital infrastructure.',
        'NATO Secretary General Jane Roe:',
        '“This is an excellent example of our cooperation in action, and it makes a number of key recommendations.”',
        'European Commission President John Smith',
        '“Our critical infrastructure faces increasingly complex threats, and we need to step up our efforts together.”',
      ].join('\n');
      assert.deepEqual(makers(metadataOf(text)), ['speaker: Jane Roe', 'speaker: John Smith']);
    });
  });

  describe('a news story under its metadata lines', () => {
    const cases: { text: string; want: DocType }[] = [
      // Saved one paragraph to a line: the headline stands apart from its lede, and "yesterday set out" tells what was done.
      {
        text: 'date 2024-07-08 Home Office\nHome Secretary launches new border command\nHome Secretary Jane Roe yesterday set out the first steps to establishing a new border command.\nThis will strengthen the country’s border security and go after the criminal gangs behind small boat crossings, officials say.\n',
        want: 'news',
      },
      // A lede opening on its day, "has approved", and a plural headline's "approve".
      { text: 'A fresh start on migration\n\nOn 23 September, the European Commission proposed a new pact covering all the elements of a European approach to migration.', want: 'news' },
      { text: 'New rules on terrorist content\n\nParliament has approved new rules that force internet companies to remove content promoting terrorism within an hour.', want: 'news' },
      { text: 'NATO Defence Ministers approve new space policy\n\nThe policy will guide the alliance’s approach to space, its opportunities and its challenges, for the years to come.', want: 'news' },
      // A picture's caption with its credit in brackets stands between the headline and the lede.
      {
        text: 'Secretary General engages industry on undersea infrastructure\n\nA frigate patrols near a North Sea oil rig as a maritime patrol aircraft flies in the distance, close to the pipelines. (NATO photo)\n\nBRUSSELS --- The Secretary General met with industry leaders in energy and communications infrastructure on Thursday (4 May 2023) to discuss the security of undersea cables.',
        want: 'news',
      },
      // A newsroom's lede about a meeting, its speaker quoted: a story, not a report of the event.
      {
        text: 'Minister meets industry on cables\n\nThe Security Minister, Jane Roe, met industry leaders at a roundtable in London on Thursday (4 May 2023) to discuss the protection of undersea cables.\n\n“Cables carry our data,” said Jane Roe.',
        want: 'news',
      },
      // Standfirst points that name subjects without a verb are not the lede under them.
      {
        text: 'The EU must speak with one voice on foreign policy\n-\nCall for increased and credible military and security assistance to Ukraine and its people\n-\nNeed for a robust defence policy and a more resilient European Union for its citizens\nMEPs call for a more effective EU foreign and security policy and a stronger defence capability, in two reports adopted on Thursday.\n',
        want: 'news',
      },
      {
        text: 'Security and defence: Council adopts conclusions\n\nSource: Council of the European Union (Council) i, published on Monday, June 17 2019.\n\nEU foreign and defence ministers today discussed the EU Global Strategy. Following the discussion, the Council adopted conclusions on security and defence.',
        want: 'news',
      },
      {
        text: 'Allies agree new targets\n\nPublished 5 May 2021 by the Foreign, Commonwealth and Development Office and the Ministry of Defence\n\nThe Foreign Secretary met European counterparts in London to agree closer work on sanctions and hybrid threats.',
        want: 'news',
      },
      // Announcements of what will happen are news too.
      {
        text: 'Lords to quiz experts on future UK-EU defence cooperation\n\nFriday 18 September 2020\n\nOn Tuesday, the Lords EU Security and Justice Sub-Committee will hear from experts on post-Brexit foreign and defence policy.',
        want: 'news',
      },
      {
        text: 'Defence Secretary to visit Brussels\n\nThe Defence Secretary will travel to Brussels on Monday for talks with EU defence ministers on the security and defence partnership.',
        want: 'news',
      },
      // Headlines in the present tense ("arrives", "joins") open a story too.
      {
        text: 'UK and EU to ramp up pressure on Russia\n\n- EU foreign affairs chief arrives in London for talks with Foreign and Defence Secretaries as joint efforts intensify to curb Russia’s economy\n- Talks will underline the need for a secure Europe',
        want: 'news',
      },
      {
        text: 'Boost for defence businesses\n\nBoost for defence businesses and European cooperation as UK joins defence exports treaty with allies\n\nThe UK has joined a defence exports treaty with European allies.',
        want: 'news',
      },
      {
        text: 'UK-EU talks in London\n\nAs part of the commitment to strengthen ties with Europe, the EU’s High Representative will arrive in London today for discussions with the Foreign and Defence Secretaries.',
        want: 'news',
      },
      // A third-person headline above standfirst bullets.
      {
        text: 'EU foreign affairs chief arrives in London for talks with Foreign and Defence Secretaries\n\n- UK-EU foreign policy consultations will focus on united support for Ukraine and countering Russian hybrid threats',
        want: 'news',
      },
      { text: 'Security and defence: Council adopts conclusions\n\n- The conclusions take stock of progress on civilian and military missions and on the climate and security agenda', want: 'news' },
      // "Today" with what was done: the lede of an institution's press release.
      { text: 'Russia: sanctions extended\n\nThe Council today renewed for a further 6 months its restrictive measures in view of the Russian Federation’s actions, until 31 July 2024.', want: 'news' },
      { text: 'Defence investment\n\nThe Council adopted today a decision authorising the opening of negotiations with the UK and with Canada on their participation in SAFE.', want: 'news' },
      { text: 'Minister in Central Europe\n\nDuring a visit to the region, the Minister attended the GLOBSEC forum in Prague followed by the Bled Strategic Forum in Slovenia.', want: 'news' },
      // "Text adopted" names a document, not a story.
      { text: 'Text adopted – Implementation of the common security and defence policy – annual report 2023\n\nThe European Parliament,\n\n– having regard to the Treaty on the Functioning of the European Union (TFEU),', want: 'other' },
      // A speaker announcing in the first person is not a news lede.
      { text: 'Europe must do more\n\nWe will meet again in June and we will discuss how the partnership with the United Kingdom can deepen further.', want: 'other' },
      { text: 'We have agreed to deepen our partnership with Europe\n\nWe will meet again in June and we will discuss how the partnership with the United Kingdom can deepen further.', want: 'other' },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want} from "${text.split('\n').filter(Boolean)[1]!.slice(0, 70)}"`, () => assert.equal(metadataOf(text).type, want));
    }
  });
});
