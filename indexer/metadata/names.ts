/**
 * People's names: honorifics and post-nominals are stripped from the canonical
 * name (the key for the speaker facet and /people/:slug) and kept for display.
 * Two spellings that differ only in accents or case are the same person.
 */
import type { Person, Role } from '../../contract/document.js';
import { foldAccents, personSlug } from '../../contract/ids.js';

/**
 * Titles written before a name, longest first so "Air Chief Marshal" wins over "Air".
 * Lower-case comparison; a trailing full stop is optional ("Prof." = "Prof").
 */
const PREFIX_TITLES = [
  'the right honourable', 'the rt hon', 'right honourable', 'rt hon', 'the hon', 'hon',
  'his excellency', 'her excellency', 'h.e.',
  'air chief marshal', 'air marshal', 'air vice marshal', 'vice admiral', 'rear admiral', 'admiral',
  // As the services write them, hyphenated: "Air Vice-Marshal Paul Godfrey", "Major-General …".
  'air vice-marshal', 'vice-admiral', 'rear-admiral', 'lieutenant-general', 'major-general', 'lieutenant-colonel',
  'lieutenant general', 'lt gen', 'major general', 'maj gen', 'brigadier general', 'brigadier',
  'general', 'gen', 'colonel', 'col', 'commodore', 'captain', 'capt', 'commander', 'cdr',
  'lieutenant colonel', 'lt col', 'lieutenant commander', 'lt cdr', 'wing commander', 'group captain', 'squadron leader',
  'major', 'maj', 'lieutenant', 'lt',
  // Police ranks: "Assistant Chief Constable Jim Pearce".
  'chief constable', 'deputy chief constable', 'assistant chief constable', 'chief superintendent', 'detective chief superintendent',
  'superintendent', 'detective superintendent', 'detective chief inspector', 'detective inspector',
  'professor', 'prof', 'assistant professor', 'associate professor', 'emeritus professor',
  'doctor', 'dr', 'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'viscount', 'earl',
  'mr', 'mrs', 'ms', 'miss', 'mx', 'madame', 'mme', 'monsieur', 'herr', 'frau', 'dott', 'dott.ssa',
  'ambassador', 'amb', 'senator', 'high representative', 'vice-president', 'vice president', 'president',
  'prime minister', 'deputy prime minister', 'foreign secretary', 'defence secretary', 'home secretary',
  'secretary of state', 'minister', 'commissioner', 'judge', 'justice', 'rev', 'reverend',
]
  .map((title) => title.replace(/\.$/, ''))
  .sort((a, b) => b.split(' ').length - a.split(' ').length);

/** Letters written after a name: honours, degrees, offices. Compared upper-case, full stops removed. */
const POSTNOMINALS = new Set(
  ('KC QC MP MEP MSP MLA TD OBE CBE MBE KBE DBE GBE CMG KCMG GCMG CB KCB GCB CVO KCVO GCVO LVO MVO DSO MC ' +
    'PC FBA FRS FRSA FRSE FAcSS FRHistS PHD DPHIL LLM LLB BCL MA MSC BA JR SR ADC DL JP VC GC')
    .split(' ')
    .map((s) => s.toUpperCase()),
);

/** Peerage titles that may stand with a single name ("Lord Ricketts"): the title is then part of the name. */
const PEER_TITLES = new Set(['lord', 'lady', 'baroness', 'baron', 'viscount', 'earl']);

/** Lower-case words that may sit inside a name ("Ursula von der Leyen", "Luis de Guindos"). */
const NAME_PARTICLES = new Set(
  'de da di du des del della der den van von zu la le bin ibn al el y i dos das do ter ten'.split(' '),
);

/** Nouns that end an organisation's name: a run of capitalised words ending in one ("External Action Service", "Jacques Delors Institute") is the body, not a person. */
const ORGANISATION_NOUNS = new Set(
  'university institute centre center council commission ministry department committee office agency union parliament school college foundation forum group network programme program service services government association society organisation organization organisations organizations congress police councils committees agencies ministries departments authority authorities'.split(
    ' ',
  ),
);

/**
 * Nouns that end the name of a law, an agreement, a plan, a lecture or a prize: a run of capitalised words ending in one
 * ("Nationality and Borders Bill", "Iran Nuclear Agreement", "Strategic Compass", "Vera Blinken Lecture") names a thing
 * after people, not a person ("Sir Bill Cash" opens with the word).
 */
