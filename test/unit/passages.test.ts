import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { markdownBlocks } from '../../indexer/extractors/markdown.js';
import { textBlocks } from '../../indexer/extractors/text.js';
import { PASSAGE_ID_PATTERN } from '../../contract/ids.js';
import type { Passage } from '../../contract/document.js';
import { buildPassages, fullText, passageId, passagesStage } from '../../indexer/stages/passages.js';
import { newJob, type StageContext } from '../../indexer/stages/stage.js';
import { type Block } from '../../contract/extracted.js';

const SEED_PATH = fileURLToPath(new URL('../../corpus/uk-eu-defence-roundtable-2025.txt', import.meta.url));
const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
const SEED_TITLE = 'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead';
const DOC_ID = 'uk-eu-defence-roundtable-2025-txt';

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const passagesOfText = (text: string, docId = DOC_ID) => buildPassages(docId, textBlocks(text).blocks);

/** A paragraph of `n` distinct words ending in a full stop, tagged so paragraphs differ. */
function paragraph(tag: string, n: number): string {
  return `${Array.from({ length: n - 1 }, (_, i) => `${tag}${i}`).join(' ')} end.`;
}

/** Sentences of 10 words each, `count` of them. */
function sentences(tag: string, count: number): string {
  return Array.from({ length: count }, (_, s) => `${tag} sentence ${s} has exactly ten words in it here.`).join(' ');
}

function assertOffsetsAgree(passages: Passage[], blocks: Block[]): void {
  const text = fullText(blocks);
  for (const passage of passages) assert.equal(text.slice(passage.start, passage.end), passage.text);
}

