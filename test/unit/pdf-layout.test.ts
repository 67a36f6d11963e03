import { strict as assert } from 'node:assert';
import { normaliseInfo } from '../../indexer/extractors/pdf/info.js';
import { cleanText, isPageNumberLine, joinLines, pageBlocks, type TextRun } from '../../indexer/extractors/pdf/layout.js';

/** One run per line, 12 pt, baselines 14 pt apart from the top of an A4 page. */
function linesAt(texts: Array<string | null>, options: { x?: number; size?: number; top?: number } = {}): TextRun[] {
  const size = options.size ?? 12;
  let y = options.top ?? 800;
  const runs: TextRun[] = [];
  for (const text of texts) {
    // null is a blank line: the next baseline is one more line down.
    if (text !== null) runs.push({ str: text, x: options.x ?? 72, y, width: text.length * size * 0.5, fontSize: size, hasEOL: true });
    y -= size * 1.2;
  }
  return runs;
}

describe('PDF text layout', () => {
  it('rejoins a word hyphenated across a line break', () => {
    assert.equal(joinLines(['the common security and defen-', 'ce policy']), 'the common security and defence policy');
    assert.equal(joinLines(['a soft hyphen in Brus\u00AD', 'sels']), 'a soft hyphen in Brussels');
  });

  it('keeps the hyphen of a compound or before a capital', () => {
    assert.equal(joinLines(['a peer-to-', 'peer network']), 'a peer-to-peer network');
    assert.equal(joinLines(['the UK-', 'EU treaty']), 'the UK-EU treaty');
  });

  it('joins CJK lines without inserting spaces', () => {
    assert.equal(joinLines(['我们都是', '黑体字']), '我们都是黑体字');
  });

  it('splits paragraphs at a blank-line gap and joins the lines inside one', () => {
    const blocks = pageBlocks(
      linesAt(['The first paragraph starts here and', 'ends on this line.', null, 'A second paragraph follows after', 'a gap.']),
      1,
    );
    assert.deepEqual(
      blocks.map((block) => block.text),
      ['The first paragraph starts here and ends on this line.', 'A second paragraph follows after a gap.'],
    );
  });

  it('splits paragraphs at a short last line even without a gap', () => {
    const long = 'x'.repeat(80);
    const blocks = pageBlocks(linesAt([`Opening ${long}`, 'short end.', `Next paragraph ${long}`, 'goes on here.']), 1);
    assert.equal(blocks.length, 2);
    assert.match(blocks[1]!.text, /^Next paragraph/);
  });

  it('drops page numbers and "-- n of N --" separators but keeps numbers inside the text', () => {
    const blocks = pageBlocks(linesAt(['-- 3 of 12 --', 'Body text about 2025 and NATO.', null, null, '12']), 3);
    assert.deepEqual(blocks.map((block) => block.text), ['Body text about 2025 and NATO.']);
    assert.ok(isPageNumberLine('Page 4 of 10'));
    assert.ok(!isPageNumberLine('2025 was a busy year'));
  });

  it('marks a larger, short line as a heading and bullets as list items', () => {
    const runs = [
      ...linesAt(['Defence Cooperation'], { size: 20, top: 800 }),
      ...linesAt(['Body text in ordinary type that runs on and', 'ends here.', null, '• first point', '• second point'], { top: 760 }),
    ];
    const blocks = pageBlocks(runs, 1);
    assert.deepEqual(
      blocks.map((block) => [block.kind, block.text]),
      [
        ['heading', 'Defence Cooperation'],
        ['paragraph', 'Body text in ordinary type that runs on and ends here.'],
        ['list-item', 'first point'],
        ['list-item', 'second point'],
      ],
    );
  });

  it('removes control characters, unfolds ligatures and presentation forms, and NFC-normalises', () => {
    assert.equal(cleanText('a\u0000b\u0007c\uFFFD'), 'abc');
    assert.equal(cleanText('\uFB01nance \uFB02ow'), 'finance flow');
    assert.equal(cleanText('\uFEE0\uFEE4'), '\u0644\u0645');
    assert.equal(cleanText('e\u0301'), '\u00E9');
    // Other compatibility characters keep their meaning.
    assert.equal(cleanText('10 m² ½'), '10 m² ½');
  });
});

describe('PDF info normalisation', () => {
  const toDate = (value: string): Date | null => {
    const match = /^D:(\d{4})(\d{2})(\d{2})/.exec(value);
    return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  };

  it('keeps real fields and gives ISO dates', () => {
    const properties = normaliseInfo(
      { Title: ' UK–EU  Security\u0000 ', Author: 'Jane Doe', Keywords: 'defence; NATO, EU', CreationDate: 'D:20250505120000Z', ModDate: 'garbage' },
      4,
      toDate,
    );
    assert.deepEqual(properties, {
      pages: 4,
      title: 'UK–EU Security',
      author: 'Jane Doe',
      keywords: ['defence', 'NATO', 'EU'],
      created: '2025-05-05T00:00:00.000Z',
    });
  });

  it('ignores junk titles', () => {
    for (const title of ['Microsoft Word - report.docx', 'untitled', 'Untitled document', 'draft_v3.pdf', '  ']) {
      assert.equal(normaliseInfo({ Title: title }, 1, toDate).title, undefined, title);
    }
    assert.equal(normaliseInfo({ Title: 'Node.js and Europe' }, 1, toDate).title, 'Node.js and Europe');
  });
});