const NAMED_THING_NOUNS = new Set(
  'Bill Act Agreement Agreements Treaty Convention Accord Accords Pact Protocol Framework Directive Regulation Declaration Charter Deal Compass Strategy Plan Lecture Lectures Prize Award Medal Memorial Controls'.split(
    ' ',
  ),
);

/** Words that open a sentence or a clause ("As President Macron argued"), capitalised or not. */
const FUNCTION_WORDS = new Set(
  // A title's capitals make prepositions look like names ("Remarks by … Kaja Kallas After the Council"), and "Both Ministers" is no one.
  'the and for of on in at with by a an this that these those our their his her its as if when while since but so yet also both after before following during to into'.split(
    ' ',
  ),
);

/** Capitalised words that mark an organisation or a phrase, not a person. */
const NOT_NAME_WORDS = new Set(
  [...ORGANISATION_NOUNS, ...FUNCTION_WORDS, ...('european british national international security defence defense policy house ' +
    // A catalogue record's empty field labels ("Author (Corporate)", "Series Title", "Series Details").
    'series title details ' +
    // Regions, named like people ("Central Asia", "Western Balkans", "North America") in an office's portfolio.
    'asia africa america americas europe balkans caucasus arctic sahel sea ocean gulf strait ' +
    // … and the words of a state's own name ("the United Kingdom of Great Britain and Northern Ireland").
    'ireland britain kingdom republic ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'report paper brief briefing statement speech remarks panel roundtable session event conference ' +
    // Documents that "will set out" or "says" things as people do ("The Defence Investment Plan will set out …").
    'plan strategy review agreement treaty framework directive regulation regulations declaration pact ' +
    'chair chairs speaker speakers moderator author authors keynote ' +
    // A salutation's words ("Dear Colleagues, as announced …", "Excellencies, Ladies and Gentlemen").
    'dear colleagues friends ladies gentlemen excellencies ' +
    // Parties, named like people ("Liberal Democrats (LD)"), and the furniture of parliamentary pages ("Lord Coaker Portrait", "Excerpts",
    // "Original Transcript").
    'party democrats labour conservative conservatives liberal unionist nationalist crossbench portrait excerpts extracts hansard text transcript debate debates chamber ' +
    // A headline's verb in its capitals, after the name it reports ("The Rt Hon Theresa May Visits NATO Maritime Command").
    'visits meets welcomes says calls urges announces hosts attends opens addresses launches joins speaks discusses receives ' +
    'warns praises outlines unveils confirms condemns reaffirms highlights stresses underlines pledges commits travels tours')
    .split(' ')],
);

/**
 * Words of offices and job titles. A "name" made of them ("Special Envoy",
 * "Deputy Managing Director", "Director General") is a post, not a person; before
 * a name they are skipped ("NATO Secretary General Mark Rutte").
 */
export const OFFICE_WORDS = new Set(
  ('secretary general director deputy managing acting shadow special envoy representative high vice president ' +
    'supreme allied commander transformation ' +
    'minister chancellor commissioner ambassador chief head executive officer spokesperson spokesman spokeswoman ' +
    'senior permanent principal adviser advisor counsellor counselor undersecretary under assistant associate ' +
    'cyber digital defence defense foreign home prime state affairs security member members chair chairs chairman ' +
    'chairwoman chairperson vice-president vice-chair co-chair rapporteur coordinator co-ordinator envoy speaker ' +
    // Military ranks and words that are also surnames (Major, Judge, Mayor) are left to the title list.
    'leader governor attorney solicitor advocate registrar staff officer agent analyst ' +
    'researcher research fellow professor lecturer editor correspondent reporter presenter moderator panel government ministry ' +
    'department office cabinet parliament parliamentary committee house lords commons council commission union ' +
    'european europe eu nato uk britain british kingdom united nations states america american ukraine ukrainian ' +
    'russia russian france french germany german poland polish italy italian spain estonia latvia lithuania ' +
    'brussels london washington paris berlin strasbourg hon rt mp mep ' +
    // Portfolio words of offices and departments ("Director General for Defence Industry and Space", "Commander of UK Space Command").
    'industry space trade energy justice interior health economy finance transport environment policy strategy ' +
    'development international relations operations crisis management intelligence enterprise command')
    .split(' '),
);

