/**
 * Metadata read from the document's own words: the title line, the date of the
 * event, who chaired and spoke or wrote it, the host and the place. General
 * cues of how event reports and papers are written, no special cases.
 */
import { clipSummary, type Person, type Role } from '../../contract/document.js';
import type { Block } from '../../contract/extracted.js';
import { findDates, type FoundDate } from './dates.js';
import { dedupePeople, makePerson, readName, readNameList } from './names.js';
import { findOrganisations, knownBodiesIn } from './organisations.js';
import { findDatelinePlace, findEventPlace } from './places.js';

export interface TextMetadata {
  title: string | null;
  /** Index of the block the title came from, so the summary skips it. */
  titleBlock: number;
  date: string | null;
  published: string | null;
  organisations: string[];
  place: string | null;
  people: Person[];
  summary: string;
}

/** How far into the text the opening cues (date, host, place) are looked for. */
const HEAD_CHARS = 4000;

/** Standalone labels that precede a title ("POLICY BRIEF", "Event report"), not titles themselves. */
const LABEL_LINE =
  /^(?:event report|policy (?:brief|paper)|working paper|briefing(?: paper)?|research briefing|report|statement|joint statement|speech|press release|news|commentary|analysis|summary)$/iu;

function looksLikeTitle(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (
    text.length >= 3 &&
    text.length <= 200 &&
    words <= 30 &&
    /\p{L}/u.test(text) &&
    !/^\p{Ll}/u.test(text) &&
    // A sentence, not a title: ends with a full stop (but not an abbreviation like "Ltd.").
    !/[^A-Z.][.;,]$/u.test(text)
  );
}

function findTitle(blocks: readonly Block[]): { title: string | null; index: number } {
  for (let i = 0; i < blocks.length && i < 5; i++) {
    const text = blocks[i]!.text.trim();
    if (text === '') continue;
    const dates = findDates(text);
    const isDateOnly = dates.length === 1 && text.replace(dates[0]!.text, '').replace(/[\s,.–-]/g, '') === '';
    if (LABEL_LINE.test(text) || isDateOnly) continue;
    return looksLikeTitle(text) ? { title: text, index: i } : { title: null, index: -1 };
  }
  return { title: null, index: -1 };
}

/** The first paragraph of real prose after the title (at least a dozen words), else the first block that is not the title. */
function findSummary(blocks: readonly Block[], titleIndex: number, title: string | null): string {
  const candidates = blocks.filter((b, i) => i !== titleIndex && b.text.trim() !== '' && b.text.trim() !== title);
  const prose = candidates.find((b) => b.kind !== 'heading' && b.text.split(/\s+/).length >= 12) ?? candidates[0];
  return prose ? clipSummary(prose.text.replace(/\s+/g, ' ').trim()) : '';
}

/** A full stop ends a sentence unless it ends an abbreviation or an initial ("Prof.", "J."). */
const SENTENCE_END = /(?<!\b(?:Prof|Dr|Mr|Mrs|Ms|Mx|St|Gen|Lt|Col|Capt|Adm|Amb|Hon|Rt|Rev|Jr|Sr|No|Vol|vs|etc|e\.g|i\.e|\p{Lu}))[.!?](?=\s|$)/u;

interface Cue {
  role: Role;
  pattern: RegExp;
  /** Only at the very start of a block (a byline "By Jane Roe"). */
  blockStart?: boolean;
}

/** Cues that introduce names, each followed by a name or a list of names. */
const PEOPLE_CUES: Cue[] = [
  { role: 'chair', pattern: /\b(?:co-)?chaired by\s+/giu },
  { role: 'chair', pattern: /\bunder the chair(?:manship)? of\s+/giu },
  { role: 'chair', pattern: /\b(?:co-)?chair(?:s|person|man|woman)?\s*[:–—]\s*/giu },
  { role: 'moderator', pattern: /\b(?:moderated|facilitated) by\s+/giu },
  { role: 'moderator', pattern: /\b(?:moderators?|facilitators?)\s*[:–—]\s*/giu },
  {
    role: 'speaker',
    pattern: /\b(?:speakers?|panell?ists?|participants|contributors|discussants|presenters|keynote speakers?)\s*(?:included|including|were|comprised|[:–—])\s*/giu,
  },
  {
    role: 'speaker',
    pattern: /\b(?:brought together|gathered|convened|featured|featuring|welcomed|heard from)\b[^.]{0,100}?\b(?:including|such as|namely|notably)\s*:?\s*/giu,
  },
  { role: 'speaker', pattern: /\b(?:featured|featuring)\s+(?:(?:speakers?|panell?ists?|contributions from|remarks from)\s+)?(?=\p{Lu})/gu },
  { role: 'speaker', pattern: /\bwith (?:opening |closing |keynote )?(?:remarks|contributions|presentations|interventions|speeches) (?:from|by)\s+/giu },
  { role: 'speaker', pattern: /\b(?:keynote (?:speech |address |remarks )?(?:by|from)|(?:remarks|speech|address|lecture|presentation) by)\s+/giu },
  { role: 'author', pattern: /\b(?:authors?|written by|authored by|prepared by|rapporteurs?)\s*:?\s+/giu },
  { role: 'author', pattern: /^by\s+/giu, blockStart: true },
];

