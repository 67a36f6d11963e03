import { strict as assert } from 'node:assert';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ThemeCatalog } from '../../server/themes.js';

const taxonomy = (label: string) => `threshold: 1
themes:
  - id: nato
    label: ${label}
    description: The Alliance.
    terms:
      acronyms: [NATO]
`;

describe('theme catalog of the server', () => {
  let dir: string;
  let now: number;
  let catalog: ThemeCatalog;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'themes-'));
    writeFileSync(join(dir, 'themes.yml'), taxonomy('NATO'));
    now = 0;
    catalog = new ThemeCatalog(dir, () => now);
  });

  /** Rewrites themes.yml with a later modification time, as an editor would. */
  function edit(label: string, seconds: number) {
    writeFileSync(join(dir, 'themes.yml'), taxonomy(label));
    const when = new Date(Date.now() + seconds * 1000);
    utimesSync(join(dir, 'themes.yml'), when, when);
  }

  it('labels known themes and shows unknown ones by id', () => {
    assert.equal(catalog.label('nato'), 'NATO');
    assert.equal(catalog.label('unknown-theme'), 'unknown-theme');
    assert.deepEqual([...catalog.ids()], ['nato']);
    assert.equal(catalog.get('nato')?.label, 'NATO');
  });

  it('follows an edit of themes.yml within a second', () => {
    assert.equal(catalog.label('nato'), 'NATO');
    edit('North Atlantic Alliance', 5);
    now = 500;
    assert.equal(catalog.label('nato'), 'NATO', 'looked at the file again within the second');
    now = 1000;
    assert.equal(catalog.label('nato'), 'North Atlantic Alliance');
    assert.deepEqual([...catalog.ids()], ['nato']);
  });

  it('keeps the last good taxonomy while the file is invalid', () => {
    assert.equal(catalog.label('nato'), 'NATO');
    writeFileSync(join(dir, 'themes.yml'), 'themes: [ {');
    const when = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'themes.yml'), when, when);
    now = 2000;
    assert.equal(catalog.label('nato'), 'NATO');
    edit('Alliance', 10);
    now = 4000;
    assert.equal(catalog.label('nato'), 'Alliance');
  });
});
