/**
 * Fixture corpora for integration tests: the shipped corpus plus one file of
 * every kind the indexer meets (Markdown with front matter, HTML, text with a
 * sidecar, generated multi-page and blank PDFs, a malformed and an encrypted
 * PDF), and a generator of many small synthetic documents.
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const SHIPPED_CORPUS = join(REPO_ROOT, 'corpus');

/**
 * The shipped taxonomy, glossary and seed report: what fixture corpora build on.
 * The starter collection is not copied, so fixtures stay small and their counts
 * do not move when the collection grows.
 */
export function copyShippedBasics(dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const file of ['themes.yml', 'glossary.yml', FIXTURE_SEED]) cpSync(join(SHIPPED_CORPUS, file), join(dest, file));
}
const FIXTURE_SEED = 'uk-eu-defence-roundtable-2025.txt';
export const PDF_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'pdf');

export const FIXTURE_FILES = {
  seed: FIXTURE_SEED,
  markdown: 'papers/pesco-and-third-countries.md',
  html: 'news/coast-guard-agreement.html',
  sidecarText: 'speeches/remarks-on-sanctions.txt',
  pdf: 'papers/defence-industrial-base.pdf',
  blankPdf: 'scans/blank-scan.pdf',
  malformedPdf: 'broken/not-really.pdf',
  encryptedPdf: 'broken/print_protection.pdf',
  corruptPdf: 'broken/bug1020226.pdf',
} as const;

/** Generic prose so passages reach realistic lengths. */
function paragraph(topic: string, n: number): string {
  const sentences = [
    `Participants examined how ${topic} shapes the relationship between the United Kingdom and the European Union.`,
    `Several noted that practical cooperation had moved faster than the formal agreements that were meant to frame it.`,
    `Officials described the administrative steps needed before any new arrangement could take effect in practice.`,
    `Others argued that trust between ministries would matter more than the wording of any treaty text.`,
    `The discussion returned repeatedly to questions of funding, oversight and the role of national parliaments.`,
  ];
  return Array.from({ length: n }, (_, i) => sentences[i % sentences.length]).join(' ');
}

export async function makePdf(pages: string[][], info: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  if (info.title) pdf.setTitle(info.title);
  if (info.author) pdf.setAuthor(info.author);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 800;
    for (const line of lines) {
      page.drawText(line, { x: 50, y, size: 10, font });
      y -= 14;
    }
  }
  return pdf.save();
}

function write(root: string, rel: string, content: string | Uint8Array): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Wraps prose to PDF lines of about 90 characters. */
function lines(text: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if ((line + ' ' + word).length > 90) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

export async function makeFixtureCorpus(root: string): Promise<void> {
  copyShippedBasics(root);

  write(
    root,
    FIXTURE_FILES.markdown,
    `---
title: PESCO and Third Countries
date: 2024-03-14
type: policy-paper
organisations: [Centre for Fictional Security Studies]
people:
  - { name: Dr Alexandra Fictive, role: author }
---

# Summary

${paragraph('Permanent Structured Cooperation (PESCO) and military mobility', 6)}

## Recommendations

${paragraph('the European Defence Fund and joint procurement', 5)}

${paragraph('NATO and transatlantic burden-sharing', 5)}
`,
  );

  write(
    root,
    FIXTURE_FILES.html,
    `<!doctype html><html lang="en"><head><title>Coast guard agreement signed</title>
<meta name="description" content="Maritime cooperation on irregular migration.">
<meta name="date" content="2023-11-02"><script>var tracking = "do not index me";</script></head>
<body><nav>Home | News</nav><main><h1>Coast guard agreement signed</h1>
<p>${paragraph('maritime security and people smuggling in the Channel', 5)}</p>
<p>${paragraph('irregular migration and Europol cooperation', 5)}</p></main></body></html>`,
  );

  write(
    root,
    FIXTURE_FILES.sidecarText,
    `Remarks on sanctions\n\n${paragraph('sanctions against Russia', 6)}\n\n${paragraph('asset freezes and export controls', 6)}\n`,
  );
  write(
    root,
    FIXTURE_FILES.sidecarText.replace(/\.txt$/, '.meta.yml'),
    `title: Remarks on Sanctions Policy
date: 2022-06-30
type: speech
place: London
people:
  - name: Baroness Imaginary Speaker
    role: speaker
`,
  );

  write(
    root,
    FIXTURE_FILES.pdf,
    await makePdf(
      [
        ['The Defence Industrial Base', '', ...lines(paragraph('the defence industrial base and the SAFE instrument', 8))],
        lines(paragraph('joint procurement and standardisation', 8)),
        lines(paragraph('critical infrastructure and resilience', 8)),
      ],
      { title: 'The Defence Industrial Base', author: 'Jane Fictional' },
    ),
  );
  write(root, FIXTURE_FILES.blankPdf, await makePdf([[]]));
  write(root, FIXTURE_FILES.malformedPdf, 'This is a text file wearing a .pdf extension.\n');
  mkdirSync(join(root, 'broken'), { recursive: true });
  copyFileSync(join(PDF_FIXTURES, 'print_protection.pdf'), join(root, FIXTURE_FILES.encryptedPdf));
  copyFileSync(join(PDF_FIXTURES, 'bug1020226.pdf'), join(root, FIXTURE_FILES.corruptPdf));
}

const TOPICS = [
  'defence industrial cooperation',
  'sanctions against Russia',
  'NATO burden-sharing',
  'people smuggling in the Channel',
  'cyber and hybrid threats',
  'CSDP missions in the Western Balkans',
  'Europol data exchange',
];

/** Clearly fictional people and bodies, so facets have many values. */
const PEOPLE = ['Ada Quillfeather', 'Bram Oakenshaw', 'Cora Lindqvist-Fable', 'Dmitri Paperweight', 'Elspeth Marchbanks', 'Fergus Inkwell', 'Greta Holloway-Fiction', 'Hugo Vantablack', 'Iris Nonesuch', 'Jasper Quire', 'Kaia Moonford'];
const ORGS = ['Fictional Institute', 'Centre for Imaginary Studies', 'Placeholder Forum', 'Institute of Invented Affairs', 'Example Policy Lab'];
const TYPES = ['briefing', 'policy-paper', 'statement', 'news'];

/** `count` small Markdown and text documents with distinct dates, themes, people and organisations. */
export function generateDocuments(root: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const year = 2012 + (i % 14);
    const org = ORGS[i % ORGS.length]!;
    const [a, b, c] = [0, 3, 7].map((k) => PEOPLE[(i + k) % PEOPLE.length]!);
    const body = [1, 2, 3].map((k) => paragraph(`${topic} (item ${i}, part ${k})`, 4 + k)).join('\n\n');
    const name = `gen/doc-${String(i).padStart(5, '0')}`;
    if (i % 2 === 0) {
      const type = TYPES[(i >> 1) % TYPES.length];
      write(
        root,
        `${name}.md`,
        `---\ntitle: Fictional ${type} ${i} on ${topic}\ndate: ${year}-${month}-${day}\ntype: ${type}\norganisations: [${org}]\npeople:\n  - { name: ${a}, role: author }\n---\n\n${body}\n`,
      );
    } else {
      write(
        root,
        `${name}.txt`,
        `Fictional roundtable ${i} on ${topic}\n\nOn ${Number(day)} March ${year}, the ${org} hosted a roundtable in Lisbon. Chaired by Dr ${a}, the session brought together experts including ${b} and ${c}.\n\n${body}\n`,
      );
    }
  }
}
