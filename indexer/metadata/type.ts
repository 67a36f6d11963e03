/**
 * Document type from what the document says it is. A label in the title or the
 * opening lines ("Policy brief", "Joint statement", "Remarks by") is decisive;
 * otherwise an account of an event (roundtable, hosted, chaired by) makes an
 * event report, and named authors with a report-like word make a policy paper.
 */
import type { DocType, Person } from '../../contract/document.js';
import { isCaption, leading, METADATA_LINE } from './furniture.js';

interface Label {
  type: DocType;
  pattern: RegExp;
  /** Words also used in passing ("in his speech"): outside the title they count only opening a line ("Remarks by …"). */
  leadInOnly: boolean;
}

/**
 * How a minister opens an oral statement at Westminster: "With permission, Mr Speaker, I will make a statement on …",
 * "My Lords, with the leave of the House, I shall repeat in the form of a statement …".
 */
const STATEMENT_TO_THE_HOUSE = String.raw`(?:my lords,\s*)?with (?:your )?(?:permission|the leave of the house),?\s*(?:(?:mr|madam) (?:deputy )?speaker,?\s*)?I (?:will|shall|should like to|would like to|wish to) (?:now )?(?:make (?:a|an oral) statement|repeat (?:in the form of a statement|a statement|the statement))`;

const ORAL_STATEMENT = new RegExp(STATEMENT_TO_THE_HOUSE, 'iu');