describe('passages stage', () => {
  describe('on the seed event report', () => {
    const { blocks } = textBlocks(SEED_TEXT);
    const passages = buildPassages(DOC_ID, blocks);

    it('gives passages of 40–250 words, except possibly a short final one', () => {
      assert.ok(passages.length >= 3, `only ${passages.length} passages`);
      passages.forEach((passage, i) => {
        const words = wordCount(passage.text);
        assert.ok(words <= 250, `passage ${i} has ${words} words`);
        if (i < passages.length - 1) assert.ok(words >= 40, `passage ${i} has ${words} words`);
      });
    });

    it('keeps the list items intact, together with the sentence that introduces them', () => {
      const items = blocks.filter((b) => b.kind === 'list-item');
      assert.equal(items.length, 5);
      const holding = passages.filter((p) => items.some((item) => p.text.includes(item.text)));
      assert.equal(holding.length, 1, 'the list is split across passages');
      for (const item of items) assert.ok(holding[0]!.text.includes(item.text));
      assert.ok(holding[0]!.text.includes('Participants addressed a range of questions'));
    });

    it('labels passages with the title heading, numbers them in reading order and covers every paragraph', () => {
      assert.deepEqual(passages.map((p) => p.ordinal), passages.map((_, i) => i));
      assert.ok(passages.every((p) => p.heading === SEED_TITLE && p.page === 1));
      assert.ok(passages.every((p) => !p.text.includes(SEED_TITLE)), 'a heading is not passage text');
      for (const block of blocks.filter((b) => b.kind !== 'heading')) {
        assert.ok(passages.some((p) => p.text.includes(block.text)), `missing: ${block.text.slice(0, 40)}`);
      }
      assert.ok(passages.every((p) => p.themes.length === 0 && p.themeTags.length === 0));
    });

    it('gives offsets into fullText(blocks) and ids that match PASSAGE_ID_PATTERN', () => {
      assertOffsetsAgree(passages, blocks);
      for (const passage of passages) {
        const match = PASSAGE_ID_PATTERN.exec(passage.id);
        assert.ok(match, passage.id);
        assert.equal(match[1], DOC_ID);
      }
      assert.equal(new Set(passages.map((p) => p.id)).size, passages.length);
    });

    it('gives the same ids on a second run', () => {
      const again = passagesOfText(readFileSync(SEED_PATH, 'utf8'));
      assert.deepEqual(again.map((p) => p.id), passages.map((p) => p.id));
    });

    it('changes only the edited passage’s id when one paragraph is edited', () => {
      const edited = SEED_TEXT.replace('timely opportunity', 'welcome opportunity');
      assert.notEqual(edited, SEED_TEXT);
      const after = passagesOfText(edited);
      assert.equal(after.length, passages.length);
      const changed = after.filter((p, i) => p.id !== passages[i]!.id);
      assert.equal(changed.length, 1);
      assert.ok(changed[0]!.text.includes('welcome opportunity'));
    });
  });

  describe('ids', () => {
    it('are the document id and 8 hex characters of the normalised text, whatever its case and spacing', () => {
      const id = passageId('my-doc', 'The  UK and the EU\nagreed.');
      assert.match(id, /^my-doc_[0-9a-f]{8}$/);
      assert.equal(passageId('my-doc', '  the uk and THE EU agreed. '), id);
      assert.notEqual(passageId('my-doc', 'The UK and the EU disagreed.'), id);
      assert.equal(passageId('my-doc', 'The UK and the EU agreed.', 3), `${id}-3`);
    });

    it('give identical paragraphs -2 and -3 suffixes in reading order', () => {
      const repeated = paragraph('same', 50);
      const text = [repeated, paragraph('other', 50), repeated, paragraph('more', 50), repeated].join('\n\n');
      const passages = passagesOfText(text, 'doc');
      assert.equal(passages.length, 5);
      const base = passageId('doc', repeated);
      assert.deepEqual([passages[0]!.id, passages[2]!.id, passages[4]!.id], [base, `${base}-2`, `${base}-3`]);
      assert.ok(passages.every((p) => PASSAGE_ID_PATTERN.test(p.id)));
    });

    it('survive edits elsewhere in the document, even ones that move the passage', () => {
      const kept = paragraph('kept', 60);
      const before = passagesOfText([paragraph('intro', 60), kept].join('\n\n'), 'doc');
      const after = passagesOfText([paragraph('intro', 60), paragraph('inserted', 70), kept].join('\n\n'), 'doc');
      const keptBefore = before.find((p) => p.text === kept)!;
      const keptAfter = after.find((p) => p.text === kept)!;
      assert.equal(keptAfter.id, keptBefore.id);
      assert.notEqual(keptAfter.start, keptBefore.start);
    });
  });

  describe('sizes and boundaries', () => {
    it('never merges across a page break (form feed)', () => {
      const text = `${paragraph('one', 15)}\n\n${paragraph('two', 15)}\f${paragraph('three', 15)}\n\n${paragraph('four', 15)}\f${paragraph('five', 15)}`;
      const { blocks } = textBlocks(text);
      const passages = buildPassages('doc', blocks);
      assert.deepEqual(passages.map((p) => p.page), [1, 2, 3]);
      assert.ok(passages[0]!.text.includes('one0') && passages[0]!.text.includes('two0'));
      assert.ok(!passages[0]!.text.includes('three0'));
      assert.ok(passages[1]!.text.includes('three0') && passages[1]!.text.includes('four0'));
      assertOffsetsAgree(passages, blocks);
    });

    it('merges short paragraphs and keeps long ones apart', () => {
      const text = [paragraph('a', 15), paragraph('b', 15), paragraph('c', 15), paragraph('d', 120), paragraph('e', 120)].join('\n\n');
      const passages = passagesOfText(text, 'doc');
      assert.deepEqual(passages.map((p) => wordCount(p.text)), [45, 120, 120]);
    });

    it('folds a short trailing paragraph into the passage before it', () => {
      const text = [paragraph('a', 100), paragraph('b', 12)].join('\n\n');
      const passages = passagesOfText(text, 'doc');
      assert.equal(passages.length, 1);
      assert.equal(wordCount(passages[0]!.text), 112);
    });

    it('splits a paragraph over 250 words at sentence boundaries', () => {
      const long = sentences('Long', 60); // 600 words
      const { blocks } = textBlocks(long);
      const passages = buildPassages('doc', blocks);
      assert.ok(passages.length >= 3);
      for (const passage of passages) {
        const words = wordCount(passage.text);
        assert.ok(words >= 40 && words <= 250, `${words} words`);
        assert.match(passage.text, /^Long sentence \d+ .* here\.$/);
      }
      assert.equal(passages.map((p) => p.text).join(' '), long);
      assertOffsetsAgree(passages, blocks);
    });

    it('splits a single sentence over 250 words between words', () => {
      const runOn = `${Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ')}.`;
      const passages = passagesOfText(runOn, 'doc');
      assert.ok(passages.length >= 3);
      assert.ok(passages.every((p) => wordCount(p.text) <= 250));
      assert.equal(passages.map((p) => p.text).join(' '), runOn);
    });

    it('gives a document under 40 words one passage, and a headings-only document one too', () => {
      assert.equal(passagesOfText('A short note.', 'doc').length, 1);
      const headingsOnly = buildPassages('doc', [{ page: 1, kind: 'heading', text: 'Programme' }]);
      assert.deepEqual(headingsOnly.map((p) => p.text), ['Programme']);
      assert.deepEqual(buildPassages('doc', []), []);
    });
  });

  describe('headings', () => {
    it('become the heading of the Markdown passages that follow, and start a new passage', () => {
      const md = ['# Background', '', paragraph('bg', 20), '', '## Findings', '', paragraph('f1', 20), '', paragraph('f2', 30)].join('\n');
      const blocks = markdownBlocks(md);
      const passages = buildPassages('doc', blocks);
      assert.deepEqual(passages.map((p) => [p.heading, wordCount(p.text)]), [
        ['Background', 20],
        ['Findings', 50],
      ]);
      assert.ok(!passages.some((p) => p.text.includes('Findings')));
      assertOffsetsAgree(passages, blocks);
    });

    it('leave passages before the first heading without one', () => {
      const passages = buildPassages('doc', [
        { page: 1, kind: 'paragraph', text: paragraph('intro', 50) },
        { page: 1, kind: 'heading', text: 'Annex' },
        { page: 1, kind: 'paragraph', text: paragraph('annex', 50) },
      ]);
      assert.deepEqual(passages.map((p) => p.heading), [null, 'Annex']);
    });
  });

  it('runs as a stage: reads job.extracted.blocks, fills job.passages with the document id', async () => {
    const job = newJob({ path: '/corpus/seed.txt', relativePath: 'seed.txt', id: 'seed-txt', format: 'text', sidecarPath: null });
    const { blocks, pages } = textBlocks(SEED_TEXT);
    job.extracted = { blocks, pages, properties: {}, propertiesSource: null, needsOcr: false, warnings: [] };
    assert.equal(await passagesStage.run(job, {} as StageContext), undefined);
    assert.ok(job.passages.length > 0);
    assert.ok(job.passages.every((p) => p.id.startsWith('seed-txt_')));
  });
});
