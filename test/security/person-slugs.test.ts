/**
 * People named in any script get their own page: a slug that is never empty and never
 * shared by two different names; files named in any script get ids of their own. Slugs of
 * Latin names and ids of Latin-script paths stay as they were, so existing links keep working.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentId, personSlug } from '../../contract/ids.js';
import { discover } from '../../indexer/stages/discover.js';
import { buildMetadata } from '../../indexer/stages/metadata.js';
import { newJob } from '../../indexer/stages/stage.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('security: person slugs for names in any script', () => {
  it('gives four people of one sidecar, named in Greek, Bulgarian, Ukrainian and Chinese, four pages', () => {
    const job = newJob({ path: '/corpus/x.txt', relativePath: 'x.txt', id: 'x-txt', format: 'text', sidecarPath: '/corpus/x.meta.yml' });
    job.sidecar = { title: 'Roundtable', speakers: ['Κυριάκος Μητσοτάκης', 'Румен Радев', 'Володимир Зеленський', '习近平'] };
    job.extracted = { blocks: [{ page: 1, kind: 'paragraph', text: 'A roundtable.' }], pages: 1, properties: {}, propertiesSource: null, needsOcr: false, warnings: [] };
    const metadata = buildMetadata(job);
    if ('error' in metadata) assert.fail(metadata.error);
    const slugs = metadata.people.map((p) => p.slug);
    assert.equal(slugs.length, 4, JSON.stringify(metadata.people));
    assert.equal(new Set(slugs).size, 4, `people merged: ${slugs.join(', ')}`);
    for (const slug of slugs) assert.match(slug, SLUG);
    assert.ok(slugs[0]!.startsWith('kyriakos-mitsotakis-'), slugs[0]);
    assert.ok(slugs[2]!.startsWith('volodimir-zelenskiy-'), slugs[2]);
  });

  it('never gives an empty slug, and never one slug to different names that transliterate alike', () => {
    for (const name of ['🙂', '—', 'محمد', 'Ж']) assert.match(personSlug(name), SLUG, name);
    // Homophones in Chinese, and Arabic names that differ only in letters transliterated alike.
    assert.notEqual(personSlug('张伟'), personSlug('章伟'));
    assert.notEqual(personSlug('محمد'), personSlug('محمّد'));
    // One name always gives the same slug.
    assert.equal(personSlug('Румен Радев'), personSlug('Румен Радев'));
  });

  it('gives files named in other scripts their own document ids, so none is refused as a clash', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'entente-ids-'));
    try {
      const names = ['Заява.txt', 'Звіт.txt', '声明.txt', '报告.txt', 'Δήλωση.txt', '٢٠٢٥.txt', '🙂.txt', 'report.txt'];
      for (const name of names) writeFileSync(join(corpus, name), 'A statement.');
      const found = await discover(corpus);
      assert.deepEqual(found.rejected, []);
      assert.equal(new Set(found.files.map((f) => f.id)).size, names.length);
      for (const file of found.files) assert.match(file.id, SLUG, file.relativePath);
      assert.equal(documentId('Заява.txt'), documentId('Заява.txt'), 'the same path always gives the same id');
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('keeps the slugs of Latin names and the ids of Latin-script paths as they were', () => {
    assert.equal(personSlug('José Manuel Barroso'), 'jose-manuel-barroso');
    assert.equal(personSlug('Ursula von der Leyen'), 'ursula-von-der-leyen');
    assert.equal(personSlug("Sean O'Brien"), 'sean-o-brien');
    assert.equal(documentId('2025/UK–EU Roundtable.txt'), '2025-uk-eu-roundtable-txt');
    assert.equal(documentId('Łódź/Ørsted ½.pdf'), 'odz-rsted-1-2-pdf');
  });
});
