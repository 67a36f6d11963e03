/**
 * The offices whose holders speak and write the texts on UK–EU security and defence, as texts
 * name them, and who held each when (the institutions that publish their words are in
 * organisations.ts, which also knows offices with no holder list here). A text
 * often names its speaker only by office ("Prime Minister's remarks in Brussels", "Remarks by
 * HR Borrell"); the office and the text's date say who it was, and the speaker facet needs the
 * person. Tenures run from the day a holder took office to the day the next one did. Each office
 * also says which body publishes its holder's words (a name in organisations.ts's PUBLISHERS).
 */

import { foldAccents } from '../../contract/ids.js';

export interface Tenure {
  name: string;
  /** First day in office (YYYY-MM-DD). */
  from: string;
  /** The day the successor took office, or null while in office. */
  to: string | null;
}

export interface Office {
  /** The office as texts write it on its own (a bare "Prime Minister" in this field is the UK's). */
  written: RegExp;
  /** Shorter forms that name the office only before a holder's surname ("Secretary General Rutte", "President Costa"). */
  beforeSurname?: RegExp;
  holders: readonly Tenure[];
  /** The body that publishes what the holder says and writes. */
  publisher: string;
}

/** Not the office itself: "Prime Minister of Estonia", "Deputy Prime Minister", "Shadow Foreign Secretary", "former …". */
const NOT_THIS_OFFICE_BEFORE = String.raw`(?<!\b(?:Deputy|Shadow|Former|former|Vice|Acting|acting)\s)`;

