/**
 * Organisations behind a document: the body that hosted, organised or published
 * it. Read from cues in the text ("X hosted", "organised by X"), with a small
 * list of well-known bodies to give acronyms their full names and to recognise a
 * publisher named only in a footer ("IEP@BU does not express opinions…").
 */
import { foldAccents } from '../../contract/ids.js';
import { parseDateValue } from './dates.js';
import { isLedeProse, leading } from './furniture.js';
import { OFFICES, officeBeforeHolder } from './offices.js';
import { PARLIAMENTARY_QUESTION } from './type.js';
import { escapeRegExp } from '../regexp.js';

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
      ? new RegExp(`(?<![\\p{L}\\p{N}@])(?:${acronyms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}@])`, 'u')
      : null,
    names: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((n) => escapeRegExp(foldAccents(n))).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
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
  // "The Prime Minister hosted…": an office held by a person, not an organisation.
  if (PERSON_OFFICES.test(name)) return null;
  // One capitalised word that is not a known acronym or body is usually a sentence start ("Participants hosted").
  if (words.length === 1 && !isAcronym(name) && canonicalOrganisation(name) === name) return null;
  return name;
}

const PERSON_OFFICES =
  /^(?:prime minister|deputy prime minister|secretary general|(?:vice[- ])?president|high representative(?:\/vice[- ]president)?|(?:foreign|defence|home) secretary|chancellor|minister|commissioner|ambassador|king|queen|secretary of state)$/iu;

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

interface Publisher {
  name: string;
  /** Other spellings, matched as whole lines or at the start of a "From:" value (acronyms case-sensitively). */
  aliases: string[];
  /** Web hosts that publish for this body: the host itself or any subdomain. */
  hosts: string[];
  /** An agency, which heads its own news with what it did ("Europol coordinates …"). */
  agency?: true;
}

/**
 * Public bodies that publish texts on UK–EU security and defence, with the web
 * hosts they publish on. A publisher named only by its host (a saved page or a
 * sidecar with a `source_url`) is still known by name.
 */
export const PUBLISHERS: readonly Publisher[] = [
  { name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'OTAN'], hosts: ['nato.int'] },
  // "European Union External Action" is the name its website carries.
  { name: 'European External Action Service', aliases: ['EEAS', 'European Union External Action', 'EU External Action'], hosts: ['eeas.europa.eu'] },
  { name: 'European Council', aliases: [], hosts: [] },
  { name: 'Council of the European Union', aliases: ['Council of the EU'], hosts: ['consilium.europa.eu'] },
  { name: 'European Commission', aliases: [], hosts: ['ec.europa.eu', 'commission.europa.eu'] },
  { name: 'European Parliament', aliases: [], hosts: ['europarl.europa.eu'] },
  { name: "Prime Minister's Office, 10 Downing Street", aliases: ['10 Downing Street', "Prime Minister's Office"], hosts: [] },
  { name: 'Foreign, Commonwealth & Development Office', aliases: ['Foreign, Commonwealth and Development Office', 'FCDO'], hosts: [] },
  { name: 'Ministry of Defence', aliases: ['MOD'], hosts: [] },
  { name: 'Home Office', aliases: [], hosts: [] },
  { name: 'Cabinet Office', aliases: [], hosts: [] },
  { name: 'House of Commons Library', aliases: ['Commons Library'], hosts: ['commonslibrary.parliament.uk'] },
  { name: 'House of Lords Library', aliases: ['Lords Library'], hosts: ['lordslibrary.parliament.uk'] },
  { name: 'Hansard', aliases: [], hosts: ['hansard.parliament.uk'] },
  { name: 'UK Parliament', aliases: [], hosts: ['parliament.uk'] },
  { name: 'House of Lords', aliases: [], hosts: [] },
  { name: 'House of Commons', aliases: [], hosts: [] },
  { name: 'OSCE', aliases: ['Organization for Security and Co-operation in Europe'], hosts: ['osce.org'] },
  // The EU's and NATO's agencies publish news, reports and speeches of their own.
  { name: 'Europol', aliases: ['European Union Agency for Law Enforcement Cooperation'], hosts: ['europol.europa.eu'], agency: true },
  { name: 'Eurojust', aliases: ['European Union Agency for Criminal Justice Cooperation'], hosts: ['eurojust.europa.eu'], agency: true },
  { name: 'Frontex', aliases: ['European Border and Coast Guard Agency'], hosts: ['frontex.europa.eu'], agency: true },
  { name: 'European Defence Agency', aliases: ['EDA'], hosts: ['eda.europa.eu'], agency: true },
  { name: 'European Union Agency for Cybersecurity', aliases: ['ENISA', 'EU Agency for Cybersecurity'], hosts: ['enisa.europa.eu'], agency: true },
  { name: 'European Union Agency for the Space Programme', aliases: ['EUSPA', 'EU Agency for the Space Programme'], hosts: ['euspa.europa.eu'], agency: true },
  { name: 'NATO Allied Command Transformation', aliases: ['Allied Command Transformation'], hosts: ['act.nato.int'], agency: true },
  { name: 'NATO Communications and Information Agency', aliases: ['NCI Agency', 'NCIA'], hosts: ['ncia.nato.int'], agency: true },
];

