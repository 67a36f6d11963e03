/**
 * Dates: strict parsing of dates people write in sidecars and front matter, and
 * finding dates in running text. A date is only accepted when it names a real
 * day with day, month and year all written out ("May 2025" is not a day).
 */
import * as chrono from 'chrono-node';

/** chrono's strict English parser, day-first for numeric dates as in the UK ("05/06/2025" = 5 June). */
const ukStrict = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO YYYY-MM-DD for a real calendar date, else null (31 February is not a date). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Years a document in this corpus can plausibly be dated: modern, and not far in the future. */
export function isPlausibleYear(year: number): boolean {
  return year >= 1900 && year <= new Date().getUTCFullYear() + 2;
}

/** "2025", "2025-05": a year or a month as stored (YYYY, YYYY-MM), or null when not a real one. */
export function isoPartial(year: number, month?: number): string | null {
  if (month === undefined) return Number.isInteger(year) && year >= 1000 && year <= 9999 ? pad(year, 4) : null;
  const day = isoDate(year, month, 1);
  return day ? day.slice(0, 7) : null;
}

/** "May 2025", "May, 2025": a month written out, for dates given only to the month. */
const MONTH_YEAR = new RegExp(`^(${'(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'})\\.?,?\\s+(\\d{4})\\.?$`, 'iu');
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** 1–12 for an English month name or its abbreviation ("Sept", "october"). */
const monthNumber = (name: string) => MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** "May 2025" -> "2025-05"; null when the text is not exactly a month and a year. */
export function monthYear(text: string): string | null {
  const m = MONTH_YEAR.exec(text.trim());
  if (!m) return null;
  const month = monthNumber(m[1]!);
  const year = Number(m[2]);
  return isPlausibleYear(year) ? isoPartial(year, month) : null;
}

/**
 * A date as a person wrote it in metadata: YYYY, YYYY-MM, YYYY-MM-DD, an ISO
 * timestamp, a YAML date, or a written date ("5 May 2025", "May 2025"). The
 * precision is kept: a year stays "2025", a month "2025-05" (see
 * DatePrecision). Returns null when the value is not a date.
 */
