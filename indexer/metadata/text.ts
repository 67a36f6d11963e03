/**
 * Metadata read from the document's own words: the title line, the date of the
 * event, who chaired and spoke or wrote it, the host and the place. General
 * cues of how event reports and papers are written, no special cases.
 */
import { clipSummary, type Person, type Role } from '../../contract/document.js';
import type { Block } from '../../contract/extracted.js';
import { dateFromUrl, dateOverTwoLines, dayCompletedElsewhere, findDates, isPlausibleYear, monthYear, weekdayDates, writesMonthFirst } from './dates.js';
import { dedupePeople, isOfficeOnly, makePerson, OFFICE_WORDS, readName, readNameAfterOffice, readNameInCapitals, readWholeName, splitNameList, surnamesAsWritten, type ParsedName } from './names.js';
import { conclusionsAuthor, findOrganisations, findPublisher, knownBodiesIn, knownPublisher } from './organisations.js';
import { isCaption, isDateFurniture, isDateOnly, isLedeProse } from './furniture.js';
import { holdersNamedIn, officeHolderAt, officeWrittenAs, OFFICES } from './offices.js';
import { findDatelinePlace, findEventPlace, isKnownCity } from './places.js';
import { escapeRegExp } from '../regexp.js';
import { DATE_LABEL_BEFORE_LEDE, DELIVERY_MARK, FOR_A_COLLEAGUE, SPEECH_ACT_VERBS, SPEECH_OPENING, WRITTEN_STATEMENT, speechFollows } from './type.js';

export interface TextMetadata {
  title: string | null;
  /** Index of the block the title came from, so the summary skips it. */
  titleBlock: number;
  date: string | null;
  published: string | null;
  organisations: string[];
  /** The publisher named by a "From:" or "Published by" line, or a known body standing alone in the opening. */
  publisher: string | null;
  place: string | null;
  people: Person[];
  summary: string;
}

/** How far into the text the opening cues (date, host, place) are looked for. */
const HEAD_CHARS = 4000;

/** Standalone labels that precede a title ("POLICY BRIEF", "Event report"), not titles themselves. */
const LABEL_LINE =
  /^(?:event report|policy (?:brief|paper)|working paper|briefing(?: paper)?|research briefing|report|statement|joint statement|speech|press releases?|(?:latest |top )?news|commentary|analysis|summary|index|contents|table of contents|(?:news|world news) story|transparency data|corporate report|independent report|research and analysis|(?:statutory )?guidance|detailed guide|authored article|oral statement to parliament|written statement to parliament|government response|consultation outcome|(?:open|closed) consultation|correspondence|impact assessment|(?:official|national) statistics|foi release|notice|case study|promotional material)$/iu;

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

/**
 * Lines a saved web page keeps from its furniture: an accessibility link, a menu's or a print button's label, a social
 * link, EUR-Lex's "This document is an excerpt from the EUR-Lex website" and document number ("Document 32022R0991"),
 * a label waiting for its value ("Page language:"), a search box's ("Search our content"), a listing's "Category: …", a logo's file name or description where the
 * image stood ("HoC 85mm(Green).tif", "final logo red (RGB)").
 */
const PAGE_FURNITURE = /^(?:skip to (?:main )?content|(?:main |site )?(?:menu|navigation)|search(?: (?:our|this|the) (?:content|site|website))?|print|close|previous|next|full text|(?:go )?back to (?:the )?(?:top|home(?: ?page)?|(?:search )?results|\S+(?: \S+)? (?:portal|home ?page|website|site|list|overview))|connect with us|follow us(?: on \S+)?|share (?:this|on \S+)|this (?:document|page) is an? (?:excerpt|extract) from (?:the )?\S+ (?:website|site)|document \d{5}[a-z]{1,2}\d{4}|[^:]{1,40}:|(?:category|categories|tags?|filed under|topics?)\s*:.*|.{0,60}\.(?:tiff?|png|jpe?g|gif|svg|bmp|eps)|(?:[\w ]{0,30} )?logo(?: [\w ()]{0,30})?)$/iu;
/** A page's age, printed under its date by the sites that republish Parliament's record: "(2 years, 1 month ago)". */
const PAGE_AGE = /^\(\d+ (?:years?|months?|weeks?|days?|hours?)(?:, \d+ (?:months?|weeks?|days?|hours?))? ago\)$/iu;

/** A page's breadcrumb trail from its home page ("Home / Media Centre / News / 2019 / …", "Home › News"): where it is filed, not its title. */
const BREADCRUMB = /^(?:Home|Homepage|Home page|You are here:?)\s*[/›>»]\s*\S/iu;

/** A page number above a printed page's heading ("19", "Page 3 of 12"). */
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/iu;

/** A committee's name heading its papers ("Foreign Affairs Committee", "Select Committee on the European Union") names who, not what. */
const COMMITTEE_MASTHEAD = /^(?:(?:Select|Joint|Standing|Special) Committee on [\p{L} ,’'-]{3,60}|\p{Lu}[\p{L} ,’'&-]{2,60} (?:Sub-)?Committee)$/u;