const publisherKey = (name: string) => orgKey(name.replace(/[’]/g, "'").replace(/&/g, ' and '));
const PUBLISHER_BY_KEY = new Map<string, string>();
for (const p of PUBLISHERS) for (const n of [p.name, ...p.aliases]) PUBLISHER_BY_KEY.set(publisherKey(n), p.name);
for (const b of KNOWN_BODIES) for (const n of [b.name, ...b.aliases]) if (!PUBLISHER_BY_KEY.has(publisherKey(n))) PUBLISHER_BY_KEY.set(publisherKey(n), b.name);

/** The known publisher a name stands for ("EEAS" -> European External Action Service), else null. */
export function knownPublisher(name: string): string | null {
  return PUBLISHER_BY_KEY.get(publisherKey(name.trim().replace(/^the\s+/i, ''))) ?? null;
}

/** The publisher whose web host serves `url` (the longest matching host wins: hansard.parliament.uk over parliament.uk). */
export function publisherFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  let best: { name: string; length: number } | null = null;
  for (const p of PUBLISHERS) {
    for (const h of p.hosts) {
      if ((host === h || host.endsWith(`.${h}`)) && (!best || h.length > best.length)) best = { name: p.name, length: h.length };
    }
  }
  return best?.name ?? null;
}

/**
 * "From: Prime Minister's Office, 10 Downing Street and The Rt Hon Sir Keir Starmer" (GOV.UK), "Published by X", "Publisher: X",
 * and a distributor's credit in brackets: "(Source: X; issued <date>)".
 */
