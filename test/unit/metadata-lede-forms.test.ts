/**
 * Metadata from the forms a text takes when a site republishes it or a newsroom introduces it: a
 * distributor's masthead or listing date above the text's own dateline, the Prime Minister named
 * as "PM", an institution's head named by office and surname as the subject of a lede, a press
 * release's lede under an image caption, an institution telling what it did "today", a newsroom's
 * standfirst above a speech. Each table holds phrasings of its own, with rows that must not change.
 */
import { strict as assert } from 'node:assert';
import { OFFICES } from '../../indexer/metadata/offices.js';
import { knownPublisher } from '../../indexer/metadata/organisations.js';
import { firstLines, makers, metadataOf } from '../support/metadata.js';


const SPOKEN = 'Thank you very much. We have had a good discussion today on the security of our continent, and I will take your questions.';
const STORY = 'Ministers met in Brussels to discuss closer co-operation on border security, and officials said more meetings would follow.';

describe('metadata read from republished and introduced texts', () => {
  describe("the text's own date wins over a date the page around it prints", () => {
    const cases: { text: string; want: string | null }[] = [
      // A republishing site's masthead date above the text's dateline.
      { text: `Thursday, 14 March 2024\n\nMinisters agree new rules on dual-use exports\n\nBrussels, 12 March 2024\n\n${STORY}`, want: '2024-03-12' },
      { text: `Sat. Jun 1st, 2024\n\nVilnius, 30 May 2024 – Defence ministers of the Baltic states met to agree a joint plan for air defence.`, want: '2024-05-30' },
      // A listing's date, and a site's banner date, above a title that carries the day itself.
      { text: `5 February 2025\n\nPrime Minister's remarks at the security conference: 3 February 2025\n\n${SPOKEN}`, want: '2025-02-03' },
      { text: `Monday 9 December 2024\n\nForeign Secretary's statement to the OSCE Ministerial Council: 6 December 2024\n\n${SPOKEN}`, want: '2024-12-06' },
      // A sitting date outranks the date a copy was saved under.
      { text: `Friday 25 October 2024\n\nUkraine\n\nVolume 840: debated on Wednesday 23 October 2024\n\nMy Lords, I beg leave to ask the Question standing in my name on the Order Paper.`, want: '2024-10-23' },
      // Must not change: a date alone below the title with nothing else, a date in the body, a dateline beside a "Published" line.
      { text: `Ministers agree new rules on dual-use exports\n\n12 March 2024\n\n${STORY}`, want: '2024-03-12' },
      { text: `Ministers agree new rules\n\n${STORY}\n\n${STORY}\n\n${STORY}\n\n${STORY}\n\n${STORY}\n\nThe rules follow the decision of 4 April 2019, which set the first list.`, want: null },
      { text: `Ministers agree new rules\n\n14 March 2024\n\n${STORY} The first talks were held on 2 February 2024.`, want: '2024-03-14' },
      { text: `Council adopts sanctions\n\nPublished 21 May 2024\n\nBrussels, 20 May 2024\n\n${STORY}`, want: '2024-05-20' },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want ?? 'no date'} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).date, want));
    }
  });

  describe('"PM" and "the PM\'s" name the Prime Minister, who speaks for Downing Street', () => {
    const PMO = "Prime Minister's Office, 10 Downing Street";
    const cases: { text: string; speakers: string[]; publisher: string | null }[] = [
      { text: `PM's speech at the Lord Mayor's Banquet: 13 November 2023\n\n${SPOKEN}`, speakers: ['speaker: Rishi Sunak'], publisher: PMO },
      { text: `PM remarks at the Ukraine Recovery Conference: 21 June 2023\n\n${SPOKEN}`, speakers: ['speaker: Rishi Sunak'], publisher: PMO },
      { text: `PM statement on the Salisbury incident: 12 March 2018\n\n${SPOKEN}`, speakers: ['speaker: Theresa May'], publisher: PMO },
      { text: `The PM's statement to the House on the European Council\n\n27 October 2020\n\n${SPOKEN}`, speakers: ['speaker: Boris Johnson'], publisher: PMO },
      // A title saved on one line with its summary under it.
      { text: `PM's press conference at the G7: 11 June 2021\nThe Prime Minister's remarks at the press conference in Cornwall.\n\n${SPOKEN}`, speakers: ['speaker: Boris Johnson'], publisher: PMO },
      // A genre owned by another office, without the possessive.
      { text: `Foreign Secretary statement on the situation in Georgia: 2 December 2024\n\n${SPOKEN}`, speakers: ['speaker: David Lammy'], publisher: 'Foreign, Commonwealth & Development Office' },
      // The bare abbreviation as the subject of a story's lede.
      { text: `Europe must stand together\n\nEuropean partners must act together to defend Ukraine and deter Russia, the PM will say in Warsaw today.`, speakers: [], publisher: PMO },
      // Must not change: a time of day, a deputy, no date to say who held the office.
      { text: `Conference programme: panels from 2 PM to 5 PM\n\n12 May 2024\n\n${SPOKEN}`, speakers: [], publisher: null },
      { text: `Statement by the Deputy PM on flooding: 4 January 2024\n\n${SPOKEN}`, speakers: [], publisher: null },
      { text: `PM's remarks at the summit\n\n${SPOKEN}`, speakers: [], publisher: PMO },
    ];
    for (const { text, speakers, publisher } of cases) {
      it(`reads ${speakers.join(', ') || 'nobody'} and ${publisher ?? 'no publisher'} from "${firstLines(text)}"`, () => {
        const m = metadataOf(text);
        assert.deepEqual(makers(m), speakers);
        assert.equal(m.publisher, publisher);
      });
    }
  });

  describe("an institution's head named by office as the subject of a lede spoke, for that institution", () => {
    const cases: { text: string; speakers: string[]; publisher: string | null }[] = [
      {
        text: `Parliament and Ukraine\n\nAddressing the plenary, European Parliament President Metsola stressed that Europe must keep its promises to Ukraine and its people.`,
        speakers: ['speaker: Roberta Metsola'],
        publisher: 'European Parliament',
      },
      {
        text: `Talks in Brussels\n\nBrussels, 3 May 2023 – The Commission President, Ursula von der Leyen, said the Union would stay the course on sanctions and support.`,
        speakers: ['speaker: Ursula von der Leyen'],
        publisher: 'European Commission',
      },
      { text: `Allies meet\n\nNATO Secretary General Rutte today warned Allies that the threat from Russia would not go away after the war ends.`, speakers: ['speaker: Mark Rutte'], publisher: 'NATO' },
      {
        text: `Leaders meet\n\nOpening the summit, European Council President Costa underlined the need for unity among member states on defence spending.`,
        speakers: ['speaker: António Costa'],
        publisher: 'European Council',
      },
      {
        text: `MEPs debate Ukraine\nStrasbourg 09.03.2023 President of the European Parliament Roberta Metsola expressed support for the people of Ukraine at the opening of the session.`,
        speakers: ['speaker: Roberta Metsola'],
        publisher: 'European Parliament',
      },
      {
        text: `Ministers in Brussels\n\nThe High Representative, Josep Borrell, welcomed the agreement reached by the ministers on the new training mission for Ukraine.`,
        speakers: ['speaker: Josep Borrell'],
        publisher: 'European External Action Service',
      },
      // Must not change: another country's president, an office holder as the object, a name mentioned in passing.
      { text: `Leaders meet\n\nFrench President Macron reiterated his call for European strategic autonomy at a meeting with students in Paris on Monday.`, speakers: [], publisher: null },
      { text: `Ministers meet\n\nThe ministers thanked NATO Secretary General Rutte for his leadership and agreed to meet again before the summit in June.`, speakers: [], publisher: null },
      {
        text: `Ministers meet\n\nThe ministers agreed to meet again in June, in a session to which NATO Secretary General Rutte will be invited, officials said.`,
        speakers: [],
        publisher: null,
      },
    ];
    for (const { text, speakers, publisher } of cases) {
      it(`reads ${speakers.join(', ') || 'nobody'} and ${publisher ?? 'no publisher'} from "${firstLines(text)}"`, () => {
        const m = metadataOf(text);
        assert.deepEqual(makers(m), speakers);
        assert.equal(m.publisher, publisher);
      });
    }

    it('names for every office a publisher the publisher table knows by that name', () => {
      for (const office of OFFICES) assert.equal(knownPublisher(office.publisher), office.publisher, office.written.source);
    });
  });

  describe("a story's lede under an image caption or credit is still its lede", () => {
    const LEDE = 'Ministers today adopted new rules to strengthen the protection of critical undersea infrastructure in the Baltic and North Seas.';
    const TITLE = 'Protection of undersea infrastructure strengthened';
    const cases: { text: string; want: string }[] = [
      { text: `${TITLE}\n\nUndersea cables and a patrol vessel seen from the air over the Baltic Sea. Photo: European Union, 2024\n\n${LEDE}`, want: 'news' },
      { text: `${TITLE}\n\nA cable-laying ship at work in the North Sea off the coast of Norway last spring © Reuters\n\n${LEDE}`, want: 'news' },
      {
        text: `${TITLE}\n\nMinisters around the table in Brussels before the start of the meeting (Image credit: Council of the EU)\n\n${LEDE}`,
        want: 'news',
      },
      { text: `${TITLE}\n\nPhoto by Jane Roe: soldiers of the multinational battlegroup training together in Estonia during an exercise last winter\n\n${LEDE}`, want: 'news' },
      // Must not change: a speech under a caption is in its speaker's voice.
      { text: `Speech on maritime security\n\nThe minister at the lectern during her speech to the conference in London on Monday. Photo: Crown copyright\n\n${SPOKEN}`, want: 'speech' },
    ];
    for (const { text, want } of cases) {
      it(`reads a ${want} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).type, want));
    }
  });

  describe('an EU institution telling what it did today publishes the text', () => {
    const cases: { text: string; want: string | null }[] = [
      { text: `New rules for undersea cables\n\nThe Council today adopted new rules to strengthen the protection of undersea infrastructure in the Baltic.`, want: 'Council of the European Union' },
      { text: `Belarus: sanctions extended\n\nThe EU Council today extended by a year the restrictive measures against those responsible for repression in Belarus.`, want: 'Council of the European Union' },
      { text: `Protecting offshore energy\n\nThe Commission adopted today a package to protect offshore energy infrastructure from sabotage and cyber attacks.`, want: 'European Commission' },
      { text: `Defence industry programme\n\nThe European Parliament today approved the first programme for joint procurement of defence equipment by member states.`, want: 'European Parliament' },
      { text: `Leaders agree on defence\n\nThe European Council today agreed to speed up work on a defence union and on financing for joint projects.`, want: 'European Council' },
      // Under a distributor's listing line, which is no lede.
      {
        text: `12/03/2025 | Press release | Distributed by Newswire on 12/03/2025 10:00\n\nThe Council today adopted new rules to strengthen the protection of undersea infrastructure in the Baltic.`,
        want: 'Council of the European Union',
      },
      // Must not change: a day of the week (a reporter's, not the institution's), the institution as an object.
      { text: `New rules for undersea cables\n\nThe Council on Tuesday adopted new rules to strengthen the protection of undersea infrastructure, officials said.`, want: null },
      { text: `New rules for undersea cables\n\nMinisters welcomed the rules that the Council adopted today to protect undersea infrastructure in the Baltic.`, want: null },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want ?? 'no publisher'} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).publisher, want));
    }
  });

  describe("a newsroom's standfirst above the speaker's own words makes a speech, not a story", () => {
    const WORDS = [
      'I am glad to be here with you today, at a moment when the security of our continent is at stake.',
      'Let me start with defence spending, because we have agreed to invest more, and we will deliver on that promise.',
      'It has been a long year for Ukraine and for its people, and the winter ahead will be hard for all of them.',
      'We must keep supporting Ukraine, because its security is our security, and I know that we all agree on this.',
    ].join('\n\n');
    const cases: { text: string; type: string; speakers: string[] }[] = [
      {
        text: `Leaders' summit\n\nAddressing the summit, NATO Secretary General Rutte reiterated that Allies must spend more on defence. He also called for more support for Ukraine.\n\nGood morning.\n\n${WORDS}`,
        type: 'speech',
        speakers: ['speaker: Mark Rutte'],
      },
      // Whatever the standfirst's verb, its subject is the one whose words follow.
      {
        text: `A defence union\n\nThe President of the European Commission, Ursula von der Leyen, was in Berlin on Friday, where she said that Europe needed a defence union.\n\n${WORDS}`,
        type: 'speech',
        speakers: ['speaker: Ursula von der Leyen'],
      },
      { text: `A defence union\n\nThe President of the European Commission stressed the need for a defence union in a speech to the conference in Berlin on Friday.\n\n${WORDS}`, type: 'speech', speakers: [] },
      // Must not change: a story that quotes its speaker over several paragraphs, or attributes the words to her; a visit reported.
      {
        text: `Shadow fleet sanctions\n\nThe Foreign Secretary today announced new sanctions against the tankers of Russia's shadow fleet, to increase the pressure on the Kremlin.\n\nThe Foreign Secretary said:\n\n“We will not stand by while Russia funds its war with oil sold through a fleet of ageing and dangerous tankers.\n\n“Our sanctions target the ships and the people who run them, and we will keep going until the fleet is broken up.”`,
        type: 'news',
        speakers: [],
      },
      {
        text: `Shadow fleet sanctions\n\nThe Foreign Secretary today announced new sanctions against the tankers of Russia's shadow fleet, to increase the pressure on the Kremlin.\n\nWe will not stand by while Russia funds its war with oil sold through a fleet of ageing tankers, she said on Monday.\n\nOur sanctions target the ships and the people who run them, and we will keep going until the fleet is broken up.`,
        type: 'news',
        speakers: [],
      },
      { text: `Talks in London\n\nNATO Secretary General Mark Rutte met ministers in London on Monday for talks on defence spending.\n\n${STORY}\n\n${STORY}`, type: 'news', speakers: [] },
      // A government's "our allies" in its news copy is not a speaker's voice.
      {
        text: `UK joins export agreement\n\nThe UK has joined an agreement with European allies that will make it easier for defence firms to export.\n\nBritish firms will benefit from closer cooperation on exports with our European allies and partners.\n\nThe agreement highlights the role of the UK in supporting our allies and the collective defence of Europe.`,
        type: 'news',
        speakers: [],
      },
    ];
    for (const { text, type, speakers } of cases) {
      it(`reads a ${type} by ${speakers.join(', ') || 'nobody'} from "${firstLines(text)}"`, () => {
        const m = metadataOf(text);
        assert.equal(m.type, type);
        assert.deepEqual(makers(m), speakers);
      });
    }
  });
});
