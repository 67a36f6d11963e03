import { strict as assert } from 'node:assert';
import { detectType } from '../../indexer/metadata/type.js';

describe('type: a text that never names its genre', () => {
  it('a third-person lede (someone hosted, met, said) makes a news story', () => {
    const title = 'Minister meets the Secretary General of the OSCE';
    const text = [
      title,
      '',
      'The Minister for Europe hosted the Secretary General of the OSCE in London on Tuesday for talks on the security of the region.',
      '',
      'Both discussed support for election monitoring and the work of the field missions.',
    ].join('\n');
    assert.equal(detectType(title, text, []), 'news');
  });

  it('a lede that quotes the speaker in the first person is still news', () => {
    const title = 'Commissioner: defence spending must rise';
    const text = `${title}\n\nSpeaking in Vilnius, the Commissioner said that “we cannot wait for the next crisis before we invest in our defence”, and announced a new call for proposals.`;
    assert.equal(detectType(title, text, []), 'news');
  });

  it('a text opening in the speaker’s own voice is not news', () => {
    const title = 'On the future of European security';
    const text = `${title}\n\nThank you for having me here today. I said last year that we would meet again when the situation had changed, and it has.`;
    assert.notEqual(detectType(title, text, []), 'news');
  });

  it('a text with no reporting verb in its opening stays unclassified', () => {
    const title = 'European security architecture';
    const text = `${title}\n\nThe architecture of European security rests on several overlapping organisations with distinct memberships and mandates.`;
    assert.equal(detectType(title, text, []), 'other');
  });
});

describe('type: a text that names its genre in passing', () => {
  it('"this briefing" makes a briefing, even when the opening reads like a news lede', () => {
    const title = 'Arms control: an overview';
    const text = `${title}\n\nOn 4 March the Government announced a review of export licensing for the region, which ministers said would report within the year.\n\nThis briefing sets out the background to the review and the positions of the parties.`;
    assert.equal(detectType(title, text, []), 'briefing');
  });

  it('"this paper" makes a policy paper', () => {
    const title = 'Rethinking deterrence in the North';
    const text = `${title}\n\nDeterrence in the region rests on forces that were designed for another era.\n\nIn this paper we argue that the posture should change.`;
    assert.equal(detectType(title, text, []), 'policy-paper');
  });
});
