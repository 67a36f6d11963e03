/**
 * A synthetic corpus of clearly fictional documents for the benchmark: event
 * reports (1–5 pages), policy papers (10–60 pages) and shorter briefings,
 * speeches, statements and news, as PDF, Markdown and plain text, dated over
 * 15 years and written around the themes of corpus/themes.yml.
 *
 * Deterministic: document i of a corpus is the same on every machine, so a
 * corpus is cached under bench/corpus/<size>-g<GENERATOR_VERSION>/ and reused.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { loadTaxonomy, type Taxonomy } from '../contract/taxonomy.js';

/** Bump when the generator's output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 1;

export const BENCH_DIR = import.meta.dirname;
export const REPO_ROOT = join(BENCH_DIR, '..');
const SHIPPED_CORPUS = join(REPO_ROOT, 'corpus');
const COMPLETE_MARKER = '.bench-complete.json';

export type GeneratedFormat = 'pdf' | 'markdown' | 'text';

export interface GeneratedDocument {
  /** Path relative to the corpus root. */
  path: string;
  format: GeneratedFormat;
  type: string;
  /** Nominal pages (Markdown has no pages of its own; this is its length in pages). */
  pages: number;
  words: number;
  bytes: number;
}

export interface CorpusManifest {
  size: number;
  generatorVersion: number;
  documents: GeneratedDocument[];
  totals: { documents: number; pages: number; words: number; bytes: number; byFormat: Record<GeneratedFormat, number> };
  generationMs: number;
}

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