export function parseDateValue(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return Number.isInteger(value) ? isoPartial(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let m = /^(\d{4})$/.exec(text);
  if (m) return isoPartial(Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return isoPartial(Number(m[1]), Number(m[2]));
  const month = monthYear(text);
  if (month) return month;
  // ISO date, optionally with a time (a timestamp keeps the calendar day it was written with).
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const found = findDates(text);
  // The whole value must be the date, not a sentence that contains one.
  const only = found.length === 1 ? found[0] : undefined;
  if (only) {
    const rest = text.slice(0, only.index) + text.slice(only.index + only.text.length);
    if (rest.replace(/[\s,.]+/g, '') === '') return only.date;
  }
  return null;
}

export interface FoundDate {
  /** ISO YYYY-MM-DD. */
  date: string;
  /** Offset of the match in the searched text. */
  index: number;
  /** The matched text ("On 5 May 2025", "12-14 March 2024"). */
  text: string;
}

/** Reference date for chrono: only matters for dates without a year, which are rejected anyway. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/**
 * Cheap shapes of a full date. chrono is thorough but slow on long text, so it
 * only reads a short window around each of these.
 */
const CANDIDATE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{4}\\b`,
    // "May 5, 2025", and "January 30,2021" as some sites print it.
    `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,\\s*|\\s+)\\d{4}\\b`,
    // Day first, one separator throughout: "05/06/2025", "05.06.2025", "10-03-2023" (the European Parliament's pages).
    '\\b\\d{1,2}(?<separator>[/.-])\\d{1,2}\\k<separator>\\d{4}\\b',
    // ISO, also run into a label by a saved page ("Event date2022-03-08").
    '(?<!\\d)\\d{4}-\\d{1,2}-\\d{1,2}\\b',
  ].join('|'),
  'giu',
);
/** Characters before a candidate that chrono also reads: "On", a weekday, the start of a range ("12-14 March"). */
const LOOKBEHIND = 24;

/**
 * A month followed by a full stop before its number: house styles that abbreviate every month with a
 * stop write it after names too short to shorten ("23 May. 2019", "3 June. 2021" beside "15 Feb. 2023").
 */
const MONTH_STOP = new RegExp(`(\\b${MONTH})\\.(?=,?\\s+\\d)`, 'giu');

/** The stop after a month read as a space: same length, so offsets into the text still hold. */
const withoutMonthStops = (text: string) => text.replace(MONTH_STOP, '$1 ');

/**
 * Month names in the EU's other languages, as saved pages of EU sites and of the sites that republish them keep them in
 * their furniture ("Presseartikel 2 Dezember 2021", "gepubliceerd op maandag 12 april 2021", "publié le 3 mars 2022",
 * "20. júla 2022", "28 lutego 2024"): each month's names, in the form a date takes (the genitive where a language
 * declines it). Names English shares ("april", "september") are read by the English parser first. Polish and Croatian
 * both write "listopada", for November and October: it names no month here.
 */
const EU_LANGUAGE_MONTHS: readonly (readonly string[])[] = [
  ['januar', 'jänner', 'janvier', 'januari', 'gennaio', 'enero', 'janeiro', 'stycznia', 'ledna', 'januára', 'januarja', 'siječnja', 'január', 'ianuarie', 'януари', 'ιανουαρίου', 'tammikuuta', 'jaanuar', 'janvāris', 'janvārī', 'sausio', 'eanáir', 'jannar'],
  ['februar', 'février', 'februari', 'febbraio', 'febrero', 'fevereiro', 'lutego', 'února', 'februára', 'februarja', 'veljače', 'február', 'februarie', 'февруари', 'φεβρουαρίου', 'helmikuuta', 'veebruar', 'februāris', 'februārī', 'vasario', 'feabhra', 'frar'],
  ['märz', 'mars', 'maart', 'marzo', 'março', 'marca', 'března', 'marec', 'ožujka', 'március', 'martie', 'март', 'μαρτίου', 'maaliskuuta', 'marts', 'märts', 'martā', 'kovo', 'márta', 'marzu'],
  ['avril', 'aprile', 'abril', 'kwietnia', 'dubna', 'apríla', 'aprila', 'travnja', 'április', 'aprilie', 'април', 'απριλίου', 'huhtikuuta', 'aprill', 'aprīlis', 'aprīlī', 'balandžio', 'aibreán'],
  ['mai', 'mei', 'maggio', 'mayo', 'maio', 'maja', 'května', 'mája', 'maj', 'svibnja', 'május', 'май', 'μαΐου', 'toukokuuta', 'maijs', 'maijā', 'gegužės', 'bealtaine', 'mejju'],
  ['juni', 'juin', 'giugno', 'junio', 'junho', 'czerwca', 'června', 'júna', 'junija', 'junij', 'lipnja', 'június', 'iunie', 'юни', 'ιουνίου', 'kesäkuuta', 'juuni', 'jūnijs', 'jūnijā', 'birželio', 'meitheamh', 'ġunju'],
  ['juli', 'juillet', 'luglio', 'julio', 'julho', 'lipca', 'července', 'júla', 'julija', 'julij', 'srpnja', 'július', 'iulie', 'юли', 'ιουλίου', 'heinäkuuta', 'juuli', 'jūlijs', 'jūlijā', 'liepos', 'iúil', 'lulju'],
  ['août', 'augustus', 'agosto', 'sierpnia', 'srpna', 'augusta', 'avgusta', 'avgust', 'kolovoza', 'augusztus', 'август', 'αυγούστου', 'elokuuta', 'augusti', 'augusts', 'augustā', 'rugpjūčio', 'lúnasa', 'awwissu'],
  ['septembre', 'settembre', 'septiembre', 'setembro', 'września', 'září', 'septembra', 'rujna', 'szeptember', 'septembrie', 'септември', 'σεπτεμβρίου', 'syyskuuta', 'septembris', 'septembrī', 'rugsėjo', 'settembru'],
  ['oktober', 'octobre', 'ottobre', 'octubre', 'outubro', 'października', 'října', 'októbra', 'oktobra', 'október', 'octombrie', 'октомври', 'οκτωβρίου', 'lokakuuta', 'oktoober', 'oktobris', 'oktobrī', 'spalio', 'ottubru'],
  ['novembre', 'noviembre', 'novembro', 'listopadu', 'novembra', 'studenoga', 'studenog', 'noiembrie', 'ноември', 'νοεμβρίου', 'marraskuuta', 'novembris', 'novembrī', 'lapkričio', 'samhain', 'novembru'],
  ['dezember', 'décembre', 'dicembre', 'diciembre', 'dezembro', 'grudnia', 'prosince', 'decembra', 'prosinca', 'decembrie', 'декември', 'δεκεμβρίου', 'joulukuuta', 'detsember', 'decembris', 'decembrī', 'gruodžio', 'nollaig', 'diċembru'],
];
/** Welsh, as Parliament's and the Senedd's pages in Welsh write the months ("26 Chwefror 2024"). */
const WELSH_MONTHS = ['ionawr', 'chwefror', 'mawrth', 'ebrill', 'mai', 'mehefin', 'gorffennaf', 'awst', 'medi', 'hydref', 'tachwedd', 'rhagfyr'];
const EU_LANGUAGE_MONTH = new Map([...WELSH_MONTHS.map((name, i) => [name, i + 1] as const), ...EU_LANGUAGE_MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as const))]);
/**
 * "2 Dezember 2021", "2. Dezember 2021", "12 de abril de 2021". Page furniture runs words together when a
 * page is saved as text ("Presseartikel2 Dezember 2021Generaldirektion"), so only digits bound the date.
 */
const EU_LANGUAGE_DATE = new RegExp(
  `(?<![\\d.])(\\d{1,2})\\.?\\s+(?:de\\s+)?(${[...EU_LANGUAGE_MONTH.keys()].join('|')})\\s+(?:de\\s+)?(\\d{4})(?!\\d)`,
  'giu',
);

/**
 * Year first, as Hungarian ("2024. február 28."), Lithuanian ("2024 m. vasario 28 d.") and Latvian ("2024. gada 28.
 * februāris") write it; the day's closing stop or "d." sets it apart from a sentence ending in a year ("… in 2024. May 3 …").
 */
const EU_LANGUAGE_YEAR_FIRST = new RegExp(
  `(?<![\\d.])(\\d{4})(?:\\.|\\s*m\\.)\\s+(?:(${[...EU_LANGUAGE_MONTH.keys()].join('|')}|${MONTH})\\s+(\\d{1,2})(?:\\.|\\s*d\\.)|gada\\s+(\\d{1,2})\\.\\s*(${[...EU_LANGUAGE_MONTH.keys()].join('|')}|${MONTH}))(?![\\p{L}\\d])`,
  'giu',
);

/** An ISO date run into the word before it ("Event date2022-03-08"), which the English parser does not read. */
const GLUED_ISO_DATE = /(?<=\p{L})(\d{4})-(\d{2})-(\d{2})(?!\d)/gu;

/** A day whose year a saved page ran into the reading time after it ("News article17 November 20221 min read"). */
const DATE_BEFORE_READING_TIME = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${MONTH})\\.?\\s+(\\d{4})(?=\\d{1,2}\\s*min(?:ute)?s?\\s+read\\b)`, 'giu');