const PUBLISHER_CUE = /(?:^|(?<=\())(?:(?:from|publisher|source)\s*:|(?:published|issued) by\s*:?)\s*(.{2,160})/imu;

/**
 * The body that published the text, read from the text: a "From:"/"Published by"
 * line (a known body at its start, else the words up to "and", "Published" or
 * the end of the line), or else a known publisher standing alone on a line near
 * the top ("European Council" under a Council press item's title).
 */
export function findPublisher(blocks: readonly { text: string; kind: string }[], titleIndex: number): string | null {
  const opening = leading(blocks, 15, 1000);
  for (const block of opening) {
    const m = PUBLISHER_CUE.exec(block.text);
    if (!m) continue;
    const value = m[1]!.trim();
    const known = [...PUBLISHER_BY_KEY.entries()]
      .filter(([key]) => publisherKey(value).startsWith(key) && !/^[a-z0-9]/.test(publisherKey(value).slice(key.length)))
      .sort(([a], [b]) => b.length - a.length)[0];
    if (known) return known[1];
    // A credit in brackets inside a line may be a chart's or a photo's ("(Source: Eurostat)"): only a known publisher counts there.
    const midLine = m.index > 1 && block.text[m.index - 1] === '(' && block.text[m.index - 2] !== '\n';
    if (midLine) continue;
    const head = value.split(/\s+(?:and|published|updated|on)\s+|[;|]/iu)[0]!.trim().replace(/[.,]$/, '');
    if (head && /^\p{Lu}/u.test(head) && head.split(/\s+/).length <= 10) return head;
  }
  for (let i = 0; i < opening.length; i++) {
    if (i === titleIndex) continue;
    const known = knownPublisher(opening[i]!.text.replace(/[.:]$/, ''));
    if (known) return known;
  }
  // Lines only one publisher prints: Hansard's sitting line and chamber, an EU delegation's masthead.
  const openingText = opening.map((b) => b.text).join('\n');
  for (const { line, publisher } of PUBLISHER_LINES) if (line.test(openingText)) return publisher;
  // A question to the government opening the text ("Question to the Home Office:", then "To ask …") is Parliament's record of it.
  if (opening.slice(0, 4).some((b) => PARLIAMENTARY_QUESTION.test(b.text.trim()))) return 'UK Parliament';
  // A line of a genre, its publisher and its date: "Written statement, House of Commons, 22 October 2024".
  for (let i = 0; i < opening.length; i++) {
    if (i === titleIndex) continue;
    const known = publisherInGenreLine(opening[i]!.text);
    if (known) return known;
  }
  // A speech's genre line names the speaker's office, and the office its institution: "Press conference by NATO Secretary General …".
  // Only when the line is the speaker's genre line ("Remarks by …", "The speech made by X, the Secretary of State for Defence")
  // or the title opens with the office: "PM meeting with NATO Secretary General" is not NATO's.
  const lines = [{ text: blocks[titleIndex >= 0 ? titleIndex : 0]?.text ?? '', isTitle: true }, ...opening.slice(0, 4).map((b) => ({ text: b.text, isTitle: false }))];
  for (const { text, isTitle } of lines) {
    const genre = GENRE_BY.exec(text);
    const from = genre ? genre.index + genre[0].length : 0;
    let first: { at: number; publisher: string } | null = null;
    const window = text.slice(from, from + 160);
    for (const { office, publisher } of OFFICE_PUBLISHERS) {
      const at = window.search(office);
      if (at >= 0 && (!first || at < first.at)) first = { at, publisher };
    }
    // The office's short form before one of its holders ("by Secretary General Jens Stoltenberg", "by President Costa").
    for (const m of window.matchAll(SHORT_OFFICE)) {
      const office = officeBeforeHolder(window.slice(m.index));
      if (office && (!first || m.index < first.at)) first = { at: m.index, publisher: office.publisher };
    }
    if (first && (genre || (isTitle && first.at <= 4))) return first.publisher;
  }
  // A department calls its own minister by the bare office in a story's lede: "The Prime Minister and President Macron
  // agree…", "…, the Prime Minister will say in Hungary today." Others name the person or the country.
  const lede = blocks.filter((b, i) => i !== titleIndex && b.kind !== 'heading' && isLedeProse(b.text)).slice(0, 2);
  for (const block of lede) {
    const m = LEDE_OFFICE.exec(block.text);
    if (!m || NOT_A_VERB.has(m[2]!)) continue;
    const office = OFFICE_PUBLISHERS.find(({ office }) => office.test(m[1]!));
    if (office) return office.publisher;
  }
  // An EU institution tells what it did "today" in its own press releases: "The Council today adopted …",
  // "The Commission adopted today …", "Today, the Commission and the High Representative launch …". Others name the
  // day ("on Tuesday") or the source.
  for (const block of lede) {
    const m = LEDE_INSTITUTION_TODAY.exec(block.text);
    if (m) return institutionPublisher((m[1] ?? m[2])!);
  }
  // An EU act's heading names the institution that adopted it: "COUNCIL DECISION (CFSP) 2024/2643", "European Parliament
  // resolution of 1 June 2023 on …", "COMMISSION IMPLEMENTING REGULATION (EU) …".
  for (const block of opening.slice(0, 8)) {
    const m = ACT_HEADING.exec(block.text);
    // "COUNCIL DECISION": the institution as its press releases name it.
    if (m) return institutionPublisher(m[1]!.toLowerCase().replace(/(?<=^|\s)(?!of\b|the\b)\p{L}/gu, (c) => c.toUpperCase()));
  }
  // A text that calls itself a press release on a line of its own, headed by what an EU institution (or its members,
  // "MEPs") did: the institution's own release. Others' releases are headed by their own name.
  if (opening.slice(0, 4).some((b) => /^press releases?$/iu.test(b.text.trim()))) {
    const m = HEADLINE_INSTITUTION.exec(blocks[titleIndex]?.text ?? '');
    if (m) return institutionPublisher(m[1]!);
  }
  // An agency heads its own news with what it did: "Europol coordinates referral action day …", "EDA launches …".
  const headline = AGENCY_HEADLINE.exec(blocks[titleIndex]?.text ?? '');
  if (headline) return knownPublisher(headline[1]!);
  return null;
}

/** The EU's and NATO's agencies, by every name they go by, longest first. */
const AGENCY_NAMES = PUBLISHERS.filter((p) => p.agency)
  .flatMap((p) => [p.name, ...p.aliases])
  .sort((a, b) => b.length - a.length);
/** A headline whose subject is an agency, then what a press release says it did. */
const AGENCY_HEADLINE = new RegExp(
  String.raw`^(?:The )?(${AGENCY_NAMES.map(escapeRegExp).join('|')})(?:['’]s)? (?:launches|adopts|agrees|supports|coordinates|welcomes|publishes|announces|signs|hosts|deploys|opens|presents|proposes|releases|calls|condemns|approves|extends|renews|strengthens|organises|organizes|joins|holds|reaches|receives|sets|issues|leads|helps|trains|takes part|participates|marks|celebrates|completes|delivers|assists)\b`,
  'u',
);

/** An EU institution, as its press releases name it. */
const EU_INSTITUTION = String.raw`((?:EU )?Council(?: of the (?:EU|European Union))?|European Council|(?:European )?Commission|European Parliament)`;
/** An act's heading, opening a block (after an Official Journal number and date): the institution, then the kind of act, in any case. */
const ACT_HEADING = new RegExp(
  String.raw`^(?:[\d/.]+\s+){0,3}${EU_INSTITUTION}\s+(?:implementing\s+|delegated\s+)?(?:decision|regulation|directive|recommendation|resolution)\b`,
  'iu',
);
/** An EU institution as the subject of a lede, doing something today. */
const LEDE_INSTITUTION_TODAY = new RegExp(
  String.raw`(?:^|[.!?]\s+)(?:The ${EU_INSTITUTION} (?:today \p{Ll}+ed|\p{Ll}+ed today)|Today,? the ${EU_INSTITUTION}(?: and (?:the )?[\p{Lu}][\p{L}/ -]{0,40}?)? \p{Ll}+)\b`,
  'u',
);

/** A headline whose subject is an EU institution or the European Parliament's members, then a verb. */
const HEADLINE_INSTITUTION = new RegExp(String.raw`^(?:The )?(MEPs|${EU_INSTITUTION.slice(1, -1)}) (?!of\b|and\b)\p{Ll}+`, 'u');

const INSTITUTION_PUBLISHER: Record<string, string> = {
  Council: 'Council of the European Union',
  'European Council': 'European Council',
  Commission: 'European Commission',
  'European Parliament': 'European Parliament',
  MEPs: 'European Parliament',
};

/** The publisher an institution's name stands for ("EU Council", "the Council of the European Union", "MEPs"). */
const institutionPublisher = (name: string): string | null =>
  INSTITUTION_PUBLISHER[name.replace(/^EU |^European (?=Commission)| of the (?:EU|European Union)$/gu, '')] ?? null;

/**
 * The verbs in which the Council's and the European Council's conclusions speak of their author, in the present tense
 * ("The Council highlights …", "the European Council recalls …"); a reporter tells them in the past tense or says
 * "the conclusions say".
 */
const CONCLUSIONS_VOICE =
  /(?:^|[.!?;]\s+|,\s+)[Tt]he ((?:European )?Council) (?:also |further |again |therefore )?(?:highlights|recalls|reaffirms|commends|calls (?:on|for|upon)|stresses|underlines|underscores|emphasi[sz]es|welcomes|notes|encourages|invites|acknowledges|recogni[sz]es|reiterates|expresses|urges|condemns|looks forward)\b/gmu;
const QUOTED_WORDS = /[“"][^”"]*[”"]/gu;

/**
 * The Council or the European Council speaking of itself in its conclusions' present tense in two sentences or
 * more below the title: its own text (the conclusions, or the press release that carries them, however copied). A
 * story by a named writer or an agency is checked by the caller and here: "BRUSSELS (Reuters) -".
 */
export function conclusionsAuthor(blocks: readonly { text: string; kind: string }[], titleIndex: number): string | null {
  const body = blocks
    .filter((b, i) => i !== titleIndex)
    .slice(0, 12)
    .map((b) => b.text)
    .join('\n');
  if (/^\p{Lu}[\p{Lu} ]+\s*\([\p{L} .]+\)\s*[-–—]/mu.test(body)) return null;
  const voices = [...body.replace(QUOTED_WORDS, ' ').matchAll(CONCLUSIONS_VOICE)].map((m) => m[1]!);
  if (voices.length < 2) return null;
  return institutionPublisher(voices[0]!);
}

/** A UK minister's bare office as the subject of a sentence (alone or with another person), and the word after it. */
const LEDE_OFFICE =
  /(?:^|[.!?]\s+|,\s+)[Tt]he (Prime Minister|PM|Foreign Secretary|Defence Secretary|Home Secretary)(?:\s+and\s+[^.,;:]{0,80}?\p{Lu}[\p{L}’'-]*)?\s+(\p{Ll}+)/u;
/** Words after an office that make it something other than the subject of a verb ("the Prime Minister of Estonia", "… in his speech"). */
const NOT_A_VERB = new Set(['of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'and', 'or', 'who', 'whose', 'which', 'that', 'as', 'by', 'during', 'after', 'before']);

/** The genre a genre line names. */
const GENRE_WORDS = String.raw`(?:(?:written|oral|joint|ministerial|press|news|public|research)\s+)*(?:statements?|release|notice|speech|remarks|story|news|announcement|communiqué|declaration|briefing(?: paper)?|insight)`;
/** Parts of a genre line besides its publisher: the genre, a date, a place. */
const GENRE_PART = new RegExp(`^${GENRE_WORDS}$`, 'iu');
/** A publisher and its genre in one part, after a page number: "3 Commons Library Briefing". */
const PUBLISHER_GENRE_PART = new RegExp(`^(?:\\d+\\s+)?(.+?)\\s+${GENRE_WORDS}$`, 'iu');
/** A date part's label: "updated 30 October 2019". */
const DATE_LABEL = /^(?:(?:first\s+|last\s+)?(?:published|updated)|issued)\s+(?:on\s+)?/iu;

/** "Written statement, House of Commons, 22 October 2024", "Press release | Council of the EU | 19 May 2025": the publisher in it. */
function publisherInGenreLine(text: string): string | null {
  const line = text.trim();
  if (line.length > 140 || line.includes('\n')) return null;
  const parts = line.split(/\s*[,|·•]\s*|\s+[–—]\s+/u).filter((p) => p !== '');
  let publisher: string | null = null;
  let genre = false;
  for (const part of parts) {
    const bare = part.replace(/[.:]$/, '');
    const withGenre = PUBLISHER_GENRE_PART.exec(bare);
    const known = knownPublisher(bare) ?? (withGenre ? knownPublisher(withGenre[1]!) : null);
    if (known && !publisher) {
      publisher = known;
      if (withGenre && !knownPublisher(bare)) genre = true;
    } else if (GENRE_PART.test(part)) genre = true;
    else if (parseDateValue(part.replace(DATE_LABEL, '')) === null && !/^(?:\p{Lu}[\p{L}’'-]*\s*){1,3}$/u.test(part)) return null;
  }
  return genre ? publisher : null;
}

/** A genre line up to the "by" that names who gave it. */
const GENRE_BY = /\b(?:speech|remarks|comments|address|statement|press conference|doorstep|lecture|message|interview|intervention|op-ed|article|blog)\b[^.]{0,40}?\bby\b/iu;

/** Lines that name their publisher by their form. */
const PUBLISHER_LINES: { line: RegExp; publisher: string }[] = [
  // "Volume 654: debated on Monday 18 February 2019"; a chamber on its own line, or before a member's party tag.
  { line: /^Volume \d+:\s*debated on\b/imu, publisher: 'Hansard' },
  { line: /^(?:Lords Chamber|Commons Chamber|Westminster Hall|Grand Committee)$/mu, publisher: 'Hansard' },
  // Hansard's own masthead.
  { line: /\bHouse of (?:Commons|Lords) Hansard\b/u, publisher: 'Hansard' },
  // Parallel Parliament's copies of Hansard keep its links ("Read Hansard Text", "- View Speech - Hansard -").
  { line: /\bRead Hansard Text\b|(?:^|\s)- (?:View Speech - )?Hansard -|\bFull Debate: Read Full Debate/mu, publisher: 'Hansard' },
  { line: /\b(?:Lords|Commons) Chamber\s+(?:\p{Lu}[\p{L}’'-]*\s+){1,6}\((?:Lab|Con|LD|CB|SNP|DUP|Non-Afl|Bp|Ind)\)/u, publisher: 'Hansard' },
  // A copy of the record that keeps no masthead still has the sitting's own forms: a chamber's label run into the first words
  // ("Commons ChamberWith permission, Madam Deputy Speaker, …"), a member's words to the Lords ("My Lords, …") opening the
  // text, an urgent question, TheyWorkForYou's "– in the House of Commons at on 13 October 2020".
  { line: /^(?:Lords Chamber|Commons Chamber|Westminster Hall|Grand Committee)(?=\p{Lu})/mu, publisher: 'Hansard' },
  { line: /^(?:My Lords|Mr Speaker|Madam Deputy Speaker|Mr Deputy Speaker),\s/u, publisher: 'Hansard' },
  { line: /^\(Urgent Question\):/mu, publisher: 'Hansard' },
  { line: /[–—-]\s+in the House of (?:Commons|Lords) at\b/u, publisher: 'Hansard' },
  // Each EU delegation's pages carry "Delegation of the European Union to …" above the text; delegations are the EEAS's.
  { line: /^Delegation of the European Union to\b/mu, publisher: 'European External Action Service' },
];

/** Where an office's short form may start, to be read with the holder after it. */
const SHORT_OFFICE = new RegExp(OFFICES.flatMap((o) => (o.beforeSurname ? [o.beforeSurname.source] : [])).join('|'), 'gu');

/**
 * Offices whose holder speaks for an institution that publishes their words: every office with a list of holders
 * (offices.ts), and offices named here only for their institution.
 */
const OFFICE_PUBLISHERS: { office: RegExp; publisher: string }[] = [
  ...OFFICES.map(({ written, publisher }) => ({ office: written, publisher })),
  { office: /\bNATO Deputy Secretary[- ]General\b/u, publisher: 'NATO' },
  // The EEAS's own shorthand for its head, before the surname: "remarks by HR Borrell".
  { office: /\bHR(?=\s+\p{Lu}\p{Ll})/u, publisher: 'European External Action Service' },
  { office: /\bMinister (?:of State )?for Europe\b/u, publisher: 'Foreign, Commonwealth & Development Office' },
];