export const OFFICES: readonly Office[] = [
  {
    written: new RegExp(String.raw`${NOT_THIS_OFFICE_BEFORE}\bNATO (?:Secretary[- ]General)\b|\bSecretary[- ]General of NATO\b`, 'u'),
    beforeSurname: /\bSecretary[- ]General\b/u,
    holders: [
      { name: 'Jens Stoltenberg', from: '2014-10-01', to: '2024-10-01' },
      { name: 'Mark Rutte', from: '2024-10-01', to: null },
    ],
    publisher: 'NATO',
  },
  {
    // The EEAS writes its head as "HR/VP" or, before the surname, plain "HR".
    written: /\b(?:EU )?High Representative(?:\s*\/\s*Vice[- ]President)?\b|\bHR\s*\/\s*VP\b/u,
    beforeSurname: /\bHR\b/u,
    holders: [
      { name: 'Federica Mogherini', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Josep Borrell', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Kaja Kallas', from: '2024-12-01', to: null },
    ],
    publisher: 'European External Action Service',
  },
  {
    written: /\bPresident of the European Council\b|\bEuropean Council President\b/u,
    // "Council President Costa": only before a surname a holder bears (the Council's rotating presidency has no holder here).
    beforeSurname: /\b(?:Council )?President\b/u,
    holders: [
      { name: 'Donald Tusk', from: '2014-12-01', to: '2019-12-01' },
      { name: 'Charles Michel', from: '2019-12-01', to: '2024-12-01' },
      { name: 'António Costa', from: '2024-12-01', to: null },
    ],
    publisher: 'European Council',
  },
  {
    written: /\bPresident of the European Commission\b|\b(?:European )?Commission President\b/u,
    beforeSurname: /\bPresident\b/u,
    holders: [
      { name: 'Jean-Claude Juncker', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Ursula von der Leyen', from: '2019-12-01', to: null },
    ],
    publisher: 'European Commission',
  },
  {
    // The College's members other than its President and the High Representative (offices of their own). Several
    // hold the office at once, so the office alone names nobody: only a holder's surname after it does
    // ("Opening remarks by Commissioner Johansson", "Executive Vice-President Virkkunen").
    written: /\b(?:European|EU) Commissioner\b/u,
    beforeSurname: /\b(?:(?:Executive )?Vice[- ]President|Commissioner)\b/u,
    holders: [
      { name: 'Frans Timmermans', from: '2014-11-01', to: '2023-08-22' },
      { name: 'Kristalina Georgieva', from: '2014-11-01', to: '2017-01-01' },
      { name: 'Andrus Ansip', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Maroš Šefčovič', from: '2014-11-01', to: null },
      { name: 'Valdis Dombrovskis', from: '2014-11-01', to: null },
      { name: 'Jyrki Katainen', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Günther Oettinger', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Johannes Hahn', from: '2014-11-01', to: '2024-12-01' },
      { name: 'Cecilia Malmström', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Neven Mimica', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Miguel Arias Cañete', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Karmenu Vella', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Vytenis Andriukaitis', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Dimitris Avramopoulos', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Marianne Thyssen', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Pierre Moscovici', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Christos Stylianides', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Phil Hogan', from: '2014-11-01', to: '2020-08-27' },
      { name: 'Jonathan Hill', from: '2014-11-01', to: '2016-07-16' },
      { name: 'Julian King', from: '2016-09-19', to: '2019-12-01' },
      { name: 'Violeta Bulc', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Elżbieta Bieńkowska', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Věra Jourová', from: '2014-11-01', to: '2024-12-01' },
      { name: 'Tibor Navracsics', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Corina Crețu', from: '2014-11-01', to: '2019-07-01' },
      { name: 'Margrethe Vestager', from: '2014-11-01', to: '2024-12-01' },
      { name: 'Carlos Moedas', from: '2014-11-01', to: '2019-12-01' },
      { name: 'Mariya Gabriel', from: '2017-07-07', to: '2023-05-16' },
      { name: 'Dubravka Šuica', from: '2019-12-01', to: null },
      { name: 'Margaritis Schinas', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Mairead McGuinness', from: '2020-10-12', to: '2024-12-01' },
      { name: 'Iliana Ivanova', from: '2023-09-19', to: '2024-12-01' },
      { name: 'Nicolas Schmit', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Paolo Gentiloni', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Janusz Wojciechowski', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Thierry Breton', from: '2019-12-01', to: '2024-09-16' },
      { name: 'Elisa Ferreira', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Stella Kyriakides', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Didier Reynders', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Helena Dalli', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Ylva Johansson', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Janez Lenarčič', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Adina Vălean', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Olivér Várhelyi', from: '2019-12-01', to: null },
      { name: 'Jutta Urpilainen', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Kadri Simson', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Virginijus Sinkevičius', from: '2019-12-01', to: '2024-12-01' },
      { name: 'Wopke Hoekstra', from: '2023-10-09', to: null },
      { name: 'Teresa Ribera', from: '2024-12-01', to: null },
      { name: 'Henna Virkkunen', from: '2024-12-01', to: null },
      { name: 'Stéphane Séjourné', from: '2024-12-01', to: null },
      { name: 'Roxana Mînzatu', from: '2024-12-01', to: null },
      { name: 'Raffaele Fitto', from: '2024-12-01', to: null },
      { name: 'Andrius Kubilius', from: '2024-12-01', to: null },
      { name: 'Marta Kos', from: '2024-12-01', to: null },
      { name: 'Jozef Síkela', from: '2024-12-01', to: null },
      { name: 'Costas Kadis', from: '2024-12-01', to: null },
      { name: 'Maria Luís Albuquerque', from: '2024-12-01', to: null },
      { name: 'Hadja Lahbib', from: '2024-12-01', to: null },
      { name: 'Magnus Brunner', from: '2024-12-01', to: null },
      { name: 'Jessika Roswall', from: '2024-12-01', to: null },
      { name: 'Piotr Serafin', from: '2024-12-01', to: null },
      { name: 'Dan Jørgensen', from: '2024-12-01', to: null },
      { name: 'Ekaterina Zaharieva', from: '2024-12-01', to: null },
      { name: 'Michael McGrath', from: '2024-12-01', to: null },
      { name: 'Apostolos Tzitzikostas', from: '2024-12-01', to: null },
      { name: 'Christophe Hansen', from: '2024-12-01', to: null },
      { name: 'Glenn Micallef', from: '2024-12-01', to: null },
    ],
    publisher: 'European Commission',
  },
  {
    written: /\bPresident of the European Parliament\b|\b(?:European Parliament|EP) President\b/u,
    beforeSurname: /\bPresident\b/u,
    holders: [
      { name: 'Antonio Tajani', from: '2017-01-17', to: '2019-07-03' },
      { name: 'David Sassoli', from: '2019-07-03', to: '2022-01-11' },
      { name: 'Roberta Metsola', from: '2022-01-11', to: null },
    ],
    publisher: 'European Parliament',
  },
  {
    written: new RegExp(String.raw`${NOT_THIS_OFFICE_BEFORE}\b(?:Foreign Secretary|Secretary of State for Foreign(?:,| and) Commonwealth(?: and Development)? Affairs)\b`, 'u'),
    holders: [
      { name: 'Jeremy Hunt', from: '2018-07-09', to: '2019-07-24' },
      { name: 'Dominic Raab', from: '2019-07-24', to: '2021-09-15' },
      { name: 'Liz Truss', from: '2021-09-15', to: '2022-09-06' },
      { name: 'James Cleverly', from: '2022-09-06', to: '2023-11-13' },
      { name: 'David Cameron', from: '2023-11-13', to: '2024-07-05' },
      { name: 'David Lammy', from: '2024-07-05', to: '2025-09-05' },
      { name: 'Yvette Cooper', from: '2025-09-05', to: null },
    ],
    publisher: 'Foreign, Commonwealth & Development Office',
  },
  {
    written: new RegExp(String.raw`${NOT_THIS_OFFICE_BEFORE}\b(?:Defence Secretary|Secretary of State for Defence)\b`, 'u'),
    holders: [
      { name: 'Gavin Williamson', from: '2017-11-02', to: '2019-05-01' },
      { name: 'Penny Mordaunt', from: '2019-05-01', to: '2019-07-24' },
      { name: 'Ben Wallace', from: '2019-07-24', to: '2023-08-31' },
      { name: 'Grant Shapps', from: '2023-08-31', to: '2024-07-05' },
      { name: 'John Healey', from: '2024-07-05', to: null },
    ],
    publisher: 'Ministry of Defence',
  },
  {
    written: new RegExp(String.raw`${NOT_THIS_OFFICE_BEFORE}\b(?:Home Secretary|Secretary of State for the Home Department)\b`, 'u'),
    holders: [
      { name: 'Sajid Javid', from: '2018-04-30', to: '2019-07-24' },
      { name: 'Priti Patel', from: '2019-07-24', to: '2022-09-06' },
      { name: 'Suella Braverman', from: '2022-09-06', to: '2022-10-19' },
      { name: 'Grant Shapps', from: '2022-10-19', to: '2022-10-25' },
      { name: 'Suella Braverman', from: '2022-10-25', to: '2023-11-13' },
      { name: 'James Cleverly', from: '2023-11-13', to: '2024-07-05' },
      { name: 'Yvette Cooper', from: '2024-07-05', to: '2025-09-05' },
      { name: 'Shabana Mahmood', from: '2025-09-05', to: null },
    ],
    publisher: 'Home Office',
  },
  {
    // The Home Office's minister of state for security, "Security Minister" in its own texts.
    written: new RegExp(String.raw`${NOT_THIS_OFFICE_BEFORE}\b(?:Security Minister|Minister (?:of State )?for Security)\b`, 'u'),
    holders: [
      { name: 'Ben Wallace', from: '2016-07-17', to: '2019-07-24' },
      { name: 'Brandon Lewis', from: '2019-07-25', to: '2020-02-13' },
      { name: 'James Brokenshire', from: '2020-02-13', to: '2021-01-08' },
      { name: 'Damian Hinds', from: '2021-01-08', to: '2022-07-07' },
      { name: 'Stephen McPartland', from: '2022-09-07', to: '2022-10-26' },
      { name: 'Tom Tugendhat', from: '2022-10-26', to: '2024-07-05' },
      { name: 'Dan Jarvis', from: '2024-07-05', to: null },
    ],
    publisher: 'Home Office',
  },
  {
    // A prime minister of another country is named with the country ("Prime Minister of Estonia"); "PM" after a
    // number is the time of day ("at 5 PM").
    written: new RegExp(String.raw`${NOT_THIS_OFFICE_BEFORE}\b(?:UK |British )?(?:Prime Minister|(?<![\d.:]\s?)PM)\b(?! of (?!the United Kingdom))`, 'u'),
    holders: [
      { name: 'Theresa May', from: '2016-07-13', to: '2019-07-24' },
      { name: 'Boris Johnson', from: '2019-07-24', to: '2022-09-06' },
      { name: 'Liz Truss', from: '2022-09-06', to: '2022-10-25' },
      { name: 'Rishi Sunak', from: '2022-10-25', to: '2024-07-05' },
      { name: 'Keir Starmer', from: '2024-07-05', to: null },
    ],
    publisher: "Prime Minister's Office, 10 Downing Street",
  },
];

/** The first and last day a stored date ("2025", "2025-02", "2025-02-03") covers. */
function daysCovered(date: string): { first: string; last: string } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return { first: date, last: date };
  if (/^\d{4}-\d{2}$/.test(date)) return { first: `${date}-01`, last: `${date}-31` };
  if (/^\d{4}$/.test(date)) return { first: `${date}-01-01`, last: `${date}-12-31` };
  return null;
}

/** Who held `office` throughout the time `date` covers; null when nobody or several did (a year with a change of holder). */
export function holderOn(office: Office, date: string): string | null {
  const span = daysCovered(date);
  if (!span) return null;
  const names = new Set(
    office.holders.filter((h) => h.from <= span.last && (h.to === null || h.to > span.first)).map((h) => h.name),
  );
  return names.size === 1 ? [...names][0]! : null;
}

const lastWord = (name: string) => name.split(' ').pop()!;

/** Each office's forms (written in full, then the short one before a surname), anchored at the start of a text: compiled once. */
const FORMS_AT_START = OFFICES.flatMap((office) =>
  [office.written, office.beforeSurname]
    .filter((form): form is RegExp => form !== undefined)
    .map((form) => ({ office, written: form === office.written, regex: new RegExp(`^(?:${form.source})`, 'u') })),
);

/** The holder of `office` with this surname ("Borrell", "von der Leyen"), whenever they held it; null when none or several. */
export function holderNamed(office: Office, surname: string): string | null {
  const sought = foldAccents(surname);
  const names = new Set(
    office.holders.filter((h) => foldAccents(h.name).endsWith(` ${sought}`) || foldAccents(lastWord(h.name)) === sought).map((h) => h.name),
  );
  return names.size === 1 ? [...names][0]! : null;
}

/**
 * The person an office names at the start of `text`: "the Prime Minister", "HR Borrell",
 * "High Representative/Vice-President Borrell", "President Costa". With a surname the holder
 * must bear it; without one the office must be written in full and `date` must say who held it.
 * `end` is where the office (and surname) end in `text`.
 */
export function officeHolderAt(text: string, date: string | null): { name: string; end: number; office: Office } | null {
  const article = /^\s*(?:the\s+)?/iu.exec(text)![0].length;
  const rest = text.slice(article);
  for (const { office, written, regex } of FORMS_AT_START) {
    const m = regex.exec(rest);
    if (!m) continue;
    const after = rest.slice(m[0].length);
    // "Prime Minister's Office": the office's possession, not its holder.
    if (/^['’]s\b/u.test(after)) continue;
    // A surname: one capitalised word, or particles and a word ("von der Leyen"), then the end of the name (an acronym after
    // it is no part of it: "Commissioner Johansson EP Plenary").
    const surname = /^\s+((?:(?:von|van|der|de|den|la|le)\s+)*\p{Lu}[\p{L}’'-]+)(?![\p{L}’'-]|\s+\p{Lu}(?!\p{Lu}+\b))/u.exec(after);
    if (surname) {
      const holder = holderNamed(office, surname[1]!);
      if (holder) return { name: holder, end: article + m[0].length + surname[0].length, office };
      // Another person's surname after a shared word ("President Macron"): not this office.
      continue;
    }
    if (!written || !date || /^\s*\p{Lu}/u.test(after)) continue;
    const holder = holderOn(office, date);
    if (holder) return { name: holder, end: article + m[0].length, office };
  }
  return null;
}

/** The office `text` is, written in full and nothing else ("the Prime Minister"), whoever held it; null otherwise. */
export function officeWrittenAs(text: string): Office | null {
  const rest = text.trim().replace(/^(?:the\s+)?/iu, '');
  return FORMS_AT_START.find(({ written, regex }) => written && regex.exec(rest)?.[0].length === rest.length)?.office ?? null;
}

/**
 * The office at the start of `text` when a holder of it is named right after ("Secretary General Jens
 * Stoltenberg", "President Costa"): a short form of the office names the institution only with its own holder
 * ("President Macron" names no office here). Null otherwise.
 */
export function officeBeforeHolder(text: string): Office | null {
  const rest = text.replace(/^\s*(?:the\s+)?/iu, '');
  for (const { office, regex } of FORMS_AT_START) {
    const m = regex.exec(rest);
    if (!m || !/^\s/u.test(rest.slice(m[0].length))) continue;
    const after = foldAccents(rest.slice(m[0].length).trimStart());
    // The name ends where no letter follows, nor a hyphen joining one ("Borrell-Fontelles"; "Borrell- On 1 January" ends).
    const holds = (name: string) => after.startsWith(name) && !/^(?:[\p{L}’']|-\p{L})/u.test(after.slice(name.length));
    if (office.holders.some((h) => holds(foldAccents(h.name)))) return office;
  }
  // A surname alone: the holder must bear it.
  return officeHolderAt(rest, null)?.office ?? null;
}

/** Every holder's full name, accents folded, once: compiled once. */
const HOLDER_NAMES = [...new Set(OFFICES.flatMap((office) => office.holders.map((h) => h.name)))].map((name) => ({ name, folded: foldAccents(name) }));

/**
 * The office holders named in full in `text` ("First Vice-President Frans Timmermans and Commissioner for Home Affairs,
 * Migration and Citizenship Dimitris Avramopoulos"): known names are found whatever the words around them.
 */
export function holdersNamedIn(text: string): string[] {
  const folded = foldAccents(text);
  return HOLDER_NAMES.filter(({ folded: name }) => {
    const at = folded.indexOf(name);
    return at >= 0 && !/[\p{L}]/u.test(folded[at - 1] ?? '') && !/[\p{L}]/u.test(folded[at + name.length] ?? '');
  }).map(({ name }) => name);
}