/** A day run into the word before it by a saved page ("News article5 June 2024Directorate-General for …"). */
const DATE_AFTER_WORD = new RegExp(`(?<=\\p{L})(\\d{1,2})\\s+(${MONTH})\\.?\\s+(\\d{4})(?!\\d)`, 'giu');

/** An English month name after a day with a full stop, as German copies of the Commission's pages write it ("24. September 2021"). */
const DAY_STOP_MONTH = new RegExp(`(?<![\\d.])(\\d{1,2})\\.\\s+(${MONTH})\\s+(\\d{4})(?!\\d)`, 'giu');

/** Day, month name and year joined by hyphens or slashes, as press wires print them ("THE HAGUE, 31-Oct-2023 —"). */
const DAY_MONTH_YEAR_JOINED = new RegExp(`(?<![\\d\\p{L}])(\\d{1,2})([-/])(${MONTH})\\2(\\d{4})(?!\\d)`, 'giu');

/** Whether two spans of the same text share a character. */
const overlaps = (a: { index: number; text: string }, b: { index: number; text: string }) => a.index < b.index + b.text.length && b.index < a.index + a.text.length;

/** Day and month in figures, either way round ("22/12/2025", "12/22/2025"). */
const NUMERIC_DATE = /(?<![\d.\p{L}])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d\p{L}])/gu;