// Every organisation and person is invented; the names say so.
export const ORGANISATIONS = [
  'Fictional Institute for European Security',
  'Imaginary Centre for Defence Studies',
  'Centre for Invented Policy Research',
  'Placeholder Foundation for Transatlantic Affairs',
  'Example Council on Foreign Relations',
  'Notional Defence Forum',
  'Sample University Security Programme',
  'Hypothetical Policy Lab',
  'Pretend Parliament Research Service',
  'Fabricated Academy of Strategic Studies',
  'Model Institute for Maritime Affairs',
  'Synthetic Observatory on Migration',
];
const FIRST_NAMES = [
  'Amelia', 'Bastien', 'Clara', 'Dorian', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katrin', 'Lucas',
  'Maren', 'Nikolai', 'Olivia', 'Pavel', 'Quentin', 'Rosa', 'Sven', 'Tilda', 'Ulrich', 'Vera', 'Wilhelmina', 'Yusuf',
];
const SURNAMES = [
  'Fablewright', 'Inventa', 'Makebelieve', 'Placeholder', 'Fictor', 'Imaginova', 'Notreal', 'Pretendo', 'Storyfield',
  'Samplesson', 'Dummington', 'Mockridge', 'Testwell', 'Fauxley', 'Feignmore', 'Synthwick', 'Madeup', 'Conjectura',
];
const HONORIFICS = ['', '', '', 'Dr ', 'Professor ', 'Sir ', 'Dame '];
const PLACES = ['Brussels', 'London', 'Paris', 'Berlin', 'Lisbon', 'Warsaw', 'Tallinn', 'Rome', 'Madrid', 'The Hague'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const SUBJECTS = [
  'the partnership', 'the working group', 'national ministries', 'the participants', 'several speakers', 'the Commission',
  'member states', 'the United Kingdom', 'the European Union', 'parliamentary committees', 'defence planners',
  'officials', 'industry representatives', 'the secretariat', 'regional partners', 'the negotiators',
];
const VERBS = [
  'examined', 'questioned', 'supported', 'challenged', 'reviewed', 'outlined', 'described', 'compared', 'welcomed',
  'criticised', 'prioritised', 'assessed', 'underlined', 'revisited', 'mapped', 'debated',
];
const OBJECTS = [
  'the legal basis for cooperation', 'the funding arrangements', 'the timetable for implementation',
  'the oversight mechanisms', 'information sharing between agencies', 'the role of national parliaments',
  'the administrative burden', 'the political signals sent to partners', 'the balance of costs and benefits',
  'the reporting obligations', 'the scope of the agreement', 'the governance structure', 'the risks of duplication',
  'the consultation process', 'the question of third-country access', 'the lessons from earlier programmes',
];
const CONNECTORS = [
  'In practice,', 'By contrast,', 'At the same time,', 'For this reason,', 'As one participant noted,', 'Moreover,',
  'In the longer term,', 'Nevertheless,', 'Against this background,', 'In the view of several experts,',
];
const CLOSINGS = [
  'which would require sustained political attention.', 'although progress had been uneven.',
  'and the discussion returned to this point several times.', 'with consequences for budgets over the coming decade.',
  'which many considered overdue.', 'while noting the limits of what could be agreed quickly.',
  'and further work was proposed before the next meeting.', 'in line with commitments made in earlier statements.',
];
const SYLLABLES = ['ka', 'lor', 'mi', 'ven', 'dro', 'sel', 'tan', 'qui', 'bor', 'nel', 'fra', 'zu', 'pel', 'tor', 'ry', 'lan'];

/** Theme vocabulary: phrases and acronyms that the tagger matches, per theme. */
function themeTerms(taxonomy: Taxonomy): { id: string; terms: string[] }[] {
  return taxonomy.themes.map((theme) => ({
    id: theme.id,
    terms: [...theme.terms.phrases, ...theme.terms.acronyms].filter((t) => t.length > 1),
  }));
}

/** A made-up proper noun: the long tail of vocabulary that real documents have. */
function rareWord(rng: Rng): string {
  const word = Array.from({ length: between(rng, 2, 4) }, () => pick(rng, SYLLABLES)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

function sentence(rng: Rng, themeVocabulary: string[]): string {
  const parts = [pick(rng, CONNECTORS), pick(rng, SUBJECTS), pick(rng, VERBS), pick(rng, OBJECTS)];
  if (rng() < 0.6) parts.push(`on ${pick(rng, themeVocabulary)}`);
  if (rng() < 0.25) parts.push(`in the ${rareWord(rng)} framework of ${between(rng, 2011, 2025)}`);
  if (rng() < 0.3) parts.push(`(${between(rng, 2, 95)} per cent of respondents)`);
  parts.push(pick(rng, CLOSINGS));
  const text = parts.join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

function paragraphText(rng: Rng, themeVocabulary: string[], words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentence(rng, themeVocabulary);
    sentences.push(s);
    count += s.split(' ').length;
  }
  return sentences.join(' ');
}

interface Person {
  display: string;
  role: 'chair' | 'speaker' | 'author' | 'moderator';
}

function person(rng: Rng, role: Person['role']): Person {
  return { display: `${pick(rng, HONORIFICS)}${pick(rng, FIRST_NAMES)} ${pick(rng, SURNAMES)}`, role };
}

interface DocumentPlan {
  index: number;
  path: string;
  format: GeneratedFormat;
  type: string;
  title: string;
  date: { year: number; month: number; day: number };
  organisation: string;
  place: string;
  people: Person[];
  /** Paragraphs per page. */
  pages: string[][];
}

const TYPES_SHORT = ['briefing', 'speech', 'statement', 'news'] as const;
const WORDS_PER_PAGE = [380, 520] as const;

function plan(index: number, revision: number, themes: { id: string; terms: string[] }[]): DocumentPlan {
  const rng = random(index * 7919 + 17);
  const kind = rng();
  const type = kind < 0.55 ? 'event-report' : kind < 0.7 ? 'policy-paper' : pick(rng, TYPES_SHORT);
  // Policy papers: 10–60 pages, most of them short (log-uniform), as in real collections.
  const pageCount =
    type === 'event-report'
      ? between(rng, 1, 5)
      : type === 'policy-paper'
        ? Math.round(10 * Math.pow(6, rng()))
        : between(rng, 1, 3);
  const formatRoll = rng();
  const format: GeneratedFormat = formatRoll < 0.3 ? 'pdf' : formatRoll < 0.65 ? 'markdown' : 'text';
  const docThemes = [pick(rng, themes), pick(rng, themes), ...(rng() < 0.5 ? [pick(rng, themes)] : [])];
  const vocabulary = docThemes.flatMap((t) => t.terms);
  const year = between(rng, 2011, 2025);
  const month = between(rng, 1, 12);
  const day = between(rng, 1, 28);
  const organisation = pick(rng, ORGANISATIONS);
  const place = pick(rng, PLACES);
  const people: Person[] =
    type === 'event-report'
      ? [person(rng, 'chair'), ...Array.from({ length: between(rng, 2, 4) }, () => person(rng, 'speaker'))]
      : type === 'speech'
        ? [person(rng, 'speaker')]
        : Array.from({ length: between(rng, 1, 3) }, () => person(rng, 'author'));
  const topic = pick(rng, docThemes[0]!.terms);
  const title = `${type === 'event-report' ? 'Roundtable on' : type === 'policy-paper' ? 'Policy paper:' : 'Note on'} ${topic} and ${pick(rng, docThemes[1]!.terms)} (${rareWord(rng)} series ${index})`;

  // A revision changes the text of one paragraph and nothing else, as an edit would.
  const textRng = random(index * 104729 + 3 + revision * 15485863);
  const pages = Array.from({ length: pageCount }, () => {
    const target = between(textRng, WORDS_PER_PAGE[0], WORDS_PER_PAGE[1]);
    const paragraphs: string[] = [];
    let words = 0;
    while (words < target) {
      const p = paragraphText(textRng, vocabulary, between(textRng, 50, 140));
      paragraphs.push(p);
      words += p.split(' ').length;
    }
    return paragraphs;
  });
  const folder = `${year}/${type}`;
  const stem = `doc-${String(index).padStart(6, '0')}`;
  const ext = format === 'pdf' ? 'pdf' : format === 'markdown' ? 'md' : 'txt';
  return { index, path: `${folder}/${stem}.${ext}`, format, type, title, date: { year, month, day }, organisation, place, people, pages };
}

const iso = (d: DocumentPlan['date']) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function markdown(doc: DocumentPlan): string {
  const people = doc.people.map((p) => `  - { name: "${p.display}", role: ${p.role} }`).join('\n');
  const body = doc.pages
    .map((paragraphs, i) => `## Section ${i + 1}\n\n${paragraphs.join('\n\n')}`)
    .join('\n\n');
  return `---\ntitle: "${doc.title}"\ndate: ${iso(doc.date)}\ntype: ${doc.type}\nplace: ${doc.place}\norganisations: ["${doc.organisation}"]\npeople:\n${people}\n---\n\n# ${doc.title}\n\n${body}\n`;
}

/** Plain text in the shape of the seed report: title line, an opening naming the event, pages split by form feeds. */
function plainText(doc: DocumentPlan): string {
  const chair = doc.people.find((p) => p.role === 'chair');
  const speakers = doc.people.filter((p) => p.role !== 'chair').map((p) => p.display);
  const opening =
    doc.type === 'event-report'
      ? `On ${doc.date.day} ${MONTHS[doc.date.month - 1]} ${doc.date.year}, the ${doc.organisation} hosted a roundtable in ${doc.place}.\n` +
        `${chair ? `Chaired by ${chair.display}, the` : 'The'} session brought together ${speakers.join(', ')}.`
      : `Published by the ${doc.organisation}, ${doc.place}, ${doc.date.day} ${MONTHS[doc.date.month - 1]} ${doc.date.year}. By ${speakers.join(', ')}.`;
  const pages = doc.pages.map((paragraphs) => paragraphs.join('\n\n'));
  return `${doc.title}\n\n${opening}\n\n${pages.join('\n\f\n')}\n`;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

async function pdf(doc: DocumentPlan): Promise<Uint8Array> {
  const file = await PDFDocument.create();
  const font = await file.embedFont(StandardFonts.Helvetica);
  const bold = await file.embedFont(StandardFonts.HelveticaBold);
  file.setTitle(doc.title);
  file.setAuthor(doc.people.map((p) => p.display).join('; '));
  file.setCreationDate(new Date(Date.UTC(doc.date.year, doc.date.month - 1, doc.date.day)));
  const size = 10;
  const leading = 13;
  doc.pages.forEach((paragraphs, pageIndex) => {
    // A4; a page of prose is about 450 words, so a long page may overflow onto a continuation page.
    let page = file.addPage([595, 842]);
    let y = 800;
    const draw = (text: string, f: PDFFont) => {
      if (y < 50) {
        page = file.addPage([595, 842]);
        y = 800;
      }
      page.drawText(text, { x: 50, y, size, font: f });
      y -= leading;
    };
    if (pageIndex === 0) {
      for (const line of wrap(doc.title, bold, 14, 495)) {
        page.drawText(line, { x: 50, y, size: 14, font: bold });
        y -= 18;
      }
      const names = doc.people.map((p) => `${p.display} (${p.role})`).join(', ');
      for (const line of wrap(`${doc.organisation}, ${doc.place}, ${doc.date.day} ${MONTHS[doc.date.month - 1]} ${doc.date.year}. ${names}.`, font, size, 495)) draw(line, font);
      y -= leading;
    }
    for (const paragraph of paragraphs) {
      for (const line of wrap(paragraph, font, size, 495)) draw(line, font);
      y -= 6;
    }
  });
  return file.save({ useObjectStreams: false });
}

async function render(doc: DocumentPlan): Promise<string | Uint8Array> {
  return doc.format === 'pdf' ? pdf(doc) : doc.format === 'markdown' ? markdown(doc) : plainText(doc);
}

function countWords(doc: DocumentPlan): number {
  return doc.pages.flat().reduce((n, p) => n + p.split(' ').length, 0);
}

/** Writes document `index` (at `revision`) into `root`, replacing any file there (never writing through a hard link). */
export async function writeDocument(root: string, index: number, revision: number, themes: { id: string; terms: string[] }[]): Promise<GeneratedDocument> {
  const doc = plan(index, revision, themes);
  const content = await render(doc);
  const target = join(root, doc.path);
  mkdirSync(dirname(target), { recursive: true });
  rmSync(target, { force: true });
  writeFileSync(target, content);
  return {
    path: doc.path,
    format: doc.format,
    type: doc.type,
    pages: doc.pages.length,
    words: countWords(doc),
    bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength,
  };
}

export function corpusThemes(): { id: string; terms: string[] }[] {
  return themeTerms(loadTaxonomy(SHIPPED_CORPUS));
}

export function corpusCacheDir(size: number): string {
  return join(BENCH_DIR, 'corpus', `${size}-g${GENERATOR_VERSION}`);
}

/** The cached corpus of `size` documents, generated first when missing or incomplete. */
export async function ensureCorpus(size: number, log: (line: string) => void = () => {}): Promise<{ dir: string; manifest: CorpusManifest; cached: boolean }> {
  const dir = corpusCacheDir(size);
  const marker = join(dir, COMPLETE_MARKER);
  if (existsSync(marker)) return { dir, manifest: JSON.parse(readFileSync(marker, 'utf8')) as CorpusManifest, cached: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The taxonomy and glossary travel with the corpus, as they do in corpus/.
  for (const file of ['themes.yml', 'glossary.yml']) cpSync(join(SHIPPED_CORPUS, file), join(dir, file));
  const themes = corpusThemes();
  const started = Date.now();
  const documents: GeneratedDocument[] = [];
  for (let i = 0; i < size; i++) {
    documents.push(await writeDocument(dir, i, 0, themes));
    if ((i + 1) % 500 === 0) log(`generated ${i + 1}/${size} documents`);
  }
  const byFormat: Record<GeneratedFormat, number> = { pdf: 0, markdown: 0, text: 0 };
  for (const d of documents) byFormat[d.format]++;
  const manifest: CorpusManifest = {
    size,
    generatorVersion: GENERATOR_VERSION,
    documents,
    totals: {
      documents: documents.length,
      pages: documents.reduce((n, d) => n + d.pages, 0),
      words: documents.reduce((n, d) => n + d.words, 0),
      bytes: documents.reduce((n, d) => n + d.bytes, 0),
      byFormat,
    },
    generationMs: Date.now() - started,
  };
  writeFileSync(marker, JSON.stringify(manifest));
  return { dir, manifest, cached: false };
}