/** Titles that introduce a name mentioned in passing ("as Sir Keir Starmer said"). */
const MENTION_CUE =
  /(?<![\p{L}])(?:Professor|Prof\.?|Sir|Dame|Dr\.?|Lord|Baroness|Ambassador|Mr|Mrs|Ms|Commissioner|Minister|President|High Representative)\s+(?=\p{Lu})/gu;

interface CueMatch {
  role: Role;
  /** Where the cue starts and where the names after it start. */
  start: number;
  namesAt: number;
}

/** People named by cues in one block: each cue's names run to the end of its sentence or the next cue. */
function peopleInBlock(text: string): Person[] {
  const matches: CueMatch[] = [];
  for (const cue of PEOPLE_CUES) {
    for (const m of text.matchAll(cue.pattern)) {
      if (cue.blockStart && m.index !== 0) continue;
      // "author: X" must be a label, not "the author's view"; the pattern demands ":" or a following name.
      matches.push({ role: cue.role, start: m.index, namesAt: m.index + m[0].length });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  const people: Person[] = [];
  matches.forEach((match, i) => {
    if (i > 0 && match.start < matches[i - 1]!.namesAt) return; // overlapping cues: the first wins
    const next = matches.slice(i + 1).find((m) => m.start >= match.namesAt);
    let segment = text.slice(match.namesAt, next ? next.start : undefined);
    const end = SENTENCE_END.exec(segment);
    if (end) segment = segment.slice(0, end.index);
    const names = match.role === 'author' && /^by\s/i.test(text.slice(match.start)) ? readNameList(segment.slice(0, 200)) : readNameList(segment);
    for (const name of names) people.push(makePerson(name, match.role));
  });
  return people;
}

function mentionedInBlock(text: string): Person[] {
  const people: Person[] = [];
  for (const m of text.matchAll(MENTION_CUE)) {
    const parsed = readName(text.slice(m.index, m.index + 160));
    if (parsed) people.push(makePerson(parsed, 'mentioned'));
  }
  return people;
}

/** Words just before a date that make it the date of the event. */
const EVENT_DATE_CUE = /(?:\bon|\bheld on|\btook place on|\bconvened on|\bhosted on|\bdate(?:d)?:?|\bdate of (?:the )?event:?)\s*$/iu;
const PUBLISHED_CUE = /\b(?:published|publication date|first published|released|issued)(?:\s+on)?\s*:?\s*$/iu;

function classifyDates(head: string, found: FoundDate[]): { event: FoundDate | null; published: FoundDate | null; first: FoundDate | null } {
  let event: FoundDate | null = null;
  let published: FoundDate | null = null;
  let first: FoundDate | null = null;
  for (const date of found) {
    const before = head.slice(Math.max(0, date.index - 40), date.index);
    if (PUBLISHED_CUE.test(before)) {
      published ??= date;
      continue;
    }
    first ??= date;
    if (/^on\s/i.test(date.text) || EVENT_DATE_CUE.test(before)) event ??= date;
  }
  return { event, published, first };
}

/** How far into the text role cues are looked for. */
const ROLE_SCAN_CHARS = 30_000;

export function readTextMetadata(blocks: readonly Block[]): TextMetadata {
  const { title, index: titleBlock } = findTitle(blocks);
  const text = blocks.map((b) => b.text).join('\n');
  const head = text.slice(0, HEAD_CHARS);

  const dates = findDates(head);
  const { event, published, first } = classifyDates(head, dates);
  const eventDate = event ?? first;

  let place = findEventPlace(head);
  if (!place) {
    for (const date of dates.filter((d) => d.index < 600)) {
      place = findDatelinePlace(head, date.index);
      if (place) break;
    }
  }

  let organisations = findOrganisations(head);
  if (organisations.length === 0) {
    // A publisher often appears only in the masthead or the closing disclaimer.
    const lastBlock = blocks.length > 1 ? (blocks[blocks.length - 1]?.text ?? '') : '';
    organisations = knownBodiesIn(`${text.slice(0, 1500)}\n${lastBlock}`);
  }

  // Roles ("chaired by", "authors:") sit in the opening pages; scanning a 60-page
  // paper's body for them costs time and finds only false positives.
  const named: Person[] = [];
  const mentioned: Person[] = [];
  let offset = 0;
  for (const block of blocks) {
    if (offset < ROLE_SCAN_CHARS) named.push(...peopleInBlock(block.text));
    mentioned.push(...mentionedInBlock(block.text));
    offset += block.text.length + 1;
  }

  return {
    title,
    titleBlock,
    date: eventDate?.date ?? null,
    published: published?.date ?? null,
    organisations,
    place,
    people: dedupePeople([...named, ...mentioned]),
    summary: findSummary(blocks, titleBlock, title),
  };
}