function findTitle(blocks: readonly Block[]): { title: string | null; index: number } {
  for (let i = 0; i < blocks.length && i < 5; i++) {
    const text = blocks[i]!.text.trim();
    if (text === '') continue;
    const dates = findDates(text);
    // A dateline standing alone ("Luxembourg, 8 October 2024") says where and when, not what: a few capitalised
    // words and the date (a title ending in its date has words of its own: "Statement on the summit in London, 19 May 2025").
    // The words before the date are a place: set off by a comma, a city, or in capitals ("LONDON 5 May 2025"), not an
    // event's name ("NATO Leaders' Meeting 3-4 December 2019").
    const beforeDate = dates.length === 1 ? text.slice(0, dates[0]!.index).trim() : '';
    const isDateline =
      dates.length === 1 &&
      /^(?:[\p{Lu}\d]\S*[\s,]+){1,6}$/u.test(`${beforeDate} `) &&
      (beforeDate.endsWith(',') || isKnownCity(beforeDate) || beforeDate === beforeDate.toUpperCase()) &&
      text.slice(dates[0]!.index + dates[0]!.text.length).trim() === '';
    // A masthead ("Ministry of Defence" above the headline) names the publisher, not the text; a speech's greeting
    // to the room ("Good morning, all") opens its words, it does not name them.
    if (LABEL_LINE.test(text) || SPEECH_OPENING.test(text) || isDateOnly(text, dates) || isDateFurniture(text) || isDateline || PAGE_FURNITURE.test(text) || PAGE_AGE.test(text) || BREADCRUMB.test(text) || PAGE_NUMBER.test(text) || isCaption(text) || knownPublisher(text) !== null || COMMITTEE_MASTHEAD.test(text)) continue;
    // A genre line joined to its "by …" line names the occasion at length ("Opening remarks by … at the joint meeting of …").
    const genreTitle = GENRE_BY_LINE.test(text) && text.length <= 320 && !/[.;]$/u.test(text);
    return looksLikeTitle(text) || genreTitle ? { title: text, index: i } : { title: null, index: -1 };
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
const SENTENCE_END = /(?<!\b(?:Prof|Dr|Mr|Mrs|Ms|Mx|St|Gen|Lt|Col|Capt|Adm|Amb|Hon|hon|Rt|Rev|Jr|Sr|No|Vol|vs|etc|e\.g|i\.e|\p{Lu}))[.!?](?=\s|$)/u;

interface Cue {
  role: Role;
  pattern: RegExp;
  /** Only at the very start of a block (a byline "By Jane Roe"). */
  blockStart?: boolean;
  /** Items separated by semicolons, each a name and its affiliation after commas ("Jane Roe, Director, Acme; John Doe, …"). */
  semicolonItems?: boolean;
  /** Names in runs, each run closed by the group it is tabled for ("… on behalf of the PPE Group"). */
  groupRuns?: boolean;
  /** Whole names among items that say for whom each spoke ("Jane Roe, on behalf of the PPE Group, John Doe, non-attached Member"). */
  nameItems?: boolean;
  /** A committee's list of the witnesses it hears. */
  witnesses?: boolean;
  /** The rest of the line is one name and nothing else ("The Rt Hon Suella Braverman KC MP", not a headline "The Rt Hon … Visits …"). */
  wholeName?: boolean;
}

/** A name's shape where a line opens with it or is made of it: two to four capitalised words ("Adam Szłapka", "Jane van Roe"). */
const NAME_SHAPE = String.raw`(?:\p{Lu}[\p{L}’'.-]*\s+){1,3}\p{Lu}[\p{L}’'-]*`;
/** The same, with the lower-case particles of a surname: "Petra de Sutter", "Nicolás Pascual de la Parte". */
const SURNAME_PARTICLES = String.raw`(?:(?:de|da|del|der|den|van|von|la|le|du|dos|di|ten|ter)\s+){0,2}`;
const NAME_WITH_PARTICLES = String.raw`(?:\p{Lu}[\p{L}’'.-]*\s+${SURNAME_PARTICLES}){1,3}\p{Lu}[\p{L}’'-]*`;

/** The line naming the political group a European Parliament motion's members table it for: "on behalf of the PPE Group". */
const GROUP_LINE = String.raw`on behalf of (?:the )?\S+(?: \S+){0,4} [Gg]roup\b`;

/** The formula of a written statement made by a minister: "… has made the following Written Ministerial Statement", "… has today made …". */
const MADE_STATEMENT = String.raw`has (?:today |this day )?made the following (?:written |ministerial |oral )*statement`;
const MADE_STATEMENT_FORMULA = new RegExp(MADE_STATEMENT, 'iu');

/** A minister's report of a meeting they attended opens so: "I attended the Foreign Affairs Council (FAC) on 15 July." */
const ATTENDED_MEETING = /(?:^|\n)I attended the\b/u;

/** A joint statement, as its title or opening calls it. */
const JOINT_STATEMENT = /\bjoint (?:statement|declaration|communiqu[eé])\b/iu;
/** The parties to a meeting, call or talks, up to where or when it was: "the meeting between Prime Minister A and Prime Minister B in Warsaw". */
const MEETING_BETWEEN = /\b(?:meeting|call|talks|conversation|consultations|summit)\s+between\s+(.+?)(?=\s+(?:in|at|on|to|that|which|during|for)\s|[.;:(]|$)/u;
/** A statement's title naming its maker: "Statement by HR Mogherini on …", "Statement on behalf of the European Union by …". */
/** (A dateline may open the line: "30 October 2024, New York - Statement on behalf of the European Union … by …".) */
const STATEMENT_BY = String.raw`^(?:\d{1,2} \p{L}+ \d{4},\s*\p{Lu}[\p{L} ]{1,30}?\s+[-–—]\s+)?(?:(?:joint|press|written)\s+)?statement (?:on behalf of (?:the )?\p{Lu}[\p{L} ]{1,40}? )?by\s+`;
const STATEMENT_BY_TITLE = new RegExp(STATEMENT_BY, 'iu');

/** Cues that introduce names, each followed by a name or a list of names (job titles before a name are skipped). */
const PEOPLE_CUES: Cue[] = [
  { role: 'chair', pattern: /\b(?:co-)?chaired by\s+/giu },
  { role: 'chair', pattern: /\bunder the chair(?:manship)? of\s+/giu },
  // A meeting's co-chairs by their side, holder in apposition: "The UK Co-Chair, the Rt Hon James Cleverly MP, …, opened the meeting".
  { role: 'chair', pattern: /\bco-?chair(?:man|woman|person)?,\s+(?=(?:the\s+)?\p{Lu})/giu },
  // "The Chair: A very warm welcome …" is a transcript's turn, the office speaking, not a label before names.
  { role: 'chair', pattern: /(?<!\bthe\s)\b(?:co-)?chair(?:s|person|man|woman)?\s*[:–—]\s*/giu },
  { role: 'moderator', pattern: /\b(?:moderated|facilitated) by\s+/giu },
  { role: 'moderator', pattern: /\b(?:moderators?|moderation|facilitators?|facilitation)\s*[:–—]\s*/giu },
  {
    role: 'speaker',
    pattern:
      /\b(?:speakers?|panell?ists?|participants|contributors|discussants|presenters|keynote speakers?|(?:contributing )?members(?: speaking)?)\s*(?:included|including|were|comprised|[:–—])\s*/giu,
  },
  // The European Parliament's minutes: "The following spoke: Jane Roe, on behalf of the PPE Group, John Doe, …", and those
  // who opened the debate, "Charles Michel (President of the European Council) and … made the statements.".
  { role: 'speaker', pattern: /\bthe following spoke(?: (?:under|in|during|for) [^.:]{3,60})?\s*:\s*/giu, nameItems: true },
  { role: 'speaker', pattern: /^(?=[^.]{3,400}\)\s+made the statements?\b)/gu, blockStart: true },
  { role: 'chair', pattern: /^in the chair\s*:\s*/giu, blockStart: true },
  // "Members contributing to the debate included:", "Peers speaking in the debate were:".
  { role: 'speaker', pattern: /\b(?:members|peers|MPs|MEPs)\s+(?:contributing|speaking|taking part)\b[^.:]{0,50}?\b(?:included|were)\s*:?\s*/giu },
  // An event's people among those it gathered: "brought together leading experts including …", "featured keynote addresses from
  // several leaders, including …". What was welcomed or gathered that is no one ("welcomed efforts such as Prosperity
  // Guardian", "gathered from open sources such as …") names no speaker.
  {
    role: 'speaker',
    pattern:
      /\b(?:brought together|gathered|convened|featured|featuring|welcomed|heard from)\b[^.]{0,100}?\b(?:speakers?|participants?|guests?|experts?|leaders?|ministers?|officials?|representatives?|panell?ists?|delegates?|figures|members|academics|practitioners|policy-?makers|diplomats|voices|contributors?|presenters?|addresses|remarks)\b[^.]{0,60}?\b(?:including|such as|namely|notably)\s*:?\s*/giu,
  },
  { role: 'speaker', pattern: /\b(?:featured|featuring)\s+(?:(?:speakers?|panell?ists?|contributions from|remarks from)\s+)?(?=\p{Lu})/gu },
  { role: 'speaker', pattern: /\bwith (?:opening |closing |keynote )?(?:remarks|contributions|presentations|interventions|speeches) (?:from|by)\s+/giu },
  // An event "was opened by" whoever gave its opening words: "The seminar was opened by EDA Chief Executive … and the … Minister".
  { role: 'speaker', pattern: /\b(?:was|were) (?:formally |officially )?(?:opened|closed) by\s+/giu },
  // Programme lines: "Opening remarks: Dr Jane Roe", "In conversation with Kaja Kallas".
  { role: 'speaker', pattern: /\b(?:opening|closing|welcome|introductory|keynote) (?:remarks|address|speech)\s*[:–—]\s*/giu },
  { role: 'speaker', pattern: /\b(?:in conversation|panel discussion|fireside chat|interview) with\s+/giu },
  // … and a title naming the event so: "Conversation with NATO Deputy Secretary General … at the 2025 NATO Youth Summit".
  { role: 'speaker', pattern: /^(?:a )?conversation with\s+/giu, blockStart: true },
  // A press conference's genre line naming who gave it ("Press conference with NATO Secretary General … and the Prime
  // Minister …"); "at the joint press conference with …" after a speaker is their occasion, read above.
  { role: 'speaker', pattern: /^(?:joint )?press (?:conference|point) with\s+/giu, blockStart: true },
  // Members who put questions to a guest, in a committee's story: "MEPs quizzed EU High Representative … Josep Borrell on …".
  { role: 'speaker', pattern: /\b(?:quizzed|questioned|grilled)\s+(?=\p{Lu})/gu },
  // A committee's panels of witnesses: "Witnesses: …", or under a "Witnesses" heading, "I: Jane Roe, Director, …; John Doe, …".
  { role: 'speaker', pattern: /(?:\b|(?<=\p{Ll}))witnesses(?:\s*[IVX]{1,4})?\s*:\s*/giu, semicolonItems: true, witnesses: true },
  // … and the "Witnesses" line of an evidence session run into the list below it ("Witnesses Professor Jane Roe, Director, …; …").
  { role: 'speaker', pattern: /^[Ww]itnesses\s+(?:[IVX]{1,4}:\s+)?(?=\p{Lu})/gu, blockStart: true, semicolonItems: true, witnesses: true },
  { role: 'speaker', pattern: /^(?:[IVX]{1,4}):\s+(?=\p{Lu})/gu, blockStart: true, semicolonItems: true, witnesses: true },
  // Members named as those who issue the statement that follows: "the following MEPs issued a statement: Chair of the
  // Committee on Foreign Affairs, David McAllister (EPP, Germany), … and …, Nina Carberry (EPP, Ireland):".
  { role: 'author', pattern: /\b(?:issued|made|released) (?:the following |this |a )?(?:joint )?statement\s*:\s*/giu },
  // A committee's record of who gave evidence: "Assistant Chief Constable Jim Pearce, Sarah Dineley and Rob Jones gave evidence."
  { role: 'speaker', pattern: /^(?=[^.:;]{3,200}?\s+gave (?:oral )?evidence\b)/gu, blockStart: true },
  // A committee's notice of the witnesses it hears: "At 3pm, the committee will hear from:", "The Committee took evidence from …".
  { role: 'speaker', pattern: /\b(?:(?:will|to) (?:hear|take evidence) from|(?:heard|hears|took|takes) evidence from)\s*:?\s*/giu, semicolonItems: true },
  // GOV.UK lists the minister a page is from on a line of its own: "The Rt Hon Suella Braverman KC MP".
  { role: 'speaker', pattern: /(?<=^|\s)(?<!\bby\s+)(?=(?:The\s+)?Rt\.?\s+Hon\.?\s+[^.]{3,60}$)/gu, wholeName: true },
  // … and under a past government's banner, a name alone: "This was published under the 2019 to 2022 Johnson Conservative
  // government" then "Paul Johnston" (the line is run into the banner when the page is saved).
  { role: 'speaker', pattern: new RegExp(String.raw`^This was published under the [^.\n]{5,80}? government\s+(?=${NAME_SHAPE}$)`, 'gu'), blockStart: true },
  // … and a junior minister's as the name and "MP" alone: "Stephen Doughty MP".
  { role: 'speaker', pattern: new RegExp(String.raw`^(?=${NAME_SHAPE}(?:\s+(?:KC|QC|OBE|CBE|MBE))*\s+MP$)`, 'gu'), blockStart: true },
  // A transcript's turn: "Elisabeth Braw, Visiting Fellow, AEI: Good morning everybody …".
  { role: 'speaker', pattern: new RegExp(String.raw`^(?=${NAME_SHAPE},\s[^:.;]{3,100}:\s+\p{Lu})`, 'gu'), blockStart: true, semicolonItems: true },
  // … and one whose speaker's outlet or body stands in brackets: "Carl Dinnen (ITV): Prime Minister, …".
  { role: 'speaker', pattern: new RegExp(String.raw`^(?=${NAME_SHAPE}\s+\([^():]{2,40}\):\s+[…"“]?\p{Lu})`, 'gu'), blockStart: true },
  // A Lords question put to a minister by name is answered by them: "To ask the Minister of State at the Cabinet Office
  // (Lord Frost) what is the agenda …", the answer below ("My Lords, …") unheaded.
  { role: 'speaker', pattern: /^To ask the (?:Minister|Secretary of State|Leader of the House|Lord|Advocate|Attorney|Solicitor|Senior|Parliamentary)[^()\n]{0,120}\(/gu, blockStart: true },
  // The European Parliament's verbatim report opens each contribution with its speaker: "Adam Szłapka, President-in-Office of the Council. – Mr President, …".
  { role: 'speaker', pattern: new RegExp(String.raw`^(?=${NAME_SHAPE},\s[^.–—]{3,120}\.\s+[–—]\s)`, 'gu'), blockStart: true },
  // … and a member by their political group: "Jordi Solé (Verts/ALE). – Mr President, …".
  { role: 'speaker', pattern: new RegExp(String.raw`^(?=${NAME_SHAPE}\s+\([^()]{2,40}\)\.\s+[–—]\s)`, 'gu'), blockStart: true },
  // Parliament's open data names the member of each contribution: "Proceeding contribution from Grant Shapps (Conservative) in the House of Commons".
  { role: 'speaker', pattern: /\b(?:Proceeding )?contribution from\s+(?=\p{Lu})/gu },
  // Parallel Parliament's copy of a contribution names its member: "Main Page: Baroness Chapman of Darlington (Labour - Life peer)".
  { role: 'speaker', pattern: /\bMain Page:\s*/gu },
  // A statement's own title names its author ("Statement by High Representative Josep Borrell following consultations …");
  // one made at or to a meeting was spoken there ("Statement by Ambassador Jane Roe at the Permanent Council").
  { role: 'author', pattern: new RegExp(String.raw`${STATEMENT_BY}(?![^\n]*\s(?:at|to|before)\s+(?:the|a|an)\s)`, 'giu'), blockStart: true },
  // … and one made at a meeting was spoken there, whoever it was made for.
  { role: 'speaker', pattern: new RegExp(STATEMENT_BY, 'giu'), blockStart: true },
  // A statement "given" was spoken: "Statement given yesterday from Defence Secretary John Healey on the Strategic Defence Review",
  // also under the date label a saved page keeps above it.
  { role: 'speaker', pattern: /^(?:date\s*:?\s*\d{4}-\d{2}-\d{2}\s+)?(?:oral\s+)?statement (?:given|delivered)\s+(?:(?:today|yesterday)\s+)?(?:by|from)\s+(?=\p{Lu})/giu, blockStart: true },
  // A title naming the speaker before the genre of their words: "HR/VP Kaja Kallas: Keynote speech at the … Conference"
  // (a genre "by" someone names them itself: "Security Red Sea: remarks by HR Borrell" opens with a topic).
  {
    role: 'speaker',
    pattern: /^(?=[^:\n]{5,80}:\s*(?:(?:keynote|opening|closing|introductory|welcome|video|press|doorstep)\s+)?(?:speech|remarks|address|lecture|intervention|press conference)\b(?!\s+by\b))/giu,
    blockStart: true,
  },
  // The genre line of a speech or press conference: "Speech by …", "Remarks by President …", "Press conference by …".
  {
    role: 'speaker',
    pattern:
      /(?<!\b(?:in (?:response|reply) to|following|after) (?:the )?(?:\p{L}+ )?)\b(?:keynote (?:speech |address |remarks )?(?:by|from)|(?:(?:opening|closing|introductory|welcome|video|press|doorstep|keynote|main|oral) )?(?:remarks|comments|speech(?:es)?|address|lectures?|presentations?|interventions?|statement|message|conference|press point|doorstep|briefing|interview)(?: delivered| given| made)? by|(?:remarks|speech|address|lecture) from|(?:delivered|given) by|speaker\s*[:–—])\s*/giu,
  },
  // (A statement "in response to the address by …" answers another's words: the one who gave those is not its maker.)
  // Written work: "Written statement by …", "Op-ed by …", "Article by …", authors and rapporteurs.
  { role: 'author', pattern: /\b(?:written (?:statement|question|answer|evidence)|op-?ed|article|blog(?: post)?|commentary|column|letter)(?: made| submitted| written)? by\s*:?\s*/giu },
  // Another work's writer is not this text's: "… confirmed by the report on the future of competitiveness, authored by …".
  {
    role: 'author',
    // (The look-back runs only where the verb stands, so it costs nothing elsewhere.)
    // "the author Ahmed Rashid" is a writer the text cites, not its own.
    pattern: /(?<!\b(?:the|an?|of|by)\s)\bauthors?\s*:?\s+|\b(?:written|authored|prepared)(?<!\b(?:the|a|an|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,3}(?:report|study|paper|book|article|review|analysis)\b[^.;:]{0,150}(?:written|authored|prepared)) by\s*:?\s+/giu,
  },
  // A research paper's own line names its writer: "Commons Briefing paper by Joanna Dawson." (in a story, "a report by …" is
  // someone else's, and so in an agenda's "the report by David McAllister, on behalf of the Committee on Foreign Affairs").
  { role: 'author', pattern: /^(?!(?:the|a|an)\s)(?:[\p{L}-]+\s+){0,3}(?:paper|report|note|analysis|insight)(?: written| prepared)? by\s+(?=\p{Lu})/giu, blockStart: true },
  // A report's rapporteur on its label ("Rapporteur: Marcin Nowacki"); in a story ("the bill, by rapporteur …") the member is
  // mentioned, and so in a briefing's box on a file's procedure, which names its shadow rapporteurs too ("Rapporteur: …
  // Shadow rapporteurs: …"): the members who handle the file, not the briefing's writers.
  // The rapporteurs for the opinions annexed to a report wrote those parts of it: "Rapporteurs for the opinions of associated
  // committees pursuant to Rule 57 …:" above one line each.
  { role: 'author', pattern: /\b(?<!shadow\s)(?:co-)?rapporteurs?(?: for the opinions?\b[^:]{0,120})?\s*:\s*(?![^]*\bshadow rapporteurs?\s*:)/giu },
  { role: 'author', pattern: /^by\s+/giu, blockStart: true },
  // A letter's title names its writer: "Letter from William Shawcross to the Prevent Network", "Letter of correction from
  // the Secretary of State for Defence, the right hon. Member for Welwyn Hatfield (Grant Shapps):".
  { role: 'author', pattern: /^(?:[Oo]pen\s+)?[Ll]etter(?: of (?:correction|reply|response))? from\s+(?=\p{Lu}|the\s)/gu, blockStart: true },
  // … or its standfirst, with whom it is to: "An open letter to business from Lord Callanan, Minister for …".
  { role: 'author', pattern: /^(?:An?|The)\s+(?:open\s+)?letter\s+to\s+[^.:;]{2,80}?\s+from\s+(?=\p{Lu})/gu, blockStart: true, semicolonItems: true },
  // A European Parliament motion's header: its members, then the group they table it for ("…, Riho Terras on behalf of the PPE Group"),
  // group after group.
  { role: 'author', pattern: new RegExp(String.raw`^(?=\p{Lu}[^,.;:]{2,60}(?:,\s+\p{Lu}[^,.;:]{2,60})*\s+${GROUP_LINE})`, 'gu'), blockStart: true, groupRuns: true },
  // The European Parliament's written question names the members who put it, with their groups: "Question for written
  // answer E-004009/2021 to the Commission Rule 138 Anna Fotyga (ECR)".
  { role: 'author', pattern: /\b(?:Priority )?[Qq]uestion for (?:written|oral) answer\s+[EPO]-\d+\/\d{4}\s+to the\s+(?:Commission|Council|Vice-President\/High Representative)\s+(?:Rule\s+\d+\s+)?(?=\p{Lu})/gu },
  // Parliament's written-questions site labels the answering minister: "Answered by: Chris Philp", "Answered by Lord Coaker - Minister
  // of State"; and the member who made a written statement: "Made by: Lord Keen of Elie (The Lords Spokesperson)".
  { role: 'author', pattern: /^(?:Answered|Made) by\s*:?\s+(?=\p{Lu})/gu, blockStart: true },
  // A cover page's byline run into the title's line by text extraction: "EU defence: where is it By Claire Mills".
  { role: 'author', pattern: /\sBy\s+(?=(?:\p{Lu}[\p{L}’'.-]*\s+){1,4}\p{Lu}[\p{L}’'-]+\s*$)/gu },
  // A statement repeated in the other House: "My right honourable friend the Lord Chancellor (David Gauke) has made the following Written Statement".
  { role: 'author', pattern: new RegExp(String.raw`\((?=[^()]{3,60}\),?\s+${MADE_STATEMENT})`, 'giu') },
  // A motion in the Lords is moved by the minister who opens its debate: "Moved by Lord Sharpe of Epsom".
  { role: 'speaker', pattern: /^Moved by\s+/gu, blockStart: true },
  // GOV.UK's "From:" line names the department and the minister the item comes from.
  { role: 'speaker', pattern: /^from\s*:\s*/giu, blockStart: true },
];

/** A speech announced before it is given: "Pat McFadden, Chancellor of the Duchy of Lancaster, will set out …", "… is to deliver a speech". */
const WILL_SPEAK = String.raw`(?:will|is to|is set to|is due to|is expected to)\s+(?:(?:today|tomorrow|later today|this week|next week)\s+)?(?:say|tell|set out|announce|outline|warn|urge|(?:deliver|give|make) (?:a|the|his|her|their) (?:keynote |major )?(?:speech|address|statement|lecture))`;
/** Verbs of speaking after a quoted person: "Foreign Secretary David Lammy said:", "Lord Stirrup added:". */
const SAID = String.raw`(?:said|says|added|stated|told|explained|commented|remarked|noted|stressed|emphasi[sz]ed|underlined|declared|responded|replied|warned|argued|concluded|insisted|announced|put forward|opened|closed|spoke|reiterated|repeated|pointed out|underscored|reaffirmed|highlighted)`;
/** Verbs that are speaking only when the words follow in quotation marks ("observed that ‘it would be wrong …’", not "observed the count"). */
const SAID_IF_QUOTED = String.raw`(?:observed|reckoned|recalled|acknowledged)`;
/** A block opening with a person who speaks: "Baroness Helic added:", "Lord Coaker (Labour), Minister of State…, put forward the debate." */
const OPENS_WITH_SPEAKER = new RegExp(String.raw`^([^.:;“"]{3,220}?)\s+(?:${SAID}|${WILL_SPEAK})\b`, 'u');
/** After a speaking verb, where the words were said before: "… said in his Statement this week", "… wrote in her memoirs". */
const SAID_ELSEWHERE = /^\s+(?:\p{L}+\s+){0,2}?in (?:his|her|their|a|an|the|its)\b[^.:;]{0,40}?\b(?:statement|speech|article|letter|interview|book|remarks|address|memoirs?|op-?ed)\b/iu;
/** "As Ursula von der Leyen, President of the European Commission said:": a quotation introduced by "As … said:". */
const AS_SAID = new RegExp(String.raw`(?:^|[.!?]\s+)As ([^,:;.]{3,80}?)(?:,[^.:;]{3,120}?,?)?\s+${SAID}\s*:`, 'gu');
/**
 * A member addresses the sitting's chair as they rise: "It is a pleasure to serve under your chairmanship, Mr Twigg"
 * (a copy may drop the "your"). A chair called by surname alone ("Mr Twigg") is kept so, as the record names them.
 */
const ADDRESSED_CHAIR = /\b(?:serve|speak) under (?:your )?(?:chairmanship|chairship|chairwomanship|chair)(?:\s+(?:again|today|this (?:morning|afternoon|evening)))?,\s+((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?)/gu;
/** A member marked as chair in a committee's list: "Baroness Coussins (The Chair)". */
const MARKED_CHAIR = /(?:^|[;:]\s*)([^;:,()]{3,60}?)\s*\((?:The )?Chair(?:man|woman|person)?\)/gu;
/**
 * A quotation signed after a dash: "… when human rights are violated. – Josep Borrell, High Representative", also as a
 * pull-quote's table cells keep it when saved ("… our security where it matters the most.” | | — Vasilis Palmas, Minister …").
 */
const SIGNED_QUOTE = /[.!?][”"’]?(?:\s*\|)*\s+[–—]\s+(?=\p{Lu})/gu;
/** "…," said Kaja Kallas / "…", said the High Representative Kaja Kallas. */
const SAID_AFTER_QUOTE = new RegExp(String.raw`[”"’],?\s+${SAID}\s+(?:the\s+)?`, 'gu');
/** "…, said Commissioner Thierry Breton": a speaking verb after a clause and a comma, then who spoke. */
const SAID_AFTER_CLAUSE = new RegExp(String.raw`\p{Ll},\s+(?:said|says|added|stressed|warned|explained|noted)\s+(?:the\s+)?(?=\p{Lu})`, 'gu');
/** "Foreign Secretary David Lammy said:" anywhere in a block, when a colon or quotation follows. */
const SAID_BEFORE_QUOTE = new RegExp(String.raw`((?:\p{Lu}[\p{L}’'./-]*\s+){1,9})(?:${SAID}|(${SAID_IF_QUOTED}))\b`, 'gu');
/** A person named by honorific and surname as they speak ("Mr Geoană emphasised"), or by surname alone opening a clause ("…, Kallas said"). */
const SURNAME_SAID = new RegExp(String.raw`(?:\b(?:Mr|Mrs|Ms|Dr)\.?\s+|(?<=^|[.!?”"]\s+|,\s+))(\p{Lu}[\p{L}’'-]+)\s+${SAID}\b`, 'gu');
/** What follows a verb of speaking that introduces the words themselves: a colon or a quotation mark, after "that" too ("observed that ‘it would be wrong …’"). */
const QUOTATION_FOLLOWS = /^\s*(?:[:“"‘]|,\s*[“"‘]|that\s+[“"‘])/u;
/** "On this occasion, he stated: ‘…’": a pronoun introducing a quotation, whose person the sentence before names. */
const PRONOUN_SAID = new RegExp(String.raw`(?:^|[.!?]\s+|,\s*)(?:he|she)\s+(?:also\s+)?${SAID}\s*(?=:\s*[“"‘]|,\s*[“"‘])`, 'gu');
/** "“Europe has the potential to become a defence giant,” he said.": a quotation, then a pronoun speaking. */
const QUOTE_THEN_PRONOUN_SAID = new RegExp(String.raw`[,.!?]([”"’])\s+(?:he|she)\s+(?:${SAID})\b`, 'gu');
/** "“… regardless of the circumstances.” (Ladislav Hamran, President of Eurojust)": a quotation signed in brackets after it. */
const QUOTE_THEN_BRACKET = /[”"]\s*\(((?:[^()]|\([^()]*\)){3,200})\)/gu;
/** Hansard's announcement of a member about to speak: "The right hon. Member for … (Dame Diana Johnson), …, will speak for …". */
const MEMBER_WILL_SPEAK = /\bMember for [^()]{2,80}\(([^()]{3,60})\)[^.]{0,100}?\bwill (?:speak|open the debate|make (?:a|the|her|his) statement)\b/gu;
/** The opening mark of a quotation closed by this one. */
const OPENING_QUOTE_OF: Record<string, string> = { '”': '“', '"': '"', '’': '‘' };
/** "In the words of SatCen Director Sorin Ducaru, “…”": the words that follow are theirs. */
const IN_THE_WORDS_OF = /\bIn the words of ([^,“"‘]{3,120}?),?\s*[“"‘]/gu;
/** "In her welcoming remarks, Ambassador Jane Roe, Deputy Head of …, underlined …": the one who gave them is next. */
const IN_OWN_REMARKS = /(?:^|[.!?]\s+)In (?:his|her|their) (?:[\p{Ll}-]+ ){0,2}(?:remarks|speech|address|intervention|keynote|statement|welcome|presentation)s?,\s*/gu;
/** A quotation's speaker after it, the verb last: "… priorities.” Jorge Domecq, EDA’s Chief Executive, commented." */
const QUOTE_THEN_SPEAKER_SAID = new RegExp(String.raw`[.!?,][”"]\s+([^“”".!?]{3,160}?),?\s+${SAID}\s*[.,]`, 'gu');
/** "High Representative Kaja Kallas: “We have to help…”": a person, a colon, their words. */
const NAME_COLON_QUOTE = /^([^:“"]{3,120}):\s*[“"‘]/u;
/**
 * What may stand between a quotation's speaker and the colon before it: the subject of the words ("… on the Strategy",
 * "… on today's agreement"), or "shared" (which elsewhere is as often "shared security challenges").
 */
const QUOTE_TOPIC = /\s+(?:(?:on|about)\s+[^,;]{1,60}|shared)$/u;

/** Titles that introduce a name mentioned in passing ("as Sir Keir Starmer said"). */
const MENTION_CUE =
  /(?<![\p{L}])(?:Professor|Prof\.?|Sir|Dame|Dr\.?|Lord|Baroness|Ambassador|Mr|Mrs|Ms|Commissioner|Minister|President|High Representative)\s+(?=\p{Lu})/gu;

interface CueMatch extends Pick<Cue, 'role' | 'semicolonItems' | 'groupRuns' | 'nameItems' | 'wholeName'> {
  /** Where the cue starts and where the names after it start. */
  start: number;
  namesAt: number;
}

/** People named by cues in one block: each cue's names run to the end of its sentence or the next cue. */
function peopleInBlock(text: string, date?: string | null, cues: readonly Cue[] = PEOPLE_CUES): Person[] {
  const matches: CueMatch[] = [];
  for (const cue of cues) {
    for (const m of text.matchAll(cue.pattern)) {
      if (cue.blockStart && m.index !== 0) continue;
      // "author: X" must be a label, not "the author's view"; the pattern demands ":" or a following name.
      matches.push({ role: cue.role, start: m.index, namesAt: m.index + m[0].length, semicolonItems: cue.semicolonItems, groupRuns: cue.groupRuns, nameItems: cue.nameItems, wholeName: cue.wholeName });
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
    // Names in brackets ("the Lord Chancellor (David Gauke) has made …") end with the bracket.
    if (text[match.namesAt - 1] === '(' && segment.includes(')')) segment = segment.slice(0, segment.indexOf(')'));
    // Hansard names a member by office and seat, the name in brackets at the end: "the Secretary of State for Defence, the
    // right hon. Member for Welwyn Hatfield (Grant Shapps):".
    const bracketed = /\(([^()]{3,60})\)\s*:?\s*$/u.exec(segment);
    const member = bracketed ? readName(bracketed[1]!) : null;
    if (member && member.display.split(' ').length === bracketed![1]!.trim().split(/\s+/u).length && /\bMember for\b|,/u.test(segment.slice(0, bracketed!.index))) {
      people.push(makePerson(member, match.role));
      return;
    }
    if (match.wholeName) {
      const parsed = readWholeName(segment.trim());
      if (parsed) people.push(makePerson(parsed, match.role));
      return;
    }
    if (match.nameItems) {
      // A member's part in brackets ("David McAllister (rapporteur for the opinion of the AFET Committee)") is no item.
      for (const item of splitNameList(segment.replace(/\s*\([^()]*\)/gu, ''))) {
        const parsed = readWholeName(item);
        if (parsed) people.push(makePerson(parsed, match.role));
      }
      return;
    }
    if (match.groupRuns) {
      for (const name of groupTablers(text.slice(match.namesAt, next ? next.start : undefined))) people.push(makePerson(name, match.role));
      return;
    }
    const names = match.semicolonItems
      ? namesOpeningItems(segment)
      : readNamesAfterOffice(match.role === 'author' && /^by\s/i.test(text.slice(match.start)) ? segment.slice(0, 200) : segment, date);
    for (const name of names) people.push(makePerson(name, match.role));
  });
  return people;
}

const WITNESS_CUES = PEOPLE_CUES.filter((cue) => cue.witnesses);
/** A turn of a transcript, headed by its speaker's name and perhaps the question's number: "Q595 Elizabeth Truss: Absolutely." */
const TURN_LABEL = new RegExp(String.raw`^(?:Q\d+\s+)?((?:\p{Lu}[\p{L}.’'-]*\s+${SURNAME_PARTICLES}){0,4}\p{Lu}[\p{L}’'-]+(?:\s+of\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?)?):\s`, 'u');

/** Labels of a committee's page that read as turns but head lists: "Witnesses:", "Members present:". */
const LIST_LABEL = /^(?:witnesses\s*[IVX]{0,4}|[IVX]{1,4}|members present|present|in the chair|questions?|panel|examination of witnesses)$/iu;

/**
 * The witnesses a transcript lists who never speak in it. Each speaks under their name ("Elizabeth Truss: Absolutely."); in a
 * record of turns (the chair's "Q1 Chair: Welcome …" among them) where one never does, the text (a saved excerpt stopping
 * before their turn) holds no words of theirs. A page with no turns (a notice of a session) lists who gives evidence, and
 * nobody is silent.
 */
function silentWitnesses(opening: readonly Block[], blocks: readonly Block[]): Set<string> {
  // Witnesses are listed where the other role cues are read; their turns may come anywhere.
  const listed = opening.flatMap((block) => peopleInBlock(block.text, undefined, WITNESS_CUES));
  if (listed.length === 0) return new Set();
  const surnameOf = (name: string) => name.split(' ').pop()!;
  const labels = blocks.flatMap((block) => {
    const turn = TURN_LABEL.exec(block.text.trim());
    return turn && !LIST_LABEL.test(turn[1]!) && block.text.split(/\s+/u).length >= PROSE_WORDS ? [turn[1]!] : [];
  });
  if (labels.length === 0) return new Set();
  // A label may carry post-nominals ("Steve Double MP:"): the surname is the name's.
  const turns = new Set(labels.map((label) => surnameOf(readName(label)?.name ?? label)));
  return new Set(listed.filter((witness) => !turns.has(surnameOf(witness.name))).map((witness) => witness.name));
}

/** A committee transcript's numbered question, headed by the member who puts it: "Q577 Tim Loughton: Minister, welcome." */
const QUESTION_TURN = new RegExp(String.raw`^Q\d+\s+(${NAME_WITH_PARTICLES}(?:\s+(?:MP|MEP|MSP|KC|QC))?):\s`, 'u');

/** The members who put a transcript's numbered questions speak in it (the chair's "Q1 Chair:" is read as the chair). */
function questioners(text: string): Person[] {
  const turn = QUESTION_TURN.exec(text.trim());
  const parsed = turn ? readWholeName(turn[1]!) : null;
  return parsed ? [makePerson(parsed, 'speaker')] : [];
}

/** The group a motion's members table it for, closing their run of names. */
const ON_BEHALF_OF_GROUP = new RegExp(String.raw`\s+${GROUP_LINE}`, 'gu');
/** A block that closes with a group's line: the run of names below it is the next group's. */
const ENDS_WITH_GROUP = new RegExp(String.raw`\b${GROUP_LINE}\s*$`, 'u');

/**
 * A motion's members, run after run, each closed by its group: "David McAllister, UKCG Coordinator Manfred Weber on
 * behalf of the PPE Group Iratxe García Pérez on behalf of the S&D Group …" (its lines run together). Each item of a run
 * ends with a name, after the member's role in the Parliament if one is given.
 */
/**
 * The people of a list whose items each open with a whole name and go on with an affiliation after a comma: "Jane Roe,
 * Director, Acme; John Doe, …", or without semicolons joined by "and": "Dr Jane Roe, Lecturer …, and Dr John Doe, …". An item
 * that opens with no one ("European Arrest Warrant, Europol …") gives no one.
 */
function namesOpeningItems(list: string): ParsedName[] {
  if (list.includes(';')) return list.split(';').flatMap((item) => readWholeName(item.split(',')[0]!.trim()) ?? []);
  // An "and" without a comma before it, after an item that goes on past its name with more than names, joins the words
  // of an office ("Lord Callanan, Minister for Business, Energy and Corporate Responsibility"), not two people.
  const parts = list.split(/(,?\s+and\s+)(?=\p{Lu})/u);
  const names: ParsedName[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const item = parts[i]!;
    const goesOn = i > 0 && parts[i - 2]!.split(',').slice(1).some((part) => part.trim() !== '' && !readWholeName(part.trim()));
    if (goesOn && !parts[i - 1]!.startsWith(',')) continue;
    const parsed = readWholeName(item.split(',')[0]!.trim());
    if (parsed) names.push(parsed);
  }
  return names;
}

function groupTablers(text: string): ParsedName[] {
  const pieces = text.split(ON_BEHALF_OF_GROUP);
  const runs = pieces.slice(0, -1);
  return [...runs.flatMap((run) => splitNameList(run).flatMap((item) => nameEndingText(item) ?? [])), ...(runs.length > 0 ? openRunOfNames(pieces.at(-1)!) : [])];
}

/** Names enough to be a run of tablers with no group line after it. */
const LIST_ITEMS_OF_NAMES = 3;

/**
 * A last run of tablers cut off before its group's line (a saved excerpt that stops inside the list): nothing but names,
 * every item whole but the last, which the cut may have broken ("…, Bogdan Rzońca, Ryszard Cz").
 */
function openRunOfNames(text: string): ParsedName[] {
  const items = splitNameList(text.trim());
  if (items.length < LIST_ITEMS_OF_NAMES || !items.slice(0, -1).every((item) => readWholeName(item) !== null)) return [];
  return items.flatMap((item) => readWholeName(item) ?? []);
}

/**
 * Words that may follow a name in a list of names: where the person is from ("Jane Roe of RUSI", "John Smith
 * from Ifri"), or who else spoke ("Joint press conference by … Mark Rutte with the Prime Minister …, Keir Starmer").
 */
const LIST_GOES_ON = new Set(['of', 'from', 'at', 'with']);
/** Words that open another clause inside an item of a list of names: "hosted by", "following", "between". */
const NEW_CLAUSE_ITEM = /\b(?:\p{Ll}{3,}ed by|between|following)\s/u;
/** The subject a maker's words are on, after an office or a name: " on Enhancing Strategic Cooperation" (never "on behalf of"). */
const TOPIC_AFTER = /\s+on\s+(?!behalf\b)/u;
/** An item of a list of names that opens with a preposition, however qualified ("just after"), says where or when, not who. */
const OCCASION_ITEM = /^(?:(?:just|shortly|immediately|soon|right|directly)\s+)?(?:at|in|on|during|before|after|ahead of|following|for|to)\s/u;

/**
 * Names in a list, each possibly after its office ("President António Costa and Prime Minister Keir Starmer").
 * The list ends with the first name the line goes on from into other words ("… Jens Stoltenberg following a
 * meeting with the National Security Advisers and Hybrid Points of Contact"): what comes after is the occasion,
 * and its capitalised words are not people. With `date` (the text's own genre line), a person named only by
 * office ("Remarks by HR Borrell", "Speech by the Prime Minister") is the holder of the office then.
 */
function readNamesAfterOffice(text: string, date?: string | null): ParsedName[] {
  const names: ParsedName[] = [];
  for (const listed of splitNameList(text)) {
    // "Speech by the Deputy Secretary General, Mircea Geoană, at the NATO Lessons Learned conference": the occasion ends the list.
    if (OCCASION_ITEM.test(listed)) break;
    // "… and the Prime Minister of the United Kingdom on Enhancing Strategic Cooperation": what follows "on" is the subject.
    const topic = TOPIC_AFTER.exec(listed);
    const item = topic ? listed.slice(0, topic.index) : listed;
    let after: string;
    const parsed = readNameAfterOffice(item);
    if (parsed) {
      names.push(parsed);
      const tokens = item.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter((t) => t !== '');
      const last = parsed.display.split(' ').pop()!;
      const end = tokens.findIndex((t) => t === last || t.replace(/[,.;:!?]+$/u, '').replace(/['’]s$/u, '') === last);
      after = end >= 0 ? tokens.slice(end + 1).join(' ') : '';
    } else {
      const holder = date !== undefined ? officeHolderAt(item, date) : null;
      // A clause of its own ("… and hosted by the Prime Minister of Denmark", "the European Commission following the
      // working lunch between …") ends the list: the names after it are the occasion's, not the cue's.
      if (!holder && NEW_CLAUSE_ITEM.test(item)) break;
      if (!holder) continue;
      names.push({ name: holder.name, display: holder.name });
      after = item.slice(holder.end).trim();
    }
    const [next, second] = after.split(/\s+/);
    if (next && /^\p{Ll}/u.test(next) && !LIST_GOES_ON.has(next)) break;
    // "… Mark Rutte with the President of Finland Alexander Stubb": the one "with" them spoke too.
    const withText = next === 'with' ? after.slice(4).split(/\s+(?=(?:at|in|on|during|following|after|before)\s)/u)[0]!.replace(/[.,;]+$/u, '').trim() : '';
    const withWhom = withText ? nameEndingText(withText) : null;
    if (withWhom) names.push(withWhom);
    // "at the joint press conference with …" is the occasion and who else was there; "at Chatham House" is where they work.
    if (next === 'at' && second !== undefined && /^(?:the|a|an|this|its|their)$/u.test(second)) break;
    if (topic) break;
  }
  return names;
}

/** A speech page's summary tells what its speaker says in the present: "Deputy Ambassador … underlines the increased scale of …". */
const PRESENT_SPEECH_ACTS = String.raw`speaks|announces|underlines|stresses|emphasi[sz]es|highlights|warns|urges|reiterates|reaffirms|calls (?:for|on)|sets out|outlines|welcomes|condemns|addresses|thanks|praises|pays tribute`;

/** What a lede's subject did when it spoke: the verbs of speaking, and those a reporter uses for it. */
const LEDE_VERB = new RegExp(
  String.raw`\s+(?:(?:has|have)\s+)?(?:(?:today|yesterday|tonight|also|again|once again|recently|(?:this|last) (?:week|morning|afternoon|evening)|on \p{Lu}\p{Ll}+day)(?:\s*\([^()]{1,30}\))?\s+)?(?:${SAID}|${SPEECH_ACT_VERBS}|${PRESENT_SPEECH_ACTS}|welcomed|outlined|addressed|recalled|set out|(?:gives|gave|delivers|delivered|makes|made|issues|issued) (?:a|the|his|her|their) (?:keynote |joint )?(?:speech|address|statement|remarks|presentation|lecture|talk))\b`,
  'gu',
);

/** Whom one spoke to or with, by office: a conversation ("spoke to European Commission President …"), not words to an audience. */
const SPOKE_TO_OFFICE =
  /^\s+(?:to|with)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,3}?(?:Minister|Secretary|President|Commissioner|Chancellor|Ambassador|Director|Representative|Envoy|Governor|Leader|King|Queen|Taoiseach)\b/u;

/** An apposition of company closing a lede's subject: ", alongside Greek Minister … Nikos Dendias,", ", accompanied by …". */
const ACCOMPANIED_BY = /,\s*(?:alongside|together with|accompanied by|joined by)\s[^,]*,?\s*$/u;

/** The office of a person, as against a country's style ("the Federal Republic of Germany"). */
const PERSON_OFFICE = /\b(?:minister|secretary|president|commissioner|chancellor|ambassador|director|representative|envoy|chair|commander|spokesperson|governor|leader|head)\b/iu;

/** A person an item of a list names: the whole item a name ("Zbigniew Rau"), or a name after a person's office ("Ukrainian Foreign Minister Dmytro Kuleba"). */
function personInItem(item: string): ParsedName | null {
  const parsed = readNameAfterOffice(item);
  if (!parsed) return null;
  const words = item.trim().replace(/[.,;:]+$/u, '').split(/\s+/u);
  const at = words.indexOf(parsed.name.split(' ')[0]!);
  return parsed.display.split(' ').length === words.length || (at > 0 && PERSON_OFFICE.test(words.slice(0, at).join(' '))) ? parsed : null;
}

/** A headline's verb, in the present or the past: "… launches …", "… welcomed …". */
const HEADLINE_VERB = /\s+\p{Ll}+(?:s|ed)\b/gu;

/** Any verb after a lede's subject ("… Roberta Metsola was in London …"), for a standfirst above the speaker's own words. */
const ANY_LEDE_VERB = /\s+(?:was|were|is|has|had|will|\p{Ll}+ed|\p{Ll}{3,}s)\b/gu;

/** Every office form with a holder list, found anywhere (the table's forms are anchored nowhere). */
const OFFICE_FORMS = OFFICES.flatMap((office) =>
  [office.written, office.beforeSurname].filter((form): form is RegExp => form !== undefined).map((form) => ({ office, form: new RegExp(form.source, 'gu'), written: form === office.written })),
);

/** "Strasbourg 14.02.2022 ", "Brussels, 19 May 2025 – ": a dateline run into the lede. */
function isDatelinePrefix(text: string): boolean {
  if (text.length > 80 || !/^\p{Lu}/u.test(text)) return false;
  const last = findDates(text).pop();
  return last !== undefined && text.slice(last.index + last.text.length).replace(/[\s–—:,-]/gu, '') === '';
}

/**
 * The person a lede's subject names by office, and the body that publishes that office's words:
 * "European Parliament President Metsola reiterated …", "Addressing the Council, NATO Secretary General
 * Jens Stoltenberg stressed …", "Brussels, 3 May 2023 – The Commission President, Ursula von der Leyen, said".
 * The office must open the subject (after an opening phrase ending in a comma, or a dateline) and the name
 * must run to the verb: a surname a holder bears, a full name, or (with the text's date) the office alone.
 * Above the speaker's own words (a newsroom's standfirst over a speech), the subject spoke whatever the verb.
 */
function ledeSubject(sentence: string, date: string | null, verbs = LEDE_VERB): { person: Person; publisher: string | null } | null {
  for (const verb of sentence.matchAll(verbs)) {
    // "The Prime Minister spoke to European Commission President, Ursula von der Leyen": a call's readout, no one's words.
    if (/spoke$/u.test(verb[0]) && SPOKE_TO_OFFICE.test(sentence.slice(verb.index + verb[0].length))) continue;
    const before = sentence.slice(0, verb.index);
    const starts = OFFICE_FORMS.flatMap(({ office, form, written }) => [...before.matchAll(form)].map((m) => ({ office, written, at: m.index }))).sort((a, b) => a.at - b.at);
    for (const { office, written, at } of starts) {
      const prefix = before.slice(0, at).replace(/\bthe\s+$/iu, '');
      if (prefix.trim() !== '' && !/,\s*$/u.test(prefix) && !isDatelinePrefix(prefix)) continue;
      // An appositive name ("The Commission President, Ursula von der Leyen, said") reads as the name after the office.
      // Who came along ("…, alongside Greek Minister for National Defence Nikos Dendias,") is not the subject.
      const subject = before.slice(at).replace(ACCOMPANIED_BY, '').replace(/,/gu, ' ').replace(/\s+/gu, ' ').trim();
      const held = officeHolderAt(subject, date);
      if (held && held.end >= subject.length) return { person: makePerson({ name: held.name, display: held.name }, 'speaker'), publisher: held.office.publisher };
      // A full name after the office as written in full ("President of the European Parliament Roberta Metsola").
      const named = written ? nameEndingText(subject) : null;
      if (named) return { person: makePerson(named, 'speaker'), publisher: office.publisher };
    }
    // An office the table does not hold, with its holder's full name, as the whole subject ("Chancellor of the Duchy of
    // Lancaster, David Lidington, addressed …"), also after a saved page's date label; who publishes its words is not known.
    // After an opening phrase ("In the following column, EDA Chief Executive Jiři Šedivý reflects on …").
    const subject = before.trimStart().replace(DATE_LABEL_BEFORE_LEDE, '').replace(OPENING_PHRASE, '');
    const named = officeThenName(subject) ?? nameThenOffice(subject) ?? nameThenAffiliation(subject);
    if (named) return { person: makePerson(named, 'speaker'), publisher: null };
  }
  return null;
}

/** A whole name and the body it speaks for in brackets, as GOV.UK's statements to the OSCE open: "Justin Addison (UK delegation)". */
function nameThenAffiliation(subject: string): ParsedName | null {
  const m = /^([^()]{3,60}?)\s*\([^()]{2,60}\)$/u.exec(subject);
  return m ? readWholeName(m[1]!) : null;
}

/**
 * Whether words open with an office's word, after "the" ("the Chief of the Air Staff", "Secretary of State for …"), or
 * after a word that qualifies it: a compound, a body's initials or a nationality ("Politico-Military Counsellor", "UK
 * Ambassador", "Hungarian Minister").
 */
/** A nationality's adjective before an office: "Hungarian", "Belgian", "Danish", "Maltese", "Dutch". */
const NATIONALITY = String.raw`\p{Lu}\p{Ll}+(?:ian|ish|ese|ch|an)`;
const OFFICE_QUALIFIER = new RegExp(String.raw`^\p{Lu}[\p{L}]*-\p{L}+$|^\p{Lu}{2,}$|^${NATIONALITY}$`, 'u');

const opensWithOffice = (words: string | undefined) => {
  if (!words) return false;
  const [first, second] = words.replace(/^the\s+/iu, '').split(/\s+/u);
  if (OFFICE_WORDS.has(first!.toLowerCase())) return true;
  return OFFICE_QUALIFIER.test(first!) && second !== undefined && OFFICE_WORDS.has(second.toLowerCase());
};

/**
 * "Chancellor of the Duchy of Lancaster, David Lidington" (in commas or not): an office, then its holder's full name
 * ending the text; or, in commas, the name between the office and what more it says of them ("The rapporteur for the
 * opinion, Antje Grotheer, vice-president of Bremen City Parliament").
 */
function officeThenName(text: string): ParsedName | null {
  // In commas, the name is the last part, whole ("Secretary of State for Science, Innovation, and Technology, Peter Kyle").
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length >= 2) {
    if (!opensWithOffice(parts[0])) return null;
    const last = readWholeName(parts.at(-1)!);
    if (last) return last;
    // The apposition's name, followed only by an office again ("vice-president of …", "Member of the …").
    const at = parts.findIndex((part, i) => i > 0 && readWholeName(part) !== null);
    return at > 0 && at === parts.length - 2 && opensWithOffice(parts.at(-1)!.replace(/-/gu, ' ')) ? readWholeName(parts[at]!) : null;
  }
  const named = nameEndingText(text);
  const office = named ? wordsBeforeName(text, named) : null;
  return named && office && (opensWithOffice(office) || isOfficeOnly(office)) ? named : null;
}

/** "Stephen Doughty, Minister of State for Europe, …": a whole name, then in commas its office; the name, else null. */
function nameThenOffice(text: string): ParsedName | null {
  const [first, second] = text.split(',').map((part) => part.trim());
  const named = first ? readWholeName(first) : null;
  return named && opensWithOffice(second) ? named : null;
}

/** In the head, a block that is a whole name over one that is its office (in commas, one part an office alone), above first-person prose. */
function nameOverOffice(head: readonly Block[]): ParsedName | null {
  for (let i = 0; i + 2 < head.length; i++) {
    const named = readWholeName(head[i]!.text.trim());
    if (!named) continue;
    const office = head[i + 1]!.text.trim();
    if (office.split(/\s+/u).length > 15 || !office.split(',').some((part) => isOfficeOnly(part.trim()))) continue;
    if (FIRST_PERSON.test(head[i + 2]!.text.slice(0, 300))) return named;
  }
  return null;
}

/** The opening lines a story's lede may stand on: the first two prose blocks below the title, past captions and listing lines. */
function ledeBlocks(blocks: readonly Block[], titleIndex: number): Block[] {
  return blocks
    .slice(0, 10)
    .filter((b, i) => i !== titleIndex && b.kind !== 'heading' && isLedeProse(b.text))
    .slice(0, 2);
}

/** The first sentence of a block. */
const firstSentence = (text: string) => {
  const end = SENTENCE_END.exec(text);
  return end ? text.slice(0, end.index) : text;
};

/**
 * "Prime Minister's remarks in Brussels", "Foreign Secretary's article", GOV.UK's "PM's remarks at …" and "PM
 * statement on …": a genre owned by an office (with or without the possessive), opening the line (or after a
 * heading's colon). Spoken genres make a speaker, written ones an author.
 */
const OFFICE_GENRE = /(?:^|:\s+)((?:the\s+)?[\p{Lu}][\p{L}/ -]{1,60}?)(?:['’]s)?\s+(?:(?:opening|closing|keynote|press|joint|video)\s+)?(?:(remarks|speech|address|lecture|comments|statement|press conference)|(article|op-?ed|letter|blog))\b/iu;

function officeGenreSpeaker(text: string, date: string | null): Person | null {
  const m = OFFICE_GENRE.exec(text);
  if (!m) return null;
  const holder = officeHolderAt(m[1]!, date);
  if (!holder || holder.end !== m[1]!.length) return null;
  return makePerson({ name: holder.name, display: holder.name }, m[3] ? 'author' : 'speaker');
}

/** A cue that closes its block ("Contributing members included:"): its names follow as a list in the next blocks. */
function trailingListCue(text: string): Role | null {
  for (const cue of PEOPLE_CUES) {
    for (const m of text.matchAll(cue.pattern)) {
      const rest = text.slice(m.index + m[0].length).trim();
      if (/^[:–—]?$/u.test(rest) && /[:–—]\s*$|\b(?:included|including|were)\s*$/iu.test(m[0])) return cue.role;
    }
  }
  // A heading that names the speakers ("Speakers", "Members speaking", "Panel").
  if (/^(?:speakers|panell?ists|members speaking|contributors|participants|panel)\s*:?$/iu.test(text.trim())) return 'speaker';
  return null;
}

/** Words that make the office after them another one: "Deputy Secretary General", "former Minister", "Prime Minister". */
const ANOTHER_OFFICE = /(?:^|\s)(?:Deputy|Assistant|Vice|Under|Acting|Interim|Former|former|Shadow|shadow|Prime|Junior|then)[\s-]*$/u;

/**
 * Who a text means by an office it names bare ("…,” said the Secretary General", "The Minister said: “…”"): the one
 * person it names with that office elsewhere ("NATO Secretary General Jens Stoltenberg participated in …"). Null
 * when it names nobody so, or more than one person.
 */
export function holderNamedInText(text: string): (office: string) => ParsedName | null {
  const known = new Map<string, ParsedName | null>();
  return (office) => {
    const bare = office.replace(/^the\s+/iu, '').trim();
    // An office the table knows ("the Prime Minister" in a No 10 readout that also names "Prime Minister Edi Rama")
    // means the table's office, not another country's: its holder on the text's date (officeHolderAt), not the text's.
    if (officeWrittenAs(bare)) return null;
    if (!known.has(bare)) {
      const names = new Map<string, ParsedName>();
      const escaped = escapeRegExp(bare).replace(/\s+/g, '\\s+');
      for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}-])${escaped},?\s+`, 'gu'))) {
        if (ANOTHER_OFFICE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
        const parsed = readName(text.slice(m.index + m[0].length, m.index + m[0].length + 80));
        if (parsed) names.set(parsed.name, parsed);
      }
      known.set(bare, names.size === 1 ? [...names.values()][0]! : null);
    }
    return known.get(bare)!;
  };
}

/**
 * People quoted as speaking: "X said:", "…," said X, and a block that opens with a person who speaks. `holderNamed`
 * resolves an office named bare to the person the text names with it. In a speech as delivered (`delivered`), what
 * the speaker reports another saying without quoting them ("The Secretary General said it himself when he was here")
 * was said elsewhere.
 */
function quotedSpeakers(
  text: string,
  date: string | null,
  holderNamed: (office: string) => ParsedName | null = () => null,
  delivered = false,
  /** The text above this block, where a person speaking by surname may have been introduced. */
  above = '',
): Person[] {
  const people: Person[] = [];
  // A saved page's date label run into the lede ("date 2025-05-06 Pat McFadden, … will set out") is not the subject's.
  const lede = text.trimStart().replace(DATE_LABEL_BEFORE_LEDE, '');
  const opening = OPENS_WITH_SPEAKER.exec(lede);
  // "Mark Twain once said: “…”" and "David Lammy also said in his Statement this week:" cite words said elsewhere, by
  // someone who is not speaking here.
  // A verb after "and" ("The Prime Minister and President … expressed their outrage at …, and underscored …") closes a
  // clause with a verb of its own: what stands before it is no subject.
  if (opening && !/\s(?:once|famously)$/u.test(opening[1]!) && !/(?:,|\s)and$/u.test(opening[1]!) && !SAID_ELSEWHERE.test(lede.slice(opening[0].length))) {
    const subject = opening[1]!.replace(/\s*\([^)]*\)/g, '');
    // The name first ("Pat McFadden, Chancellor of the Duchy of Lancaster, will …") or the office ("Secretary of State for
    // Science, Innovation and Technology, Peter Kyle, said:"). The office in commas goes first: its portfolio's last words
    // may read as a name ("Chair of the Sub-Committee on … the Defence Supply Chain, Richard Drax MP, said:").
    const parsed = officeThenName(subject) ?? readNameAfterOffice(subject);
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  const colon = NAME_COLON_QUOTE.exec(text);
  if (colon) {
    // "President Ursula von der Leyen on the Strategy: “…”", "Commissioner …, Hadja Lahbib shared: “…”".
    // "Udo Helmbrecht, Executive Director of ENISA: “…”": the name first, its office in commas.
    const parsed = nameEndingText(colon[1]!) ?? nameEndingText(colon[1]!.replace(QUOTE_TOPIC, '')) ?? signedName(colon[1]!);
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  // A bracketed aside stands between a name and its verb: "Nathalie Loiseau (Renew Europe; FR) said:".
  const unbracketed = text.replace(/\s*\([^()]{1,60}\)/gu, '');
  for (const m of unbracketed.matchAll(SAID_BEFORE_QUOTE)) {
    const words = m[1]!.trim().split(/\s+/);
    const quoted = QUOTATION_FOLLOWS.test(unbracketed.slice(m.index + m[0].length));
    if (m[2] && !quoted) continue;
    // "The Secretary General stressed …": the office alone, whose holder the text names elsewhere ("NATO Secretary General
    // Jens Stoltenberg joined …"), speaks as the named form would. An office only the table resolves speaks only when
    // quoted: "The Prime Minister said the model …" is a readout's summary, in the writer's words.
    const officeOnly = words.join(' ');
    if (isOfficeOnly(officeOnly) && words.some((w) => /^\p{Lu}\p{Ll}/u.test(w) && OFFICE_WORDS.has(w.toLowerCase()))) {
      const held = quoted ? officeHolderAt(officeOnly, date) : null;
      const holder = holderNamed(officeOnly) ?? (held ? { name: held.name, display: held.name } : null);
      if (holder && (quoted || !delivered)) people.push(makePerson(holder, 'speaker'));
      continue;
    }
    // The name ends where the verb starts: try the longest tail that reads as a whole name.
    for (let start = 0; start < words.length; start++) {
      const tail = words.slice(start).join(' ');
      let parsed = readNameAfterOffice(tail, 0);
      if (!parsed || parsed.display.split(' ').length !== words.length - start) continue;
      // An office's portfolio ends with a capitalised word the name seems to open: "Minister for Border Security and
      // Asylum Angela Eagle said:". After "and", "of" or "for" in an office, the shorter whole name is the holder's.
      const ahead = `${unbracketed.slice(0, m.index).split(/[.!?;:“”"]\s*/u).pop()!} ${words.slice(0, start).join(' ')}`.trim().split(/\s+/u);
      const portfolio = ahead.length > 1 && /^(?:and|of|for|&)$/u.test(ahead.at(-1)!) && ahead.slice(0, -1).some((w) => OFFICE_WORDS.has(w.toLowerCase()));
      const shorter = portfolio && words.length - start > 2 ? readNameAfterOffice(words.slice(start + 1).join(' '), 0) : null;
      if (shorter && shorter.display.split(' ').length === words.length - start - 1) {
        parsed = shorter;
        start++;
      }
      // "As Mark Rutte noted, “…”", "As the UK’s Chief of Defence Staff Admiral Sir Tony Radakin said a few weeks ago, …"
      // cite words said elsewhere (AS_SAID reads the colon form that introduces them).
      const clause = `${unbracketed.slice(0, m.index).split(/[.!?;:]\s+|,\s*/u).pop()!} ${words.slice(0, start).join(' ')} `;
      if (/^\s*(?:As|Like|Just as)\s/u.test(clause)) break;
      // Without a quotation after the verb ("said that…"), only a person introduced by their office counts as speaking:
      // the office just before the name ("Internal Market Commissioner Thierry Breton said at the conference"), or an
      // office read as the name's title ("Vice President Josep Borrell repeated that …"); "As President Macron argued"
      // is cited above, and an honorific ("Mr", "Sir") is no office.
      const officeTitle = parsed.display !== parsed.name && OFFICE_WORDS.has(words[start]!.toLowerCase());
      const office = (start > 0 && OFFICE_WORDS.has(words[start - 1]!.toLowerCase())) || officeTitle;
      if (quoted || (office && !delivered)) people.push(makePerson(parsed, 'speaker'));
      break;
    }
  }
  // "Mr Geoană emphasised …" after "NATO's Deputy Secretary General Mircea Geoană joined the meeting": a person the text
  // introduced by their office, speaking by surname, speaks as the office-introduced form would.
  for (const m of unbracketed.matchAll(SURNAME_SAID)) {
    const surname = escapeRegExp(m[1]!);
    for (const intro of `${above}\n${unbracketed.slice(0, m.index)}`.matchAll(new RegExp(String.raw`(\p{L}+)\s+((?:\p{Lu}[\p{L}’'-]*\s+){1,2}${surname})(?![\p{L}-])`, 'gu'))) {
      const parsed = OFFICE_WORDS.has(intro[1]!.toLowerCase()) ? readNameAfterOffice(intro[2]!) : null;
      if (parsed) {
        people.push(makePerson(parsed, 'speaker'));
        break;
      }
    }
  }
  // "In the words of …, “…”" and "In her welcoming remarks, Ambassador …, underlined": the name ends the phrase.
  const phrases = [...text.matchAll(IN_THE_WORDS_OF)].map((m) => m[1]!).concat([...text.matchAll(IN_OWN_REMARKS)].map((m) => text.slice(m.index + m[0].length).split(/,|\s+(?=\p{Ll})/u)[0]!));
  for (const phrase of phrases) {
    const parsed = nameEndingText(phrase);
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  // "As Ursula von der Leyen, President of the European Commission, said:" introduces her words; without the colon
  // ("As President Macron argued last year, …") it cites what someone said elsewhere.
  for (const m of text.matchAll(AS_SAID)) {
    const parsed = readNameAfterOffice(m[1]!);
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  // A committee's list of members marks its chair: "Members present: Baroness Coussins (The Chair); Baroness Curran; …".
  for (const m of text.matchAll(MARKED_CHAIR)) {
    // "The Earl of Kinnoull (The Chair)": a peer's "The" is no part of the name.
    const parsed = readName(m[1]!.trim().replace(/^The\s+(?=\p{Lu})/u, ''));
    if (parsed) people.push(makePerson(parsed, 'chair'));
  }
  for (const m of text.matchAll(ADDRESSED_CHAIR)) {
    const parsed = readName(m[1]!) ?? (/^(?:Mr|Mrs|Ms|Miss|Dr)\s+\S+$/u.test(m[1]!) ? { name: m[1]!, display: m[1]! } : null);
    if (parsed) people.push(makePerson(parsed, 'chair'));
  }
  // A quotation signed after it with a dash: "… to act when human rights are violated. – Josep Borrell, High Representative".
  for (const m of text.matchAll(SIGNED_QUOTE)) {
    const parsed = readNameAfterOffice(text.slice(m.index + m[0].length, m.index + m[0].length + 160));
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  // "… presented today by its President, Mr Ladislav Hamran, in the LIBE Committee. On this occasion, he stated: ‘…’": the one
  // person the sentence before names speaks; with two or none, the pronoun is not read.
  // So does "“…,” he said." after a quotation, of the one person the sentence before the quotation names ("Andrius
  // Kubilius, EU Commissioner for Defence and Space, threw his support behind …").
  const pronouns = [
    ...[...text.matchAll(PRONOUN_SAID)].map((m) => m.index + m[0].search(/\b(?:he|she)\b/u)),
    ...[...text.matchAll(QUOTE_THEN_PRONOUN_SAID)].map((m) => text.lastIndexOf(OPENING_QUOTE_OF[m[1]!]!, m.index)).filter((at) => at >= 0),
  ];
  for (const at of pronouns) {
    const sentences = text.slice(0, at).split(/(?<=[.!?])\s+(?=\p{Lu})/u);
    const namedIn = (sentence = '') =>
      new Map(
        [...sentence.matchAll(MENTION_CUE)]
          .map((cue) => readName(sentence.slice(cue.index + cue[0].length)))
          .concat(nameThenOffice(sentence.trim()))
          .flatMap((parsed) => (parsed ? [[parsed.name, parsed] as const] : [])),
      );
    // Named in the pronoun's own sentence ("When Mr Hamran presented the report, he said:"), else in the one before.
    const own = namedIn(sentences.at(-1));
    const named = own.size > 0 ? own : namedIn(sentences.at(-2));
    if (named.size === 1) people.push(makePerson([...named.values()][0]!, 'speaker'));
  }
  for (const m of text.matchAll(QUOTE_THEN_BRACKET)) {
    const parsed = m[1]!.includes(',') ? readWholeName(m[1]!.split(',')[0]!) : null;
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  for (const m of text.matchAll(MEMBER_WILL_SPEAK)) {
    const parsed = readWholeName(m[1]!);
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  for (const m of text.matchAll(QUOTE_THEN_SPEAKER_SAID)) {
    const parsed = readNameAfterOffice(m[1]!) ?? officeThenName(m[1]!);
    if (parsed && m[1]!.trimStart().startsWith(parsed.display.split(' ')[0]!)) people.push(makePerson(parsed, 'speaker'));
  }
  // "The era of naive Europe is over, said Commissioner for Internal Market Thierry Breton, during …": a press release's
  // sentence attributed after a comma, without quotation marks, to a person named in full after their office.
  for (const m of text.matchAll(SAID_AFTER_CLAUSE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 160).split(/[,.;:]/u)[0]!;
    const parsed = readNameAfterOffice(after);
    if (parsed && after.trim().endsWith(parsed.display.split(' ').pop()!) && parsed.display !== after.trim()) people.push(makePerson(parsed, 'speaker'));
  }
  for (const m of text.matchAll(SAID_AFTER_QUOTE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 160);
    const parsed = readNameAfterOffice(after);
    // "…,” said the Secretary General": the one the text names with that office, else the office's holder on the text's date.
    const office = after.split(/[.,;:“"”]/u)[0]!.trim();
    const named = parsed ? null : isOfficeOnly(office) ? holderNamed(office) : null;
    const holder = parsed || named ? null : officeHolderAt(office, date);
    if (parsed ?? named) people.push(makePerson((parsed ?? named)!, 'speaker'));
    else if (holder) people.push(makePerson({ name: holder.name, display: holder.name }, 'speaker'));
  }
  return people;
}

/**
 * Hansard's party tags, written after a member's name where they rise to speak ("Lord Barrow (CB)",
 * "John Healey (Rotherham) (Lab)", "The Minister of State, Ministry of Defence (Lord Coaker) (Lab)").
 */
export const MEMBER_PARTY_TAG =
  /\((?:Lab(?:\/Co-op)?|Con|LD|CB|SNP|DUP|PC|UUP|SDLP|Ind(?: (?:Con|Lab|LD|CB|UU))?|Non-Afl|Green|GP|Reform|RUK|Alba|SF|TUV|APNI|Bp|Lib Dem)\)/gu;

/** A minister's line in Hansard: the office, then the member in brackets, and nothing else. */
const FRONT_BENCH_LINE = /^The (?:Minister|Secretary of State|Parliamentary (?:Under-)?Secretary|Under-Secretary|Solicitor General|Attorney General|Chancellor|Paymaster General|Leader of the House|Prime Minister|Deputy Prime Minister)\b[^()]{0,160}\(([^()]{3,60})\)$/u;

/** Work that is written, not spoken, naming itself: "Op-ed", "article", "blog post", "letter". */
const WRITTEN_GENRE = /\b(?:op-?ed|article|blog|letter|column|commentary)\b/iu;

/** Whether `text` is a byline naming `name` after an office: "by NATO Secretary General Jane Roe". */
function bylineWithOffice(text: string, name: string): boolean {
  const m = /^by\s+(.+)$/iu.exec(text.trim());
  const at = m ? m[1]!.indexOf(name) : -1;
  return at > 0 && isOfficeOnly(m![1]!.slice(0, at).trim());
}

/** The words before `name` when `text` ends with it ("Security Minister" before "Dan Jarvis"), else null. */
function wordsBeforeName(text: string, name: ParsedName): string | null {
  const line = text.trim();
  return line.endsWith(name.name) ? line.slice(0, line.length - name.name.length).trim() : null;
}

/** The name (after any office) that `text` ends with, nothing following it ("the Chair … Nathalie Loiseau"), else null. */
function nameEndingText(text: string): ParsedName | null {
  const parsed = readNameAfterOffice(text);
  return parsed && text.trim().endsWith(parsed.display.split(' ').pop()!) ? parsed : null;
}

/** A line that is an office and a name, and nothing else ("Commissioner Magnus Brunner"): the name, else null. */
function officeAndNameOnly(text: string): ParsedName | null {
  const parsed = readNameAfterOffice(text.trim());
  const office = parsed ? wordsBeforeName(text, parsed) : null;
  return office && isOfficeOnly(office) ? parsed : null;
}

/**
 * A title or standfirst naming its maker in the possessive, then the genre of what they made: "Chris Philp's
 * statement on …", "Security Minister Dan Jarvis's speech at 22 Bishopsgate on …"; or in a title's capitals, the
 * genre and its occasion after the name: "Minister Nick Thomas-Symonds Speech at the … Assembly".
 */
const TITLE_MAKER = new RegExp(
  String.raw`^((?:[\p{Lu}][\p{L}’'-]*\s+){0,4}?${NAME_SHAPE})(?:['’]s\s+(?:(?:full|keynote|opening|closing|oral|written|first|annual|new\s+year)\s+){0,2}(statement|speech|remarks|address|lecture|article|op-?ed|letter|blog)\b|\s+(?:(?:Keynote|Opening|Closing)\s+)?(Statement|Speech|Remarks|Address|Lecture)\s+(?:at|to|on|in|before)\s)`,
  'u',
);

/** A name and an office, and nothing else, on a line: "Annelies Verlinden, Belgian Minister of Home Affairs". */
const SIGNATURE_LINE = new RegExp(String.raw`^(${NAME_WITH_PARTICLES}),\s+([^.;:!?]{3,200})$`, 'u');
/** An office as the Council's releases write it under a quotation, lower-case too: "minister for justice", "deputy prime minister and minister of …". */
const OPENS_WITH_OFFICE = /^(?:(?:deputy|vice|first|acting|federal|state)\s+)?(?:prime(?: minister)?|minister|secretary|commissioner|president|chancellor|high representative|ambassador|director|spokesperson|chair)\b/iu;
/** Words before an office that qualify it: a nationality, or a body's name before an office's first word. */
const BEFORE_OFFICE = new RegExp(
  String.raw`^(?:${NATIONALITY}\s+|\p{Lu}[\p{L}-]*(?:['’]s)?\s+(?=(?:Deputy|Vice|Acting|Executive|Chief|Director|Secretary|President|Commissioner|Minister|High Representative|Ambassador|Spokesperson|Chair)\b))`,
  'u',
);

/**
 * Whether a signature's words after the name are an office, less a nationality ("Hungarian", "Belgian", "Danish", "Maltese",
 * "Dutch") or a body's name ("Frontex Deputy Executive Director for Operations", "EDA’s Chief Executive") before it.
 */
function namesAnOffice(words: string): boolean {
  const office = words.replace(BEFORE_OFFICE, '');
  return OPENS_WITH_OFFICE.test(office) || (isOfficeOnly(office) && office.split(/\s+/u).some((w) => /^\p{Lu}\p{Ll}/u.test(w) && OFFICE_WORDS.has(w.toLowerCase())));
}

/** "Udo Helmbrecht, Executive Director of ENISA": a whole name, then its office after a comma; the name, else null. */
function signedName(text: string): ParsedName | null {
  const signature = SIGNATURE_LINE.exec(text.trim());
  return signature && namesAnOffice(signature[2]!) ? readWholeName(signature[1]!) : null;
}

/** The title of a written submission to a committee: its submitters, then "– Written evidence (CODE)". */
const WRITTEN_EVIDENCE_TITLE = /^([^–—\n]{3,200}?)\s+[–—-]\s+(?:Supplementary\s+)?[Ww]ritten [Ee]vidence\b/u;

/** Hansard's head of a minister's contribution: "The Minister of State for Security (Dan Jarvis): Significant improvements …". */
const OFFICE_THEN_MEMBER = /(?:^|\n)((?:The\s+)?\p{Lu}[^():\n]{3,120}?)\s+\(([^()\n]{3,60})\):\s/gu;
/** Parallel Parliament's page of a member's contribution names them: "Main Page: Yvette Cooper (Labour - Pontefract, …)". */
const MAIN_PAGE_MEMBER = /\bMain Page:\s*([^()\n]{3,80}?)\s*\(/gu;
/** TheyWorkForYou names a member twice after "Photo of": "Photo of Leo Docherty Leo Docherty …". */
const PHOTO_OF = /\bPhoto of ((?:\p{Lu}[\p{L}’'.-]*\s+|of\s+){1,5}?\p{Lu}[\p{L}’'-]*) \1\b/gu;

/**
 * The name that ends `text`: the shortest tail that reads wholly as a name, lengthened while it still does and no title
 * opens it. A peer's territorial designation of two words ("Baroness Blackwood of North Oxford") reads as a name of its
 * own ("North Oxford"): past "of" the tail is lengthened on, to the title that opens the whole.
 */
function nameEnding(text: string): ParsedName | null {
  const tokens = text.trim().split(/\s+/).filter((t) => t !== '');
  let best: ParsedName | null = null;
  let acrossOf = false;
  for (let n = 1; n <= Math.min(8, tokens.length); n++) {
    const tail = tokens.slice(-n);
    const parsed = readName(tail.join(' '));
    if (parsed && parsed.display.split(' ').length === n) {
      best = parsed;
      if (OPENING_TITLE.test(tail[0]!)) break;
    } else if (best && tail[0] === 'of') acrossOf = true;
    else if (best && !acrossOf) break;
  }
  return best;
}
const OPENING_TITLE = /^(?:Lord|Baroness|Lady|Viscount|Earl|Sir|Dame|Dr|Mr|Mrs|Ms|Miss|Professor)$/u;

/**
 * Parliament's page of a written answer: "Answered by" on its own line, "This question was answered on …", and
 * TheyWorkForYou's "Cabinet Office written question – answered on 7th October 2019".
 */
const WRITTEN_ANSWER = /^Answered by\b|\bThis question was answered on\b|\bwritten question\s*[–—-]\s*answered on\b|\[Due for Answer on\b|^ANSWER$/mu;

/** Parallel Parliament's copies of Hansard set each contribution under "<member> Portrait <member or office>". */
const PORTRAIT = /\sPortrait\s/gu;

/**
 * The offices that preside over a sitting, as a contribution's caption names them ("Lindsay Hoyle Portrait Mr
 * Speaker", "Photo of … Speaker of the House of Commons", "… Portrait The Chair"): who holds one chairs the sitting.
 * A committee's chair speaking in a debate is captioned "Chair, Defence Committee", which is no presiding office.
 */
const PRESIDING_OFFICE = /^(?:(?:Mr|Madam|The) )?(?:(?:First |Second )?Deputy |Lord )?Speaker\b|^(?:The )?Chairman of Ways and Means\b|^The Chair\b(?!,)/u;
const roleByCaption = (caption: string): Role => (PRESIDING_OFFICE.test(caption.trimStart()) ? 'chair' : 'speaker');

/** A committee's list of members puts each surname first: "Buckland, Sir Robert (South Swindon) (Con)", "McDonald, Stewart Malcolm (Glasgow South) (SNP)" attended, not spoke. */
const SURNAME_FIRST = /^[†*]?\s*\p{Lu}[\p{L}’'-]+,\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?$/u;

/** Members who speak, each named before Hansard's party tag, or in brackets after their office, or before "Portrait". */
function membersSpeaking(text: string): Person[] {
  const people: Person[] = [];
  for (const m of text.matchAll(PORTRAIT)) {
    const caption = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
    // The caption's office with the name in brackets is the member as named at the sitting ("Baroness Laing of Elderslie
    // Portrait Madam Deputy Speaker (Dame Eleanor Laing)"); the name before "Portrait" is their name today.
    const asThen = /^([^()\n]{3,80}?)\s*\(([^()\n]{3,60})\)/u.exec(caption);
    const parsed = (asThen && (isOfficeOnly(asThen[1]!) || PRESIDING_OFFICE.test(asThen[1]!)) ? readWholeName(asThen[2]!) : null) ?? nameEnding(` ${text.slice(Math.max(0, m.index - 120), m.index)}`);
    if (parsed) people.push(makePerson(parsed, roleByCaption(caption)));
  }
  for (const m of text.matchAll(OFFICE_THEN_MEMBER)) {
    const parsed = isOfficeOnly(m[1]!) ? readName(m[2]!) : null;
    if (parsed && parsed.display.split(' ').length === m[2]!.trim().split(/\s+/u).length) people.push(makePerson(parsed, roleByCaption(m[1]!)));
  }
  for (const m of text.matchAll(MAIN_PAGE_MEMBER)) {
    const parsed = readName(m[1]!);
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  // TheyWorkForYou's copy of a contribution: "Photo of Leo Docherty Leo Docherty Parliamentary Under-Secretary …".
  for (const m of text.matchAll(PHOTO_OF)) {
    const parsed = readName(m[1]!);
    if (parsed) people.push(makePerson(parsed, roleByCaption(text.slice(m.index + m[0].length, m.index + m[0].length + 60))));
  }
  for (const m of text.matchAll(MEMBER_PARTY_TAG)) {
    let before = text.slice(Math.max(0, m.index - 200), m.index).trimEnd();
    const bracket = /\(([^()]{2,80})\)$/u.exec(before);
    if (bracket) {
      // "Office (Lord Coaker)": the name in brackets; "John Healey (Rotherham)", "James Cartlidge (South Suffolk)": a
      // constituency, the name before it.
      const inside = readName(bracket[1]!);
      const ahead = before.slice(0, bracket.index).trim().split(/\sPortrait\s/u).pop()!.trim();
      // The roster's entry: after the line break or the bracket that ends the entry before it, when a saved page runs them together.
      if (SURNAME_FIRST.test(ahead.split(/\n|\)/u).pop()!.trim())) continue;
      const wholeName = readName(ahead);
      const nameBefore = wholeName !== null && wholeName.display.split(' ').length === ahead.split(/\s+/).length;
      if (inside && !nameBefore && inside.display.split(' ').length === bracket[1]!.trim().split(/\s+/).length) {
        people.push(makePerson(inside, 'speaker'));
        continue;
      }
      before = before.slice(0, bracket.index).trimEnd();
    }
    const parsed = nameEnding(before);
    if (parsed) people.push(makePerson(parsed, 'speaker'));
  }
  return people;
}

/** A line of prose: a contribution's words, not a caption or a heading. */
const PROSE_WORDS = 12;
/** Lines that may stand between a speaker's name and their words: their seat, office or party ("New Forest East"). */
const CAPTION_LINES = 2;

/** A speaker's own "I", outside any quotation. */
const FIRST_PERSON_SINGULAR = /(?:^|[\s(])(?:I|I['’]m|I['’]ve|I['’]d|my)\b/u;
/** Words of a person speaking for themselves: "I thank my hon. Friend …", "We regularly engage …". */
const FIRST_PERSON = /(?:^|[\s“"(])(?:I|I['’]m|I['’]ve|my|we|We|our|Our)\b/u;

/**
 * A record of a debate or a conversation that heads each contribution with its speaker's name on a line of its own
 * ("Tim Roca", "Stephen Doughty" above "I thank my hon. Friend for his question. …"), perhaps with a caption line
 * between (their seat, office or the time). It is a record of turns when someone takes the floor again, with three
 * turns or more, or when two people or more each speak in their own voice: a list of biographies names each person
 * once, and in the third person.
 */
function speakersByTurns(blocks: readonly Block[]): Person[] {
  const turns: { name: ParsedName; ownVoice: boolean }[] = [];
  let captionsTo = -1;
  for (const [i, block] of blocks.entries()) {
    // A seat reads as a name ("New Forest East"): a caption under a speaker's name is no speaker.
    if (i <= captionsTo) continue;
    const line = block.text.trim();
    if (line.split(/\s+/u).length > 6 || /[.!?:;,]$/u.test(line)) continue;
    const parsed = readName(line);
    if (!parsed || parsed.display.split(' ').length !== line.split(/\s+/u).length) continue;
    const below = blocks.slice(i + 1, i + 2 + CAPTION_LINES).map((b) => b.text.trim());
    const words = below.findIndex((text) => text.split(/\s+/u).length >= PROSE_WORDS);
    if (words >= 0 && below.slice(0, words).every((caption) => caption.split(/\s+/u).length < PROSE_WORDS)) {
      turns.push({ name: parsed, ownVoice: FIRST_PERSON.test(below[words]!) });
      captionsTo = i + words;
    }
  }
  const count = new Map<string, number>();
  for (const turn of turns) count.set(turn.name.name, (count.get(turn.name.name) ?? 0) + 1);
  const again = turns.length >= 3 && [...count.values()].some((n) => n >= 2);
  const voices = count.size >= 2 && turns.every((turn) => turn.ownVoice);
  return again || voices ? turns.map((turn) => makePerson(turn.name, 'speaker')) : [];
}

/** NATO's transcripts head each turn with the speaker's name in capitals and their office in brackets: "MIRCEA GEOANĂ [NATO Deputy Secretary General]: Thank you, …". */
const TURN_IN_CAPITALS = /^(\p{Lu}[\p{Lu}\p{M}.’'-]*(?:\s+\p{Lu}[\p{Lu}\p{M}.’'-]*){1,4})\s*\[[^\]\n]{2,160}\]\s*:/u;

function turnInCapitals(text: string): Person[] {
  const turn = TURN_IN_CAPITALS.exec(text.trim());
  const parsed = turn ? readNameInCapitals(turn[1]!) : null;
  return parsed ? [makePerson(parsed, 'speaker')] : [];
}

/** An answer headed by who gives it: "Rolf Holmboe: EUAM Ukraine is both strategic and operational." */
const ANSWER_BY_NAME = new RegExp(String.raw`^(${NAME_WITH_PARTICLES}):\s+[“"]?\p{Lu}`, 'u');

/**
 * An interview: a question on a line of its own, answered below by a line its speaker's name heads ("What does the
 * Mission do?" / "Rolf Holmboe: EUAM Ukraine is …"). One answer is enough: the question is what makes it a turn.
 */
function interviewees(blocks: readonly Block[]): Person[] {
  const people: Person[] = [];
  for (const [i, block] of blocks.entries()) {
    if (i === 0 || !/\?[”"’)]*$/u.test(blocks[i - 1]!.text.trim())) continue;
    const answer = ANSWER_BY_NAME.exec(block.text.trim());
    const parsed = answer ? readWholeName(answer[1]!) : null;
    if (parsed && parsed.display.split(' ').length === answer![1]!.split(/\s+/u).length) people.push(makePerson(parsed, 'speaker'));
  }
  return people;
}

/** An opening phrase before the subject ("In a joint statement,", "Speaking in Brussels,"): the people in it are not the ones speaking. */
const OPENING_PHRASE = /^(?:In|At|On|Speaking|Following|After|During|Ahead of|Commenting|Responding|Today|Earlier|Later|Meanwhile|Afterwards|Writing|Together)\b[^,]*,\s*/u;
/** A speaking verb followed by a colon or a quotation: what precedes it is who speaks. */
const SAID_WITH_WORDS = new RegExp(String.raw`\b${SAID}\s*(?=[:“"‘]|,\s*[“"‘])`, 'gu');

/**
 * The people of a subject naming several together ("Italian Defence Minister Guido Crosetto, Japanese Defense Minister
 * NAKATANI Gen and UK Defence Minister John Healey"): each item a name after its office, or an office (alone, or with a
 * name this reader cannot read); anything else, or fewer than two items, and null.
 */
function namesOfJointSubject(subject: string): ParsedName[] | null {
  const items = splitNameList(subject);
  if (items.length < 2) return null;
  const names: ParsedName[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = readNameAfterOffice(item);
    const lastWord = item.split(/\s+/).pop()!;
    // An office whose holder follows it in commas ("Chair of the Sub-Committee on … the Defence Supply Chain, Richard
    // Drax"): the words ending the office are its portfolio, not a second person.
    const portfolio = parsed !== null && parsed.display !== item.trim() && items[i + 1] !== undefined && readWholeName(items[i + 1]!) !== null;
    if (portfolio) continue;
    if (parsed && parsed.display.split(' ').pop() === lastWord) names.push(parsed);
    else if (!isOfficeOnly(item) && !item.split(/\s+/u).slice(0, 3).some((word) => /^\p{Lu}\p{Ll}/u.test(word) && OFFICE_WORDS.has(word.toLowerCase()))) return null;
  }
  return names;
}

/**
 * Several people speaking together: "Foreign Secretary Dominic Raab and EU High Representative …, Josep Borrell, said:".
 * Each item of the subject must be a name (after its office) or an office alone; anything else and nobody is read.
 */
function jointSpeakers(text: string): Person[] {
  const people: Person[] = [];
  for (const m of text.matchAll(SAID_WITH_WORDS)) {
    const sentenceStart = Math.max(0, ...[...text.slice(0, m.index).matchAll(/[.!?]\s+|[:“”"]\s*/gu)].map((s) => s.index + s[0].length));
    const subject = text.slice(sentenceStart, m.index).replace(OPENING_PHRASE, '').replace(/[,\s]+$/u, '');
    // One name read after an office whose portfolio runs into it ("Minister for Border Security and Asylum Angela Eagle") is the
    // name the whole subject ends with, read as an office and its holder.
    const names = namesOfJointSubject(subject);
    const whole = names?.length === 1 ? nameEndingText(subject) : null;
    if (whole && names![0]!.display.endsWith(` ${whole.display}`)) people.push(makePerson(whole, 'speaker'));
    else if (names) for (const name of names) people.push(makePerson(name, 'speaker'));
    // An office's portfolio splits into items of its own ("Commissioner for Home Affairs, Migration and Citizenship …"): the
    // office holders named in full still speak.
    else if (splitNameList(subject).length >= 2) for (const name of holdersNamedIn(subject)) people.push(makePerson({ name, display: name }, 'speaker'));
  }
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

/** Words just before a date that make it the date of the event or sitting: "debated on", "held on", "Date:". */
const LABELLED_EVENT_CUE =
  /(?:\b(?:held|took place|convened|hosted|debated|delivered|made|given|sitting|signed|adopted|agreed|issued)\s+on\s*:?|\b(?:date(?:d)?|data|datum|fecha)\s*:?|\bdate of (?:the )?(?:event|meeting|sitting)\s*:?)\s*(?:\p{L}+day,?\s+)?$/iu;
/** Prose that cites an act opens this way ("The Council decision of …", "Under the regulation of …"); a heading does not. */
const ACT_CITED = /^\s*(?:the|in|on|as|under|following|according|pursuant|with|by)\b/iu;
/** "On 1 December 2025, the Council adopted Decision (CFSP) 2025/2436": the day a numbered act was adopted, which a later text recalls. */
const NUMBERED_ACT_ADOPTED = /^,?\s+(?:the\s+)?\p{Lu}[\p{L} ]{0,40}?\s+adopted\s+(?:(?:Council|Commission)\s+)?(?:(?:Implementing|Delegated)\s+)?(?:Decision|Regulation|Directive)\s*\((?:CFSP|EU|EC|Euratom)\)\s*(?:No\s*)?\d/u;
/** A distributor's line naming the text's genre after its date: "19/05/2025 17:06 | Press release |". */
const GENRE_AFTER = /^\s*(?:\d{1,2}:\d{2}\s*)?\|\s*(?:press release|statement|news|speech|communiqu[eé])\b/iu;
/** A label a dash joins to its day: "written statement – made on", "Statement | issued on". */
const DASHED_LABEL = /[–—|-]\s*(?:made|delivered|given|issued|published|answered)\s+on\s*(?:\p{L}+day,?\s+)?$/iu;
/** A declaration's line of issue: "Issued by the Heads of State and Government … in Brussels 14 June 2021". */
const ISSUED_LINE = /^(?:issued|adopted|agreed|signed|approved)\s+(?:by|at|in)\s/iu;
/** The Official Journal named, or EUR-Lex's line citing the issue an act is in, opening its block ("OJ L 169, 27/06/2022"). */
const OFFICIAL_JOURNAL = /\bOfficial Journal\b|^\s*OJ [LC]\b/u;
/** A recital of an EU act or resolution ("– having regard to …", "whereas …"): every date in it is an earlier text's. */
const RECITAL = /^\s*(?:[–—-]\s*)?(?:having regard to|whereas|recalling|noting|considering)\b/iu;
/**
 * An EU act is dated by its own heading: "COUNCIL DECISION (CFSP) 2024/2643 of 8 October 2024", "REGULATION (EU) 2021/697 OF THE
 * EUROPEAN PARLIAMENT AND OF THE COUNCIL of 29 April 2021", "European Parliament resolution of 1 June 2023 on …". Between the
 * act's kind and its date stand only its type, number and authors: "a resolution on the conclusions of the European Council
 * meeting of 24-25 March 2022" dates the meeting it is about.
 */
const ACT_OF =
  /\b(?:decision|regulation|directive|resolution|recommendation|conclusions|communication|opinion)\b(?:\s*\([^()]{1,20}\)|\s+(?:No\.?\s*)?\d[\w/.-]*|\s+of the (?:(?:European|Joint|Partnership|Specialised) )*(?:Parliament|Council|Commission|Central Bank|Committee)(?: and of the (?:European )?(?:Parliament|Council|Commission))?)*\s+of\s*$/iu;
/**
 * Whether only names stand before `pattern` in `text`: an act's heading opens with its author and kind
 * ("COUNCIL DECISION (CFSP)", "European Parliament resolution"); prose that recalls an act has words of
 * its own first ("Recalling its conclusions of 6 March 2025", "– having regard to Council Decision … of").
 */
function namesOnlyBefore(text: string, pattern: RegExp): boolean {
  const at = text.search(pattern);
  return at >= 0 && text.slice(0, at).split(/\s+/).every((word) => word === '' || /^[\p{Lu}\d(]/u.test(word));
}
/** A written answer is dated when it was answered, not when it was asked: "This question was answered on 23rd December 2020". */
const ANSWERED_CUE = /\banswered on\s*:?\s*(?:\p{L}+day,?\s+)?$/iu;
/** "today" in a sentence, not standing just before the date being read ("today (1 June 2023)", "today, 1 June"). */
const TODAY_ELSEWHERE = /\btoday\b(?![\s(,–-]*(?:on\s+)?(?:\p{L}+day,?\s+)?$)/iu;
const ON_CUE = /\bon\s*(?:\p{L}+day,?\s+)?$/iu;
/**
 * Also as the sites that republish EU texts write it in their own language ("gepubliceerd op maandag 12 april 2021"),
 * and as a UK command paper records its laying: "Presented to Parliament on 18 July 2023".
 */
const PUBLISHED_CUE =
  /(?:\b(?:published|publication date|first published|released|issued|posted|last updated|updated|presented to parliament)(?:\s+on)?\s*:?|\b(?:gepubliceerd op|veröffentlicht am|publié le|pubblicato il|publicado (?:el|em))(?:\s+\p{L}+,?)?)\s*$/iu;
/** The rank of a date among the text's first words, before any sentence ends: the lowest a date of the head has. */
const HEAD_RANK = 65;
/** The publication cue of a revision: "Updated", "Last updated". */
const REVISED_CUE = /\bupdated(?:\s+on)?\s*:?\s*$/iu;
/** "… will come into force on": a day something is still to do. */
const WILL_HAPPEN_ON = /\bwill\s+(?:\p{L}+\s+){1,4}(?:on|from)\s*$/iu;
/** "… the review that was published on": another text's publication. */
const ANOTHER_TEXT_PUBLISHED = /\b(?:that|which)\s+(?:was|were|had been|has been|is|are)\s+(?:first\s+)?(?:published|released|issued|posted)(?:\s+on)?\s*$/iu;
/**
 * A consultation's page opens with the day it "Opened", its publication (the "Closed" and "Results updated" lines beside it are
 * later); its document gives the same day as its "Duration: From Thursday 13th May 2021 to …".
 */
const OPENED_LABEL = /^\s*(?:opened|duration\s*:?\s*from)\s*:?\s*(?:\p{L}+day,?\s+)?$/iu;
/**
 * A dateline: a place (and perhaps an institution), then the date, opening a block: "Brussels, 19 May 2025", "OSCE
 * Permanent Council No.1522, Vienna, 29 May 2025"; a wire's bracketed kicker may stand before it ("(PRESS RELEASE) THE HAGUE, …").
 */
const DATELINE_BEFORE = /^(?:\([\p{Lu}\s]{2,30}\)\s*)?[\p{Lu}](?:[^.!?]|\.(?=\S)){0,80},\s*$/u;
/**
 * The words of a dateline name a place and perhaps an institution, capitalised but for their joining words ("Council of
 * the European Union, Luxembourg,"); a clause set off by a comma ("On the legislative front, the Commission also proposed,")
 * is the body's, and so is the date after it. A known city before the comma is a place whatever stands before it.
 */
const DATELINE_WORDS = /^(?:\([\p{Lu}\s]{2,30}\)\s*)?(?:(?:[\p{Lu}\d(][^\s,]*|of|the|and|for|de|du|des|la|le|am|an|en)[\s,]+)+$/u;
const isDatelineBefore = (before: string) => DATELINE_BEFORE.test(before) && (DATELINE_WORDS.test(before) || findDatelinePlace(before, before.length) !== null);

/** A genre standing as the label of its own date line: "Briefing 27-05-2021", "Press release | 12 May 2025". */
const GENRE_LABEL = /^\s*(?:briefing|at a glance|press release|statement|speech|news|article|blog post|op-ed|report)\s*[|:–—-]?\s*$/iu;

/** A title naming a declaration, a statement or a press release. */
const STATEMENT_TITLE = /^(?:(?:joint|written|ministerial|press)\s+)?(?:declaration|statement|press release)\b/iu;

/** Words before a date that make it where a span of time starts: "since the invasion on", "ever since". */
const SINCE_BEFORE = /\bsince\b[^.;:]{0,60}$/iu;

/** A report's numbered paragraph: "1. On 24 February 2022, …", "12. The Committee …". */
const NUMBERED_PARAGRAPH = /^\s*\d{1,3}\.\s+\p{Lu}/u;

/** A year naming an event: "2025 OSCE Ministerial Council", "2021 Annual Conference", "Sea Power Conference 2019". */
const EVENT_YEAR =
  /\b((?:19|20)\d{2})\s+(?:\p{Lu}[\p{L}’'-]*\s+){0,4}(?:Conference|Summit|Council|Forum|Symposium|Dialogue|Meeting|Ministerial|Assembly|Congress)\b|\b(?:Conference|Summit|Forum|Symposium|Dialogue|Congress)\s+((?:19|20)\d{2})\b/u;

/** A heading line of one to six capitalised words that ends in a month and year: "ADDENDUM SEPTEMBER 2019". */
const HEADING_MONTH = /^(?:\p{Lu}[\p{L}’'-]*\s+){1,6}(\p{Lu}\p{L}+\s+\d{4})$/u;

/** A breadcrumb of three or more steps, one of them a year alone. */
const BREADCRUMB_YEAR = /^(?:[^/›>»\n]{1,40}\s[/›>»]\s){2,}((?:19|20)\d{2})\s[/›>»]\s/u;

/** A sentence where a text names itself and the day it is current to: "This briefing provides … as of", "This page is correct as at". */
const SELF_CURRENT_AS_OF = /^\s*This (?:briefing|paper|report|note|insight|article|page|document|timeline|factsheet)\b[^.;]{0,200}\b(?:as (?:of|at)|correct (?:as )?(?:of|at|on)|up to date (?:as )?(?:of|to|at))\s*$/iu;

/** The rest of a sentence opening "On <date>," that tells what is still to happen then: "…, the House is scheduled to consider", "…, ministers will meet". */
const FUTURE_EVENT_AFTER = /^,?\s+[^.;:]{0,80}?\b(?:(?:is|are)\s+(?:scheduled|due|expected|set)\s+to|will)\s/iu;

/** Words before a date that make it an event still to come: "upcoming", "ahead of", "preparations for". */
const FUTURE_EVENT_BEFORE = /\b(?:upcoming|forthcoming|ahead of|in preparation for|preparations? for|preparing for|run-up to)\b[^.;]{0,80}$/iu;

/** How far into the text its head (title, date and reference lines) reaches when a saved page runs them together. */
const HEAD_LINE_CHARS = 150;
/**
 * The European Parliament's dateline puts the place after the day, in the page's language: "Thursday, 7 October 2021 -
 * Strasbourg", "Martes 3 de mayo de 2022 - Estrasburgo Edición revisada". Only a weekday may stand before it.
 */
const DAY_BEFORE_PLACE = /^\s*(?:\p{L}+,?\s*)?$/u;
const PLACE_AFTER = /^\s+[-–—]\s+\p{Lu}[\p{L}-]+(?:\s+\p{L}+){0,2}\s*$/u;

/** A line of a list: a few words, no sentence. */
const isShortLine = (text: string) => text.trim().split(/\s+/u).length <= 8 && !/[.!?:][”"’)]*$/u.test(text.trim());

/** How far into the text a date may still be the text's own, when nothing marks it. */
const OPENING_CHARS = 1200;

interface DateCandidate {
  date: string;
  /** A publication line that dates a revision ("Updated 5 December 2024"), not the first issue. */
  revised?: boolean;
  /** Higher wins: where the date stands says whose date it is. */
  rank: number;
  offset: number;
}

/**
 * The text's own date and its publication date, from where dates stand: a date
 * alone on a line or in a dateline near the top, a "debated on"/"held on"/"Date:"
 * label, the title, "On 5 May 2025" in the opening; a "Published" line gives the
 * publication date. Dates further into the body are about other things (an
 * earlier decision, a summit being planned) and are never the document's date.
 */
function findTextDates(blocks: readonly Block[], titleIndex: number): { date: string | null; published: string | null } {
  const candidates: DateCandidate[] = [];
  let published: DateCandidate | null = null;
  // One text keeps one order of day and month: what its opening shows holds for each of its lines.
  const opening = blocks.map((b) => b.text).join('\n').slice(0, HEAD_CHARS);
  const monthFirst = writesMonthFirst(opening);
  let offset = 0;
  // How many lines of the page stand above a block, a navigation menu's items not counted.
  let line = -1;
  // Below a "Contents" line, the acts an Official Journal issue lists: their dates are theirs, not the issue's.
  let inContents = false;
  // Whether a date standing alone on its line has been read.
  let dateLineSeen = false;
  const lede = ledeBlocks(blocks, titleIndex)[0];
  let ledeOffset = 0;
  for (let i = 0; i < blocks.length && offset < HEAD_CHARS; i++) {
    const blockOffset = offset;
    if (blocks[i] === lede) ledeOffset = blockOffset;
    offset += blocks[i]!.text.length + 1;
    const text = dateOverTwoLines(blocks[i]!.text, blocks[i + 1]?.text) ?? blocks[i]!.text;
    inContents ||= /^(?:table of )?contents$/iu.test(text.trim());
    // A run of short lines (a menu, a committee's roster of members) is one list however long: its lines after the first don't count.
    if (blocks[i]!.kind !== 'list-item' && !(i > 0 && isShortLine(text) && isShortLine(blocks[i - 1]!.text))) line++;
    const trimmed = text.trim();
    // The page's own address on a line of its own, as a saved page keeps it: publishers put the day in the path.
    const addressDate = i < 4 && /^https?:\/\/\S+$/u.test(trimmed) ? dateFromUrl(trimmed) : null;
    if (addressDate) {
      candidates.push({ date: addressDate, rank: 75, offset: blockOffset });
      continue;
    }
    // A breadcrumb that files the page under its year ("Home / Media Centre / News / 2019 / Royal Navy First Sea Lord Visits …"):
    // the year, when nothing dates the text more closely.
    const crumbYear = i < 4 ? BREADCRUMB_YEAR.exec(trimmed) : null;
    if (crumbYear) candidates.push({ date: crumbYear[1]!, rank: 40, offset: blockOffset });
    // The year of the event a text is from, named in its head ("UK closing statement: 2025 OSCE Ministerial Council", "… closed
    // the Agency's 2021 Annual Conference"): below every other date, and never an event still to come.
    const eventYear = i < 6 ? EVENT_YEAR.exec(text) : null;
    if (eventYear && !FUTURE_EVENT_BEFORE.test(text.slice(0, eventYear.index))) candidates.push({ date: (eventYear[1] ?? eventYear[2])!, rank: 35, offset: blockOffset + eventYear.index });
    // A title ending in the month it was given ("Report by the Head of the OSCE Mission to Moldova: UK statement, November 2024").
    const titleMonth = i === titleIndex ? /[,:–—-]\s*(\p{L}+\s+\d{4})\s*$/u.exec(trimmed) : null;
    const titleMonthDate = titleMonth ? monthYear(titleMonth[1]!) : null;
    if (titleMonthDate) candidates.push({ date: titleMonthDate, rank: 80, offset: blockOffset });
    // … or the year in brackets that closes it ("Council Conclusions on EU Security and Defence (2024)").
    const titleYear = i === titleIndex && !titleMonthDate ? /\(((?:19|20)\d{2})\)$/u.exec(trimmed) : null;
    if (titleYear && isPlausibleYear(Number(titleYear[1]))) candidates.push({ date: titleYear[1]!, rank: 80, offset: blockOffset });
    // … or a heading of its own in the head, its capitalised words ending in that month ("ADDENDUM SEPTEMBER 2019", "Progress
    // Report March 2021"): the document's edition, above an "Updated" line of the page that carries it.
    const headingMonth = !titleMonthDate && i !== titleIndex && line < 12 ? HEADING_MONTH.exec(trimmed) : null;
    const headingMonthDate = headingMonth ? monthYear(headingMonth[1]!) : null;
    if (headingMonthDate) candidates.push({ date: headingMonthDate, rank: 78, offset: blockOffset });
    const month = monthYear(trimmed.replace(/^(?:published|date|updated|last updated)\s*:?\s*/iu, ''));
    if (month && line < 12) {
      candidates.push({ date: month, rank: 100, offset: blockOffset });
      continue;
    }
    if (RECITAL.test(text)) continue;
    const head = text.slice(0, HEAD_CHARS);
    for (const found of [...findDates(head, monthFirst), ...weekdayDates(head)]) {
      const at = blockOffset + found.index;
      // chrono takes "on Wednesday" into the date it reads; the label before it ("debated on …") still includes them.
      const before = text.slice(Math.max(0, found.index - 60), found.index) + /^(?:on\s+)?(?:\p{L}+day,?\s+)?/iu.exec(found.text)![0];
      // "the review that was published on 12 February 2025" tells of another text; "It was first published on …" of this one.
      // "… laid a draft order; … the order will come into force on 19 January 2024": a day still to come is not the text's.
      if (ANOTHER_TEXT_PUBLISHED.test(before) || WILL_HAPPEN_ON.test(before)) continue;
      // The Official Journal's page header ("C 270/54 EN Official Journal of the European Union 7.7.2021") and a citation of
      // it ("OJ L 169, 27/06/2022, p. 1–42") date the issue, not the act.
      if (PUBLISHED_CUE.test(before) || OPENED_LABEL.test(text.slice(0, found.index)) || OFFICIAL_JOURNAL.test(text.slice(0, found.index))) {
        // The first issue's line comes before a revision's ("Updated 22 September 2023" above "Presented to Parliament on 18 July 2023").
        const revised = REVISED_CUE.test(before);
        if (!published || (published.revised && !revised) || (published.revised === revised && at < published.offset)) published = { date: found.date, rank: 0, offset: at, revised };
        continue;
      }
      // A time and a bracketed reference are the date line's furniture ("5.3.2025 - (2025/2565(RSP))").
      const rest = (text.slice(0, found.index) + text.slice(found.index + found.text.length)).replace(/\b\d{1,2}[:.]\d{2}\b|\([^()]*(?:\([^()]*\)[^()]*)*\)/g, '');
      // Alone: nothing but separators and a number or two; a letter is a label ("PV 21/10/2021 - 2" lists a sitting's minutes).
      const left = rest.replace(/[\s,.|–—-]/g, '');
      // A European Parliament document's own date line, its procedure's reference after a dash ("5.4.2022 - (2022/2560(RSP))"),
      // even run into the lines below it when saved: the document's date as a dateline is, above a date its title names
      // ("MOTION FOR A RESOLUTION on the conclusions of the European Council meeting of 24-25 March 2022").
      const procedureLine = i !== titleIndex && found.index === 0 && /^\s*[–—-]\s*\(\d{4}\/\d{4}\([A-Z]{3}\)\)/u.test(text.slice(found.text.length));
      const alone = i !== titleIndex && left.length <= 3 && !/\p{L}/u.test(left);
      // … or the date alone opening the lede before a dash ("1 March 2022 - European Commission President … delivered a speech").
      // An item of a list ("- Parliament TV: Post-Brexit police cooperation, 3 November 2020" among a story's links) dates another page.
      const dateline =
        i !== titleIndex &&
        blocks[i]!.kind !== 'list-item' &&
        ((found.index <= 90 && isDatelineBefore(text.slice(0, found.index))) || (found.index === 0 && /^\s+[–—-]\s+\p{Lu}\p{Ll}/u.test(text.slice(found.text.length))));
      // Its own line, set apart by its form: it counts below a page's furniture too.
      const placeAfter = i !== titleIndex && DAY_BEFORE_PLACE.test(text.slice(0, found.index)) && PLACE_AFTER.test(text.slice(found.index + found.text.length));
      // A site's "today" bar prints the weekday shortened, with a stop ("Sat. Apr 1st, 2023"); a text's own date line does not.
      const dateBar = alone && /^\s*\p{Lu}\p{Ll}{2}\.\s/u.test(text.slice(0, found.index) + found.text);
      // A label line ("Volume 820: debated on …", "Date: …") is short and no sentence; in running prose the same
      // words tell of other events ("The first summit was held on 19 May 2025.").
      // A clause of a longer sentence ("– having regard to the Declaration adopted on 11 March 2022 …,") is no label.
      // So is a genre's line that a dash joins to its day, whatever ends it ("… written statement – made on 20th December 2019.").
      const labelLine = text.split(/\s+/).length <= 25 && (!/[.!?,;][”"’)]*$/u.test(trimmed) || DASHED_LABEL.test(before));
      const sentenceStart = /(?:^|[.!?]\s+)$/u.test(text.slice(0, found.index));
      const aged = PAGE_AGE.test(blocks[i + 1]?.text.trim() ?? '');
      const lineBefore = dateLineSeen;
      dateLineSeen ||= alone;
      // The words of the date's own sentence before it.
      const sentenceBefore = text.slice(0, found.index).split(/[.!?]\s+/u).pop()!;
      let rank: number;
      // Whose date it is: a dateline is the writer's own (where and when the text was issued), and so are a
      // sitting or "held on" label and the date in the title. A bare date standing on its own line may be anyone's:
      // the masthead of a site that republished the text, a listing's date, a "today" banner. It counts only after
      // those, and one above the title (the page's, not the text's) after one below it.
      // An act's heading names its own date, above even a dateline (the Official Journal's publication line). A heading
      // opens its block; prose that cites an act ("The Council conclusions of 12 May 2019 recalled …") does not.
      // An item of a list ("- Commission Recommendation of 8 February 2023 on …" among a text's references) cites an act, it heads nothing.
      const actHeading =
        !inContents &&
        line < 12 && blocks[i]!.kind !== 'list-item' && found.index <= 100 && ACT_OF.test(text.slice(0, found.index)) && !ACT_CITED.test(text) && namesOnlyBefore(text.slice(0, found.index), ACT_OF);
      if (actHeading) rank = 110;
      else if ((dateline && line < 12) || placeAfter || procedureLine) rank = 100;
      else if (
        (labelLine && (LABELLED_EVENT_CUE.test(before) || GENRE_LABEL.test(text.slice(0, found.index)) || GENRE_AFTER.test(text.slice(found.index + found.text.length)) || ISSUED_LINE.test(trimmed))) ||
        ANSWERED_CUE.test(before)
      )
        rank = 90;
      // A title's date of an event still to come ("… on the upcoming NATO summit on 24-26 June 2025") is that event's.
      // So is a date the prose gives one ("In view of the upcoming first UK-EU Summit taking place on 19 May 2025"), and a
      // point a span runs from ("developments since the Russian invasion on 24 February 2022").
      else if (FUTURE_EVENT_BEFORE.test(text.slice(0, found.index)) || SINCE_BEFORE.test(text.slice(0, found.index))) continue;
      // … and so is the day a sentence says something is still to happen on ("On 17 March 2025, the House of Lords is scheduled to consider …").
      else if (/^on\s/iu.test(found.text) && FUTURE_EVENT_AFTER.test(text.slice(found.index + found.text.length))) continue;
      else if (i === titleIndex) rank = 80;
      // A text giving the day it is current to: "This briefing provides a timeline … as of 12 March 2025."
      else if (SELF_CURRENT_AS_OF.test(sentenceBefore)) rank = 72;
      // A site's date bar says when the page was seen, not when the text was written: only above what merely stands early.
      else if (alone && line < 12 && dateBar) rank = 55;
      // A date line the page follows with its age ("Thursday 28th March 2019" then "(5 years, 1 month ago)", as Parliament's
      // record is republished) is the item's own day, above the meeting its title names ("Foreign Affairs Council 18 March 2019").
      // The first date line only: a page of excerpts gives each earlier debate its own.
      else if (alone && line < 12 && aged && !lineBefore) rank = 85;
      else if (alone && line < 12) rank = titleIndex >= 0 && i < titleIndex ? 74 : 75;
      // "On 5 May 2025, the institute hosted…" opening a sentence of the opening: the event reported, unless what it
      // reports is a numbered act's adoption, which a declaration of alignment or a wire's copy recalls weeks later.
      // A report's numbered paragraph ("1. On 24 February 2022, Russia began …") is its body, not a lede.
      else if (
        at < OPENING_CHARS &&
        sentenceStart &&
        /^on\s/i.test(found.text) &&
        !NUMBERED_ACT_ADOPTED.test(text.slice(found.index + found.text.length)) &&
        !NUMBERED_PARAGRAPH.test(text)
      )
        rank = 70;
      // A sentence telling what happened "today" dates the text by that day ("today (1 June 2023)"); another date in it is
      // an earlier event's ("The Council today took note of the report on the proposals endorsed on 6 December 2016").
      else if (TODAY_ELSEWHERE.test(sentenceBefore)) continue;
      // A date among the text's first words, before any sentence has ended: its head ("MOTION FOR A RESOLUTION on … 5.3.2025 -
      // (2025/2565(RSP))" run into one paragraph when saved), above a date the body says something happened on.
      else if (at < HEAD_LINE_CHARS && !/[.!?]\s/u.test(text.slice(0, found.index))) rank = HEAD_RANK;
      else if (at < OPENING_CHARS && (/^on\s/i.test(found.text) || ON_CUE.test(before) || LABELLED_EVENT_CUE.test(before))) rank = 60;
      else if (at < OPENING_CHARS / 2) rank = 50;
      else continue;
      candidates.push({ date: found.date, rank, offset: at });
    }
  }
  // The day the lede says the event took place, its year left to a later sentence ("… held a Counter-terrorism Dialogue on
  // 1 October in Sarajevo", then "The Dialogue in Sarajevo on 1 October 2021 …"): as "On 5 May 2025" opening a sentence is.
  const ledeDay = lede ? dayCompletedElsewhere(firstSentence(lede.text), findDates(opening, monthFirst)) : null;
  if (ledeDay) candidates.push({ date: ledeDay, rank: 70, offset: ledeOffset });
  candidates.sort((a, b) => b.rank - a.rank || a.offset - b.offset);
  const best = candidates[0];
  // A "Published" line outranks a date merely standing early in the opening; a declaration's or statement's, also the
  // "On 15 November 2021, the Council adopted …" that opens it: a statement is dated when it was made, and it recalls older acts.
  const statement = STATEMENT_TITLE.test(blocks[Math.max(0, titleIndex)]?.text ?? '');
  // A "Last updated" line dates a revision: a date the text's head gives of its own (its title, a line of its own, a
  // dateline) comes first; a date only its body gives does not.
  const chosen = best && (best.rank >= (statement ? 72 : 70) || !published || (published.revised && best.rank >= HEAD_RANK)) ? best.date : (published?.date ?? null);
  // A month line ("April 2019") and a "Published 9 April 2019" line agree: the day is the more precise.
  const date = chosen && published && !published.revised && chosen.length === 7 && published.date.startsWith(chosen) ? published.date : chosen;
  return { date, published: published?.date ?? null };
}

/** What may follow a speaker's name in a speech's heading: the occasion and its date, no sentence ("EP Plenary 11 November 2020"). */
const OCCASION_ONLY = /^(?:[\s,–—-]+(?:[\p{Lu}\d][\p{L}\d.’']*|of|the|on|at|in|and|for|to))*\s*$/u;

/** Words opening as spoken ones: a greeting, or thanks to the room. */
const opensAsSpoken = (text: string) => /^thank you\b/iu.test(text) || SPEECH_OPENING.test(text);

/** The opening blocks that may carry the text's genre line ("Remarks by …") above its body. */
const OPENING_BLOCKS = 4;

/** How many blocks above may introduce, by office and name, a person a block names by surname ("Mr Geoană highlighted …"). */
const INTRO_BLOCKS = 6;

/** How far into the text role cues are looked for. */
const ROLE_SCAN_CHARS = 30_000;

/** A block that is only a label, its value in the next block (web pages set "From:" and "Published" apart from their values). */
const LABEL_ONLY = /^(?:from|published|first published|last updated|updated|date|dated|publisher|published by|source|speakers?|chairs?|chaired by|moderators?|authors?|written by|by|witnesses)\s*:?$/iu;

/**
 * A genre standing alone ("Doorstep statement", "Joint press conference", "Op-ed"), as NATO and others set
 * it above the line naming who gave it ("by NATO Secretary General …"): the two are one line.
 */
const GENRE_ONLY =
  /^(?:[\p{L}-]+\s+){0,3}(?:statement|remarks|speech|address|lecture|conference|point|doorstep|interview|message|op-?ed|article|blog post|commentary|transcript)$/iu;
/** The joined form: a short genre, then "by" and a name or office. */
const GENRE_BY_LINE = /^(?:[\p{L}-]+\s+){0,3}(?:statement|remarks|speech|address|lecture|conference|point|doorstep|interview|message|op-?ed|article|blog post|commentary|transcript) by \p{Lu}/iu;

/**
 * Joins each label-only block to the value after it ("From:" + "Prime Minister's Office…" reads as
 * one line), and a genre line to the "by …" line under it.
 */
function joinLabels(blocks: readonly Block[]): Block[] {
  const joined: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const genreThenBy = GENRE_ONLY.test(block.text.trim()) && /^(?:by|with)\s+\p{Lu}/u.test(next?.text.trim() ?? '');
    if (next && ((LABEL_ONLY.test(block.text.trim()) && next.kind !== 'heading') || genreThenBy) && next.page === block.page) {
      joined.push({ ...next, text: `${block.text.trim()} ${next.text}` });
      i++;
    } else joined.push(block);
  }
  return joined;
}

export function readTextMetadata(input: readonly Block[]): TextMetadata {
  // A non-breaking hyphen ("von Cramon‑Taubadel", as the European Parliament prints names) is read as a hyphen.
  const blocks = joinLabels(input).map((block) => ({ ...block, text: surnamesAsWritten(block.text.replace(/[\u2010\u2011]/gu, '-')) }));
  const { title, index: titleBlock } = findTitle(blocks);
  const text = blocks.map((b) => b.text).join('\n');
  const head = text.slice(0, HEAD_CHARS);

  const dates = findDates(head);
  const { date, published } = findTextDates(blocks, titleBlock);

  let place = findEventPlace(head);
  if (!place) {
    for (const found of dates.filter((d) => d.index < 600)) {
      place = findDatelinePlace(head, found.index);
      if (place) break;
    }
  }

  let organisations = findOrganisations(head);
  if (organisations.length === 0) {
    // A publisher often appears only in the masthead or the closing disclaimer.
    const lastBlock = blocks.length > 1 ? (blocks[blocks.length - 1]?.text ?? '') : '';
    organisations = knownBodiesIn(`${text.slice(0, 1500)}\n${lastBlock}`);
  }

  // Roles ("chaired by", "authors:", "Speech by", "X said:") sit in the opening pages;
  // scanning a 60-page paper's body for them costs time and finds only false positives.
  const named: Person[] = [];
  const mentioned: Person[] = [];
  // A title or standfirst in the maker's name: "Chris Philp's statement on …", "Security Minister Dan Jarvis's speech at …".
  // The head: the title and the lines around it, where a page names its genre, its maker and its kind.
  const headBlocks = blocks.slice(0, Math.max(OPENING_BLOCKS, titleBlock + 1) + 2);
  const writtenStatement = WRITTEN_STATEMENT.test(text.slice(0, 400));
  for (const block of headBlocks) {
    const titled = TITLE_MAKER.exec(block.text.trim().replace(DATE_LABEL_BEFORE_LEDE, ''));
    if (!titled) continue;
    const maker = titled[1]!;
    const genre = titled[2] ?? titled[3]!;
    const owner = readNameAfterOffice(maker);
    // The maker is the name alone ("Sir Jane Roe" as written), or an office before it.
    const office = owner ? wordsBeforeName(maker, owner) : null;
    if (owner && (owner.display === maker || office === '' || (office !== null && isOfficeOnly(office)))) {
      named.push(makePerson(owner, WRITTEN_GENRE.test(genre) ? 'author' : 'speaker'));
      break;
    }
  }
  const holderNamed = holderNamedInText(text.slice(0, ROLE_SCAN_CHARS));
  const delivered = DELIVERY_MARK.test(text.slice(0, 2000));
  let offset = 0;
  let listRole: Role | null = null;
  for (const [i, block] of blocks.entries()) {
    // The title and the lines just below it say who made the text; there an office alone names its holder.
    const genreLine = i < OPENING_BLOCKS || i === titleBlock ? date : undefined;
    if (genreLine !== undefined) {
      const byOffice = officeGenreSpeaker(block.text, genreLine);
      if (byOffice) named.push(byOffice);
      // A speech headed by its speaker's office and name alone ("Commissioner Magnus Brunner" above "Good afternoon,"), or
      // by an office and its holder's surname and the occasion ("Commissioner Johansson EP Plenary 11 November 2020" above
      // "Thank you President, …").
      const spokenBelow = opensAsSpoken(blocks[i + 1]?.text.trim() ?? '');
      const headed = spokenBelow ? officeAndNameOnly(block.text) : null;
      const holder = spokenBelow && !headed ? officeHolderAt(block.text, genreLine) : null;
      if (headed) named.push(makePerson(headed, 'speaker'));
      else if (holder && OCCASION_ONLY.test(block.text.slice(holder.end))) named.push(makePerson({ name: holder.name, display: holder.name }, 'speaker'));
    }
    // Hansard's front bench: "The Minister of State, Foreign, Commonwealth and Development Office (Mr Andrew Mitchell)".
    const frontBench = FRONT_BENCH_LINE.exec(block.text.trim());
    const minister = frontBench ? readName(frontBench[1]!) : null;
    if (minister && minister.display.split(' ').length === frontBench![1]!.trim().split(/\s+/u).length) named.push(makePerson(minister, 'speaker'));
    if (offset < ROLE_SCAN_CHARS) {
      if (listRole) {
        // The items of a list of names a cue introduced: each opens with a name, until one does not.
        const parsed = readNameAfterOffice(block.text.replace(/\s*\([^)]*\)/g, ''), 3);
        if (parsed && block.kind !== 'heading') named.push(makePerson(parsed, listRole));
        else if (block.kind !== 'heading') listRole = null;
      }
      // A joint release gives each leader's words under their office and name: "NATO Secretary General Jens Stoltenberg:"
      // on a line of its own, the quotation below it.
      const captioned = /^[“"‘]/u.test(blocks[i + 1]?.text.trim() ?? '') ? officeAndNameOnly(block.text.trim().replace(/:$/u, '')) : null;
      if (captioned) named.push(makePerson(captioned, 'speaker'));
      const inBlock = peopleInBlock(block.text, genreLine);
      const above = blocks.slice(Math.max(0, i - INTRO_BLOCKS), i).map((b) => b.text).join('\n');
      // The run after a motion's last group line, on a block of its own.
      if (i > 0 && ENDS_WITH_GROUP.test(blocks[i - 1]!.text)) named.push(...openRunOfNames(block.text).map((name) => makePerson(name, 'author')));
      named.push(...inBlock, ...quotedSpeakers(block.text, date, holderNamed, delivered, above), ...jointSpeakers(block.text), ...membersSpeaking(block.text), ...turnInCapitals(block.text), ...questioners(block.text));
      // A press release's quotation closed by its speaker on a line of their own: "Sándor Pintér, Hungarian Minister for Home Affairs",
      // or run into the quotation's end by a saved page ("… on return hubs.”Rasmus Stoklund, Minister for Immigration and Integration").
      const trimmed = block.text.trim();
      // A quotation may close without a stop, and its signature end with one ("… as they arise" Lars Gerdes, Frontex Deputy
      // Executive Director for Operations.).
      const closed = /[.!?]?[”"]\s*(?=[^“”"]+$)/u.exec(trimmed);
      const previous = closed ? trimmed.slice(0, closed.index) : i > 0 ? blocks[i - 1]!.text : '';
      const signature = SIGNATURE_LINE.exec((closed ? trimmed.slice(closed.index + closed[0].length) : trimmed).replace(/\.$/u, ''));
      // An item of a list ("Giving evidence will be: • Ian Bond, Director of …") announces, it does not sign.
      if (signature && block.kind !== 'list-item' && previous.split(/\s+/u).length >= 12 && namesAnOffice(signature[2]!)) {
        const parsed = readName(signature[1]!);
        if (parsed) named.push(makePerson(parsed, 'speaker'));
      }
      // … or the name and the office on lines of their own below the quotation ("Air Chief Marshal Sir Mike Wigston" above
      // "Chief of the Air Staff").
      const nameBelowQuote = !signature && !closed && /^[“"]/u.test(previous.trim()) && previous.split(/\s+/u).length >= 12 ? readName(trimmed) : null;
      const lineBelow = blocks[i + 1]?.text.trim() ?? '';
      const officeBelow = lineBelow.split(/\s+/u).length <= 12 && !/[.!?]$/u.test(lineBelow) && (namesAnOffice(lineBelow) || opensWithOffice(lineBelow));
      if (nameBelowQuote && nameBelowQuote.display.split(' ').length === trimmed.split(/\s+/u).length && officeBelow) {
        named.push(makePerson(nameBelowQuote, 'speaker'));
      }
      // … or the office first: "Commissioner for Internal Affairs and Migration, Magnus Brunner".
      const signedOfficeFirst =
        !signature && block.kind !== 'list-item' && trimmed.includes(',') && trimmed.split(/\s+/u).length <= 16 && !/[.!?:;]$/u.test(trimmed) && previous.split(/\s+/u).length >= 12;
      const officeFirst = signedOfficeFirst ? officeThenName(trimmed) : null;
      if (officeFirst) named.push(makePerson(officeFirst, 'speaker'));
      const trailing = trailingListCue(block.text);
      if (trailing) listRole = trailing;
    }
    mentioned.push(...mentionedInBlock(block.text));
    offset += block.text.length + 1;
  }

  // A record of turns, in the opening pages as other role cues are.
  let scanned = 0;
  const openingBlocks = blocks.filter((block) => (scanned += block.text.length + 1) <= ROLE_SCAN_CHARS);
  named.push(...speakersByTurns(openingBlocks), ...interviewees(openingBlocks));

  // A lede whose subject is an office holder who spoke ("European Parliament President Metsola reiterated …"), or a
  // standfirst whose subject is one, above the speaker's own words ("President … Metsola was in London …" then "I …").
  let ledePublisher: string | null = null;
  // A joint statement's lede names those who make it, whatever it says they did ("Foreign Secretary James Cleverly held
  // a trilateral meeting with Polish Foreign Minister, Zbigniew Rau, and Ukrainian Foreign Minister Dmytro Kuleba.").
  const jointStatement = JOINT_STATEMENT.test(blocks[Math.max(0, titleBlock)]?.text ?? '') || JOINT_STATEMENT.test(text.slice(0, 300));
  // A page whose genre line says it is a speech ("Speech", as GOV.UK heads one): its standfirst's subject gave it.
  const spokenPage = blocks.slice(0, Math.max(0, titleBlock)).some((b) => /^speech$/iu.test(b.text.trim()));
  const jointMakers = new Set<string>();
  // A lede in the speaker's own voice ("With permission, … I wish to make a statement …"): what follows is their words, and
  // whoever they say did something ("the Prime Minister outlined …") is reported, not a lede's subject.
  let ownVoiceAbove = false;
  for (const [n, block] of ledeBlocks(blocks, titleBlock).entries()) {
    if (ownVoiceAbove) break;
    const sentence = firstSentence(block.text);
    ownVoiceAbove = FIRST_PERSON_SINGULAR.test(sentence.replace(/[“"‘][^”"’]*[”"’]/gu, ''));
    const after = blocks.slice(blocks.indexOf(block) + 1).map((b) => b.text).filter((t) => t.split(/\s+/u).length >= 12);
    // Several named together as the subject: "Italian Defence Minister Guido Crosetto, … and UK Defence Minister John Healey have
    // welcomed …", "The Interior Minister of France, Mr Gérald Darmanin, and the Home Secretary of the UK, Ms Priti Patel, spoke
    // today": each of them, not only the name nearest the verb.
    const together = [...sentence.matchAll(LEDE_VERB)].map((verb) => namesOfJointSubject(sentence.slice(0, verb.index).replace(OPENING_PHRASE, ''))).find((names) => names && names.length >= 2);
    const subject = together ? null : (ledeSubject(sentence, date) ?? (spokenPage || speechFollows(block.text, after) ? ledeSubject(sentence, date, ANY_LEDE_VERB) : null));
    if (subject) {
      named.push(subject.person);
      ledePublisher ??= subject.publisher;
      continue;
    }
    // A joint statement's first lede names its makers as a list, or as the parties to the meeting it follows ("… released
    // following the meeting between Prime Minister Keir Starmer and Prime Minister Donald Tusk in Warsaw").
    const parties = jointStatement && n === 0 ? MEETING_BETWEEN.exec(sentence) : null;
    const makers =
      together ??
      (parties ? namesOfJointSubject(parties[1]!) : null) ??
      (jointStatement && n === 0 ? splitNameList(sentence).flatMap((item) => personInItem(item) ?? []) : []);
    // A joint statement is written in its makers' names: they are its authors, as "Joint statement by …" names them, whatever
    // else the lede says they did ("… spoke today to discuss").
    if (makers.length >= 2) for (const name of makers) named.push(makePerson(name, jointStatement ? 'author' : 'speaker'));
    if (jointStatement) for (const name of makers) jointMakers.add(name.name);
  }
  for (const person of named) if (jointMakers.has(person.name) && person.role === 'speaker') person.role = 'author';
  // A headline over a speaker's own words names the speaker: "Director General Graeme Biggar launches National Strategic
  // Risk Assessment" above "I am delighted to be here for my first public speech …".
  const headline = blocks[titleBlock]?.text;
  const spokenBelow = blocks.slice(titleBlock + 1).map((b) => b.text).filter((t) => t.split(/\s+/u).length >= 12);
  const headlined = headline !== undefined && speechFollows(headline, spokenBelow) ? ledeSubject(headline, date, HEADLINE_VERB) : null;
  if (headlined) named.push(headlined.person);
  // On a page its genre line calls a speech, the speaker's name on a line of its own under the title and standfirst
  // ("Speech" / "UK closing statement: …" / "Ambassador Holland addresses …" / "Neil Holland").
  if (spokenPage) {
    const nameLine = blocks.slice(titleBlock + 1, titleBlock + 4).map((b) => readWholeName(b.text.trim())).find((parsed) => parsed !== null && parsed.name.includes(' '));
    if (nameLine) named.push(makePerson(nameLine, 'speaker'));
  }
  // A name on a line of its own over a line of its office, above words in the first person: who wrote or spoke them
  // ("Keir Starmer" / "Leader of the Labour Party, The Prime Minister" / "I attended the NATO Leaders’ Summit …").
  const signed = nameOverOffice(headBlocks);
  if (signed) named.push(makePerson(signed, writtenStatement ? 'author' : 'speaker'));
  // A committee's page of written evidence is titled by who submitted it: "Ian Bond and Luigi Scazzieri, Centre for European
  // Reform – Written Evidence (RUI0005)".
  for (const block of headBlocks) {
    const submitted = WRITTEN_EVIDENCE_TITLE.exec(block.text.trim());
    if (submitted) for (const name of namesOpeningItems(submitted[1]!)) named.push(makePerson(name, 'author'));
  }

  // A text marked as delivered is a speech: whoever its byline names spoke it. So is one greeting the room ("Ladies and
  // gentlemen,") under an office holder's byline ("by NATO Secretary General …"), unless it calls itself written work.
  const greets = headBlocks.some((b) => SPEECH_OPENING.test(b.text.trim())) && !headBlocks.some((b) => WRITTEN_GENRE.test(b.text));
  // A statement its title names the author of was spoken when its words open as a speaker's do ("Thank you very much.").
  const spokenStatement = STATEMENT_BY_TITLE.test(blocks[Math.max(0, titleBlock)]?.text ?? '') && headBlocks.some((b) => opensAsSpoken(b.text.trim()));
  for (const person of named) {
    if (person.role === 'author' && (delivered || spokenStatement || (greets && headBlocks.some((b) => bylineWithOffice(b.text, person.name))))) person.role = 'speaker';
  }

  // A minister's written statement reports on meetings others chair ("The Foreign Affairs Council will be chaired by the
  // High Representative …"): those chairs did not make the text.
  const opening = text.slice(0, 1500);
  if (writtenStatement || MADE_STATEMENT_FORMULA.test(opening) || FOR_A_COLLEAGUE.test(opening) || ATTENDED_MEETING.test(opening)) {
    for (const person of named) if (person.role === 'chair') person.role = 'mentioned';
  }

  // In a written statement the member named on its line wrote it: "Written Statements" heads Hansard's and Parallel Parliament's pages.
  // So does the member who answered a written question ("Answered by …", "This question was answered on …").
  // The member who asked it is captioned above the question ("To ask the Chancellor of the Duchy of Lancaster, …"): mentioned.
  if (writtenStatement || WRITTEN_ANSWER.test(opening)) {
    const speakingIn = blocks.map((b) => membersSpeaking(b.text).map((p) => p.name));
    const members = new Set(speakingIn.flat());
    const askers = new Set(speakingIn.filter((_, i) => /^To ask\b/u.test(blocks[i + 1]?.text.trim() ?? '')).flat());
    for (const person of named) {
      if (person.role === 'speaker' && askers.has(person.name)) person.role = 'mentioned';
      else if (person.role === 'speaker' && members.has(person.name)) person.role = 'author';
      // Written work has authors; anyone else it reports as speaking ("In her speech …, the Foreign Secretary highlighted") is mentioned.
      else if (person.role === 'speaker') person.role = 'mentioned';
    }
  }

  const silent = silentWitnesses(openingBlocks, blocks);
  for (const person of named) if (person.role === 'speaker' && silent.has(person.name)) person.role = 'mentioned';

  return {
    title,
    titleBlock,
    date,
    published,
    organisations,
    // A story signed by its writer is the writer's outlet's, whatever voice it quotes the conclusions in.
    publisher: findPublisher(blocks, titleBlock) ?? ledePublisher ?? (named.some((p) => p.role === 'author') ? null : conclusionsAuthor(blocks, titleBlock)),
    place,
    people: dedupePeople([...named, ...mentioned]),
    summary: findSummary(blocks, titleBlock, title),
  };
}
