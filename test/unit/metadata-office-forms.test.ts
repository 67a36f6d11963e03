/**
 * Metadata from forms public texts take that name things indirectly: a month written with a
 * full stop ("23 May. 2019"), a speaker named only by office ("Prime Minister's remarks",
 * "Remarks by HR Borrell"), a genre line that moves on from its speaker to the occasion, a
 * publisher named in a genre line or only through its minister's bare office, a headline whose
 * subject is two parties. Each table holds phrasings of its own, with rows that must not change.
 */
import { strict as assert } from 'node:assert';
import { holderOn, officeHolderAt, OFFICES } from '../../indexer/metadata/offices.js';
import { makers, metadataOf } from '../support/metadata.js';


const SPOKEN = 'Thank you very much. We have had a good discussion today on the security of our continent, and I will take your questions.';
const STORY = 'Ministers met in London on Tuesday to discuss closer co-operation on border security, officials said after the meeting.';
const firstLines = (text: string) => text.split('\n').filter((l) => l.trim()).slice(0, 2).join(' / ').slice(0, 90);

describe('metadata read from indirect forms', () => {
  describe('a month written with a full stop is still a date', () => {
    const cases: { text: string; want: string | null }[] = [
      // House styles that stop every month also stop the short ones.
      { text: `Speech by NATO Deputy Secretary General Mircea Geoană at the Riga Conference\n\n3 June. 2021\n\n(As delivered)\n\n${SPOKEN}`, want: '2021-06-03' },
      { text: `Press point on the Western Balkans\n\nSkopje, 14 July. 2022\n\n${SPOKEN}`, want: '2022-07-14' },
      { text: `Statement on maritime security\n\nMay. 9, 2023\n\n${SPOKEN}`, want: '2023-05-09' },
      // Must not change: abbreviations chrono always read, and a stop that ends a sentence.
      { text: `Press conference on the Summit\n\n15 Feb. 2023\n\n${SPOKEN}`, want: '2023-02-15' },
      { text: `Press conference on the Summit\n\nThe plan was agreed in May. 20 Allies have since joined it, and more will follow this year.`, want: null },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want ?? 'no date'} from "${firstLines(text.split('\n\n').slice(1).join('\n'))}"`, () => assert.equal(metadataOf(text).date, want));
    }
  });

  describe('a genre line that goes on from its speaker to the occasion names no one else', () => {
    const cases: { text: string; want: string[] }[] = [
      {
        text: `Remarks by High Representative Kaja Kallas ahead of the meeting with Western Balkans Leaders and Eastern Partnership Ministers\n\n${SPOKEN}`,
        want: ['speaker: Kaja Kallas'],
      },
      {
        text: `Speech by NATO Deputy Secretary General Mircea Geoană opening the Riga Conference and Baltic Sea Forum\n\n${SPOKEN}`,
        want: ['speaker: Mircea Geoană'],
      },
      // An occasion qualified by an adverb ends the list too: those given the prize did not address the House.
      {
        text: `The plenary session featured a formal address by Jane Roe and John Smith, laureates of the 2020 Prize, just after the announcement of this year's prize to two imprisoned journalists, Maria Weber and Pavel Novak.\n\n${SPOKEN}`,
        want: ['speaker: Jane Roe', 'speaker: John Smith'],
      },
      // Must not change: a co-speaker after "with", affiliations after "of" and "from", a plain list.
      {
        text: `Joint press conference by NATO Secretary General Mark Rutte with the Prime Minister of Norway, Jonas Gahr Støre\n\n${SPOKEN}`,
        want: ['speaker: Jonas Gahr Støre', 'speaker: Mark Rutte'],
      },
      { text: `Panel on European defence\n\nSpeakers: Jane Roe of RUSI and John Smith from Ifri\n\n${SPOKEN}`, want: ['speaker: Jane Roe', 'speaker: John Smith'] },
      { text: `Remarks by President Ursula von der Leyen and President António Costa\n\n${SPOKEN}`, want: ['speaker: António Costa', 'speaker: Ursula von der Leyen'] },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ')} from "${firstLines(text)}"`, () => assert.deepEqual(makers(metadataOf(text)), want));
    }
  });

  describe('a speaker or author named only by office is the holder of the office then', () => {
    const cases: { text: string; want: string[] }[] = [
      // The EEAS's "HR" and "HR/VP" before a surname.
      { text: `Foreign Affairs Council: remarks by HR/VP Borrell at the press conference\n\nBrussels, 20 March 2023\n\n${SPOKEN}`, want: ['speaker: Josep Borrell'] },
      { text: `Statement by HR Mogherini on the Iran nuclear deal\n\n${SPOKEN}`, want: ['speaker: Federica Mogherini'] },
      // An office before a surname, whenever it was.
      { text: `Doorstep by Secretary General Rutte on arrival at the European Council\n\n${SPOKEN}`, want: ['speaker: Mark Rutte'] },
      { text: `Remarks by President Costa following the European Council\n\n27 March 2025\n\n${SPOKEN}`, want: ['speaker: António Costa'] },
      // A genre owned by the office, with the date the text states.
      { text: `Defence Secretary's speech to the Land Warfare Conference: 24 June 2025\n\n${SPOKEN}`, want: ['speaker: John Healey'] },
      { text: `The Foreign Secretary's article on European security\n\n12 March 2020\n\nEurope's security is indivisible, and Britain will play its full part in it.`, want: ['author: Dominic Raab'] },
      { text: `Speech by the Home Secretary on organised immigration crime\n\n4 October 2021\n\n${SPOKEN}`, want: ['speaker: Priti Patel'] },
      // Must not change: a surname no holder bears, another country's office, no date, a year or month with two holders,
      // the office's possession, an office named in the body.
      { text: `Remarks by President Macron at the Sorbonne\n\n25 April 2024\n\n${SPOKEN}`, want: [] },
      { text: `Speech by the Prime Minister of Estonia at the Riga Conference\n\n12 October 2024\n\n${SPOKEN}`, want: [] },
      { text: `Prime Minister's remarks at the summit\n\n${SPOKEN}`, want: [] },
      { text: `Prime Minister's speech on defence\n\n2022\n\n${SPOKEN}`, want: [] },
      { text: `Prime Minister's speech on defence\n\nJuly 2024\n\n${SPOKEN}`, want: [] },
      { text: `From: Prime Minister's Office, 10 Downing Street\nPublished 3 March 2025\n\n${STORY}`, want: [] },
      {
        text: `Security and defence after the election\n\n3 March 2025\n\n${STORY}\n\n${STORY}\n\n${STORY}\n\n${STORY}\n\nThe Foreign Secretary's speech to the conference was well received by those present.`,
        want: [],
      },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want.join(', ') || 'nobody'} from "${firstLines(text)}"`, () => assert.deepEqual(makers(metadataOf(text)), want));
    }

    it('knows who held an office on a day, and nobody when a period had two holders', () => {
      const pm = OFFICES.find((o) => o.written.test('Prime Minister'))!;
      assert.equal(holderOn(pm, '2024-07-04'), 'Rishi Sunak');
      assert.equal(holderOn(pm, '2024-07-05'), 'Keir Starmer');
      assert.equal(holderOn(pm, '2023-05'), 'Rishi Sunak');
      assert.equal(holderOn(pm, '2019'), null);
      assert.equal(officeHolderAt('High Representative/Vice-President Kallas', null)?.name, 'Kaja Kallas');
      assert.equal(officeHolderAt('President von der Leyen', null)?.name, 'Ursula von der Leyen');
      assert.equal(officeHolderAt('Deputy Prime Minister', '2025-02-03'), null);
    });
  });

  describe('the publisher, named in a genre line or through its minister in the lede', () => {
    const cases: { text: string; want: string | null }[] = [
      { text: `EU Foreign Affairs Council\n\nWritten statement, House of Lords, 5 March 2024\n\nI attended the Council in Brussels, where ministers discussed Ukraine.`, want: 'House of Lords' },
      { text: `Sanctions against Belarus extended\n\nPress release | Council of the EU | 19 May 2025\n\n${STORY}`, want: 'Council of the European Union' },
      { text: `New border powers to tackle smuggling gangs\n\nThe Home Secretary will today set out new powers to seize the phones of people smugglers arriving in the UK.`, want: 'Home Office' },
      {
        text: `Europe must stand together\n\nEuropean partners must act together to defend Ukraine and deter Russia, the Foreign Secretary will say in Warsaw today.`,
        want: 'Foreign, Commonwealth & Development Office',
      },
      { text: `UK and Poland deepen defence ties\n\nThe Defence Secretary and his Polish counterpart Władysław Kosiniak-Kamysz signed a treaty in Warsaw on Monday.`, want: 'Ministry of Defence' },
      // Must not change: a genre line about a submission, another country's prime minister, an office that is not the subject.
      { text: `Evidence on defence procurement\n\nWritten statement, submitted to the House of Commons Defence Committee, 5 March 2024\n\n${STORY}`, want: null },
      { text: `Estonia and the UK\n\nThe Prime Minister of Estonia will visit London next week to discuss the British-led battlegroup.`, want: null },
      { text: `A summit in Tirana\n\nLeaders met in Tirana, where the talks with the Prime Minister in the chair ran late into the evening.`, want: null },
    ];
    for (const { text, want } of cases) {
      it(`reads ${want ?? 'no publisher'} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).publisher, want));
    }
  });

  describe('the genre of a text from its title and lede', () => {
    const cases: { text: string; want: string }[] = [
      // A genre owned by the person who gave it.
      { text: `Foreign Secretary's remarks at the OSCE Ministerial Council\n\nMr Chair, colleagues, the United Kingdom stands with Ukraine.`, want: 'speech' },
      { text: `Chancellor's address to the Atlantic Council\n\nIt is a pleasure to be in Washington, and to speak about European security.`, want: 'speech' },
      // A headline or lede whose subject is two parties, or a minister who "will say".
      { text: `UK and Norway sign agreement on undersea cables\n\nThe two countries will share intelligence on threats to pipelines and cables in the North Sea.`, want: 'news' },
      { text: `Britain and the Netherlands agree joint patrols in the North Sea\n\nThe patrols begin next month, with ships from both navies taking turns.`, want: 'news' },
      {
        text: `Smuggling gangs\n\nEurope's governments must act together against the gangs who profit from dangerous crossings, the Home Secretary will say in Rome today.`,
        want: 'news',
      },
      // Must not change: an analysis whose title has two parties agreeing mid-sentence, a speaker's own words.
      { text: `Where the UK and EU agree, and where they differ\n\nThis chapter compares the two sides' positions on defence procurement and industrial policy.`, want: 'other' },
      { text: `European defence\n\nThank you. We agree that Europe must do more, and I will say why in the minutes I have today.`, want: 'other' },
    ];
    for (const { text, want } of cases) {
      it(`reads a ${want} from "${firstLines(text)}"`, () => assert.equal(metadataOf(text).type, want));
    }
  });
});
