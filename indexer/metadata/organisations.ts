/**
 * Organisations behind a document: the body that hosted, organised or published
 * it. Read from cues in the text ("X hosted", "organised by X"), with a small
 * list of well-known bodies to give acronyms their full names and to recognise a
 * publisher named only in a footer ("IEP@BU does not express opinions…").
 */
import { foldAccents } from '../../contract/ids.js';

interface KnownBody {
  name: string;
  /** Other spellings and acronyms, matched as whole words (acronyms case-sensitively). */
  aliases: string[];
}

/**
 * Research institutes and bodies that often host or publish work on UK–EU security and defence.
 * Acronyms that also name something else in this field (CER: the Critical Entities
 * Resilience directive; EPC: the European Political Community) are left out.
 */
export const KNOWN_BODIES: readonly KnownBody[] = [
  { name: 'Institute for European Policymaking at Bocconi University', aliases: ['IEP@BU', 'IEP@Bocconi', 'Institute for European Policymaking'] },
  { name: 'Chatham House', aliases: ['Royal Institute of International Affairs'] },
  { name: 'Royal United Services Institute', aliases: ['RUSI'] },
  { name: 'International Institute for Strategic Studies', aliases: ['IISS'] },
  { name: 'European Council on Foreign Relations', aliases: ['ECFR'] },
  { name: 'Centre for European Reform', aliases: [] },
  { name: 'European Policy Centre', aliases: [] },
  { name: 'Carnegie Europe', aliases: [] },
  { name: 'Egmont Institute', aliases: ['Egmont – Royal Institute for International Relations'] },
  { name: 'EU Institute for Security Studies', aliases: ['EUISS', 'European Union Institute for Security Studies'] },
  { name: 'UK in a Changing Europe', aliases: ['UKICE'] },
  { name: 'Institute for Government', aliases: [] },
  { name: 'Friends of Europe', aliases: [] },
  { name: 'Bruegel', aliases: [] },
  { name: 'Centre for European Policy Studies', aliases: ['CEPS'] },
  { name: 'German Institute for International and Security Affairs', aliases: ['SWP', 'Stiftung Wissenschaft und Politik'] },
  { name: 'French Institute of International Relations', aliases: ['Ifri', 'IFRI'] },
  { name: 'Clingendael Institute', aliases: ['Clingendael', 'Netherlands Institute of International Relations Clingendael'] },
  { name: 'Jacques Delors Institute', aliases: ['Institut Jacques Delors'] },
  { name: 'Foreign Policy Centre', aliases: ['FPC'] },
  { name: 'British Foreign Policy Group', aliases: ['BFPG'] },
  { name: 'Wilton Park', aliases: [] },
  { name: 'Munich Security Conference', aliases: [] },
  { name: 'Atlantic Council', aliases: [] },
  { name: 'German Marshall Fund of the United States', aliases: ['GMF', 'German Marshall Fund'] },
  { name: 'Centre for Strategic and International Studies', aliases: ['CSIS', 'Center for Strategic and International Studies'] },
  { name: 'Istituto Affari Internazionali', aliases: ['IAI'] },
  { name: 'House of Commons Library', aliases: [] },
  { name: 'House of Lords Library', aliases: [] },
  { name: 'European Parliamentary Research Service', aliases: ['EPRS'] },
];

const isAcronym = (s: string) => /^[\p{Lu}\d@&]{2,}$/u.test(s.replace(/[@&]/g, 'X')) && s === s.toUpperCase();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledBody {
  body: KnownBody;
  /** Case-insensitive, accent-folded full names. */
  keys: Set<string>;
  /** One regex for every spelling, acronyms case-sensitive. */
  acronyms: RegExp | null;
  names: RegExp;
}

const compiled: CompiledBody[] = KNOWN_BODIES.map((body) => {
  const acronyms = body.aliases.filter(isAcronym);
  const names = [body.name, ...body.aliases.filter((a) => !isAcronym(a))];
  return {
    body,
    keys: new Set(names.map(orgKey)),
    acronyms: acronyms.length
      ? new RegExp(`(?<![\\p{L}\\p{N}@])(?:${acronyms.map(escape).join('|')})(?![\\p{L}\\p{N}@])`, 'u')
      : null,
    names: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((n) => escape(foldAccents(n))).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
  };
});

export function orgKey(name: string): string {
  return foldAccents(name).replace(/^the\s+/, '').replace(/[^a-z0-9@&]+/g, ' ').trim();
}

/** The full name of a known body for any of its spellings; other names unchanged. */
export function canonicalOrganisation(name: string): string {
  const trimmed = name.trim().replace(/^the\s+/i, '');
  const key = orgKey(trimmed);
  for (const entry of compiled) {
    if (entry.keys.has(key) || entry.body.aliases.some((a) => isAcronym(a) && a === trimmed)) return entry.body.name;
  }
  return trimmed;
}

/** Known bodies named anywhere in `text`, in the order of the list. */
export function knownBodiesIn(text: string): string[] {
  const folded = foldAccents(text);
  return compiled
    .filter((entry) => entry.names.test(folded) || (entry.acronyms?.test(text) ?? false))
    .map((entry) => entry.body.name);
}

