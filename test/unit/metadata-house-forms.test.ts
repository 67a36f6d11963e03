/**
 * Metadata from the forms an institution's own texts take: a speech's genre line naming the speaker by an office's
 * short form and full name, a distributor's bracketed credit naming the publisher by its website's name, a question
 * put to the government at Westminster and its answer, a minister's oral statement to either House, a "Press
 * Releases" section line, the Council's conclusions in its own voice, an institution's press release. Each table
 * holds phrasings of its own, with rows that must not change.
 */
import { strict as assert } from 'node:assert';
import { firstLines, itReadsEach, makers, metadataOf, type FormCase } from '../support/metadata.js';

const SPOKEN = 'Thank you very much. We have had a good discussion today on the security of our continent, and I will take your questions.';
const STORY = 'Ministers met in Brussels to discuss closer co-operation on border security, and officials said more meetings would follow.';

describe("metadata read from an institution's own forms", () => {
  describe("a genre line's office before its holder's name names the holder's institution", () => {
    const cases: { text: string; speakers: string[]; publisher: string | null }[] = [
      { text: `Doorstep statement\n\nby Secretary General Mark Rutte on arrival at the meeting of defence ministers\n\n${SPOKEN}`, speakers: ['speaker: Mark Rutte'], publisher: 'NATO' },
      { text: `Joint press conference\n\nby Secretary General Jens Stoltenberg with the Prime Minister of Finland\n\n${SPOKEN}`, speakers: ['speaker: Jens Stoltenberg'], publisher: 'NATO' },
      { text: `Press remarks by President António Costa following the informal meeting of heads of state\n\n${SPOKEN}`, speakers: ['speaker: António Costa'], publisher: 'European Council' },
      { text: `Speech by President Ursula von der Leyen at the plenary debate on defence readiness\n\n${SPOKEN}`, speakers: ['speaker: Ursula von der Leyen'], publisher: 'European Commission' },
      // Must not change: an office's short form before someone who never held it, and an office named outside a genre line.
      { text: `Press conference\n\nby President Emmanuel Macron after the summit in Paris\n\n${SPOKEN}`, speakers: ['speaker: Emmanuel Macron'], publisher: null },
      { text: `Remarks by Secretary General António Guterres to the Security Council\n\n${SPOKEN}`, speakers: ['speaker: António Guterres'], publisher: null },
      { text: `Alliance leaders prepare for the summit\n\n${STORY} Secretary General Mark Rutte will chair the meeting.`, speakers: [], publisher: null },
    ];
    for (const { text, speakers, publisher } of cases) {
      it(`reads ${speakers.join(', ') || 'nobody'} and ${publisher ?? 'no publisher'} from "${firstLines(text)}"`, () => {
        const m = metadataOf(text);
        assert.deepEqual(makers(m), speakers);
        assert.equal(m.publisher, publisher);
      });
    }
  });

  describe("a source credit names the publisher, also by its website's name", () => {
    const EEAS = 'European External Action Service';
    const cases: { text: string; publisher: string | null }[] = [
      { text: `Ministers launch new joint projects\n(Source: EU External Action; issued March 3, 2021)\nBRUSSELS --- ${STORY}`, publisher: EEAS },
      { text: `Ministers launch new joint projects\n\n(Source: European Union External Action)\n\n${STORY}`, publisher: EEAS },
      { text: `Ministers launch new joint projects\n\nSource: EU External Action\n\n${STORY}`, publisher: EEAS },
      { text: `Allies agree new air defence plan\n(Source: North Atlantic Treaty Organization; issued May 2, 2022)\n${STORY}`, publisher: 'NATO' },
      // Must not change: a chart's or a photo's credit inside a sentence names no publisher; a credit line naming another body.
      { text: `Defence spending rises\n\nSpending rose by a tenth last year (Source: Eurostat) across the member states, and ministers said more would follow.`, publisher: null },
      { text: `Defence spending rises\n\nSource: Chatham House\n\n${STORY}`, publisher: 'Chatham House' },
    ];
    for (const { text, publisher } of cases) {
      it(`reads ${publisher ?? 'no publisher'} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).publisher, publisher));
    }
  });

  describe('an EU act, proposal or communication is a paper, however its page opens', () => {
    const cases: { text: string; type: string }[] = [
      { text: `This document is an excerpt from the EUR-Lex website\n\nDocument 32024D1234\n\nCouncil Decision (CFSP) 2024/1234 of 3 May 2024 concerning restrictive measures in view of the situation in the region\n\n${STORY}`, type: 'policy-paper' },
      { text: `Brussels, 5.3.2024\n\nJOIN(2024) 10 final\n\nJOINT COMMUNICATION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL\n\non a strategy for secure sea lanes\n\n${STORY}`, type: 'policy-paper' },
      { text: `Proposal for a COUNCIL REGULATION\nestablishing an instrument for joint purchases of air defence\nEXPLANATORY MEMORANDUM\n\n${STORY}`, type: 'policy-paper' },
      { text: `European Parliament resolution of 2 April 2025 on the state of cyber defence (2024/2082(INI))\n\nThe European Parliament,\n\n${STORY}`, type: 'policy-paper' },
      // Must not change: a release that reports an act's adoption is news.
      { text: `Council prolongs measures\n\nPress release\n\nThe Council today adopted a decision prolonging the restrictive measures by six months.\n\n${STORY}`, type: 'news' },
    ];
    for (const { text, type } of cases) it(`reads a ${type} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).type, type));
  });

  describe("a question put to the government at Westminster is Parliament's, and a question and answer, not a story", () => {
    const ANSWER = 'We have worked closely with our partners since the measures were announced, and we will keep the list of designations under review.';
    const cases: { text: string; publisher: string | null; type: string }[] = [
      {
        text: `Question to the Ministry of Defence:\nTo ask His Majesty's Government what assessment they have made of the air defence plan announced by allies last month.\n${ANSWER}\n${ANSWER}`,
        publisher: 'UK Parliament',
        type: 'other',
      },
      {
        text: `Question for the Department for Business and Trade\n\nTo ask the Secretary of State for Business and Trade, what discussions he has held with his EU counterparts on the export controls agreed in Brussels.\n\n${ANSWER}`,
        publisher: 'UK Parliament',
        type: 'other',
      },
      {
        text: `To ask the Chancellor of the Exchequer, whether the Treasury announced further funding for the defence loans programme.\n\n${ANSWER}\n\n${ANSWER}`,
        publisher: 'UK Parliament',
        type: 'other',
      },
      // Another parliament's question is a question too, but not Westminster's. Must not change: a story that tells of a question.
      { text: `To ask the Scottish Government what discussions it has had with the UK Government on the defence loans announced in Brussels.\n\n${ANSWER}`, publisher: null, type: 'other' },
      { text: `Peers press ministers on air defence\n\nA peer asked the Government on Monday what assessment it had made of the plan announced by allies, and the minister said talks would continue.\n\n${STORY}`, publisher: null, type: 'news' },
    ];
    for (const { text, publisher, type } of cases) {
      it(`reads ${publisher ?? 'no publisher'} and a ${type} from "${firstLines(text)}"`, () => {
        const m = metadataOf(text);
        assert.equal(m.publisher, publisher);
        assert.equal(m.type, type);
      });
    }
  });

  describe("a minister's oral statement to the House opens with its formula", () => {
    const BODY = 'The House will know that our support for our allies has not wavered, and I want to set out the steps the Government have taken since the summit.';
    const cases: { text: string; type: string }[] = [
      { text: `With permission, Madam Deputy Speaker, I shall make a statement on the outcome of the NATO summit. ${BODY}\n\n${BODY}`, type: 'statement' },
      { text: `With your permission, Mr Speaker, I would like to make an oral statement about the defence and security partnership. ${BODY}`, type: 'statement' },
      { text: `My Lords, with the leave of the House, I shall now repeat in the form of a statement the Answer given in another place. ${BODY}`, type: 'statement' },
      // Must not change: a motion is no statement, and a story that tells of one is a story.
      { text: `Mr Speaker, I beg to move that the Bill be now read a Second time. ${BODY}\n\n${BODY}`, type: 'other' },
      { text: `Minister updates MPs on the summit\n\nThe Defence Secretary announced on Monday that with permission he would make a statement on the summit, officials said.\n\n${STORY}`, type: 'news' },
    ];
    for (const { text, type } of cases) {
      it(`reads a ${type} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).type, type));
    }
  });

  describe('a "Press Releases" section line makes a news item', () => {
    const cases: { text: string; type: string }[] = [
      { text: `Lawmakers back tougher export rules\n\nPress Releases\n\nThe plenary backed a report on export controls by a large majority, with members calling for a common register of licences.`, type: 'news' },
      { text: `News releases\n\nCommittee backs joint procurement fund\n\nThe committee backed the proposal by a large majority, with members calling for swift talks with the member states.`, type: 'news' },
      // Must not change: a speech that names press releases in passing, past its opening.
      { text: `Speech at the press club\n\n${SPOKEN}\n\n${SPOKEN} ${SPOKEN} ${SPOKEN} We read each other's press releases closely.`, type: 'speech' },
    ];
    for (const { text, type } of cases) {
      it(`reads a ${type} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).type, type));
    }
  });
  describe("the Council speaking of itself in its conclusions' present tense is the Council's own text", () => {
    const COUNCIL = 'Council of the European Union';
    const cases: { text: string; publisher: string | null }[] = [
      {
        text: `Maritime security: Council sets out priorities for the coming years\n\n4 March 2024\n\nThe Council underlines the importance of safe sea lanes for the Union's economy and security. It welcomes the work done since the last review. The Council also encourages member states to share more information at sea, and calls for closer work with partners.`,
        publisher: COUNCIL,
      },
      {
        text: `Conclusions on the Western Balkans\n\nRecalling its earlier conclusions, the Council reaffirms its support for the region's European perspective. The Council stresses that reforms must go on, and the Council invites the Commission to report by the end of the year.`,
        publisher: COUNCIL,
      },
      {
        text: `European Council conclusions on defence\n\nThe European Council recalls its earlier conclusions on European defence. The European Council calls for faster progress on joint procurement, and invites the Council to take work forward.`,
        publisher: 'European Council',
      },
      // Must not change: a story with its writer's byline, an agency's dateline, a reporter's past tense, one sentence only.
      {
        text: `Council approves new maritime priorities\n\nBy Jane Roe\n\nThe Council underlines the importance of safe sea lanes for the Union's economy. The Council also encourages member states to share more information at sea, diplomats said on Tuesday.`,
        publisher: null,
      },
      {
        text: `Council backs maritime priorities\n\nBRUSSELS (Reuters) - The Council underlines the importance of safe sea lanes, and the Council calls for closer work with partners, according to a text seen by reporters.`,
        publisher: null,
      },
      {
        text: `Council backs maritime priorities\n\nMinisters meeting in Brussels on Tuesday said the Council underlined the importance of safe sea lanes, and the Council called for closer work with partners.`,
        publisher: null,
      },
      { text: `Ministers discuss maritime security\n\n${STORY} The Council welcomes the report, one diplomat noted, but the talks will go on.`, publisher: null },
    ];
    for (const { text, publisher } of cases) {
      it(`reads ${publisher ?? 'no publisher'} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).publisher, publisher));
    }
  });

  describe("a press release headed by what an EU institution or its members did is the institution's", () => {
    const cases: { text: string; publisher: string | null }[] = [
      { text: `MEPs back stronger rules on dual-use exports\n\nPress Releases\n\nThe plenary backed a report on export controls by a large majority, with members calling for a common register of licences.`, publisher: 'European Parliament' },
      { text: `European Parliament calls for a defence union\n\nPress release\n\nThe plenary backed a resolution on defence co-operation by a large majority, with members calling for joint procurement.`, publisher: 'European Parliament' },
      { text: `Commission proposes new defence loans\n\nPress release\n\nThe proposal would allow member states to borrow for joint procurement, with the first loans expected next year.`, publisher: 'European Commission' },
      // Must not change: a press release headed by another body, and a headline about MEPs with no press-release line.
      { text: `Think tank warns MEPs on export rules\n\nPress release\n\nThe institute's new paper argues that the rules on export controls need a common register of licences.`, publisher: null },
      { text: `MEPs back stronger rules on dual-use exports\n\nThe plenary backed a report on export controls by a large majority, with members calling for a common register of licences.`, publisher: null },
      { text: `Council of Europe adopts a new convention\n\nPress release\n\nThe convention was opened for signature in Strasbourg, with several states expected to sign it this year.`, publisher: null },
    ];
    for (const { text, publisher } of cases) {
      it(`reads ${publisher ?? 'no publisher'} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).publisher, publisher));
    }
  });

  describe('who made a text, read where an organisation, a delivered speech or a cover page says so', () => {
    const cases: FormCase[] = [
      // A person's office "of" a body whose name is capitalised words: the body is not a person.
      {
        text: `Officials review border cooperation\n\nThe meeting was chaired by Anna Berg, Head of Division, of the European Border Coordination Service (EBCS), with officials from both sides.\n\n${STORY}`,
        makers: ['chair: Anna Berg'],
      },
      { text: `Scholars meet on defence\n\nThe seminar was chaired by the Jacques Delors Institute and the Centre for European Reform.\n\n${STORY}`, makers: [] },
      // A speech marked as delivered: its byline names the speaker.
      { text: `by Deputy Secretary General Jane Roe at the annual resilience conference\n\n(As delivered)\n\n${SPOKEN}`, makers: ['speaker: Jane Roe'] },
      { text: `By Jane Roe\n\nCheck against delivery\n\n${SPOKEN}`, makers: ['speaker: Jane Roe'] },
      // A cover page's byline run into the title's line; the library's name before its genre on a page's foot line.
      {
        text: `BRIEFING PAPER Number 1234, 2 March 2020\n\nThe future of European defence By Peter Stone\n\n3 Commons Library Briefing, updated 2 March 2020\n\n${STORY}`,
        makers: ['author: Peter Stone'],
        publisher: 'House of Commons Library',
      },
      // An EU institution's own release says what it does today.
      {
        text: `Europe prepares for crises\n\nToday, the Commission and the High Representative launch a strategy to help member states prepare for emerging threats.\n\n${STORY}`,
        makers: [],
        publisher: 'European Commission',
      },
      // A research paper's own line names its writer; a body's name with "and" in it is no second person, a job title none.
      { text: `Returning foreign fighters\n\nCommons Briefing paper by Jane Roe. It was first published on Friday, 8 March 2019.\n\n${STORY}`, makers: ['author: Jane Roe'], type: 'briefing' },
      {
        text: `Written evidence on police cooperation\n\nThis evidence has been prepared by Dr Jane Roe, Research Fellow in European Law at the Centre for the Rule of Law, British Institute of International and Comparative Law, in an individual capacity.\n\n${STORY}`,
        makers: ['author: Jane Roe'],
      },
      // Must not change: a report a story cites is someone else's.
      { text: `Defence spending rises\n\nThe committee noted that a report by Peter Stone found spending too low.\n\n${STORY}`, makers: [] },
      // Must not change: an op-ed's byline stays its author's; "by" in the middle of a sentence names nobody.
      { text: `By Jane Roe\n\nEurope must spend more on its defence, and it must spend it together, as I have argued for a decade.`, makers: ['author: Jane Roe'] },
      { text: `Defence spending rises\n\nSpending was raised By Royal Decree in March.\n\n${STORY}`, makers: [] },
    ];
    itReadsEach(cases);
  });

  describe("Parliament's written answers and repeated statements, a quotation signed after a dash, words reported after the speaker's office", () => {
    const ANSWER = 'The Government continues to work with European partners on these matters, and will report to the House in due course.';
    const cases: FormCase[] = [
      {
        text: `Border cooperation\n\n(asked on 3rd March 2021) - View Source\n\nQuestion to the Home Office:\n\nTo ask Her Majesty's Government what plans they have for border cooperation.\n\nAnswered by\nLord Smith of Elmtree Portrait\nLord Smith of Elmtree\nMinister of State (Home Office)\nThis question was answered on 17th March 2021\n\n${ANSWER}`,
        makers: ['author: Lord Smith of Elmtree'],
        date: '2021-03-17',
      },
      {
        text: `Foreign Affairs Council statement\n\nStatement made on 4 May 2022\n\nMy right honourable friend the Secretary of State for Foreign Affairs (Jane Roe) has made the following Written Statement.\n\n"${ANSWER}"`,
        makers: ['author: Jane Roe'],
        type: 'statement',
      },
      {
        text: `Council extends measures against the regime\n\n${STORY}\n\n“We will not accept these attacks on our borders, and we will act together. – Anna Berg, High Representative for Foreign Affairs”`,
        makers: ['speaker: Anna Berg'],
      },
      // Parliament's page of a written statement is a statement, whatever its title; a Commons Library Insight is a briefing.
      {
        text: `United Kingdom and the border agency: working arrangement Debate\n\nFull Debate: Read Full Debate\n\nUnited Kingdom and the border agency: working arrangement\n\nJane Roe Excerpts\nFriday 3rd March 2023\n\n(2 months ago)\n\nWritten Statements\nRead Full debate Read Hansard Text\nJane Roe Portrait The Minister for Borders (Jane Roe)\n- Hansard - -\n\nI am pleased to announce a working arrangement with the agency, following our analysis of the options. ${ANSWER}`,
        makers: ['author: Jane Roe'],
        type: 'statement',
      },
      {
        text: `The arrest warrant after withdrawal\n\nThe arrest warrant is a fast-track extradition system between member states. This Insight explains how it works and what may replace it.\n\n${ANSWER}`,
        makers: [],
        type: 'briefing',
      },
      // An office with a portfolio before the name, after the words reported: the office holder spoke.
      {
        text: `Space programmes to serve defence\n\n${STORY}\n\nThe time has come to treat space as part of our security, Internal Market Commissioner Anna Berg said at the conference in Brussels.`,
        makers: ['speaker: Anna Berg'],
      },
      // Must not change: a dash inside a sentence, before a name, signs nothing; a name without an office, saying something reported, is not made a speaker.
      { text: `Council extends measures against the regime\n\n${STORY} The talks were long – Anna Berg was not there.`, makers: [] },
      { text: `Space programmes to serve defence\n\n${STORY}\n\nThe time has come to act, Anna Berg said in a blog post last year.`, makers: [] },
    ];
    itReadsEach(cases);
  });

  describe('who spoke or wrote, in the forms of GOV.UK summaries, Parallel Parliament, statements, panels and catalogue pages', () => {
    const ANSWER = 'The Government continues to work with European partners on these matters, and will report to the House in due course.';
    const cases: FormCase[] = [
      { text: `Speech\n\nCyber conference speech\n\nA speech from the Chancellor of the Duchy of Lancaster Jane Roe at the cyber conference in Cardiff.\n\n${SPOKEN}`, makers: ['speaker: Jane Roe'] },
      {
        text: `Council meeting – 4 May 2022\n\nStatement made on 2 May 2022\n\nMy Right Honourable Friend, the Minister of State for Europe (Jane Roe), has made the following written Ministerial statement:\n\n${ANSWER}`,
        makers: ['author: Jane Roe'],
      },
      {
        text: `Border Security Debate\nFull Debate: Read Full DebateLord Smith of Elmtree\nMain Page: Lord Smith of Elmtree (Non-affiliated - Life peer)Department Debates - View all Lord Smith of Elmtree's debates with the Home Office\n(2 years ago)\nLords ChamberTo ask His Majesty's Government what plans they have for border security.\nMy Lords, ${ANSWER}`,
        makers: ['speaker: Lord Smith of Elmtree'],
        publisher: 'Hansard',
      },
      // A written statement whose page ran its label into the text: its member wrote it; a review it says "was published on" a day is another text's.
      {
        text: `Jane Roe\nMain Page: Jane Roe (Labour - Eastham)Department Debates - View all Jane Roe's debates with the Home Office\n(2 days ago)\nWritten StatementsFollowing the attack last year, I announced an independent review.\nThe review upheld the conclusions of the learning review that was published on 12 February 2025. ${ANSWER}`,
        makers: ['author: Jane Roe'],
        date: null,
      },
      // Hansard names a minister by office with the name in brackets, heading their words; in a written answer they wrote them.
      { text: `Border security\n\nThe Minister of State for Security (John Smith): ${ANSWER}`, makers: ['speaker: John Smith'] },
      {
        text: `Jane Roe: To ask the Secretary of State for the Home Department, what plans she has for border security. [37105]\n\n[Due for Answer on 14 March]\n\nANSWER\n\nThe Minister of State for Security (John Smith): ${ANSWER}`,
        makers: ['author: John Smith'],
      },
      // A person the text introduced by office, speaking later by honorific and surname.
      {
        text: `Armaments directors meet\n\nDelegates met at headquarters to discuss defence production.\n\nThe Deputy Secretary General Jane Roe joined the meeting. Ms Roe emphasised the importance of multinational procurement.`,
        makers: ['speaker: Jane Roe'],
      },
      // Must not change: the honorific and surname of someone introduced without an office.
      { text: `Armaments directors meet\n\nDelegates met at headquarters with the engineer Jane Roe. Ms Roe stressed the importance of the work.`, makers: [] },
      // A joint statement's makers, named in its lede whatever it says they did, are its authors; several named together as a
      // lede's subject speak.
      {
        text: `Foreign Secretary and the foreign ministers of two partners: joint statement, September 2022\n\nForeign Secretary John Smith held a trilateral meeting with Polish Foreign Minister, Jan Nowak, and Ukrainian Foreign Minister Petro Shevchenko.\n\n${STORY}`,
        makers: ['author: Jan Nowak', 'author: John Smith', 'author: Petro Shevchenko'],
      },
      {
        text: `Ministers welcome progress\n\nItalian Defence Minister Marco Rossi, Japanese Defense Minister SATO Ken and UK Defence Minister John Smith have welcomed recent progress made on the programme.\n\n${STORY}`,
        makers: ['speaker: John Smith', 'speaker: Marco Rossi'],
      },
      // Must not change: the states that make a joint statement are no people.
      {
        text: `Joint ministerial statement\n\nJoint statement of the United Kingdom of Great Britain and Northern Ireland, the Kingdom of Belgium, the French Republic and the Federal Republic of Germany on efforts against migrant smuggling.\n\n${STORY}`,
        makers: [],
      },
      // Must not change: a story's lede naming two people it reports on, in a text that is no joint statement.
      { text: `Ministers meet\n\nForeign Secretary John Smith held a meeting with Polish Foreign Minister, Jan Nowak, in Warsaw on Monday.\n\n${STORY}`, makers: [] },
      // An evidence session's witnesses, the label run into the panel's number and the names joined by "and".
      {
        text: `Defence Committee\n\nOral evidence: Space Defence, HC 271 Tuesday 13 July 2021\n\nMembers present: Mr Tobias Smith (Chair); Jane Doe; John Doe.\n\nWitnessesI: Dr Jane Roe, Lecturer in Defence Studies, King’s College London, and Dr John Smith, Consultant on space policy, Acme Analytica.\n\nChair: Welcome to this hearing.`,
        makers: ['chair: Tobias Smith', 'speaker: Jane Roe', 'speaker: John Smith'],
      },
      // A headline naming its subject above the speaker's own words names the speaker.
      {
        text: `Director General Jane Roe launches the national risk assessment\n\nI am delighted to be here for my first public speech as Director General of the National Crime Agency.\n\nI want to start by paying tribute to the officers of the Agency, each of whom brings their expertise to reducing crime.\n\nWe have been doing that for a decade, since we were established, and I am proud of what we have achieved together.`,
        makers: ['speaker: Jane Roe'],
      },
      // Must not change: the same headline above a story told in the third person.
      { text: `Director General Jane Roe launches the national risk assessment\n\n${STORY}\n\n${STORY}`, makers: [] },
      // A quotation signed below with the office first; a lede's subject with an apposition of who came along.
      {
        text: `New report on organised crime\n\nThe agency published its threat assessment, which shows how crime in the Union is shifting.\n\nOur security landscape is evolving dramatically. We need to make every effort to protect the European Union and its citizens.\n\nCommissioner for Internal Affairs and Migration, Jane Roe`,
        makers: ['speaker: Jane Roe'],
      },
      {
        text: `Operation visit\n\nDuring his visit to the headquarters on 5 July 2024, EU High Representative/Vice-President Josep Borrell, alongside Greek Minister for National Defence John Smith, addressed the efforts of the operation.\n\n${STORY}`,
        makers: ['speaker: Josep Borrell'],
      },
      // A statement made for a body at a meeting was spoken there.
      {
        text: `Statement on behalf of the European Union by H.E. Mr. Jan Roe, Head of the Delegation of the European Union to the United Nations, at the High-Level Conference on terrorism\n\n${SPOKEN}`,
        makers: ['speaker: Jan Roe'],
      },
      // A committee's record of who gave evidence, a police rank before a name; a service's rank written hyphenated.
      {
        text: `Border Security Bill (Third sitting)\n\nExamination of Witnesses\n\nAssistant Chief Constable Jim Roe, Sarah Smith and Rob Doe gave evidence.\n\nWe have until 2.40 pm for this panel.`,
        makers: ['speaker: Jim Roe', 'speaker: Rob Doe', 'speaker: Sarah Smith'],
      },
      {
        text: `Space Command marks its first year\n\n${STORY}\n\nWe have achieved a great deal in our first year, and we will achieve more in the next.\n\nAir Vice-Marshal Paul Roe, Commander of UK Space Command`,
        makers: ['speaker: Paul Roe'],
      },
      // A committee's notice names the witnesses it will hear in a list below.
      {
        text: `Police chiefs to address the committee\n\nFriday 10 May 2024\n\nThe committee, chaired by Lord Smith, will hear from the agencies as part of its inquiry.\n\nAt 3pm, the committee will hear from:\n\n- Jane Roe, Director General Operations at the National Crime Agency;\n- John Smith, Assistant Chief Constable at the Police Chiefs' Council.`,
        makers: ['chair: Lord Smith', 'speaker: Jane Roe', 'speaker: John Smith'],
      },
      // A correction's letter names its writer by office and seat, the name in brackets.
      {
        text: `Situation in the Red Sea\n\nThe following is an extract from the debate on the Situation in the Red Sea on Wednesday 24 January 2024.\n\nLetter of correction from the Secretary of State for Defence, the right hon. Member for Eastham (John Smith):\n\nAn error has been identified in my response to my hon. Friend.`,
        makers: ['author: John Smith'],
        type: 'other',
      },
      // A statement's title names its author, unless it was made at a meeting.
      { text: `Statement by High Representative Jane Roe following consultations with the participants\n\nJanuary 24, 2020\n\n${ANSWER}`, makers: ['author: Jane Roe'] },
      { text: `Statement by Ambassador Jane Roe at the Permanent Council on the situation in Georgia\n\n${ANSWER}`, makers: ['speaker: Jane Roe'] },
      {
        text: `Resilience in a changing world\n\nPanel discussion with Deputy Secretary General Jane Roe participating in a webinar on resilience\n\n${SPOKEN}`,
        makers: ['speaker: Jane Roe'],
      },
      { text: `Cyber centre review launched\n\nNATO Secretary General Mark Rutte yesterday gave a speech at the launch of the centre's annual review.\n\n${SPOKEN}`, makers: ['speaker: Mark Rutte'] },
      { text: `Internal security strategy\n\n${STORY}\n\nAs Jane Roe, President of the Commission said:\n\n“Security begins at home, and we will act.”`, makers: ['speaker: Jane Roe'] },
      // Must not change into a person: a conjunction before a name, a catalogue record's empty field labels.
      { text: `Internal security strategy\n\n${STORY}\n\nAs Jane Roe, President of the Commission, argued last year, security begins at home.`, makers: [] },
      { text: `Understanding counter-terrorism policy\n\nAuthor (Person)\nAuthor (Corporate)\nSeries Title\nSeries Details\n\n${STORY}`, makers: [] },
    ];
    itReadsEach(cases);
  });

  describe("a text's own date and author where an EU act's heading or a saved page's address gives them", () => {
    const RECITAL = '(1) On 21 September 2021, the Court delivered its judgment in a case on the poisoning of a former officer.';
    const cases: FormCase[] = [
      { text: `2024/1234\n9.10.2024\nCOUNCIL DECISION (CFSP) 2024/1234 of 7 October 2024 concerning restrictive measures against hybrid threats\n\n${RECITAL}`, date: '2024-10-07', publisher: 'Council of the European Union' },
      {
        text: `Document 52023IP0100\n\nEuropean Parliament resolution of 14 March 2023 on threats to democratic processes\n\nOJ C, C/2023/900, 20.11.2023, ELI: http://data.europa.eu/eli/C/2023/900/oj\n\nThe European Parliament,\n\n${RECITAL}`,
        date: '2023-03-14',
        publisher: 'European Parliament',
      },
      { text: `https://media.example.gov.uk/2025/11/03/statement-on-crossings/\n\nStatement on crossings\n\nA spokesperson said:\n\n"On 18 September 2025, we signed the agreement, and it is working."`, date: '2025-11-03' },
      // A republishing site's line in its own language dates the text it took over.
      { text: `Remarks by the spokesperson on the new border agency\n\nMet dank overgenomen van Europese Commissie, gepubliceerd op donderdag 6 maart 2025.\n\nGood morning. We present our plan for the agency today and we will work with every Member State.`, date: '2025-03-06' },
      { text: `Research briefing 02-10-2024\n\nCountering drones at Europe's borders\n\nThis briefing looks at the tools available to member states and the funds that support them.`, date: '2024-10-02' },
      // Must not change: prose that cites an act names an earlier date, not the text's own.
      { text: `Ministers review sanctions\n\nBrussels, 12 June 2025\n\nThe Council decision of 7 October 2024 set out the framework, ministers recalled, and it will be reviewed.`, date: '2025-06-12', publisher: null },
    ];
    itReadsEach(cases);
  });

  describe("a minister's written statement on a meeting others chaired", () => {
    const MEETING = 'Ministers discussed the situation in the region and agreed to keep their measures under review.';
    const cases: FormCase[] = [
      {
        text: `House of Commons Hansard\nCouncil of ministers\n3 May 2021\nVolume 690\n\nMy hon. Friend the Minister for Europe attended the Council on 27 April. It was chaired by the High Representative, Anna Berg. The meeting was held in Brussels.\n\n${MEETING}`,
        makers: [],
        type: 'statement',
        publisher: 'Hansard',
      },
      {
        text: `Council of ministers – 10 May 2021\n\nStatement made on 5 May 2021\n\nMy Right Honourable Friend, the Minister of State (Jane Roe), has made the following written Ministerial statement:\n\nThe Council will take place in Brussels on 10 May. It will be chaired by the High Representative, Anna Berg.\n\n${MEETING}`,
        makers: ['author: Jane Roe'],
        type: 'statement',
      },
      // Must not change: an event's report names who chaired it.
      { text: `Roundtable on European defence\n\nOn 5 May 2021 the institute hosted a roundtable in Brussels. It was chaired by Anna Berg.\n\n${MEETING}`, makers: ['chair: Anna Berg'], type: 'event-report' },
    ];
    itReadsEach(cases);
  });

  describe("a story's or a statement's type where a saved page runs its furniture into the text", () => {
    const cases: FormCase[] = [
      { text: ` date 2025-03-07 The Prime Minister spoke to the President of the European Council and other leaders this morning.\n\nCloser collaboration between the partners and their industries will be vital in the years ahead for everyone.`, type: 'news' },
      {
        text: `Border Security Debate\nFull Debate: Read Full DebateLord Smith of Elmtree\n(1 day ago)\nLords ChamberMy Lords, with the leave of the House, I shall now repeat a Statement made in another place. The Statement is as follows:\n“With permission, I will update the House on border security, which matters to every community.”`,
        type: 'statement',
      },
    ];
    itReadsEach(cases);
  });

  describe("who spoke, chaired or wrote, in committee evidence, Parliament's page furniture and research briefings", () => {
    // The witnesses speak in it under their names, as in any whole transcript (one whose saved part stops before their turn holds no words of theirs).
    const TRANSCRIPT =
      'Q54 The Chair: Good morning and welcome to our witnesses, who will tell us about the resilience of public services.\n\nJane Roe: Thank you, Chair. The unit has spent the last year testing how departments recover from an outage.\n\nJohn Doe: From the industry side, we see the same pattern in the companies that supply those departments.';
    const cases: FormCase[] = [
      {
        text: `Resilience Committee\n\nUncorrected oral evidence\n\nThursday 16 April 2026\n\nMembers present: Baroness Smith of Elmtree (The Chair); Lord Brown; Baroness Green.\n\nWitnesses\n\nI: Jane Roe, Deputy Director, Government Digital Unit; John Doe, Managing Director, Acme Security.\n\n${TRANSCRIPT}`,
        makers: ['chair: Baroness Smith of Elmtree', 'speaker: Jane Roe', 'speaker: John Doe'],
      },
      // An office's place after "of" is not the start of its holder's name, and a peer's territorial name is not an office.
      { text: `Speech\n\nA speech from the Chancellor of the Duchy of Lancaster Jane Roe at the resilience conference.\n\n${STORY}`, makers: ['speaker: Jane Roe'] },
      {
        text: `Defence Industrial Base\n\nRead Full debate\nMonday 16th June 2025\n\nLords Chamber\nRead Hansard Text Watch Debate Read Debate Ministerial Extracts\nLord Lancaster of Kimbolton Portrait Lord Lancaster of Kimbolton (Con)\n- Hansard - - - Excerpts\n\nMy Lords, I beg leave to ask the Question standing in my name on the Order Paper.`,
        makers: ['speaker: Lord Lancaster of Kimbolton'],
      },
      // Co-authors joined by "with", and a name run into the service's name by text extraction.
      {
        text: `BRIEFING\n\nAuthor: Jane Roe with Peter Stone and Anna Berg Members' Research Service PE 689.342 – February 2021\n\nCharting a course through stormy waters\n\n${STORY}`,
        makers: ['author: Anna Berg', 'author: Jane Roe', 'author: Peter Stone'],
      },
      // A military office before its holder's name is not a person.
      {
        text: `Resilience symposium opens\n\nNATO Supreme Allied Commander Transformation, General Jane Roe recently opened the resilience symposium in Warsaw, Poland.\n\nShe said: “Resilience is our first line of defence.”`,
        makers: ['speaker: Jane Roe'],
      },
    ];
    itReadsEach(cases);
  });

  describe("who presides, who asked and who answered, and who made a text its headline names, in Parliament's and the institutions' pages", () => {
    const QUOTE = 'Security begins with cooperation between our services, and this strategy gives every member state the tools to act together.';
    const cases: FormCase[] = [
      {
        text: `Drones over airfields\n\nCommons Chamber\nAnna Berg Portrait Madam Deputy Speaker\n- Hansard -\n\nOrder. I call the Minister.\n\nJane Roe Portrait The Minister for the Armed Forces (Jane Roe) (Lab)\n- Hansard -\n\n${QUOTE}`,
        makers: ['chair: Anna Berg', 'speaker: Jane Roe'],
      },
      { text: `Border security\n\nPhoto of Anna Berg Anna Berg Speaker of the House of Commons, Chair, House of Commons Commission 3:38, 2 June 2021\n\nI call the Home Secretary.\n\n${QUOTE}`, makers: ['chair: Anna Berg'] },
      {
        text: `Home Office written question – answered on 4th March 2021.\n\nPhoto of Peter Stone Peter Stone Conservative, Chatham\n\nTo ask the Secretary of State for the Home Department, what steps she is taking on drones.\n\nPhoto of Jane Roe Jane Roe Minister of State (Home Office)\n\n${QUOTE}`,
        makers: ['author: Jane Roe'],
        date: '2021-03-04',
      },
      { text: `Ministry in the media\n\nJane Roe’s statement on the crossings in the Channel\n\nPosted on: - Categories: Speeches\n\nMr Speaker, ${QUOTE}`, makers: ['speaker: Jane Roe'] },
      { text: `Speech by NATO Deputy Secretary General, Peter Stone, at the Allied Lessons Learned conference\n\n${QUOTE}`, makers: ['speaker: Peter Stone'] },
      { text: `Forum: Speech by Anna Berg at the Ministerial Meeting co-chaired with Egypt\nCheck against delivery!\n${QUOTE}`, makers: ['speaker: Anna Berg'] },
      { text: `Sanctions in practice\n\nAn interview with Anna Berg, the special envoy for sanctions.\n\n${QUOTE}`, makers: ['speaker: Anna Berg'] },
      // An office's portfolio, split by its commas, still leaves the office holders it names speaking.
      { text: `Border guard corps adopted\n\nWelcoming today's adoption, First Vice-President Frans Timmermans and Commissioner for Home Affairs, Migration and Citizenship Dimitris Avramopoulos said: "${QUOTE}"`, makers: ['speaker: Dimitris Avramopoulos', 'speaker: Frans Timmermans'] },
      // The Council's releases close a quotation with its speaker and a lower-case office, however long the portfolio.
      { text: `Council approves conclusions on resilience\n\nBrussels, 8 June 2023\n\n${QUOTE} ${QUOTE}\n\nAnna Berg, Swedish minister for justice\n\n${QUOTE}`, makers: ['speaker: Anna Berg'] },
      { text: `Council approves conclusions on cybersecurity\n\n${QUOTE} ${QUOTE}\n\nPeter Stone, Belgian deputy prime minister and minister of public administration, telecommunication, and postal services\n\n${QUOTE}`, makers: ['speaker: Peter Stone'] },
      // Must not change: a list of witnesses to come announces them; it signs no quotation.
      { text: `Lords to hear experts\n\nThe committee will hear from experts on how the UK could work with the EU in defence.\n\nGiving evidence will be:\n\n• Jane Roe, Senior Lecturer in European Politics at the University of Surrey\n• Peter Stone OBE, Director of Foreign Policy at the Centre for Reform`, makers: [] },
      // A peer known by a place, captioned by TheyWorkForYou; a motion in the Lords and the minister who moves it.
      { text: `Terrorism Order 2024\n\nPhoto of Lord Stone of Chatham Lord Stone of Chatham The Parliamentary Under-Secretary of State for the Home Department\n\n${QUOTE}`, makers: ['speaker: Lord Stone of Chatham'] },
      { text: `Proscription order\n\nMotion to Approve\n\nMoved by Lord Stone of Chatham\n\nThat the draft Order laid before the House on 18 March be approved.`, makers: ['speaker: Lord Stone of Chatham'] },
      // A speech headed by its speaker's office and name alone, greeting the room; a byline above a greeting is a speaker's.
      { text: `Commissioner Peter Stone\n\nGood afternoon,\n\n${QUOTE}`, makers: ['speaker: Peter Stone'], type: 'speech' },
      { text: `Remarks at the industry reception\n\nby Secretary General Jane Roe at the reception\n\nLadies and gentlemen, ${QUOTE}`, makers: ['speaker: Jane Roe'] },
      { text: `EU-Gulf meeting: Press remarks by High Representative Jane Roe\nCheck against delivery!\n${QUOTE}`, makers: ['speaker: Jane Roe'] },
      // Hansard's front bench names its minister in brackets after the office, with no party; "makes a statement" tells who spoke.
      { text: `Sanctions\n\nThe Minister of State, Foreign, Commonwealth and Development Office (Mr Peter Stone)\n\n${QUOTE}`, makers: ['speaker: Peter Stone'] },
      { text: `Sanctions\n\nThe Defence Secretary, Jane Roe, makes a statement to the House of Commons on sanctions against Russia and Belarus.\n\n${QUOTE}`, makers: ['speaker: Jane Roe'] },
      // GOV.UK's speech pages: the minister's line ("Jane Roe MP"), a standfirst in the speaker's possessive, an office in the lede.
      { text: `Speech\n\nSecuring cyberspace: Minister Roe speech\n\nMinister Roe outlined the UK's commitment to responsible behaviour in cyberspace in a keynote speech.\n\nJane Roe MP\n\n${QUOTE}`, makers: ['speaker: Jane Roe'] },
      { text: `Keynote address to the resilience summit\n\nSecurity Minister Jane Roe's speech at the summit on the government's action to tackle cybercrime.\n\n${QUOTE}`, makers: ['speaker: Jane Roe'] },
      { text: `All must contribute to national resilience\n\nAt the Future Resilience Forum, Security Minister Dan Jarvis set out the government's approach to building preparedness.\n\n${QUOTE}`, makers: ['speaker: Dan Jarvis'], publisher: 'Home Office' },
      // Must not change: a debate's contribution thanking the chair is no speech's greeting.
      { text: `Cyber security debate\n\nThank you, Mr Speaker. ${QUOTE}`, type: 'other' },
      // A committee's transcript opens each turn with its speaker's office: "The Chair:" names no chair.
      { text: `Examination of witnesses\n\nJane Roe, Peter Stone and Anna Berg.\n\nQ30 The Chair: A very warm welcome to the committee, meeting with the Minister and two of her officials, Peter Stone and Anna Berg.`, makers: [] },
      // Must not change: a committee's chair speaking in a debate speaks; "Author: X with Y" still joins Y.
      { text: `Defence debate\n\nPhoto of Peter Stone Peter Stone Chair, Defence Committee 2:10, 5 May 2022\n\n${QUOTE}`, makers: ['speaker: Peter Stone'] },
      { text: `Defence in Europe\n\nAuthor: Anna Berg with Peter Stone\n\n${QUOTE}`, makers: ['author: Anna Berg', 'author: Peter Stone'] },
    ];
    itReadsEach(cases);
  });

  describe("a text's own date at its head, however a saved page runs its lines together, and never a date an act or a recital recalls", () => {
    const RECITALS = '– having regard to the Declaration adopted on 11 March 2022 at the informal meeting of Heads of State or Government,\n\n– having regard to the Strategic Compass,';
    const cases: FormCase[] = [
      { text: `MOTION FOR A RESOLUTION on drones 5.3.2025 - (2025/2565(RSP)) pursuant to Rule 136(2) of the Rules of Procedure\n\n${RECITALS}`, date: '2025-03-05' },
      { text: `European Council conclusions on defence, 26 June 2025\n\n11. Recalling its conclusions of 6 March 2025, the European Council reiterates that Europe must become more sovereign.`, date: '2025-06-26' },
      // A procedure's furniture lists its sittings ("PV 21/10/2021 - 2"); a resolution's recitals recall earlier texts.
      { text: `Procedure : 2020/0349(COD)\n\nVotes :\n\nPV 21/10/2021 - 2\n\nTuesday, 3 May 2022 - Strasbourg\n\nStrengthening the mandate of the agency (debate)\n\nThe President. – The next item is the debate on the agency.`, date: '2022-05-03' },
      { text: `Texts adopted\n\nState of cyber defence capabilities\n\nThe European Parliament,\n\n–  having regard to the strategy presented by the High Representative on 28 June 2016,\n\n–  having regard to its resolution of 7 October 2021 on cyber defence, as adopted on 7 October 2021 - Strasbourg\n\nThursday, 7 October 2021 - Strasbourg\n\n1. Calls for closer cooperation.`, date: '2021-10-07' },
      // A declaration is dated when it was made, not by the act it recalls; a site's "today" bar is not the text's date.
      { text: `Declaration by the High Representative on behalf of the EU on the alignment of certain countries concerning restrictive measures\n\nTaken over from the Council, gepubliceerd op woensdag 12 januari 2022.\n\nOn 15 November 2021, the Council adopted Decision (CFSP) 2021/1984.\n\nThe candidate countries align themselves with this decision.`, date: '2022-01-12' },
      { text: `Sat. Apr 1st, 2023\n\n21 February 2022\n\nThe Council today decided to add two groups and two individuals to the sanctions list.\n\nThe measures target groups that plan attacks in the region.`, date: '2022-02-21' },
      { text: `After Brexit, how can the EU and UK best cooperate on foreign policy?\n\nJanuary 30,2021 21:30\n\nFrom the blog by Anna Berg- On 1 January 2021, Brexit took full effect, and we need to decide how to cooperate.`, date: '2021-01-30', makers: ['author: Anna Berg'] },
      { text: `Thu. May 19th, 2022\n\n18/11/2021 – Blog – On 15 November, I presented the plan to the ministers, and the first exchanges showed wide support for it.`, date: '2021-11-18' },
      { text: `Police cooperation under the agreement\n\nBriefing 27-05-2021\n\nOn 1 May 2021, the agreement entered into force, having been applied since January.`, date: '2021-05-27' },
      { text: `Foreign interference: MEPs debate\n\nMEPs debate a series of recommendations on foreign interference, including a sanctions regime and rules for platforms.\n\nDetailed information\n\nEvent date2022-03-08\nFormat:16:9 format`, date: '2022-03-08' },
      { text: `Situation in the Red Sea\n\n– in the House of Commons am 3:41 pm ar 26 Chwefror 2024.\n\nWith permission, Mr Speaker, I would like to make a statement on shipping in the Red Sea.`, date: '2024-02-26' },
      // A two-day meeting is dated by its first day; a title's date of an event to come is that event's, not the text's.
      { text: `Source: NATO\n\nOn Wednesday and Thursday (17 and 18 April 2024) the armaments directors met to address the challenges of the sector.\n\n${STORY}`, date: '2024-04-17' },
      { text: `Remarks by the High Representative at the plenary, on the upcoming summit on 24-26 June 2025\n\n18.06.2025\n\nNext week, leaders will meet in The Hague for the summit.`, date: '2025-06-18' },
      // A weekday and day without their year, in a sentence naming the year on which that day falls on that weekday.
      { text: `There is no peace in cyberspace\n\nSpeaking at the 2024 Cyber Defence Pledge Conference in The Hague on Friday (17 May), the Deputy Secretary General called for a new mindset.\n\n${STORY}`, date: '2024-05-17' },
      // Must not change: a weekday the year does not fit gives no day (the conference the text reports from still gives its
      // year), and a day the text says something will happen on dates nothing.
      { text: `There is no peace in cyberspace\n\nSpeaking at the 2024 Cyber Defence Pledge Conference in The Hague on Thursday (17 May), the Deputy Secretary General called for a new mindset.\n\n${STORY}`, date: '2024' },
      { text: `Group to be banned\n\nThe Home Secretary yesterday (15 January) laid a draft order before Parliament to ban the group. If agreed by Parliament, the order will come into force on 19 January 2024.\n\n${STORY}`, date: null },
      // The Official Journal's page header dates the issue; the act's own sitting line dates the act.
      { text: `C 270/54 EN Official Journal of the European Union 7.7.2021\n\nWednesday 15 January 2020\n\nP9_TA(2020)0009 Annual report on the common security and defence policy\n\nThe European Parliament,\n\n— having regard to the Treaty on European Union,`, date: '2020-01-15' },
      // A site that prints the month and day above the year and the time.
      { text: `Policy paper: National strategy for port security\n\nDepartment for Transport\n\nAugust 15\n\n10:20 2022\n\nThe strategy sets out how ports will be protected over the next five years, building on the review of 16 March 2021.`, date: '2022-08-15' },
      // A wire that copies a release prints its day month-first ("12/22/2025"): the copy's line dates it, not the act it reports.
      { text: `12/22/2025 | Press release | Distributed on 12/22/2025 04:03\n\nOn 1 December 2025, the Council adopted Decision (CFSP) 2025/2436 prolonging the measures.\n\nThe candidate countries align themselves with this decision.`, date: '2025-12-22' },
      // … and an Official Journal cited in its text is the issue of the act it recalls, no publication line of its own.
      {
        text: `12/22/2025 | Press release | Distributed on 12/22/2025 04:03\n\nOn 1 December 2025, the Council adopted Decision (CFSP) 2025/2436 prolonging the measures.\n\nThe candidate countries align themselves with Decision (CFSP) 2025/2436 (OJ L, 2025/2436, 2.12.2025).`,
        date: '2025-12-22',
      },
    ];
    itReadsEach(cases);
  });

  describe("the EU's and NATO's agencies publish their own news", () => {
    const BODY = 'Investigators from twelve member states took part, and the operation led to the arrest of nine suspects this week.';
    const cases: FormCase[] = [
      { text: `Frontex deploys officers to support border checks in the Baltic\n\n${BODY}`, publisher: 'Frontex' },
      { text: `The European Defence Agency launches a study on drones\n\n${BODY}`, publisher: 'European Defence Agency' },
      { text: `Skip to main content\n\nENISA\n\nThreat landscape report published\n\n${BODY}`, publisher: 'European Union Agency for Cybersecurity' },
      // Must not change: another's headline naming an agency is not the agency's.
      { text: `UK and Europol sign a new working arrangement\n\n${BODY}`, publisher: null },
    ];
    itReadsEach(cases);
  });

  describe('a European Commissioner named by office and surname', () => {
    const BODY = 'Good afternoon. Today we present new rules to protect the pipelines and cables our economies depend on.';
    const cases: FormCase[] = [
      { text: `Opening remarks by Commissioner Kubilius at the press conference on the defence readiness package\n\nBrussels, 19 March 2025\n\n${BODY}`, makers: ['speaker: Andrius Kubilius'], publisher: 'European Commission' },
      { text: `Speech by Executive Vice-President Virkkunen at the cybersecurity conference\n\n${BODY}`, makers: ['speaker: Henna Virkkunen'], publisher: 'European Commission' },
      // Must not change: other commissioners are no members of the College.
      { text: `Remarks by High Commissioner Grandi at the refugee forum\n\n${BODY}`, makers: [] },
    ];
    itReadsEach(cases);
  });

  describe('speakers in the forms of GOV.UK, TheyWorkForYou, Parallel Parliament, Council releases and the European Parliament\'s verbatim report', () => {
    const QUOTE = 'Security begins with cooperation between our services, and this strategy gives every member state the tools to act together.';
    const cases: FormCase[] = [
      {
        text: `Speech\n\nStrategy launch\n\nThe Home Secretary launched the updated strategy at a conference in Westminster.\n\nThis was published under the 2022 to 2024 government\nThe Rt Hon Jane Roe KC MP\n\nGood morning everybody.`,
        makers: ['speaker: Jane Roe'],
      },
      { text: `Cyber interference\n\nPhoto of Peter Stone Peter Stone Parliamentary Under-Secretary (Foreign Office) 10:53, 7 December 2023\n\n${QUOTE}`, makers: ['speaker: Peter Stone'] },
      {
        text: `Russian vessel\n\nCommons Chamber\nPeter Stone Portrait Peter Stone (South Suffolk) (Con)\n- Hansard -\n\n${QUOTE}\n\nJane Roe Portrait The Minister for the Armed Forces (Jane Roe) (Lab)\n- Hansard -\n\n${QUOTE}`,
        makers: ['speaker: Jane Roe', 'speaker: Peter Stone'],
      },
      { text: `Council sets priorities against terrorism\n\n${STORY}\n\n${QUOTE}\n\nAnna Berg, Hungarian Minister for Home Affairs\n\n${STORY}`, makers: ['speaker: Anna Berg'] },
      { text: `Debate on hybrid threats\n\nAnna Berg, President-in-Office of the Council. – Mr President, honourable Members, ${QUOTE}`, makers: ['speaker: Anna Berg'] },
      { text: `Justice and home affairs council\n\nWritten statements made before 17 November 2014 were published only in Hansard.\n\nMinistry of Justice\nMade on: 16 October 2019\n\n${QUOTE}`, makers: [], date: '2019-10-16' },
      { text: `Building resilience\n\nPanel discussion with Deputy Secretary General Peter Stone\n\nAnna Berg, Visiting Fellow, Example Institute: Good morning everybody, and welcome to this discussion of resilience.\n\n${QUOTE}`, makers: ['speaker: Anna Berg', 'speaker: Peter Stone'] },
      // Must not change: a line of keywords is no signature; a heading listing bodies, then a label, is no transcript turn.
      { text: `European Arrest Warrant, Europol and Eurojust Debate Full Debate: Read Full Debate\n\n${QUOTE}`, makers: [] },
      { text: `Capability plan revised\n\n${STORY}\n\nStrategic Compass, CARD\n\n${STORY}`, makers: [] },
    ];
    itReadsEach(cases);
  });

  describe('who spoke or answered, in the forms of news releases, event reports, verbatim reports and Parliament\'s written-questions site', () => {
    const QUOTE = 'Security begins with cooperation between our services, and this strategy gives every member state the tools to act together.';
    const NAV = '  • Home\n  • World\n  • Economy\n  • Politics\n  • Sport\n  • Opinion\n  • Culture\n  • Contact';
    const cases: FormCase[] = [
      // A portfolio before the office, and the colon straight after the verb.
      { text: `Border fund launched\n\n${STORY}\n\nHome Affairs Commissioner Anna Berg said: “${QUOTE}”`, makers: ['speaker: Anna Berg'] },
      // An opening phrase before the name, and a bracketed aside between the name and the verb.
      { text: `Inspection published\n\n${STORY}\n\nLaunching the inspection, Peter Stone said:\n\n“${QUOTE}”`, makers: ['speaker: Peter Stone'] },
      {
        text: `Naval operation launched\n\nFollowing the Council’s decision of 31 March, the Chair of the Committee on Foreign Affairs Anna Berg (EPP; DE) said: “${QUOTE}”`,
        makers: ['speaker: Anna Berg'],
      },
      // A portfolio ending in an abstract noun is no part of the name after it.
      { text: `Border guard adopted\n\n${STORY}\n\nCommissioner for Migration, Home Affairs and Citizenship Peter Stone said: “${QUOTE}”`, makers: ['speaker: Peter Stone'] },
      // An event opened by two people, one named after their office and a comma.
      {
        text: `Capability seminar\n\nThe two-day event gathered defence planners from member states and was opened by the Agency’s Chief Executive Anna Berg and the Minister of Defence of Estonia, Peter Stone.\n\n${STORY}`,
        makers: ['speaker: Anna Berg', 'speaker: Peter Stone'],
      },
      // A member of the European Parliament's verbatim report, by political group.
      { text: `The situation in Belarus (debate)\n\nAnna Berg (Verts/ALE). – Mr President, ${QUOTE}`, makers: ['speaker: Anna Berg'] },
      // The written-questions site: the asker mentioned, the answering minister the author, the answer's date the text's.
      {
        text: `Written questions and answers\n\nAsked by Peter Stone\nAsked on: 18 May 2020\nHome Office\nMigrants: English Channel\nTo ask the Secretary of State for the Home Department, whether migrants will be re-assessed for return.\nAnswered by: Anna Berg\nAnswered on: 26 May 2020\n\n${QUOTE}`,
        makers: ['author: Anna Berg'],
        date: '2020-05-26',
      },
      // … and the member who made a written statement, on the line the site labels "Made by:".
      {
        text: `Written statements\n\nMinistry of Justice\nMade on: 16 October 2019\nMade by: Baroness Berg of Example (The Lords Spokesperson)\n\nJustice Council statement\n\n${QUOTE}`,
        makers: ['author: Baroness Berg of Example'],
        date: '2019-10-16',
      },
      // A speech's title in its maker's possessive, "full speech".
      { text: `Director General’s speech on global security\n\nDirector General Anna Berg's full speech at the university (31 March 2022)\n\nGood morning and thank you for the introduction.\n\n${QUOTE}`, makers: ['speaker: Anna Berg'] },
      // A date under a headline that a menu's items push far down the page, below the day the page was saved.
      { text: `Sunday, December 14, 2025\nThe Review\n${NAV}\nNo Result\nView All Result\n${NAV}\nNo Result\nView All Result\nHome World\n\nEU launches naval operation\n\nMarch 31, 2020\n\n${STORY}`, date: '2020-03-31' },
      // Remarks at an occasion "with" others: the others were there, the remarks are one person's.
      {
        text: `Strategy launched: Remarks by the High Representative Anna Berg at the joint press conference with Vice-President Peter Stone and Commissioner John Smith\n\nCheck against delivery!\n\n${QUOTE}`,
        makers: ['speaker: Anna Berg'],
      },
      // What the Council did "today" dates the text by that day, not by the earlier decision the same sentence recalls.
      // Must not change: the date given for "today" itself.
      { text: `The Prime Minister will tell a gathering of European leaders in Chișinău, Moldova today (1 June 2023) that borders must be secured.\n\n${STORY}`, date: '2023-06-01' },
      { text: `EU-NATO cooperation: progress report\n\nThe Council today took note of the progress report on the proposals endorsed by both Councils on 6 December 2016 and 5 December 2017.\n\n${STORY}`, date: null },
      // A European Parliament motion's members, tabling it for their group; a surname's particles kept.
      {
        text: `MOTION FOR A RESOLUTION on the future of European defence\n5.3.2025 - (2025/2565(RSP))\npursuant to Rule 136(2) of the Rules of Procedure\nAnna Berg, Jan van der Stone, Maria de la Cruz\non behalf of the Renew Group\nThe European Parliament,\n– having regard to Title V of the Treaty on European Union (TEU), in particular Chapter Two, Section Two thereof on provisions on the common security and defence policy (CSDP),`,
        makers: ['author: Anna Berg', 'author: Jan van der Stone', 'author: Maria de la Cruz'],
      },
      // A quotation closed by its speaker, whose surname has a particle, on a line of its own.
      { text: `Council approves conclusions\n\n${STORY}\n“${QUOTE}”\nPetra de Stone, Belgian deputy prime minister and minister for telecommunication\n${STORY}`, makers: ['speaker: Petra de Stone'] },
      // A country's or a body's word before the office, in an event's list of keynote speakers.
      {
        text: `Resilience symposium\n\nThe symposium featured keynote addresses from several leaders, including Slovakian Prime Minister Anna Berg and Estonian Minister for the Interior Peter Stone.\n\n${STORY}`,
        makers: ['speaker: Anna Berg', 'speaker: Peter Stone'],
      },
      // "In the words of …, “…”" and "In her welcoming remarks, …, underlined": whose words these are.
      {
        text: `Anniversary exhibit opened\n\n${STORY}\n\nIn the words of the Centre’s Director Ambassador Anna Berg, “${QUOTE}”\n\nIn her welcoming remarks, Ambassador Maria Stone, Deputy Head of the Permanent Representation, underlined the Presidency’s support for the Centre.`,
        makers: ['speaker: Anna Berg', 'speaker: Maria Stone'],
      },
      // A joint press point "with" another leader: both spoke.
      { text: `Joint press conference\n\nby NATO Secretary General Anna Berg with the President of Finland Peter Stone at the Allies Summit.\n\n${QUOTE}`, makers: ['speaker: Anna Berg', 'speaker: Peter Stone'] },
      // Parliament's open data: the member of a contribution.
      { text: `UK Parliament / Open data\n\nSituation in the Red Sea\n\nProceeding contribution from Peter Stone (Conservative) in the House of Commons on Wednesday, 24 January 2024.\n\n${QUOTE}`, makers: ['speaker: Peter Stone'] },
      // A written answer's minister without a colon; someone the answer reports speaking elsewhere is only mentioned.
      {
        text: `Asked by: Lord Smith (Crossbench - Life peer)\nQuestion to the Foreign Office:\nTo ask His Majesty's Government what discussions they have had with technology companies about sabotage.\nAnswered by Baroness Berg of Example - Minister of State (Development)\nIn her speech on 9 December 2025, to mark the centenary of the treaty, the Foreign Secretary highlighted the challenge Russian interference poses.`,
        makers: ['author: Baroness Berg of Example'],
      },
      // A title in capitals: the maker, the genre, its occasion.
      { text: `Minister Anna Berg Speech at the Parliamentary Partnership Assembly Plenary - 17 November\n\nIntroduction\n\n${QUOTE}`, makers: ['speaker: Anna Berg'] },
      // A quotation closed by the office of its speaker, written in full, on the text's date.
      { text: `Prime Minister meets leaders\n\n10 March 2025\n\n“${QUOTE}” said the Prime Minister.\n\n${STORY}`, makers: ['speaker: Keir Starmer'] },
      // A day whose year the saved page ran into the reading time after it.
      { text: `Skip to main content\nDefence Industry and Space\nNews article17 November 20221 min read\n\nWelcome to the new programme\n\n${STORY}`, date: '2022-11-17' },
      // Must not change: words cited from elsewhere ("As … noted, “…”") are no speaker's here.
      { text: `Defence summit\n\n${STORY}\n\nAs Peter Stone noted, “We are not at war, but we are certainly not at peace.”\n\n${STORY}`, makers: [] },
    ];
    itReadsEach(cases);
  });

  describe('a peer named short after being named in full is one person', () => {
    itReadsEach([
      {
        text: `Lords debates the situation in Ukraine\n\nLord Stone of Example (Conservative), Minister of State at the Foreign Office, put forward the debate.\n\nOpening the debate, Lord Stone said: “${STORY}”`,
        makers: ['speaker: Lord Stone of Example'],
      },
    ]);
  });

  describe('who made the text, in the forms of wire copy, catalogue pages and parliamentary pages', () => {
    itReadsEach([
      // A lede whose subject is an office and its holder's full name, the office one the table of offices does not hold.
      { text: `Minister's speech to the cyber conference\n\nChancellor of the Duchy of Lancaster, Anna Berg, addressed attendees of the cyber conference in Glasgow.\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      { text: `Veterans conference\n\nThe Minister for Veterans Peter Stone gave a speech at the annual conference of armed forces charities.\n\n${SPOKEN}`, makers: ['speaker: Peter Stone'] },
      // Must not change: a subject who holds no office, and an office without its holder's name.
      { text: `Cyber conference\n\nAnna Berg, a researcher at the institute, addressed attendees of the cyber conference in Glasgow.\n\n${STORY}`, makers: [] },
      { text: `Cyber conference\n\nThe Chancellor of the Duchy of Lancaster addressed attendees of the cyber conference in Glasgow.\n\n${STORY}`, makers: [] },
      // A catalogue's empty "Authors" field above its next label; a body's name after the speaker's office: no one.
      { text: `${STORY} This briefing summarises the sanctions in place.\nAuthors\nRelated Organizations\n- Published in\n- United Kingdom`, makers: [] },
      { text: `Speech by Commissioner Berg to the European Police Congress “Internal security and democracy”\n\n${SPOKEN}`, makers: [] },
      // A chamber's label run into a member's line.
      { text: `(5 months, 1 week ago)\nCommons Chamber Anna Berg (Dover and Deal) (Lab)\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      // An office before its holder's name in commas, opening the line that introduces the quotation.
      { text: `New cyber laws\n\n${STORY}\n\nSecretary of State for Science, Innovation, and Technology, Anna Berg, said:\n\n“${SPOKEN}”`, makers: ['speaker: Anna Berg'] },
      // A speech page's summary in the present tense, also after a saved page's date label and with "recently (date)".
      { text: `Malign activity in the region\n\nDeputy Ambassador Anna Berg underlines the increased scale and intensity of the hybrid threat now faced by many states.\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      { text: `date 2025-07-07 Deputy Ambassador Peter Stone recently (04 July 2025) delivered a statement on behalf of the UK and Canada on malign activity.\n\n${SPOKEN}`, makers: ['speaker: Peter Stone'] },
      // A quotation's signature run into its closing mark by a saved page.
      { text: `Council agrees its position on returns\n\n${STORY}\n\n“${SPOKEN}”Anna Berg, Minister for Immigration and Integration`, makers: ['speaker: Anna Berg'] },
      // A title's capitals: a preposition after the name is no part of it; "Both Ministers" are no one.
      { text: `Press Remarks by Minister Anna Berg After the Foreign Affairs Council Meeting\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      { text: `Joint statement on the Channel\n\nBoth Ministers underlined their continued commitment to fight all forms of illegal immigration across the Channel.`, makers: [] },
      // An evidence session's "Witnesses" line above the list of them; a letter's title names its writer.
      {
        text: `Oral evidence: Deterrence, HC 338\n\nMembers present: Anna Berg (The Chair); Lord Stone.\n\nWitnesses\n\nProfessor Peter Stone, Director, Example Institute; Dr Maria Roe, Senior Lecturer, University of Example.\n\n${STORY}`,
        makers: ['chair: Anna Berg', 'speaker: Maria Roe', 'speaker: Peter Stone'],
      },
      // … and a letter is no paper, whatever report it mentions.
      {
        text: `Correspondence\n\nLetter from Peter Stone to the Prevent Network (accessible version)\n\nDear Practitioner,\n\nI am writing to you about the review's report, which sets out recommendations for the programme and for your work.`,
        makers: ['author: Peter Stone'],
        type: 'other',
      },
      // Must not change: a letter told of in the story.
      { text: `Ministers reply\n\nThe committee received a letter from Peter Stone last week. ${STORY}`, makers: [] },
      // A law's name and a police force are no people.
      { text: `Briefing on the Bill\n\nThe Government's Nationality and Borders Bill has three stated objectives: fairness, deterrence and removal.`, makers: [] },
      { text: `Smuggling network dismantled\n\nThe unit, facilitated by Kent Police and led by the agency, shared information with Europol.`, makers: [] },
      // A report's rapporteur on its label wrote it; a bill's rapporteur in a story is mentioned.
      { text: `Opinion on European defence\n\nRapporteur: Peter Stone\n\n${STORY}`, makers: ['author: Peter Stone'] },
      { text: `Asylum claims to be examined more quickly\n\nThe bill, by rapporteur Anna Berg (ES, S&D), was confirmed with 301 votes in favour, 272 against and 46 abstentions.`, makers: [] },
    ]);
  });

  describe('a date in the forms of wire copy and consultation pages', () => {
    const BRIEF = `(IN BRIEF) ${STORY} ${STORY} ${STORY} ${STORY} ${STORY}`;
    itReadsEach([
      // A wire's kicker before its dateline, the day joined to its month by hyphens.
      { text: `Agency welcomes new register\n\n${BRIEF}\n\n(PRESS RELEASE) THE HAGUE, 31-Oct-2023 — /Wire/ — ${STORY}`, date: '2023-10-31' },
      { text: `Agency welcomes new register\n\n${BRIEF}\n\nLONDON, 5-May-2025 – ${STORY}`, date: '2025-05-05' },
      // A consultation is dated by the day it opened, not the day it closed or its results were updated.
      { text: `Resilience Strategy Call for Evidence\n\nClosed 27 Sep 2021\n\nOpened 13 Jul 2021\n\nResults updated 7 Jan 2022\n\n${STORY}`, date: '2021-07-13' },
      // A day run into the words on both sides of it by a saved page.
      { text: `Skip to main content\nMigration and Home Affairs\nNews article5 June 2024Directorate-General for Migration and Home Affairs1 min read\n\nForum welcomes new members\n\n${STORY}`, date: '2024-06-05' },
      // An act cited in a list of references heads nothing: the dateline above it dates the text.
      { text: `Capacity progress report\n\nContents\n\n- Brussels, 6.6.2025\n- Contents\n- 1. Executive Summary\n- Commission Recommendation of 8 February 2023 on Union disaster resilience goals\n\n${STORY}`, date: '2025-06-06' },
      // Must not change: an event that opened on a day, told in the story, is no publication line.
      { text: `Exhibition on European defence\n\nPublished 2 June 2024\n\nThe exhibition opened on 12 May 2024 in Brussels. ${STORY}`, date: '2024-06-02' },
    ]);
  });

  describe('who spoke or wrote, in a record of turns, a motion tabled group by group, a joint press point and a quotation introduced in apposition', () => {
    itReadsEach([
      // A press point given by two: the second named by office and country, then name.
      {
        text: `Joint press point\n\nby NATO Secretary General Anna Berg and the Prime Minister of Norway, Peter Stone\n\n(As delivered)\n\n${SPOKEN}`,
        makers: ['speaker: Anna Berg', 'speaker: Peter Stone'],
      },
      // A peer whose title names a place of two words, captioned above their words.
      { text: `Lords Chamber\nBaroness Roe of Upper Norwood Portrait Baroness Roe of Upper Norwood (Con)\n- View Speech - Hansard\n\n${SPOKEN}`, makers: ['speaker: Baroness Roe of Upper Norwood'] },
      // A quotation's speaker named between their office and what more is said of them; or before what the words are on.
      {
        text: `Regions warn on border closures\n\n${STORY}\n\nThe rapporteur for the committee's opinion on border governance, Anna Berg (DE/PES), vice-president of the city parliament, said: "${SPOKEN}"`,
        makers: ['speaker: Anna Berg'],
      },
      { text: `Strategy launched\n\n${STORY}\n\nPresident Anna Berg on the Strategy: “${SPOKEN}”`, makers: ['speaker: Anna Berg'] },
      { text: `Strategy launched\n\n${STORY}\n\nCommissioner for Preparedness and Crisis Management, Peter Stone shared: "${SPOKEN}"`, makers: ['speaker: Peter Stone'] },
      { text: `Smuggling conference\n\nMinister Anna Berg this week gave the keynote speech at the second conference of the alliance in Brussels.\n\n${STORY}`, makers: ['speaker: Anna Berg'] },
      // A member's surname in capitals before their group in brackets, as the European Parliament prints it.
      { text: `MEPs debate foreign interference\n\n${STORY}\n\nAnna BERG (S&D, FR), chair of the committee, said: "${SPOKEN}"`, makers: ['speaker: Anna Berg'] },
      // Members putting questions to a guest; "MEPs" is no name.
      { text: `Committee debate on hybrid threats\n\nMEPs in the special committee quizzed EU High Representative Anna Berg on her plans to counter hybrid threats.\n\nSome MEPs asked for concrete steps against disinformation.`, makers: ['speaker: Anna Berg'] },
      // A speech marked "(As prepared)" was given, whatever its byline says.
      { text: `by NATO Deputy Secretary General Anna Berg at the spring meeting of the board\n\n(As prepared)\n\nThank you Peter for the kind introduction.\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      // An office's portfolio of regions, or ending in a word a name seems to open, is no name.
      { text: `Security situation\n\nStatement delivered by EEAS Managing Director for Eastern Europe, Russia, Central Asia, regional cooperation and OSCE, Mr. Peter Stone\n\n${SPOKEN}`, makers: ['speaker: Peter Stone'] },
      { text: `Summit on the Balkans\n\n${STORY}\n\nMinister for Border Security and Asylum Anna Berg said:\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      // Must not change: two people, each with an office whose portfolio ends in an office's word, joined by "and".
      {
        text: `Counter-terrorism dialogue\n\nThe UK delegation was chaired by Anna Berg, Director General for Homeland Security and Peter Stone, Director of Counter-Terrorism Strategy in the Home Office, who were accompanied by officials.`,
        makers: ['chair: Anna Berg', 'chair: Peter Stone'],
      },
      // Must not change: a rank, a name and the office after it, then "said:".
      {
        text: `Space Command at one\n\nThe command runs the satellite communications\nand the national operations centre.\nAir Chief Marshal Sir Anna Berg, the Chief of the Air\nStaff, said:\nWe are all dependent on space. It is fundamental\nto our security and to our way of life.`,
        makers: ['speaker: Anna Berg'],
      },
      // A quotation's speaker after it with the verb last; a quotation signed on two lines, name and office.
      { text: `Ministers set expectations\n\n${STORY}\n\n“${SPOKEN}” Anna Berg, the Agency’s Chief Executive, commented.`, makers: ['speaker: Anna Berg'] },
      { text: `Strategy published\n\n${STORY}\n\n"${SPOKEN}"\n\nAir Chief Marshal Sir Peter Stone\n\nChief of the Air Staff\n\n${STORY}`, makers: ['speaker: Peter Stone'] },
      // The European Parliament's written question names the member who put it.
      { text: `Parliamentary questions\n\nQuestion for written answer E-004009/2021\nto the Commission\nRule 138\nAnna Berg (ECR)\n\nSubject: Migrants used as a tool\n\n${STORY}`, makers: ['author: Anna Berg'] },
      // A speech headed by an office, its holder's surname and the occasion.
      { text: `Commissioner Johansson EP Plenary 11 November 2020\n\nThank you President, Honourable Members of the Parliament.\n\n${SPOKEN}`, makers: ['speaker: Ylva Johansson'] },
      // Not its makers: the one whose address a statement answers; an agenda's "the report by …" (its rapporteur).
      { text: `EU Statement in response to the address by the Minister of Foreign Affairs of Norway, Anna Berg\n\n${SPOKEN}`, makers: [] },
      { text: `President. – The next item is the joint debate on:\n\n– the report by Anna Berg, on behalf of the Committee on Foreign Affairs, on the implementation of the common foreign and security policy (A9-0389/2023).\n\nPeter Stone, President-in-Office of the Council. – Madam President, ${SPOKEN}`, makers: ['speaker: Peter Stone'] },
      // Must not change: "shared" as a lede says what people have in common, not what they said.
      { text: `Foreign Secretary Anna Berg, and the High Representative, Peter Stone, met today to exchange views with ministers on shared security challenges facing Europe.`, makers: [] },
      // Must not change: an apposition that names no one.
      { text: `Regions warn on border closures\n\n${STORY}\n\nThe head of the delegation, a former diplomat, said: "${SPOKEN}"`, makers: [] },
      // A motion's members, group after group, its lines run together.
      {
        text: `MOTION FOR A RESOLUTION on the future partnership\n7.2.2020 - (2020/2557(RSP))\npursuant to Rule 132(2) of the Rules of Procedure\n\nAnna Berg, Group Coordinator Peter Stone\non behalf of the PPE Group\nMaria Roe\non behalf of the S&D Group\nJohn Doe, Jane Roe\non behalf of the Renew Group\n\nThe European Parliament,`,
        makers: ['author: Anna Berg', 'author: Jane Roe', 'author: John Doe', 'author: Maria Roe', 'author: Peter Stone'],
      },
      // A briefing's box on a file's procedure names the members who handle the file, not the briefing's writers.
      { text: `EU space programme\n\nCommittee responsible: Industry (ITRE) Rapporteur: Anna Berg (EPP) Shadow rapporteurs: Peter Stone (S&D), Maria Roe (Renew)\n\n${STORY}`, makers: [] },
      // What a delivered speech reports another saying, without quoting them, was said elsewhere.
      {
        text: `Opening remarks\n\nby NATO Deputy Secretary General Anna Berg at the committee\n\n(As delivered)\n\nGood morning, everyone.\n\nI know the Secretary General, Peter Stone, was delighted to attend your meeting in January.\n\nThe Secretary General said it himself when he was here in January, the security situation is deeply worrying.`,
        makers: ['speaker: Anna Berg'],
      },
      // A record of a debate that heads each contribution with its member's name, their seat or office between.
      {
        text: `Relationships with partners - 22 October 2024\n\nLab\nAnna Berg\nMacclesfield\n9. What recent progress he has made on relationships with partners.\nPeter Stone\nThe Minister of State, Foreign Office\n${SPOKEN}\nAnna Berg\n${STORY}\nPeter Stone\n${SPOKEN}\nCon\nSir John Doe\nNew Forest East\n${STORY}`,
        makers: ['speaker: Anna Berg', 'speaker: John Doe', 'speaker: Peter Stone'],
      },
      // … and a question and its answer, each in its speaker's own words, a time between name and words.
      {
        text: `Original Transcript\n\nAnna Berg\n11:42\n\nI thank the Minister for his answer, and I ask him to consider recommitting troops to the operation.\n\nPeter Stone\n\nI think the hon. Member heard what I said a moment ago: we regularly engage with the mission and its partners.`,
        makers: ['speaker: Anna Berg', 'speaker: Peter Stone'],
      },
      // Must not change: a page of biographies names each person once.
      { text: `Our team\n\nAnna Berg\n${STORY}\nPeter Stone\n${STORY}\nMaria Roe\n${STORY}`, makers: [] },
      // Dates: a numeric date month-first where the text gives the same day in words; the Official Journal cited; a line of issue.
      { text: `Agency arrests nine\n\n11/06/2024 | Press release | Distributed on 11/06/2024 05:55\n\n${STORY}\n\nAt its General Assembly, the organisation today (6 November) announced results.`, date: '2024-11-06' },
      { text: `Agency arrests nine\n\n11/06/2024 | Press release | Distributed on 11/06/2024 05:55\n\n${STORY}\n\nAt its General Assembly, the organisation announced results.`, date: '2024-06-11' },
      {
        text: `This document is an excerpt from the EUR-Lex website\n\nDocument 32023R1234\n\nRegulation (EU) 2023/1234 of the European Parliament and of the Council of 10 May 2023 on the agency's mandate\nOJ L 150, 30/05/2023, p. 1–20\nIn force\n30.5.2023 |\nEN |\nOfficial Journal of the European Union |\n\n${STORY}`,
        date: '2023-05-10',
      },
      // A distributor's line giving the genre after the date outranks a republishing blog's date bar above it.
      { text: `Σελίδες\n\nΤρίτη 20 Μαΐου 2025\n\nCOUNCIL OF THE EUROPEAN UNION,update\n\n19/05/2025 17:06 | Press release |\n\nBorder management: Council strikes agreement\n\n${STORY}`, date: '2025-05-19' },
      // A date in another EU language's words, year first as Lithuanian and Hungarian write it.
      { text: `Posėdžio stenograma\nTrečiadienis, 2024 m. vasario 28 d. - Strasbūras\n\n${STORY}`, date: '2024-02-28' },
      { text: `Wednesday 16 June 2021\n\nSummit Communiqué\n\nIssued by the Heads of State and Government participating in the meeting of the Council in Brussels 14 June 2021\n\n1. ${STORY}`, date: '2021-06-14' },
    ]);
  });

  describe('who spoke or wrote, where an office, an agreement or a clause stands beside the names', () => {
    itReadsEach([
      // A quotation's speaker after an office in commas whose portfolio ends in capitalised words.
      {
        text: `Committee opens inquiry\n\n4 March 2021\n\n${STORY}\n\nChair of the Sub-Committee on Foreign Ownership in the Energy Grid Sector, Anna Berg MP, said:\n\n“We will look at every link in the chain.”`,
        makers: ['speaker: Anna Berg'],
      },
      // The office after its holder, its portfolio opened by "the": the portfolio is no second person.
      {
        text: `New scheme for secure networks\n\n4 March 2021\n\n${STORY}\n\nAnna Berg, Commissioner for the Single Market, said: “Trust in our networks is not optional.”`,
        makers: ['speaker: Anna Berg'],
      },
      // A work the text cites was written by someone else; the text's own line names its writer.
      {
        text: `Proposal for a regulation\n\n${STORY}\n\nThis observation has been confirmed by the report on the future of European competitiveness, authored by Professor Peter Stone.\n\n${STORY}`,
        makers: [],
      },
      { text: `Defence in Europe\n\nThis briefing was prepared by Anna Berg.\n\n${STORY}`, makers: ['author: Anna Berg'] },
      // What leaders welcomed is no speaker: an operation named like a person ("Prosperity Guardian").
      { text: `PM call with the President\n\n${STORY}\n\nThe leaders condemned the attacks on shipping. They welcomed efforts such as Harbour Sentinel and Operation Aspides to restore stability.`, makers: [] },
      // A clause with its own verb before the speaking one: its words are no subject to read a name from.
      { text: `PM call with the President\n\n${STORY}\n\nThe two leaders and President Anna Berg expressed their concern at the attacks, and underscored the importance of restraint.`, makers: [] },
      // A call's readout: whom the Prime Minister spoke to is a conversation, not a speech. Must not change: words to the House.
      { text: `PM call with the President\n\n10 March 2025\n\nThe Prime Minister spoke to European Commission President, Anna Berg, this afternoon.\n\n${STORY}`, makers: [] },
      { text: `Statement on the summit\n\n10 March 2025\n\nThe Prime Minister spoke to the House of Commons this afternoon about the summit.\n\n${STORY}`, makers: ['speaker: Keir Starmer'] },
      // A GOV.UK speech's name line under its standfirst, the standfirst naming the speaker by office and surname.
      { text: `Speech\n\nUK statement to the Ministerial Council\n\nAmbassador Berg addresses the Council on the UK's support for Ukraine.\n\nAnna Berg\n\nThank you, Chair. ${STORY}`, makers: ['speaker: Anna Berg'] },
      // A state's own name among the offices of a statement's makers is no one ("… of Great Britain and Northern Ireland").
      {
        text: `Strategic Dialogue: third session\n\nJoint statement by Anna Berg MP, Minister for Europe of the United Kingdom of Great Britain and Northern Ireland, and Peter Stone, State Secretary for Foreign Affairs of the Republic of Moldova. 30 April 2024\n\n${STORY}`,
        makers: ['author: Anna Berg', 'author: Peter Stone'],
      },
      // A quotation closed without a stop, signed by a body's officer, the signature ending with one.
      { text: `New command office opens\n\n${STORY}\n\n"With these new bases we are closer to the border and ready to respond quickly to challenges as they arise" Anna Berg, Frontex Deputy Executive Director for Operations.`, makers: ['speaker: Anna Berg'] },
      // A committee's page of written evidence, titled by its submitters.
      { text: `Anna Berg and Peter Stone, Centre for Security Studies – Written Evidence (RUI0005)\n\n1. How would you assess the response?\n\n${STORY}`, makers: ['author: Anna Berg', 'author: Peter Stone'] },
      // A salutation opening the chair's words is no person.
      {
        text: `Debate on security in Europe\n\n4 March 2021\n\nPresident. – The next item is the debate on security in Europe.\n\nDear Colleagues, as announced at the beginning of this part-session, our agenda is dominated by one subject.\n\n${STORY}`,
        makers: [],
      },
      // An opening phrase naming an agreement before the speaker: the agreement's name is no person.
      {
        text: `Minister on the accord\n\n4 March 2021\n\nSpeaking on the Black Sea Grain Agreement, the Secretary of State for Trade, Peter Stone said:\n\n“Our aim is unchanged.”`,
        makers: ['speaker: Peter Stone'],
      },
      // A bare office that speaks is the person the text names with it, a shadow office as much as any other.
      {
        text: `Minister makes statement\n\n4 March 2021\n\nThe Minister for Trade, Peter Stone, made a statement on export controls. Responding for the Opposition, Shadow Trade Secretary Anna Berg expressed her support.\n\nThe Shadow Trade Secretary said:\n\n“We support the measures announced today.”`,
        makers: ['speaker: Anna Berg', 'speaker: Peter Stone'],
      },
      // A standfirst naming the speaker before an office whose portfolio runs on ("… and the Overseas Territories").
      {
        text: `Minister's speech at the assembly\n\nPeter Stone, Minister of State for the Caribbean, the Pacific and the Overseas Territories, outlines how the partnership will grow.\n\n${SPOKEN}\n\nI am glad to be here, and we will work with every partner in the room.`,
        makers: ['speaker: Peter Stone'],
      },
      // A statement by an institution on a meeting between two leaders: the leaders did not issue it.
      {
        text: `Statement by the European Commission following the meeting between President Anna Berg and Prime Minister Peter Stone\n\nBrussels, 4 March 2021\n\n${STORY}`,
        makers: [],
      },
      // The chair of a meeting, and who hosted it: the host did not chair.
      { text: `Leaders' retreat\n\n${STORY} The meeting was chaired by the President of the European Council, Anna Berg, and hosted by the Prime Minister of Malta, Peter Stone.`, makers: ['chair: Anna Berg'] },
      // Words a speech cites from a writer long dead are not the writer speaking.
      { text: `Speech by Commissioner Anna Berg at the forum\n\n${SPOKEN}\n\nVictor Hugo once said: “No army can stop an idea whose time has come.” And that is true today.`, makers: ['speaker: Anna Berg'] },
      // A quotation a pronoun introduces is the words of the one person the sentence before names.
      {
        text: `Agency presents its report\n\n4 March 2021\n\nThe annual report was presented today by the agency's Director, Ms Anna Berg, to the committee. On this occasion, she stated: ‘Our work never stopped.’\n\n${STORY}`,
        makers: ['speaker: Anna Berg'],
      },
      // … but not when that sentence names two people.
      {
        text: `Agency presents its report\n\n4 March 2021\n\nThe report was presented by Ms Anna Berg and Mr Peter Stone to the committee. Afterwards, he said: ‘Our work never stopped.’\n\n${STORY}`,
        makers: [],
      },
      // A written statement whose page puts the minister's name over their office, the statement below in the first person.
      {
        text: `Minister for Trade written statement – made at on 4 March 2021.\nPeter Stone\nMember for Lewes, The Minister for Trade\nI attended the meeting of trade ministers in Geneva on 1 March. ${STORY}`,
        makers: ['author: Peter Stone'],
      },
      // Members named as issuing the statement below, each with an office before and a group in brackets after.
      {
        text: `Members on the summit\n\n${STORY}\nAhead of the meeting, the following MEPs issued a statement: Chair of the Committee on Security, Anna Berg (EPP, Sweden), and the committee's rapporteur on the partnership, Peter Stone (S&D, Ireland):\n“We welcome the summit and its outcome.”`,
        makers: ['author: Anna Berg', 'author: Peter Stone'],
      },
      // A column introduced by an opening phrase, its writer by office and name, the column in the first person below.
      {
        text: `Several rounds of talks took place in Brussels before the arrangement was signed in April.\n\nIn the following column, EUSC Chief Executive Anna Berg reflects on what the arrangement means.\n\nThe stakes could not be higher. We have seen war return to Europe, and I believe we have built a basis for cooperation.\n\nWe at the centre have so far concluded arrangements with four partners, and I expect more to follow this year.`,
        makers: ['speaker: Anna Berg'],
      },
      // A title naming the speaker before the genre of their words.
      { text: `Commissioner Anna Berg: Keynote speech at the Security Research Conference 2026\n\n28.01.2026\n\nDear friends,\n\nIt is a pleasure to be here today.`, makers: ['speaker: Anna Berg'] },
      // … but a title's topic before "remarks by" someone is no one.
      { text: `Security Black Sea: remarks by Commissioner Anna Berg at the press conference\n\nBrussels, 8 April 2024\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      // A past government's banner run into the page's line naming who gave the speech.
      {
        text: `Speech\n\nCrossroads: the future of European security\n\nThe ambassador gave a lecture at the university.\n\nThis was published under the 2016 to 2019 May Conservative government\nAnna Berg\n\nIt is a great honour to be invited to give this lecture, and I thank the university for it.`,
        makers: ['speaker: Anna Berg'],
      },
      // A person introduced by office and name in one paragraph who speaks by surname in a later one.
      {
        text: `Deputy Secretary General at the forum: we stand with our partners\n\n21 Sep. 2023\n\nNATO Deputy Secretary General Anna Berg visited the institute on Thursday.\n\nMs Berg highlighted the decisions taken at the summit and the work ahead.`,
        makers: ['speaker: Anna Berg'],
      },
      // A genre line and the line below naming who gave the press conference.
      { text: `Press conference\n\nwith NATO Secretary General Anna Berg and the Prime Minister of Malta, Peter Stone\n\n(As delivered)\n\n${SPOKEN}`, makers: ['speaker: Anna Berg', 'speaker: Peter Stone'] },
      // A transcript's turn whose speaker's outlet stands in brackets.
      { text: `Joint press point\n\n${SPOKEN}\n\nJane Roe (Reuters): Minister, what will the allies put forward?\n\n${SPOKEN}`, makers: ['speaker: Jane Roe'] },
      // A Lords question put to a minister by name, the answer below unheaded.
      { text: `Trade Council\n\nVolume 817: debated on Thursday 16 December 2021\n\nTo ask the Minister of State at the Cabinet Office (Lord Stone of Ely) what is the agenda for the next meeting.\n\nMy Lords, we have not yet agreed a date for the next meeting.`, makers: ['speaker: Lord Stone of Ely'] },
      // A GOV.UK speech's standfirst names its speaker, whatever the verb, on a page headed "Speech".
      { text: `Speech\n\nSpecial meeting on the crisis: UK statement\n\nUK Ambassador Anna Berg calls out the government for its record and expresses solidarity.\n\nThank you Mr Chair.\n\nIt is almost two weeks since the crisis began, and the facts are plain.`, makers: ['speaker: Anna Berg'] },
      // A title in the maker's possessive after a saved page's date label.
      { text: ` date 2026-01-08 Prime Minister Anna Berg's remarks after the leaders' meeting in Paris.\n\nIt's important that we are starting the year like this.`, makers: ['speaker: Anna Berg'] },
      // A statement made on behalf of a body by a named ambassador, after the dateline that opens its line.
      { text: `EU Statement at the Security Council\n\n30 October 2024, New York - Statement on behalf of the European Union by H.E. Ambassador Anna Berg, Head of the Delegation, at the Security Council Briefing\n\nPresident,\n\nI have the honour to speak on behalf of the European Union.`, makers: ['speaker: Anna Berg'] },
      // Words a speaker quotes from another's statement elsewhere are not that person speaking.
      { text: `Committee report debate\n\nAnna Berg Portrait Anna Berg (LD)\n\nMy Lords, I welcome the report.\n\nPeter Stone also said in his Statement this week, quite rightly:\n\n“We stand with our partners.”`, makers: ['speaker: Anna Berg'] },
      // A name with a non-breaking hyphen, as the European Parliament prints it.
      { text: `MOTION FOR A RESOLUTION on the situation\n\n3.10.2022 - (2022/2851(RSP))\n\nAnna Berg, Viola von Stone\u2011Roe, Peter Stone\non behalf of the Verts/ALE Group`, makers: ['author: Anna Berg', 'author: Peter Stone', 'author: Viola von Stone-Roe'] },
      // A committee's chair marked in its list of members, a peer written with "The".
      { text: `European Affairs Committee\n\nCorrected oral evidence\n\nMembers present: The Earl of Stone (The Chair); Lord Roe of Ely; Baroness Berg.\n\n${STORY}`, makers: ['chair: Earl of Stone'] },
      // A lecture named after people is no person.
      { text: `Speech by NATO Secretary General Anna Berg - Ambassador John and Mary Roe Lecture on Global Governance, City University\n\n(As delivered)\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      // A sentence attributed after a comma, without quotation marks, to an office holder whose portfolio runs into their name.
      { text: `The era of naive Europe is over, says Commissioner\n\nMEPs met the Commissioner on Thursday.\n\nThe era of naive Europe is over, said Commissioner for Internal Market Anna Berg, during a discussion with MEPs.`, makers: ['speaker: Anna Berg'] },
      // A person introduced by office and name who then speaks by surname alone, and one quoted with "he said" after.
      {
        text: `Agency conference\n\nThe Agency must lead, High Representative Anna Berg told the conference.\n\nMember States must give the Agency more power, Berg said, recalling the leaders' call.\n\nPeter Stone, Commissioner for Space, backed a stronger agency. “Europe can do more,” he said.`,
        makers: ['speaker: Anna Berg', 'speaker: Peter Stone'],
      },
      // … with a member's part in brackets, and those who spoke "under the catch-the-eye procedure".
      {
        text: `Minutes\n\nWednesday, 17 April 2019 - Strasbourg\n\nThe following spoke: Anna Berg (rapporteur for the opinion of the AFET Committee).\n\nThe following spoke under the catch-the-eye procedure: Jane Roe, Peter Stone and John Doe.`,
        makers: ['speaker: Anna Berg', 'speaker: Jane Roe', 'speaker: John Doe', 'speaker: Peter Stone'],
      },
      // The European Parliament's minutes: who made the statements, and "The following spoke:" member by member.
      {
        text: `Minutes\n\nWednesday, 21 October 2020 - Brussels\n\nAnna Berg (President of the European Council) and Peter Stone (Vice-President of the Commission) made the statements.\n\nThe following spoke: Jane Roe, on behalf of the PPE Group, John Doe, non-attached Member, Carles Puigdemont i Casamajó and Maria Fern.`,
        makers: ['speaker: Anna Berg', 'speaker: Carles Puigdemont i Casamajó', 'speaker: Jane Roe', 'speaker: John Doe', 'speaker: Maria Fern', 'speaker: Peter Stone'],
      },
      // A quotation signed in brackets after it, an aside bracketed within.
      { text: `Newsletter\n\n${STORY}\n\n“Criminals adapt quickly, and so do we.” (Anna Berg, President of the Agency, addressing the Justice and Home Affairs (JHA) Council)`, makers: ['speaker: Anna Berg'] },
      // Hansard's announcement of the member who will make a committee's statement.
      { text: `Channel crossings\n\nVolume 718: debated on Thursday 21 July 2022\n\nWe now come to the Select Committee statement. The right hon. Member for Lewes (Dame Anna Berg), representing the Home Affairs Committee, will speak for up to 10 minutes.`, makers: ['speaker: Anna Berg'] },
      // A minister's report of a meeting they attended: the meeting's chair did not make it.
      { text: `Foreign Affairs Council 4 March 2021\n\nI attended the Foreign Affairs Council on 4 March. It was chaired by the High Representative, Anna Berg. ${STORY}`, makers: [] },
    ]);
  });

  describe("a date the body gives is not the report's or the statement's own", () => {
    itReadsEach([
      // A report's numbered paragraph recalls an earlier day; its "Date Published" line dates it.
      { text: `Sanctions on the regime\n\nAuthor: Trade Committee\n\nDate Published: 23 March 2022\n\n1 Introduction\n\n1. On 24 February 2022, the invasion began. ${STORY}`, date: '2022-03-23' },
      // Where a span of time starts dates nothing either.
      { text: `The effect on defence\n\nThis chapter analyses developments in the defence relationship since the Russian invasion on 24 February 2022, taking into account later events. ${STORY}`, date: null },
      // A month on its own line with a stop dates a command paper before its "Updated" line.
      { text: `Corporate report\n\nIndustrial strategy\n\nUpdated 26 March 2021\n\nPresented to Parliament by the Secretary of State for Defence by Command of Her Majesty.\n\nMarch 2021.\n\n${STORY}`, date: '2021-03' },
      // A date opening the lede before a dash dates the speech above a page's later "date:" line.
      { text: `Speech by the President at the plenary\n\n1 March 2022 - The President delivered a speech at the plenary.\n\ndate:  04/03/2022\n\n${SPOKEN}`, date: '2022-03-01' },
      // A GOV.UK page's format label is no title; its "Updated" line dates a revision, after the title's own date.
      { text: `Transparency data\n\nFirst meeting minutes: Specialised Committee on Police Cooperation and the Exchange of Criminal Records, 19 October 2021\n\nUpdated 5 December 2024\n\n${STORY}`, date: '2021-10-19' },
      // … but a date only the body gives ("The rules changed on 1 January 2021") does not come before it.
      {
        text: `Guidance\n\nTravelling with pets\n\nHow to travel with a pet dog, cat or ferret from Great Britain to the EU and Northern Ireland.\n\nUpdated 5 May 2025\n\nThe rules for travellers changed on 1 January 2021, and ${STORY}`,
        date: '2025-05-05',
      },
      // A "Published" day and a month line that agree: the day.
      { text: `Policy paper\n\nResponse to the annual report\n\nPublished 9 April 2019\n\nPresented to Parliament by the Secretary of State by Command of Her Majesty\n\nApril 2019\n\n${STORY}`, date: '2019-04-09' },
      // A story's list of related pages, each with its place and date, dates those pages, not the story.
      { text: `Inquiry on police cooperation\n\n17 December 2020\n\nThe committee today launches a brief inquiry into the negotiations.\n\n- Parliament TV: Meeting with the Minister of State, 16 June 2020\n- Parliament TV: Police cooperation, 3 November 2020\n\n${STORY}`, date: '2020-12-17' },
      // A text that names the day it is current to; a debate still to come dates nothing.
      { text: `Approximate read time: 10 minutes\n\nOn 17 March 2025, the House of Lords is scheduled to consider a question on defence.\n\nThis briefing provides a timeline of recent policy, as of 12 March 2025.\n\n${STORY}`, date: '2025-03-12' },
      // A page filed under its year in its breadcrumb, or a text from an event its head names with the year: that year.
      { text: `Home / Media Centre / News / 2019 / Admiral visits the headquarters\n\nAdmiral visits the headquarters\n\nNORTHWOOD – The Admiral visited the headquarters today.\n\n${STORY}`, date: '2019' },
      { text: `Speech\n\nUK closing statement: 2024 OSCE Ministerial Council\n\nThank you, Chair. ${STORY}`, date: '2024' },
      { text: `Speech\n\nMinister's keynote speech at the Land Warfare Conference 2019\n\nThe Minister speaks about the Army.\n\nGood morning. ${STORY}`, date: '2019' },
      // A title ending in the month the text was given.
      { text: `Speech\n\nReport by the Head of the Mission: UK statement, November 2024\n\nThe Ambassador thanks the Head of Mission for the update.\n\n${STORY}`, date: '2024-11' },
      // Must not change: the year of an event still to come.
      { text: `Ahead of the 2027 NATO Summit\n\nAllies are preparing the agenda.\n\n${STORY}`, date: null },
      // … and so does the day a command paper was laid, below a revision's line.
      { text: `Maritime strategy (accessible)\n\nUpdated 2 October 2024\n\nPresented to Parliament\nby the Secretary of State for Transport\nby Command of His Majesty\nMay 2024\n\nCP 101\n\nCorrection slip\nPresented to Parliament on 14 May 2024\nCorrection: a figure in chapter 2.\nDate of correction: 2 October 2024\n\n${STORY}`, date: '2024-05-14' },
      // A summit still to come dates nothing.
      { text: `Members on the summit\n\n${STORY}\nIn view of the upcoming summit taking place on 19 May 2025, members issued a statement.`, date: null },
    ]);
  });

  describe('who made a joint statement, minutes and an interview, and an act or an issue dated by its own heading', () => {
    itReadsEach([
      // Two ministers named together as the subject, each in apposition after their office: both, not the one nearest the verb.
      {
        text: `UK-Spain joint statement: police cooperation - 3 March 2021\n\nThe Interior Minister of Spain, Mr Pablo Ruiz Vega, and the Home Secretary of the UK, Ms Anna Berg, spoke today to discuss their cooperation against organised crime.\n\n${STORY}`,
        makers: ['author: Anna Berg', 'author: Pablo Ruiz Vega'],
      },
      // A joint statement released after a meeting: the parties to the meeting make it.
      {
        text: `Joint Statement between the Prime Minister of the United Kingdom and the Prime Minister of Estonia\n\nThis joint statement was released following the meeting between Prime Minister Anna Berg and Prime Minister Peter Stone in Tallinn on 3 March 2025.\n\nWe met to discuss our partnership. ${STORY}`,
        makers: ['author: Anna Berg', 'author: Peter Stone'],
      },
      // Minutes naming each side's co-chair in apposition.
      {
        text: `Specialised Committee on Law Enforcement: minutes\n\nThe UK Co-Chair, the Rt Hon Anna Berg MP, Minister of State, opened the meeting by welcoming the delegations.\n\nThe EU Co-Chair, European Commission Director Peter Stone, thanked the UK for hosting. ${STORY}`,
        makers: ['chair: Anna Berg', 'chair: Peter Stone'],
      },
      // An interview: a question on its own line, the answer headed by who gives it.
      { text: `The mission in Georgia – five years on\n\nWhat does the mission do, and what has it achieved?\n\nAnna Berg: The mission monitors the line every day. ${STORY}`, makers: ['speaker: Anna Berg'] },
      // Must not change: a name and a colon with no question above is a label, not an answer.
      { text: `Mission notes\n\nThe mission monitors the line.\n\nAnna Berg: head of mission since 2023. ${STORY}`, makers: [] },
      // A motion's own date line, not the date of the meeting its title is about.
      {
        text: `Motion for a resolution - B9-0197/2022\n\nMOTION FOR A RESOLUTION on the conclusions of the European Council meeting of 24-25 March 2022, including the latest developments\n\n5.4.2022 - (2022/2560(RSP))\n\n${STORY}`,
        date: '2022-04-05',
      },
      // … and so where the motion's heading is the title and its date line runs into the line below it.
      {
        text: `MOTION FOR A RESOLUTION on the conclusions of the European Council meeting of 24-25 March 2022, including the latest developments\n\n5.4.2022 - (2022/2560(RSP)) pursuant to Rule 132(2) of the Rules of Procedure\n\n${STORY}`,
        date: '2022-04-05',
      },
      // A written statement "today" made by a minister is theirs, and the chair of the meeting it reports did not make it.
      {
        text: `G6 Munich\n\nVolume 667: debated on Thursday 31 October 2019\n\nMy noble Friend the Minister of State, Home Office (Baroness Roe of Acton) has today made the following written statement:\n\nThe informal group of Interior Ministers met in Munich. The summit was chaired by the German Interior Minister, Peter Stone. I represented the United Kingdom.`,
        makers: ['author: Baroness Roe of Acton'],
      },
      // A conversation the title names: who it is with spoke.
      { text: `Conversation with NATO Deputy Secretary General Anna Berg at the 2025 NATO Youth Summit\n\n(As delivered)\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
      // An Official Journal issue: its date line, not the dates of the acts its contents list.
      {
        text: `Official Journal\n\nof the European Union\n\nL 444\n\nVolume 63\n31 December 2020\n\nContents\n\nCouncil Decision (EU) 2020/2252 of 29 December 2020 on the signing of the Agreement\n\n${STORY}`,
        date: '2020-12-31',
      },
      // A transcript whose listed witnesses speak under their names: one who never does in the text spoke in none of it.
      {
        text: `Oral evidence: Work of the Department, HC 518\n\nMembers present: Anna Berg (Chair); Jane Doe.\n\nWitnesses: Sir Peter Stone, John Roe and Maria Fern.\n\nQ1 Chair: Welcome to this session.\n\nMaria Fern: Thank you. ${STORY}\n\nQ2 Chair: And the budget?\n\nSir Peter Stone: It has grown. ${STORY}`,
        makers: ['chair: Anna Berg', 'speaker: Maria Fern', 'speaker: Peter Stone'],
      },
      // … and so where only the chair's turns are saved: the witnesses' words are not in the text.
      {
        text: `Oral evidence: Work of the Department, HC 518\n\nMembers present: Anna Berg (Chair); Jane Doe.\n\nWitnesses: Sir Peter Stone and Maria Fern.\n\nQ1 Chair: Welcome to this session. ${STORY}`,
        makers: ['chair: Anna Berg'],
      },
      // Must not change: a page with no turns (a session's notice) lists who gives evidence, and they are its speakers.
      {
        text: `Evidence session on the Department\n\nMembers present: Anna Berg (Chair); Jane Doe.\n\nWitnesses: Sir Peter Stone and Maria Fern.\n\n${STORY}`,
        makers: ['chair: Anna Berg', 'speaker: Maria Fern', 'speaker: Peter Stone'],
      },
      // A writer the text cites by profession ("in the words of the author …") did not write it.
      { text: `Afghanistan\n\nVolume 813: debated on Monday 12 July 2021\n\n“Twenty years ago the country was, in the words of the author Peter Stone, the epicentre of terrorism.” ${STORY}`, makers: [] },
      // A minister's statement in their own voice: whom it says did something ("the Prime Minister outlined …") is reported.
      {
        text: `UK-EU Relations\n\nAnna Berg Portrait The Paymaster General (Anna Berg)\n\nWith permission, Madam Deputy Speaker, I wish to make a statement on the UK's relationship with the EU.\n\nWith the EU's 27 leaders, the Prime Minister outlined a number of steps to increase co-operation on shared threats, including cross-border crime.`,
        makers: ['speaker: Anna Berg'],
      },
      // A report's rapporteurs, and those for the opinions annexed to it, one per line.
      {
        text: `REPORT on the implementation of the Agreement\n\nCommittee on Foreign Affairs\n\nRapporteurs: Anna Berg, Peter Stone\n\nRapporteurs for the opinions of associated committees pursuant to Rule 57 of the Rules of Procedure:\nJane Roe, Committee on Economic and Monetary Affairs\nJohn Doe, Committee on Industry, Research and Energy\n\n${STORY}`,
        makers: ['author: Anna Berg', 'author: Jane Roe', 'author: John Doe', 'author: Peter Stone'],
      },
      // Must not change: a regulation's heading with its authors dates it.
      { text: `REGULATION (EU) 2021/697 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 29 April 2021 establishing the European Defence Fund\n\n${STORY}`, date: '2021-04-29' },
    ]);
  });

  describe('a quotation signed by name and office, a turn in capitals, a headline that reports a visit', () => {
    itReadsEach([
      // The name first, the office after a comma, then the colon and the words.
      { text: `Agency publishes election advice\n\n${STORY}\n\nAnna Berg, Executive Director of ENISA: “As some Member States have discontinued electronic voting, the risk is somewhat reduced.”`, makers: ['speaker: Anna Berg'] },
      // A speaker's words after "that", in quotation marks.
      { text: `What next for cooperation – public webinar\n\n${STORY}\n\nTaking the long view, Peter Stone observed that ‘it would be wrong to overstate today’s challenges’. ${STORY}`, makers: ['speaker: Peter Stone'] },
      // Must not change: "observed" of what someone saw, with no words of theirs.
      { text: `Observers at the vote\n\n${STORY}\n\nPeter Stone observed the count in the capital and reported no incidents.`, makers: [] },
      // A transcript's turns headed by the name in capitals and the office in brackets.
      {
        text: `Keynote speech at the national conference\n\nANNA BERG [Permanent Representative to NATO]: Ministers, distinguished guests, I am about to introduce our speaker.\n\nPETER STONE [NATO Deputy Secretary General]: Thank you, Ambassador. ${SPOKEN}`,
        makers: ['speaker: Anna Berg', 'speaker: Peter Stone'],
      },
      // Must not change: a heading in capitals before a colon is no one ("PROPOSED ACT: …").
      { text: `Summary of the proposal\n\nLEGISLATIVE ACT [Regulation]: ${STORY}`, makers: [] },
      // A headline in title case that reports a visit: the verb is no part of the visitor's name, and the visitor gave no words.
      {
        text: `The Rt Hon Anna Berg Visits NATO Maritime Command Headquarters\n\nNORTHWOOD, United Kingdom (July 8, 2019) – The Rt Hon. Anna Berg, Prime Minister, visited the headquarters today for a briefing.\n\n${STORY}`,
        makers: [],
      },
      // Must not change: GOV.UK's line naming the minister a page is from.
      { text: `Minister's speech on maritime security\n\nThe Rt Hon Anna Berg MP\n\n${SPOKEN}`, makers: ['speaker: Anna Berg'] },
    ]);
  });

  describe("a member as named at the sitting, a peer's given name in brackets, a letter's standfirst, a transcript's questioners", () => {
    itReadsEach([
      // Parallel Parliament names a member as they are named today, then the caption names them as they were at the sitting.
      {
        text: `Ukraine\n\nMonday 14th November 2022\n\nCommons Chamber\n\nBaroness Berg of Elderslie Portrait Madam Deputy Speaker (Dame Anna Berg)\n\nOrder. Before we begin, I remind the House of the time limit.`,
        makers: ['chair: Anna Berg'],
      },
      // A peer's given name in brackets after the title.
      { text: `Counter-terrorism: statement at the UN Security Council\n\nStatement by Lord (Peter) Stone of Wimbledon at the Security Council open debate on counter terrorism\n\n${SPOKEN}`, makers: ['speaker: Lord Stone of Wimbledon'] },
      // An open letter's standfirst names its writer, then the office: the office's "and" joins no second person.
      { text: `New national security regime\n\nAn open letter to business from Lord Stone, Minister for Business, Energy and Corporate Responsibility.\n\nTo businesses and investors.\n\n${STORY}`, makers: ['author: Lord Stone'] },
      // A committee transcript's numbered questions are put by members who speak; a witness's label may carry "MP".
      {
        text: `Oral evidence: Channel crossings, HC 705\n\nMembers present: Anna Berg (Chair); Jane Doe; Tim Roe.\n\nWitnesses\n\nI: Peter Stone MP, Minister for Immigration, Home Office.\n\nQ577 Tim Roe: Minister, welcome. It is your first session in front of the Committee.\n\nPeter Stone MP: Thank you. I am the recently appointed minister, and my portfolio includes the matters before the committee today.`,
        makers: ['chair: Anna Berg', 'speaker: Peter Stone', 'speaker: Tim Roe'],
      },
      // A peer's turn, by their territorial title, is their turn: the witness speaks. A hearing's transcript is a record of
      // proceedings, as a debate is; a page number above its heading is no title.
      {
        text: `19\n\nOral evidence: Defending democracy\n\nMembers present: Anna Berg (The Chair); Jane Doe.\n\nWitnesses\n\nI: Baroness Stone of Whitchurch, Parliamentary Under-Secretary of State; Tim Roe, Director.\n\nTim Roe: I am director of Protect and Preparedness in the Home Office, and I work to the Security Minister on these questions.\n\nBaroness Stone of Whitchurch: Good afternoon. I am the Minister for Digital Futures and Online Safety in the department.`,
        makers: ['chair: Anna Berg', 'speaker: Baroness Stone of Whitchurch', 'speaker: Tim Roe'],
        type: 'other',
      },
      // A document's own heading with its month, above the "Updated" line of the page that carries it.
      {
        text: `Policy paper\n\nAddendum to the joint action plan on small boats (accessible version)\n\nUpdated 15 October 2019\n\nJOINT ACTION PLAN ON SMALL BOATS\n\nADDENDUM SEPTEMBER 2019\n\n${STORY}`,
        date: '2019-09',
      },
      // Must not change: an "Updated" line alone dates the page.
      { text: `Policy paper\n\nJoint action plan on small boats\n\nUpdated 15 October 2019\n\n${STORY}`, date: '2019-10-15' },
      // Must not change: a member of the committee who puts no question in the text is no speaker.
      {
        text: `Oral evidence: Channel crossings, HC 705\n\nMembers present: Anna Berg (Chair); Jane Doe; Tim Roe.\n\nQ1 Chair: Welcome to this session, and thank you for coming before the committee today.`,
        makers: ['chair: Anna Berg'],
      },
    ]);
  });

  describe("a distributor's month-first dates, a written statement's day after a dash, offices with a qualifier, plural bodies", () => {
    itReadsEach([
      // A US distributor's listing line prints the day month-first, even where either reading is a day.
      { text: `European Commission\n\n11/12/2024 | News release | Distributed by Public on 11/12/2024 13:21\n\nCyber: EU and Japan hold Cyber Dialogue\n\nOn 11 November, the EU and Japan held their sixth Cyber Dialogue in Tokyo. ${STORY}`, date: '2024-11-12' },
      // Must not change: without the distributor, a slashed date is day-first.
      { text: `European Commission\n\n11/12/2024\n\nCyber: EU and Japan hold Cyber Dialogue\n\n${STORY}`, date: '2024-12-11' },
      // A written statement's own day, after a dash, above the meeting its title dates; the title keeps its date.
      {
        text: `NATO Leaders' Meeting 3-4 December 2019\n\nForeign and Commonwealth Office written statement – made on 20th December 2019.\n\nOn 3-4 December, NATO Leaders met in London to mark 70 successful years of the Alliance. ${STORY}`,
        date: '2019-12-20',
      },
      // An office qualified by a compound opens a standfirst that names who speaks.
      { text: `Speech\n\nRussia must end its war: UK statement to the OSCE\n\nPolitico-Military Counsellor, Anna Berg, thanks Denmark as the incoming Chair for upholding the Forum's mandate.\n\n${STORY}`, makers: ['speaker: Anna Berg'] },
      // A motion's last run of members, on a line of its own, cut off before its group's line by a saved excerpt.
      {
        text: `JOINT MOTION FOR A RESOLUTION on the sanctions against Russia\n\n6.4.2022 - (2022/2560(RSP))\n\nAnna Berg, Peter Stone, Jane Roe on behalf of the PPE Group\n\nJohn Doe, Maria Fern, Tim Roe, Karl Lang`,
        makers: ['author: Anna Berg', 'author: Jane Roe', 'author: John Doe', 'author: Karl Lang', 'author: Maria Fern', 'author: Peter Stone', 'author: Tim Roe'],
      },
      // A body named in the plural is no one: "Committees on Arms Export Controls", "Chaired by Local Authorities".
      { text: `Strategic export controls: report\n\nAuthor: Committees on Arms Export Controls\n\n${STORY}`, makers: [] },
      { text: `Prevent referrals statistics\n\nReferrals may be passed to a panel. Chaired by Local Authorities, these panels determine the support needed. ${STORY}`, makers: [] },
    ]);
  });

  describe("a date after a clause's comma is the body's, a page's age marks its own date line, a title's bracketed year; makers named before a topic, a pull-quote, an affiliation, a statement given", () => {
    itReadsEach([
      // A clause set off by a comma is no dateline: the date after it is an earlier act's, and the title's date stands.
      {
        text: `EU Statement at the Working Group on Firearms Trafficking, 9 October 2024\n\nChair,\n\nI speak on behalf of the European Union and its Member States.\n\nOn the legislative side, the Commission also proposed, on 14 March 2023, new rules on the import of firearms.`,
        date: '2024-10-09',
      },
      // Must not change: a place and its institution before the comma are a dateline.
      { text: `Council of the European Union, Luxembourg, 21 June 2024\n\nCouncil adopts new rules on firearms\n\n${STORY}`, date: '2024-06-21' },
      // A date line the page follows with its age is the item's own day, above the meeting its title names.
      {
        text: `General Affairs Council 12 May 2020\n\nWritten Statements\n\nTuesday 19th May 2020\n\n(4 years, 2 months ago)\n\nThe Minister of State attended the General Affairs Council on 12 May. ${STORY}`,
        date: '2020-05-19',
      },
      // Must not change: the first such line dates the page, not an earlier debate's excerpt further down.
      {
        text: `Border Security: Channel\n\nLady Roe Excerpts\nWednesday 5th March 2025\n\n(2 days ago)\n\nLords Chamber\n\n${STORY}\n\nChannel Crossings\n\nLady Roe Excerpts\nThursday 16th May 2024\n\n(10 months ago)\n\nLords Chamber`,
        date: '2025-03-05',
      },
      // The day a lede names without its year, which a later sentence gives with it, above an older act the body dates.
      {
        text: `EU and Moldova hold Cyber Dialogue\n\nThe European Union and Moldova held a Cyber Dialogue on 4 March in Chisinau, which focused on resilience.\n\nThe two sides signed a working arrangement on 12 May 2020. The Dialogue in Chisinau on 4 March 2022 gave an opportunity to review it.`,
        date: '2022-03-04',
      },
      // A consultation document's "Duration: From …" is the day it opened, above the page's later "Updated" line.
      {
        text: `Consultation outcome\n\nConsultation document: powers to counter foreign interference\n\nUpdated 9 March 2023\n\nAbout this consultation\n\nTo: This consultation is open to the public. We will be particularly interested to hear from those who may be affected by the proposals, should they become law, including those in industry, research and the wider public, and from the bodies that represent them across the four nations of the United Kingdom.\n\nDuration: From Tuesday 6th April 2021 to Tuesday 29th June 2021.\n\n${STORY}`,
        date: '2021-04-06',
      },
      // A title closing with its year in brackets gives the year.
      { text: `Council Conclusions on Civilian Crisis Management (2023)\n\nThe Council underlines the importance of civilian missions. ${STORY}`, date: '2023' },
      // Whom a statement names as its makers ends before what it is on.
      {
        text: `Statement by the President of the European Council and the Prime Minister of Norway on Strengthening Strategic Cooperation\n\nThe President of the European Council and the Prime Minister of Norway met today in Oslo. ${STORY}`,
        makers: [],
      },
      // A pull-quote's table cells, saved, still sign the quotation after a dash.
      { text: `Defence loans approved\n\nThe Council today approved the first loans. “These loans show that we deliver on defence.” | | — Anna Berg, Minister of Defence of Malta |\n\n${STORY}`, makers: ['speaker: Anna Berg'] },
      // A name with the body it speaks for in brackets, speaking at a meeting, opens a standfirst.
      { text: `Trafficking in armed conflict: UK statement\n\nTim Roe (UK delegation) speaks at an OSCE session on trafficking in human beings.\n\n${SPOKEN}`, makers: ['speaker: Tim Roe'] },
      // A minister announcing the measures a standfirst reports.
      { text: `Foreign Secretary announces new sanctions on Belarus\n\nForeign Secretary Jane Roe announces 40 new designations today, targeting the regime's backers.\n\n${STORY}`, makers: ['speaker: Jane Roe'] },
      // A statement "given" was spoken, also under a saved page's date label.
      { text: ` date 2024-02-06 Statement given today from Home Secretary Tim Roe on the border security summit.\n\nWith permission, Mr Speaker, I would like to make a statement on the summit.`, makers: ['speaker: Tim Roe'] },
      // Must not change: a government body "announces": no one speaks.
      { text: `The Home Office announces new funding for border security\n\n${STORY}`, makers: [] },
    ]);
  });

  describe('lines of page furniture are no title', () => {
    for (const chrome of ['(2 years, 1 month ago)', 'Search our content', 'Home / Media Centre / News / 2019 / Capability development seminar', 'Connect with us', 'Go back to the Europarl portal', 'Latest news', 'Index', 'Previous', 'Menu', 'PRINT', 'Skip to main content\n\nMenu', 'This document is an excerpt from the EUR-Lex website\n\nDocument 32023R1234', 'HoC 85mm(Green).tif', 'final logo red (RGB)', 'Defence Committee', 'Select Committee on the European Union\n\nSecurity and Justice Sub-Committee']) {
      it(`skips "${chrome}"`, () => assert.equal(metadataOf(`${chrome}\n\nCapability development seminar\n\n${STORY}`).title, 'Capability development seminar'));
    }
    it('keeps a title that opens with "Back to"', () => assert.equal(metadataOf(`Back to basics on European defence\n\n${STORY}`).title, 'Back to basics on European defence'));
    it("keeps a title that names an event and its days, which a dateline's place does not", () => {
      assert.equal(metadataOf(`NATO Leaders' Meeting 3-4 December 2019\n\n${STORY}`).title, "NATO Leaders' Meeting 3-4 December 2019");
      assert.equal(metadataOf(`Luxembourg, 8 October 2024\n\nCapability development seminar\n\n${STORY}`).title, 'Capability development seminar');
    });
  });
});