/** A day and a month in words, either way round ("6 November", "November 6th"), with or without a year. */
const DAY_MONTH_WORDS = new RegExp(`(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\b|\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)`, 'giu');

/** Numeric dates with slashes: the only ones American sites write month-first ("12.22.2025" is no one's form; "2.12.2025" is Europe's). */
const slashedDates = (text: string) =>
  [...text.matchAll(NUMERIC_DATE)].filter((m) => m[2] === '/').map((m) => ({ m, first: Number(m[1]), second: Number(m[3]), year: Number(m[4]) }));

/** The listing line of a US distributor of institutions' releases, which prints its dates month-first: "11/12/2024 | News release | Distributed by Public on 11/12/2024 13:21". */
const AMERICAN_DISTRIBUTOR = /\|\s*Distributed by Public on \d{1,2}\/\d{1,2}\/\d{4}\b/u;

/**
 * Whether a text writes numeric dates month-first, as American sites and the wires that copy EU and UK releases print
 * them ("12/22/2025 | Press release"): one names a day only that way, or the text gives in words the day one names read
 * month-first and not the day it names read day-first ("11/06/2024 | Press release" and "INTERPOL today (6 November)").
 * A distributor known to print them so settles it. One text keeps one convention; day-first stays the rule for every
 * text that does not show otherwise.
 */
export function writesMonthFirst(text: string): boolean {
  if (AMERICAN_DISTRIBUTOR.test(text)) return true;
  const numeric = slashedDates(text);
  if (numeric.some(({ first, second }) => first <= 12 && second > 12)) return true;
  const ambiguous = numeric.filter(({ first, second }) => first <= 12 && second <= 12 && first !== second);
  if (ambiguous.length === 0) return false;
  const inWords = new Set(
    [...text.matchAll(DAY_MONTH_WORDS)].map((m) => (m[1] ? `${monthNumber(m[2]!)}-${Number(m[1])}` : `${monthNumber(m[3]!)}-${Number(m[4])}`)),
  );
  return ambiguous.some(({ first, second }) => inWords.has(`${first}-${second}`) && !inWords.has(`${second}-${first}`));
}

/** Numeric dates with slashes read month-first, in a text that writes them so (writesMonthFirst). */
function monthFirstDates(text: string, monthFirst: boolean): FoundDate[] {
  if (!monthFirst) return [];
  return slashedDates(text).flatMap(({ m, first, second, year }) => {
    const date = isPlausibleYear(year) ? isoDate(year, first, second) : null;
    return date ? [{ date, index: m.index!, text: m[0] }] : [];
  });
}

/** Two days of one month, as a two-day meeting is dated ("17 and 18 April 2024"): the English parser reads the second. */
const DAY_PAIR = new RegExp(`(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:and|&)\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+(\\d{4})(?!\\d)`, 'giu');

/**
 * Readings that replace the English parser's of the same words: numeric dates month-first where the text writes them so,
 * and a pair of days by its first.
 */
