/** Which glossary acronyms a text mentions: the acronym as written, its expansion or an alias, never the ordinary word. */
import { strict as assert } from 'node:assert';
import { acronymsIn } from '../../indexer/stages/acronyms.js';
import { loadGlossary } from '../../contract/taxonomy.js';
import { SHIPPED_CORPUS } from '../support/corpus.js';

describe('acronyms stage', () => {
  const glossary = loadGlossary(SHIPPED_CORPUS);

  it('finds an acronym written in capitals, and the same entry by its expansion or an alias', () => {
    assert.deepEqual(acronymsIn(glossary, 'Loans under SAFE were agreed.'), ['SAFE']);
    assert.deepEqual(acronymsIn(glossary, 'The Security Action for Europe offers loans.'), ['SAFE']);
    assert.deepEqual(acronymsIn(glossary, 'Britain and the High Representative met.').sort(), ['HR/VP', 'UK']);
  });

  it('never reads the ordinary word as the acronym', () => {
    assert.deepEqual(acronymsIn(glossary, 'Passengers felt safe and safer; safety first.'), []);
  });
});
