import { strict as assert } from 'node:assert';
import { highlightHtml, plainHtml } from '../../server/search/highlight.js';
import { needsNames, suggestFromVocabulary, suggestSpelling } from '../../server/search/suggest.js';
import type { AppContext } from '../../server/context.js';

describe('escape-first highlighting', () => {
  it('marks matches', () => {
    assert.equal(highlightHtml('people \uE000smuggling\uE001 routes'), 'people <mark>smuggling</mark> routes');
  });

  it('escapes markup in the text, including a literal </mark>', () => {
    const html = highlightHtml('<script>alert(1)</script> \uE000NATO\uE001 </mark><img src=x onerror=alert(1)>');
    assert.equal(html, '&lt;script&gt;alert(1)&lt;/script&gt; <mark>NATO</mark> &lt;/mark&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('drops unbalanced markers a document might contain', () => {
    assert.equal(highlightHtml('a \uE000b \uE000c\uE001 d\uE001'), 'a b <mark>c</mark> d');
    assert.equal(plainHtml('x\uE000y "q"'), 'xy &quot;q&quot;');
  });
});

describe('spelling suggestion from the collection vocabulary', () => {
  it('replaces a word one or two edits from a known word', () => {
    assert.equal(suggestFromVocabulary('smugling', ['people smuggling', 'NATO']), 'smuggling');
  });
  it('suggests nothing when every word is known or nothing is close', () => {
    assert.equal(suggestFromVocabulary('smuggling', ['people smuggling']), null);
    assert.equal(suggestFromVocabulary('zzzzzz', ['people smuggling']), null);
  });
  it('asks for names only when the themes leave a word to respell, and respells to a name', () => {
    const themes = [{ id: 'migration', label: 'Migration and people smuggling', terms: { phrases: ['people smuggling', 'border control'] } }];
    const context = { themes: { themes: () => themes } } as unknown as AppContext;
    assert.equal(needsNames('people smuggling', context), false, 'every word is a theme word');
    assert.equal(needsNames('EU border', context), false, 'short words are never respelt');
    assert.equal(needsNames('Kalas smuggling', context), true);
    assert.equal(suggestSpelling('Kalas smuggling', ['Kaja Kallas'], context), 'kallas smuggling');
    assert.equal(suggestSpelling('smugling', [], context), 'smuggling');
  });
});