function correctedDates(text: string, monthFirst: boolean): FoundDate[] {
  const pairs = [...text.matchAll(DAY_PAIR)].flatMap((m) => {
    const year = Number(m[3]);
    const date = isPlausibleYear(year) ? isoDate(year, monthNumber(m[2]!), Number(m[1])) : null;
    return date ? [{ date, index: m.index, text: m[0] }] : [];
  });
  return [...monthFirstDates(text, monthFirst), ...pairs];
}

/**
 * Full dates the English parser leaves: written in another EU language (day or year first), an ISO date or a day run into a word, a year run
 * into a reading time, a day joined to its month by hyphens.
 */
function findOtherDates(text: string, found: readonly FoundDate[]): FoundDate[] {
  const more: FoundDate[] = [];
  const read = (m: RegExpMatchArray, year: number, month: number, day: number) => {
    if (found.some((f) => overlaps(f, { index: m.index!, text: m[0] }))) return;
    const date = isPlausibleYear(year) ? isoDate(year, month, day) : null;
    if (date) more.push({ date, index: m.index!, text: m[0] });
  };
  for (const m of text.matchAll(EU_LANGUAGE_DATE)) read(m, Number(m[3]), EU_LANGUAGE_MONTH.get(m[2]!.toLowerCase())!, Number(m[1]));
  for (const m of text.matchAll(EU_LANGUAGE_YEAR_FIRST)) {
    const [month, day] = m[2] ? [m[2], m[3]!] : [m[5]!, m[4]!];
    read(m, Number(m[1]), EU_LANGUAGE_MONTH.get(month.toLowerCase()) ?? monthNumber(month), Number(day));
  }
  for (const m of text.matchAll(GLUED_ISO_DATE)) read(m, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(DATE_BEFORE_READING_TIME)) read(m, Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  for (const m of text.matchAll(DATE_AFTER_WORD)) read(m, Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  for (const m of text.matchAll(DAY_MONTH_YEAR_JOINED)) read(m, Number(m[4]), monthNumber(m[3]!), Number(m[1]));
  for (const m of text.matchAll(DAY_STOP_MONTH)) read(m, Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  return more;
}

/**
 * Every full date in `text` ("5 May 2025", "May 5, 2025", "5th May 2025",
 * "05/05/2025" and "05-05-2025" day-first unless `monthFirst`, by default whether the text shows it writes them so,
 * "2025-05-05", "5 Mai 2025", "5-May-2025"), in order. A range gives its first day.
 */
export function findDates(text: string, monthFirst = writesMonthFirst(text)): FoundDate[] {
  const found: FoundDate[] = [];
  let covered = 0;
  for (const candidate of text.matchAll(CANDIDATE)) {
    const candidateEnd = candidate.index + candidate[0].length;
    if (candidateEnd <= covered) continue;
    const windowStart = Math.max(covered, candidate.index - LOOKBEHIND);
    const window = text.slice(windowStart, candidateEnd);
    for (const result of ukStrict.parse(withoutMonthStops(window), REFERENCE)) {
      const index = windowStart + result.index;
      // Only the result that reaches the candidate; words cut at the window's start may parse as noise.
      if (index + result.text.length <= candidate.index) continue;
      covered = index + result.text.length;
      const start = result.start;
      if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) continue;
      const year = start.get('year');
      const month = start.get('month');
      const day = start.get('day');
      if (year === null || month === null || day === null || !isPlausibleYear(year)) continue;
      const date = isoDate(year, month, day);
      if (date) found.push({ date, index, text: window.slice(result.index, result.index + result.text.length) });
    }
  }
  const corrected = correctedDates(text, monthFirst);
  const kept = corrected.length === 0 ? found : found.filter((f) => !corrected.some((r) => overlaps(f, r)));
  const more = [...findOtherDates(text, kept), ...corrected];
  return more.length === 0 ? kept : [...kept, ...more].sort((a, b) => a.index - b.index);
}

/** A month and day alone on a line ("August 15", "15 August"), and a line with only a year, perhaps beside a time ("10:20 2022"). */
const MONTH_DAY_LINE = new RegExp(`^(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?)$`, 'iu');
const YEAR_LINE = /^(?:\d{1,2}:\d{2}\s+)?(\d{4})(?:\s+\d{1,2}:\d{2})?$/u;

/**
 * A date some sites print over two lines, its month and day above its year (and the time): "August 15" then
 * "10:20 2022". Returns the date as one line ("August 15, 2022"), or null when the two lines are not such a pair.
 */
export function dateOverTwoLines(line: string, next: string | undefined): string | null {
  const year = next === undefined ? null : YEAR_LINE.exec(next.trim());
  return year && MONTH_DAY_LINE.test(line.trim()) ? `${line.trim()}, ${year[1]}` : null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A weekday and a day of a month without its year, as NATO's news dates a meeting: "on Friday (17 May)". */
const WEEKDAY_DAY_MONTH = new RegExp(`\\b(${WEEKDAYS.join('|')}),?\\s*\\(?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\)?(?![\\s,]*\\d)`, 'giu');

/**
 * Days written without their year but with their weekday, in a sentence that names the year: "Speaking at NATO's 2024
 * Cyber Defence Pledge Conference in the Hague on Friday (17 May), …". The year is the one the sentence names on which
 * that day falls on that weekday; none, or two, and the day is not read.
 */
export function weekdayDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(WEEKDAY_DAY_MONTH)) {
    const sentenceStart = Math.max(0, text.lastIndexOf('. ', m.index) + 1);
    const sentenceEnd = text.indexOf('. ', m.index);
    const sentence = text.slice(sentenceStart, sentenceEnd < 0 ? undefined : sentenceEnd);
    const month = monthNumber(m[3]!);
    const weekday = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    const fits = new Set(
      [...sentence.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/gu)]
        .map((y) => isoDate(Number(y[1]), month, Number(m[2])))
        .filter((date): date is string => date !== null && new Date(`${date}T00:00:00Z`).getUTCDay() === weekday),
    );
    if (fits.size === 1) found.push({ date: [...fits][0]!, index: m.index, text: m[0] });
  }
  return found;
}