/** A candidate name whose words are all (or end in) office words is a post, not a person. */
function isOfficeName(tokens: string[]): boolean {
  return tokens.some((token) => OFFICE_WORDS.has(token.toLowerCase().replace(/[.’']/g, '')));
}

export interface ParsedName {
  /** Canonical name, honorifics stripped. */
  name: string;
  /** As written, honorifics kept. */
  display: string;
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
/** An abstract noun ends a portfolio ("… Home Affairs and Citizenship") or a label ("Related Organizations"), never a name: no name ends like one. */
const ABSTRACT_NOUN = /\p{Ll}(?:ship|tion|sion|ism|ness)s?$/u;
const INITIAL = /^\p{Lu}\.$/u;

function isNameToken(token: string): boolean {
  if (INITIAL.test(token)) return true;
  if (!CAPITALISED.test(token)) return false;
  // "EU", "NATO": an all-capitals word of two or more letters is an acronym, not a name; so is its plural ("MEPs", "NGOs").
  if (token.length >= 2 && token === token.toUpperCase() && /\p{Lu}{2}/u.test(token)) return false;
  if (/^\p{Lu}{2,}s$/u.test(token)) return false;
  return !NOT_NAME_WORDS.has(token.toLowerCase()) && !ABSTRACT_NOUN.test(token);
}

/** Prefix titles as word lists, grouped by first word, longest first. */
const TITLES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const title of PREFIX_TITLES) {
  const parts = title.split(' ');
  const group = TITLES_BY_FIRST_WORD.get(parts[0]!) ?? [];
  group.push(parts);
  TITLES_BY_FIRST_WORD.set(parts[0]!, group);
}

const titleWord = (token: string) => token.toLowerCase().replace(/\.$/, '');

/** Number of tokens a title at `at` spans ("Air Chief Marshal" = 3), or 0. */
function prefixTitleAt(tokens: string[], at: number): number {
  const first = tokens[at];
  // A title must be capitalised where it stands ("Professor", not "professor of law").
  if (first === undefined || !/^\p{Lu}/u.test(first)) return 0;
  for (const parts of TITLES_BY_FIRST_WORD.get(titleWord(first)) ?? []) {
    if (at + parts.length > tokens.length) continue;
    if (parts.every((part, i) => titleWord(tokens[at + i]!) === part)) return parts.length;
  }
  return 0;
}

function isPostnominal(token: string): boolean {
  return POSTNOMINALS.has(token.replace(/[.,]/g, '').toUpperCase()) && /^\p{Lu}/u.test(token);
}

/** "of Port Ellen", "of Stoke-on-Trent" at `at`: a peer's territorial designation (up to three capitalised words), or nothing. */
function placeAfter(tokens: string[], at: number): string[] {
  if (tokens[at] !== 'of') return [];
  const words: string[] = [];
  for (let j = at + 1; j < tokens.length && words.length < 3; j++) {
    const raw = tokens[j]!;
    const word = raw.replace(/[,.;:]+$/, '');
    if (!/^\p{Lu}[\p{L}’'-]*$/u.test(word) || OFFICE_WORDS.has(word.toLowerCase()) || NOT_NAME_WORDS.has(word.toLowerCase())) break;
    // A title opens the next name: "Lord Browne of Ladyton Portrait Lord …".
    if (PEER_TITLES.has(word.toLowerCase()) || prefixTitleAt([word], 0) > 0) break;
    words.push(word);
    if (word !== raw) break;
  }
  return words.length > 0 ? ['of', ...words] : [];
}

/**
 * Reads a person's name from the start of `text`, stopping where the name ends
 * ("Sir Julian King, former Commissioner" -> Julian King / Sir Julian King).
 * Returns null when the text does not start with something name-shaped: two to
 * five capitalised words, or a peer's title and one word.
 */
export function readName(text: string): ParsedName | null {
  // A peer's given name in brackets after the title is part of how they are named: "Lord (Tariq) Ahmad of Wimbledon". (Read
  // on every call, so only where a bracket is.)
  const tokens = (text.includes('(') ? text.replace(/\b(Lord|Baroness|Lady)\s+\((\p{Lu}\p{Ll}+)\)\s+(?=\p{Lu})/gu, '$1 ') : text)
    // A bracket ends the name ("Lord Paddick (Non-affiliated - Life peer)Department Debates"): what follows is not part of it.
    .replace(/\([^)]*\)/g, ' ; ')
    // So does a speech's "Check against delivery", run into the name's line when a page is saved.
    .replace(/\s+Check against delivery\b.*$/isu, ' ;')
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  let i = 0;
  const titles: string[] = [];
  for (let n = prefixTitleAt(tokens, i); n > 0; n = prefixTitleAt(tokens, i)) {
    titles.push(...tokens.slice(i, i + n));
    i += n;
  }
  const nameTokens: string[] = [];
  let ended = false;
  for (; i < tokens.length && !ended; i++) {
    const raw = tokens[i]!;
    // Punctuation after a word ends the name: "Sir Julian King, former Commissioner", "… King.", "Josep Borrell- On 1 January …".
    let token = raw.replace(/[,;:!?]+$|(?<=\p{L})[-–—]$/u, '');
    let endsHere = token !== raw;
    if (!INITIAL.test(token) && token.endsWith('.')) {
      token = token.slice(0, -1);
      endsHere = true;
    }
    // A possessive ends the name too: "Julian King's remarks".
    if (/['’]s$/u.test(token)) {
      token = token.replace(/['’]s$/u, '');
      endsHere = true;
    }
    if (nameTokens.length > 0 && isPostnominal(token)) break;
    // A plural possessive starts what follows the name ("Eric Pichon Members' Research Service"), and no name opens
    // with one ("Leaders’ Meeting").
    if (/\p{L}s['’]$/u.test(token)) break;
    if (nameTokens.length > 0 && /^\p{Lu}/u.test(token) && (ORGANISATION_NOUNS.has(token.toLowerCase()) || NAMED_THING_NOUNS.has(token))) return null;
    if (!isNameToken(token) && !(nameTokens.length > 0 && NAME_PARTICLES.has(token))) break;
    nameTokens.push(token);
    ended = endsHere;
  }
  // Post-nominals follow the last name word: "Alan Dashwood KC".
  const afterName = titles.length + nameTokens.length;
  while (nameTokens.length > 0 && NAME_PARTICLES.has(nameTokens[nameTokens.length - 1]!)) nameTokens.pop();
  const suffixes: string[] = [];
  for (let j = afterName; j < tokens.length && !ended; j++) {
    const raw = tokens[j]!;
    const token = raw.replace(/[.,;:]+$/, '');
    if (!isPostnominal(token)) break;
    suffixes.push(token);
    // "KC, MP" continues after a comma; any other punctuation ends the list.
    if (/[.;:]$/.test(raw)) break;
  }
  // "Earl of Minto", "Lord of Appeal": a peer known by the place alone.
  if (nameTokens.length === 0 && titles.length > 0 && PEER_TITLES.has(titles[titles.length - 1]!.toLowerCase())) {
    const place = placeAfter(tokens, titles.length);
    if (place.length > 0) {
      const name = [titles[titles.length - 1]!, ...place].join(' ');
      return { name, display: [...titles, ...place].join(' ') };
    }
  }
  if (nameTokens.length === 0 || nameTokens.length > 5) return null;
  if (isOfficeName(nameTokens)) return null;
  // A surname is a word, not an initial: "Sir A B" is not a name.
  if (nameTokens[nameTokens.length - 1]!.replace(/\./g, '').length < 2) return null;
  const peer = titles.length > 0 && PEER_TITLES.has(titles[titles.length - 1]!.toLowerCase());
  if (nameTokens.length === 1 && !peer) return null;
  // A peer's territorial designation is part of the name: "Baroness Smith of Newnham", "Lord Hannay of Chiswick".
  const territorial: string[] = [];
  if (peer && nameTokens.length === 1 && !ended && suffixes.length === 0) territorial.push(...placeAfter(tokens, titles.length + 1));
  const canonical =
    nameTokens.length === 1 ? [titles[titles.length - 1], nameTokens[0], ...territorial].join(' ') : nameTokens.join(' ');
  const display = [...titles, ...nameTokens, ...territorial, ...suffixes].join(' ');
  return { name: canonical, display };
}

/** Offices that end in "General", where the word is not the military rank. */
const GENERAL_OFFICES = /^(?:Secretary|Director|Attorney|Solicitor|Inspector|Governor|Paymaster|Postmaster|Surgeon|Registrar)$/u;

/** Words that may sit in a job title between office words ("Minister of State for Europe", "High Representative/Vice-President"). */
const OFFICE_GLUE = new Set(['of', 'the', 'for', 'and', '&', 'to', 'at', 'on', 'in', '/', '-', '–', 'de', 'du']);

const isOfficeToken = (token: string): boolean => {
  const bare = token.replace(/[,.:;’']+$/u, '');
  if (bare === '') return false;
  if (OFFICE_GLUE.has(bare.toLowerCase())) return true;
  // "Representative/Vice-President": each part an office word.
  const parts = bare.split(/[/]/).filter(Boolean);
  if (parts.length > 0 && parts.every((p) => OFFICE_WORDS.has(p.toLowerCase()) || /^\p{Lu}{2,}$/u.test(p))) return true;
  if (/^\p{Lu}[\p{L}-]*$/u.test(bare) && bare.split('-').every((p) => OFFICE_WORDS.has(p.toLowerCase()))) return true;
  // A prefix title ("Dr", "Sir") or a capitalised word inside a long title ("Minister of State for Europe").
  return prefixTitleAt([bare], 0) > 0;
};

/** Words that are all of an office, with nobody named: "EU High Representative", "the Prime Minister", "Vice President of the Commission". */
export function isOfficeOnly(text: string): boolean {
  const tokens = text.replace(/\s*\/\s*/g, '/').trim().split(/\s+/).filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((t) => isOfficeToken(t) || t.toLowerCase() === 'the' || /^\p{Lu}{2,}$/u.test(t));
}

/**
 * A person's name after a job title, as in "Speech by NATO Secretary General
 * Mark Rutte at…", "Remarks by High Representative/Vice-President Kaja Kallas",
 * "Minister of State for Europe Stephen Doughty". Office words, acronyms and the
 * words that join them are skipped (at most `maxSkip` tokens); the name must
 * follow them directly. The office is kept in the display form.
 */
export function readNameAfterOffice(text: string, maxSkip = 10): ParsedName | null {
  const tokens = text.replace(/\s*\/\s*/g, '/').trim().split(/\s+/).filter((t) => t !== '');
  for (let skip = 0; skip <= Math.min(maxSkip, tokens.length - 1); skip++) {
    if (skip > 0) {
      const previous = tokens[skip - 1]!;
      // A skipped word must be part of an office, or a capitalised word within one (not a verb or a sentence).
      const capitalisedInside = /^\p{Lu}/u.test(previous) && skip > 1 && !/[,.;:]$/.test(tokens[skip - 2]!);
      // A country's or a body's word before the office opens it: "Slovakian Prime Minister …", "SatCen Director …".
      const modifierOfOffice = skip === 1 && /^\p{Lu}[\p{L}-]*$/u.test(previous) && !FUNCTION_WORDS.has(previous.toLowerCase()) && isOfficeToken(tokens[1] ?? '');
      if (!isOfficeToken(previous) && !capitalisedInside && !modifierOfOffice) return null;
      if (/[.;:]$/.test(previous)) return null;
      // The word after "of" or "for" in an office is the office's place or portfolio ("Chancellor of the Duchy of
      // Lancaster Oliver Dowden", "Minister of State Jane Roe"), never the start of the holder's name.
      if (/^(?:of|for)$/iu.test(previous)) continue;
      // Nor is the word after "and", which joins two offices ("High Representative and Vice-President") or two words of a
      // body's name ("British Institute of International and Comparative Law").
      if (/^(?:and|&)$/iu.test(previous)) continue;
      // Nor is the word after a lower-case "the" in an office ("Commissioner for the Internal Market"), unless a peer's title
      // opens there ("Minister of State, the Earl of Minto").
      if (previous === 'the' && prefixTitleAt(tokens, skip) === 0) continue;
    }
    // "Secretary General", "Director General", "Attorney General": the rank-like word ends the office; it is no title of the name.
    if (skip > 0 && tokens[skip] === 'General' && GENERAL_OFFICES.test(tokens[skip - 1]!)) continue;
    // Only joining words before it ("the Overseas Territories" ending a portfolio): no office names the words as a
    // person. A peer's title may follow "the" ("The Earl of Minto").
    if (skip > 0 && prefixTitleAt(tokens, skip) === 0 && tokens.slice(0, skip).every((t) => OFFICE_GLUE.has(t.replace(/[,.:;]+$/u, '').toLowerCase()))) continue;
    const parsed = readName(tokens.slice(skip).join(' '));
    // A portfolio's last capitalised word may open what reads as a longer name ("Commissioner for Internal Market Thierry
    // Breton"): after a skipped word that is no office word, a name of two words from the next word is the holder's.
    const inPortfolio = skip > 1 && !isOfficeToken(tokens[skip - 1]!) && /^\p{Lu}/u.test(tokens[skip - 1]!);
    const shorter = parsed && inPortfolio && parsed.name.split(' ').length >= 3 ? readName(tokens.slice(skip + 1).join(' ')) : null;
    if (shorter && shorter.name.split(' ').length >= 2) return shorter;
    if (parsed) return parsed;
  }
  return null;
}

/** A name that is the whole of `text`, every word read ("Jane Roe"; not "Jane Roe, Director of …"), else null. */
export function readWholeName(text: string): ParsedName | null {
  const parsed = readName(text);
  return parsed && parsed.display.split(' ').length === text.trim().split(/\s+/u).length ? parsed : null;
}

/**
 * A name a person wrote down themselves (sidecar, front matter): honorifics are
 * still stripped when recognisable, but the name is trusted even when it does
 * not look like one ("Madonna").
 */
export function parseGivenName(text: string): ParsedName {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  // Trust the parse only when it used every word, so nothing the writer gave is lost.
  return readWholeName(cleaned) ?? { name: cleaned, display: cleaned };
}

/**
 * Splits "A, B, and C" / "A and B" / "A; B" / "A & B" into items. Commas inside
 * an item's description are fine: readName() stops at the end of the name, and
 * an item that does not start with a name is dropped by the caller.
 */
export function splitNameList(text: string): string[] {
  // "Author: Tania Lațici with Branislav Stanicek and Eric Pichon": "with" before a capital joins one more name.
  // Only after a name: "the meeting co-chaired with Egypt" joins no one.
  // A bracket's commas and "and" are the aside's ("David McAllister (EPP, Germany)", "(S&D, the Netherlands)"), not the list's.
  const asides: string[] = [];
  const guarded = text.replace(/\([^()]*\)/gu, (aside) => `\u0000${asides.push(aside) - 1}\u0000`);
  const parts = guarded
    .split(/(\s*(?:;|,\s*(?:and|&)\s+|,|\s+and\s+|\s+&\s+|(?<=\p{Lu}[\p{L}’'.-]*)\s+with\s+(?=\p{Lu}))\s*)/u)
    .map((part) => part.replace(/\u0000(\d+)\u0000/gu, (_, i: string) => asides[Number(i)]!));
  const items: string[] = [parts[0]!];
  for (let i = 1; i < parts.length; i += 2) {
    // "Institute of International and Comparative Law", "Minister for Europe and North America": an "and" after "of" or
    // "for" and an office's or a body's word joins one name of a body or an office, not two items.
    const joinsOneName = /^\s+and\s+$/u.test(parts[i]!) && OFFICE_WORDS.has(/\b(?:of|for)\s+(\p{Lu}[\p{L}’'-]*)$/u.exec(items.at(-1)!)?.[1]?.toLowerCase() ?? '');
    if (joinsOneName) items[items.length - 1] += parts[i]! + parts[i + 1]!;
    else items.push(parts[i + 1]!);
  }
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The European Parliament and the Committee of the Regions print a member's surname in capitals, their group (and
 * country) after it in brackets: "Raphaël GLUCKSMANN (S&D, FR)", "Ursula VON DER LEYEN (EPP)", "Antje GROTHEER
 * (DE/PES)". The surname is set as it is written elsewhere ("Glucksmann", "von der Leyen"), so every reader of names
 * reads it; capitals without that bracket are an acronym ("Renew INTA").
 */
const MEMBER_IN_CAPITALS =
  /(?<![\p{L}\p{M}])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)((?:\s+\p{Lu}{2,}(?:-\p{Lu}{2,})*)+)(?=\s*\((?:[\p{Lu}&/-]{2,}|Renew(?: Europe)?|Verts\/ALE|The Left)(?:\s*,\s*\p{Lu}{2})?\))/gu;

/** Words in capitals as a name writes them: "VON DER LEYEN" -> "von der Leyen", "GEOANĂ" -> "Geoană". */
const casedAsName = (words: string) =>
  words.replace(/\S+/gu, (word) =>
    NAME_PARTICLES.has(word.toLowerCase()) ? word.toLowerCase() : word.replace(/\p{Lu}+/gu, (part) => part[0] + part.slice(1).toLowerCase()),
  );

export function surnamesAsWritten(text: string): string {
  return text.replace(MEMBER_IN_CAPITALS, (whole, given: string, surname: string) => {
    if (!surname.split(/\s+/u).some((word) => word.replace(/-/gu, '').length >= 3)) return whole;
    return given + casedAsName(surname);
  });
}

/** A whole name set in capitals ("MIRCEA GEOANĂ", "URSULA VON DER LEYEN"), read as it is written elsewhere; else null. */
export function readNameInCapitals(text: string): ParsedName | null {
  return readWholeName(casedAsName(text.trim()));
}

/** Names read from a list; items that are not names ("former EU Commissioner") are skipped. */
export function readNameList(text: string): ParsedName[] {
  const names: ParsedName[] = [];
  for (const item of splitNameList(text)) {
    const parsed = readName(item);
    if (parsed) names.push(parsed);
  }
  return names;
}

/**
 * The key two spellings of one person share: accents and case folded, spacing normalised.
 * Letters of every script count, so names in Greek or Cyrillic are never all one person.
 */
export function personKey(name: string): string {
  return foldAccents(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function makePerson(parsed: ParsedName, role: Role): Person {
  return { name: parsed.name, display: parsed.display, role, slug: personSlug(parsed.name) };
}

/** When one person is found in several roles, the most specific role wins. */
const ROLE_RANK: Record<Role, number> = { chair: 0, moderator: 1, speaker: 2, author: 3, mentioned: 4 };

function accentCount(text: string): number {
  return text.normalize('NFD').length - text.normalize('NFC').length;
}

/** "Professor Jose Borrell" with the name spelt "José Borrell" -> "Professor José Borrell". */
function withNameSpelling(display: string, name: string): string {
  const foldedDisplay = foldAccents(display);
  const foldedName = foldAccents(name);
  // Only when folding keeps every character in place, so an index in one is an index in the other.
  if (foldedDisplay.length !== display.length || foldedName.length !== name.length) return display;
  const at = foldedDisplay.indexOf(foldedName);
  return at < 0 ? display : display.slice(0, at) + name + display.slice(at + name.length);
}

/**
 * One entry per person (accent- and case-insensitive), in first-seen order.
 * Keeps the strongest role, the accented spelling ("José" over "Jose") and the
 * fullest display form.
 */
export function dedupePeople(people: Person[]): Person[] {
  const byKey = new Map<string, Person>();
  for (const person of people) {
    const key = personKey(person.name);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...person });
      continue;
    }
    if (ROLE_RANK[person.role] < ROLE_RANK[seen.role]) seen.role = person.role;
    if (person.display.length > seen.display.length) seen.display = person.display;
    if (accentCount(person.name) > accentCount(seen.name)) {
      seen.name = person.name;
      seen.slug = person.slug;
    }
  }
  // A peer named short after being named in full ("Lord Ahmad" after "Lord Ahmad of Wimbledon") is the same peer.
  for (const [key, short] of byKey) {
    if (!PEERAGE.test(short.name)) continue;
    const full = [...byKey.values()].filter((p) => p !== short && p.name.startsWith(`${short.name} of `));
    if (full.length !== 1) continue;
    if (ROLE_RANK[short.role] < ROLE_RANK[full[0]!.role]) full[0]!.role = short.role;
    byKey.delete(key);
  }
  for (const person of byKey.values()) person.display = withNameSpelling(person.display, person.name);
  return [...byKey.values()];
}

/** A peer by title and one name, without the place of their title: "Lord Ahmad", "Baroness Chapman". */
const PEERAGE = /^(?:Lord|Baroness|Lady|Viscount|Viscountess|Earl|Countess)\s+\S+$/u;