/** A known body whose name or acronym opens `text` ("UK in a Changing Europe hosted…" is not just "UK"). */
function knownBodyAtStart(text: string): string | null {
  const folded = foldAccents(text);
  for (const entry of compiled) {
    for (const key of entry.keys) if (folded.startsWith(key) && !/^[\p{L}\p{N}]/u.test(folded.slice(key.length))) return entry.body.name;
    for (const alias of entry.body.aliases) {
      if (isAcronym(alias) && text.startsWith(alias) && !/^[\p{L}\p{N}@]/u.test(text.slice(alias.length))) return entry.body.name;
    }
  }
  return null;
}

/** Lower-case words allowed inside an organisation's name. */
const ORG_CONNECTORS = new Set(['for', 'of', 'at', 'and', 'on', 'the', 'de', 'du', 'des', 'für', 'und', '&']);
/** Capitalised words that are dates, not names: "hosted by RUSI on Monday". */
const CALENDAR_WORDS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
/** Capitalised words that start a sentence rather than a name. */
const NOT_ORG_START = new Set([
  'on', 'in', 'at', 'this', 'that', 'it', 'we', 'they', 'he', 'she', 'which', 'who', 'also', 'jointly', 'today', 'yesterday',
]);

const ORG_WORD = /^(?:\p{Lu}[\p{L}\p{M}\d'’.@&-]*|&)$/u;
const isOrgWord = (token: string) => ORG_WORD.test(token) && !CALENDAR_WORDS.has(token.toLowerCase());

/** Reads an organisation name from the start of `text` ("the Royal United Services Institute (RUSI) in London"). */
function readOrganisationForward(text: string): string | null {
  const rest = text.replace(/^\s*the\s+/i, '');
  const known = knownBodyAtStart(rest);
  if (known) return known;
  const tokens = rest.split(/\s+/);
  const words: string[] = [];
  for (const raw of tokens) {
    const token = raw.replace(/[,;:.)]+$/, '');
    const ended = token !== raw;
    if (isOrgWord(token)) words.push(token);
    else if (ORG_CONNECTORS.has(token) && words.length > 0) words.push(token);
    else break;
    if (ended) break;
  }
  return finishOrganisation(words);
}

/**
 * Reads the organisations that end just before a verb: "…, the Institute for X at
 * Y University hosted", "the European Council on Foreign Relations (ECFR) and the
 * Foreign Policy Centre co-hosted" (both).
 */
function readOrganisationsBackward(text: string): string[] {
  const tokens = text.trimEnd().split(/\s+/).reverse();
  const names: string[] = [];
  let words: string[] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (/^\([\p{Lu}\d@&-]+\),?$/u.test(token) && words.length === 0) continue; // "(ECFR)" after a name
    if (/[,;:.]$/.test(token)) break;
    if (isOrgWord(token)) words.unshift(token);
    else if (ORG_CONNECTORS.has(token.toLowerCase()) && token !== 'the' && token !== 'and' && words.length > 0) words.unshift(token);
    else if (token === 'the' || token === 'and') {
      // "X and the Y hosted": finish Y, then read X.
      const name = finishOrganisation(words);
      if (!name) break;
      names.unshift(name);
      words = [];
      if (token === 'the' && tokens[i + 1] !== 'and') break;
      if (token === 'the') i++;
    } else break;
  }
  const last = finishOrganisation(words);
  if (last) names.unshift(last);
  return names;
}

function finishOrganisation(words: string[]): string | null {
  while (words.length > 0 && ORG_CONNECTORS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  while (words.length > 0 && ORG_CONNECTORS.has(words[0]!.toLowerCase())) words.shift();
  if (words.length > 0 && NOT_ORG_START.has(words[0]!.toLowerCase())) words.shift();
  if (words.length === 0 || words.length > 14) return null;
  const name = words.join(' ');
  // One capitalised word that is not a known acronym or body is usually a sentence start ("Participants hosted").
  if (words.length === 1 && !isAcronym(name) && canonicalOrganisation(name) === name) return null;
  return name;
}

const BEFORE_VERB = /\b(?:hosted|organi[sz]ed|convened|co-hosted|published)\b/gu;
const AFTER_CUE =
  /\b(?:hosted by|co-hosted by|organi[sz]ed by|co-organi[sz]ed by|convened by|published by|in partnership with|in collaboration with|in cooperation with|with the support of|on behalf of)\s+/giu;

/**
 * Organisations named by a hosting or publishing cue, in order of appearance,
 * acronyms resolved to known full names, each body once.
 */
export function findOrganisations(text: string): string[] {
  const found: { index: number; name: string }[] = [];
  for (const m of text.matchAll(AFTER_CUE)) {
    const name = readOrganisationForward(text.slice(m.index + m[0].length, m.index + m[0].length + 200));
    if (name) found.push({ index: m.index, name });
  }
  for (const m of text.matchAll(BEFORE_VERB)) {
    // "… was organised by" is the passive cue above; here only the active voice "X hosted".
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    if (/\b(?:was|were|is|are|been|be|being)\s*$/i.test(before)) continue;
    for (const name of readOrganisationsBackward(before)) found.push({ index: m.index, name });
  }
  found.sort((a, b) => a.index - b.index);
  return uniqueOrganisations(found.map((f) => f.name));
}

export function uniqueOrganisations(names: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of names) {
    const name = canonicalOrganisation(raw);
    const key = orgKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(name);
  }
  return result;
}