/** Labels a document gives itself, checked in this order against the title and opening text. */
const LABELS: Label[] = [
  {
    type: 'statement',
    pattern:
      new RegExp(String.raw`(?:\b(?:joint statement|(?<!doorstep )statement by|statement from|statement on|press statement|written (?:ministerial )?statements?|(?:EU|UK|G7|NATO|ministerial|oral) statement|the following statement was made|statement made on|communiqu[eé])\b|${STATEMENT_TO_THE_HOUSE})`, 'iu'),
    leadInOnly: true,
  },
  {
    type: 'speech',
    pattern:
      /\b(?:remarks by|speech by|address by|keynote (?:speech|address)|lecture by|speech|(?:joint )?press conference|doorstep|press point|(?:opening|closing|introductory|welcome|press) remarks|as delivered|check against delivery|the (?:[\p{L}-]+ )?(?:speech|remarks|address|lecture|comments) (?:made|given|delivered) by)\b|(?<=\p{L}['’]s |\bPM )(?:remarks|address|lecture)\b/iu,
    leadInOnly: true,
  },
  { type: 'briefing', pattern: /\b(?:briefing paper|research briefing|policy briefing|briefing note|briefing)\b/iu, leadInOnly: true },
  {
    type: 'policy-paper',
    pattern: /\b(?:policy (?:paper|brief)|working paper|discussion paper|white paper|occasional paper|research paper)\b/iu,
    leadInOnly: false,
  },
  { type: 'news', pattern: /\b(?:press releases?|news releases?|news (?:story|article|item))\b/iu, leadInOnly: false },
  {
    type: 'event-report',
    pattern: /\b(?:event report|conference report|workshop report|roundtable report|meeting report|summary of (?:the )?(?:discussion|event|proceedings))\b/iu,
    leadInOnly: false,
  },
];
const LEAD_INS = LABELS.map((label) => ({ ...label, pattern: new RegExp(`^\\s*${label.pattern.source}`, 'iu') }));
/** A genre line naming its maker after a word or two of its series: "Commons Briefing paper by Joanna Dawson." */
const GENRE_BY_LINES = LABELS.map((label) => ({ ...label, pattern: new RegExp(`^\\s*(?:[\\p{L}-]+\\s+){1,2}(?:${label.pattern.source})\\s+by\\s+\\p{L}`, 'iu') }));

/**
 * The "Written Statements" line that heads Hansard's and Parallel Parliament's pages of written ministerial statements,
 * or TheyWorkForYou's heading ("Prime Minister written statement – made at on 18 July 2024.").
 */
export const WRITTEN_STATEMENT = /(?:^|\n)Written (?:Ministerial )?Statements?(?:\b|(?=\p{Lu}\p{Ll}))|\bwritten (?:ministerial )?statement\s+[–—-]\s+made\b/u;
/** How a written ministerial statement made for a colleague opens: "My hon. Friend the Minister for Africa attended …". */
export const FOR_A_COLLEAGUE = /(?:^|\n)My (?:right )?hon(?:ourable|\.)? (?:and learned )?Friend,? the\b/iu;

/** "(As delivered)", "(As prepared for delivery)", "Check against delivery!": only a speech's text carries them (a saved page may run them into the next line). */
export const DELIVERY_MARK = /\((?:as delivered|as prepared(?: for delivery)?|check against delivery)\)|\bcheck against delivery\b/iu;

/**
 * How a speech opens: greeting the room ("Good afternoon,", "Ladies and gentlemen,", "Excellencies,"). A debate's
 * contributions open to the chair ("Thank you, Mr Speaker"), so those are no mark of a speech.
 */
export const SPEECH_OPENING =
  /^(?:good (?:morning|afternoon|evening)\b|ladies and gentlemen\b|dear (?:friends|colleagues|all)\b|(?:ministers, )?excellenc(?:y|ies)\b|distinguished (?:guests|delegates)\b)/iu;

/** Words of an event being reported on. */
const EVENT_CUES =
  /\b(?:round-?table|roundtable|(?<!press )conference|panel(?:ists?)?|webinar|workshop|seminar|symposium|summit meeting|(?<!\bin )the event|this event|hosted|co-hosted|took place|was held|were held|chaired by|moderated by|participants|attendees|chatham house rule)\b/giu;
/** The words of a parliamentary sitting: a motion moved, members addressing each other. */
const SITTING = /\bI beg to move\b|\b(?:the )?(?:right )?hon\. (?:Friend|Member|Gentleman|Lady)\b|\bnoble (?:Lord|Baroness|Friend|Lady)\b|\bserve under your chair/u;
/** A committee's transcript of a hearing: "Oral evidence: …" heading it, "Examination of witnesses", "Evidence Session No. 6". */
const HEARING = /^Oral evidence\b|\bExamination of [Ww]itnesses\b|\bEvidence Session No\b/mu;
/** How a letter opens: its title ("Letter from … to …", "Letter of correction from …") or its salutation ("Dear Practitioner,"). */
const LETTER_OPENING = /^(?:(?:open\s+)?letter(?: of (?:correction|reply|response))? from\s|dear\s+\p{Lu})/iu;
/** Words of a written analysis. */
const PAPER_CUES = /\b(?:report|paper|brief|analysis|study|recommendations|executive summary|abstract)\b/giu;

/** A headline's verbs, in the present tense ("EU foreign affairs chief arrives in London", "Council adopts conclusions"). */
const HEADLINE_VERBS = /arrives|visits|meets|hosts|joins|agrees|signs|adopts|launches|unveils|sets out|confirms|announces|welcomes|says/u;
/**
 * The same verbs without their "s" after a subject of two or more opening the sentence ("UK and France agree major
 * deal", "The Prime Minister and President Macron agree to…", "Allies sign…").
 */
const PLURAL_HEADLINE =
  /(?:^|[.!?]\s+)(?:\p{Lu}[\p{L}’'-]*\s+){1,5}(?:and\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*\s+){1,5})?(?:arrive|visit|meet|host|join|agree|sign|adopt|approve|back|endorse|launch|unveil|set out|confirm|announce|welcome|say)\b/u;
const HEADLINE = new RegExp(`\\b(?:${HEADLINE_VERBS.source})\\b|${PLURAL_HEADLINE.source}`, 'u');

/**
 * Verbs of a lede telling, in the past tense, what its subject said without quoting it ("President Metsola reiterated
 * Parliament's support", "the Secretary General stressed that …"): a reporter's words, not a speaker's.
 */
export const SPEECH_ACT_VERBS = String.raw`reiterated|stressed|underlined|emphasi[sz]ed|told|warned|expressed|urged|reaffirmed|praised|condemned|thanked|pledged|called (?:for|on)`;

/** A lede opening on the day it tells of: "On 23 September, the European Commission proposed …", "On 28 April, Parliament backed …". */
const DATED_LEDE = /^On (?:\p{L}+day,? )?\d{1,2}(?:st|nd|rd|th)? \p{L}+(?: \d{4})?,\s+(?:the\s+)?\p{Lu}[\p{L}’'\s-]{1,60}?\s+\p{Ll}+ed\b/u;

/** Verbs a reporter uses to tell what someone did or said ("The Prime Minister hosted …", "X said that …"). */
const REPORTING_VERBS = new RegExp(
  String.raw`\b(?:${SPEECH_ACT_VERBS}|said|says|announced|announces|hosted|welcomed|welcomes|met|visited|discussed|spoke (?:to|with)|held talks|agreed|adopted|signed|launched|invests|invested|selected|debated|(?:was|were) in [A-Z]\w+ to|attended|will (?:hear|meet|visit|arrive|travel|host|hold|attend|discuss|launch|sign|set out|announce|take part|give evidence|say|tell|warn|urge|call)|(?:has|have) (?:today |now |just )?(?:joined|approved|adopted|agreed|backed|announced|launched|published|established|endorsed|extended|renewed|imposed)|confirmed|today \p{Ll}+ed|\p{Ll}+ed today|yesterday \p{Ll}+|(?:today|yesterday) set out|${HEADLINE_VERBS.source})\b|${PLURAL_HEADLINE.source}`,
  'u',
);
/** A date label run into the lede by a saved page ("date 2025-03-07 The Prime Minister spoke to …"): the lede follows it. */
export const DATE_LABEL_BEFORE_LEDE = /^(?:[Dd]ate|[Dd]ated|[Pp]ublished|[Ff]irst published|[Ll]ast updated|[Uu]pdated|[Ii]ssued)\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})\s+(?=\p{Lu})/u;
/** The formula that opens a question put to the UK government in either House at Westminster (not a devolved parliament's). */
export const PARLIAMENTARY_QUESTION = /^To ask (?:(?:His|Her) Majesty['’]s Government|the (?:Secretary of State for|Chancellor of the Exchequer|Prime Minister|Leader of the House)\b)/u;
/** A speaker's own voice; quoted words are removed before looking for it. */
const FIRST_PERSON = /\b(?:I|I'm|I’m|we|we're|we’re|my|our|us)\b/iu;
const QUOTED = /[“"][^”"]*[”"]|‘[^’]*’(?!\w)/gu;
/** A speaker's own voice, singular or plural (a government's "our allies" in its news copy is not it). */
const SPEAKER_VOICE = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|[Mm]y|[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve)\b/u;
/** Someone else's words being attributed: "she said", "they added". */
const ATTRIBUTED = /\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:said|says|added|told)\b/u;

/**
 * Whether the paragraphs after a third-person lede are the speaker's own words: most of them (two at least) unquoted
 * and in the speaker's voice, none attributed ("…, she said") and no line ending in a colon ("The minister said:").
 * A story quotes its speaker instead, and a quotation running over several paragraphs opens each with a quotation mark.
 */
export function speechFollows(lede: string, following: readonly string[]): boolean {
  const next = following.slice(0, 5);
  const spoken = next.filter((p) => !/^[“"‘]/u.test(p) && SPEAKER_VOICE.test(p.replace(QUOTED, ' '))).length;
  const attributed = [lede, ...next].some((p) => /:\s*$/u.test(p)) || next.some((p) => ATTRIBUTED.test(p.replace(QUOTED, ' ')));
  return spoken >= 2 && spoken * 2 > next.length && !attributed;
}

/**
 * A news story opens with a third-person lede: someone did or said something.
 * A speech or statement opens in the speaker's own voice, so a first paragraph
 * written in the first person (outside quotation marks) is not a lede. A lede
 * that stands over the speaker's own words (the next paragraphs unquoted and in
 * the first person) is a newsroom's standfirst above a speech ("Addressing EU
 * leaders, President Metsola reiterated …" then "Good morning. The first Council
 * I attended …"): the text is the speech (see speechFollows).
 */
function ledeType(title: string, text: string): 'news' | 'speech' | null {
  const paragraphs = text
    .split(/\n\s*\n|\n/u)
    .map((p) => p.trim().replace(DATE_LABEL_BEFORE_LEDE, ''))
    // An image's caption or credit above the lede is the picture's, not the story's opening.
    .filter((p) => p.length > 0 && p !== title.trim() && !METADATA_LINE.test(p) && !isCaption(p));
  const isLede = (p: string) => {
    const narrative = p.replace(QUOTED, ' ');
    return (REPORTING_VERBS.test(narrative) || DATED_LEDE.test(narrative)) && !FIRST_PERSON.test(narrative);
  };
  // Prose has a sentence end, or tells what was done: a standfirst's bullet point naming a subject without a verb
  // ("Need for a robust defence policy") is neither.
  const prose = paragraphs.filter((p) => p.split(/\s+/u).length >= 12 && (/[.!?:][”"’)]*(?:\s|$)/u.test(p) || isLede(p)));
  const first = prose[0];
  // A parliamentary question ("To ask His Majesty's Government whether …", "To ask the Scottish Government …") and its
  // answer: not a story about it.
  if (first !== undefined && /^To ask (?:the|His|Her) \p{Lu}/u.test(first)) return null;
  if (first !== undefined && isLede(first)) {
    return speechFollows(first, prose.slice(1)) ? 'speech' : 'news';
  }
  // A headline in the third person ("EU foreign affairs chief arrives in London …") heads a story even when
  // standfirst bullets, not the lede, follow it.
  const titleNarrative = title.replace(QUOTED, ' ');
  return title.split(/\s+/u).length >= 5 && HEADLINE.test(titleNarrative) && !FIRST_PERSON.test(titleNarrative) ? 'news' : null;
}

/** A text naming its own genre in passing ("This short briefing examines …", "in this paper we argue"). */
const SELF_REFERENCE: { type: DocType; pattern: RegExp }[] = [
  // The Commons Library's short briefings call themselves Insights ("This Insight explains …").
  { type: 'briefing', pattern: /\bth(?:is|e present) (?:short |research |library )?briefing(?: paper| note)?\b|\bthis Insight\b/iu },
  { type: 'policy-paper', pattern: /\bth(?:is|e present) (?:policy |working |discussion |research )?paper\b/iu },
];

function countMatches(pattern: RegExp, text: string): number {
  return [...text.matchAll(pattern)].length;
}

/** A capitalised word before a capitalised cue makes it part of a name ("Munich Security Conference", "Berlin Security Forum"), not this event. */
const IN_A_NAME = /(?:^|[^.!?:]\s)(?!The\b|This\b|A\b)\p{Lu}[\p{L}’'-]*\s+$/u;

function countEventCues(text: string): number {
  return [...text.matchAll(EVENT_CUES)].filter((m) => !(/^\p{Lu}/u.test(m[0]) && IN_A_NAME.test(text.slice(Math.max(0, m.index - 40), m.index)))).length;
}

/**
 * The head of an EU document of law or policy: its EUR-Lex number ("Document 32025D0963"), the Commission's reference
 * ("COM(2020) 605 final", "JOIN/2020/18 final"), a proposal's heading ("Proposal for a COUNCIL REGULATION") or the act's own
 * title ("Council Decision (CFSP) 2025/334 of 14 February 2025 amending …", "European Parliament resolution of 2 April 2025 on …").
 */
const EU_DOCUMENT_HEAD = new RegExp(
  [
    String.raw`^Document \d{5}[A-Z]{1,2}\d{4}\S*$`,
    String.raw`^(?:COM|JOIN|SWD)[(/]\d{4}[)/]\s?\d+(?:\s+final)?$`,
    String.raw`^Proposal for an? (?:[A-Z]+ )*(?:REGULATION|DIRECTIVE|DECISION|RECOMMENDATION)\b`,
    String.raw`^(?:Council|Commission|European Parliament)(?: (?:Implementing|Delegated))? (?:Decision|Regulation|Directive|Recommendation|resolution|decision)(?: \([A-Z]+\))?(?: (?:No )?\d{4}\/\d+)? of \d{1,2} \p{L}+ \d{4}\b`,
  ].join('|'),
  'mu',
);

export function detectType(title: string, text: string, people: readonly Person[]): DocType {
  // The title names the genre more reliably than the text ("Speech" in a title vs "in his speech").
  for (const { type, pattern } of LABELS) if (pattern.test(title)) return type;
  const lines = text.split('\n');
  const openingLines = leading(lines, 4, 300);
  for (const { type, pattern } of [...LEAD_INS, ...GENRE_BY_LINES]) if (openingLines.some((line) => pattern.test(line))) return type;
  // A speech's own mark, however much page furniture stands above it, or its greeting to the room in its first lines.
  if (DELIVERY_MARK.test(text.slice(0, 2000)) || leading(lines, 8, 300).some((line) => SPEECH_OPENING.test(line.trim()))) return 'speech';
  // A legal act, a proposal or a communication is a paper, however much of EUR-Lex's page stands above it.
  if (EU_DOCUMENT_HEAD.test(leading(lines, 12, 1200).join('\n'))) return 'policy-paper';
  // Parliament's page of a written statement, whatever its title: the minister's words are a statement, not a paper.
  if (WRITTEN_STATEMENT.test(text.slice(0, 400)) || FOR_A_COLLEAGUE.test(text.slice(0, 1500))) return 'statement';
  // The minister's formula for an oral statement, wherever a saved page's furniture has run it into ("Lords ChamberMy Lords, …").
  if (ORAL_STATEMENT.test(text.slice(0, 2000))) return 'statement';
  const opening = text.slice(0, 400);
  for (const { type, pattern, leadInOnly } of LABELS) if (!leadInOnly && pattern.test(opening)) return type;

  const head = text.slice(0, 4000);
  // A hearing's transcript is a record of proceedings, as a debate's is: it has a chair and witnesses, but no one reports on it.
  if (HEARING.test(title) || HEARING.test(head)) return 'other';
  // A sitting of Parliament has its chair too, but it is a record of proceedings, not a report of an event someone hosted.
  const leaders = SITTING.test(head) ? 0 : people.filter((p) => p.role === 'chair' || p.role === 'moderator').length;
  const eventScore = countEventCues(head) + leaders * 2;
  const authors = people.filter((p) => p.role === 'author').length;
  if (eventScore >= 2 && eventScore > authors * 2) return 'event-report';
  // Written work with an author is a paper, unless it is a letter ("Letter from … to …", "Dear …").
  if (authors > 0 && countMatches(PAPER_CUES, head) > 0 && !leading(lines, 12, 1500).some((line) => LETTER_OPENING.test(line.trim()))) return 'policy-paper';
  // One event cue and a speaker: a report of the event, unless a newsroom's lede tells it as a story ("NATO Secretary
  // General Jens Stoltenberg met with industry leaders on Thursday …").
  const lede = ledeType(title, text);
  if (people.some((p) => p.role === 'speaker') && eventScore >= 1 && lede !== 'news') return 'event-report';
  for (const { type, pattern } of SELF_REFERENCE) if (pattern.test(head)) return type;
  return lede ?? 'other';
}