/** "on 1 October", "on Friday 17 May", "on May 17th": a day and month with no year after them. */
const ON_DAY_WITHOUT_YEAR = new RegExp(
  `\\bon\\s+(?:\\p{L}+day,?\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})|(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\b(?![.,]?\\s*\\d)`,
  'giu',
);

/**
 * The day a sentence says something happened on without its year ("The EU and Bosnia and Herzegovina held a
 * Counter-terrorism Dialogue on 1 October in Sarajevo"), read from the one full date among `dates` (the text's) that
 * names the same day ("The Dialogue in Sarajevo on 1 October 2021 provided …"); null when none or several do.
 */
export function dayCompletedElsewhere(sentence: string, dates: readonly FoundDate[]): string | null {
  for (const m of sentence.matchAll(ON_DAY_WITHOUT_YEAR)) {
    const [month, day] = m[1] ? [monthNumber(m[2]!), Number(m[1])] : [monthNumber(m[3]!), Number(m[4])];
    const suffix = `-${pad(month)}-${pad(day)}`;
    const same = new Set(dates.map((d) => d.date).filter((date) => date.endsWith(suffix)));
    if (same.size === 1) return [...same][0]!;
  }
  return null;
}

/**
 * A day written in a web address ("…-2022-07-20_sk", "/2025/05/19/"): publishers
 * put the publication day in the path. Only full days in a plausible year count.
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[^\d])((?:19|20)\d{2})[-/_](\d{2})[-/_](\d{2})(?!\d)/.exec(path);
  if (!m) return null;
  const year = Number(m[1]);
  return isPlausibleYear(year) ? isoDate(year, Number(m[2]), Number(m[3])) : null;
}
