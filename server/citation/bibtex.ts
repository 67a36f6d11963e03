/**
 * BibTeX and biblatex entries from the CSL item. Written here rather than by
 * Citation.js, whose BibTeX writer puts the day into `month` ("sep 9"), repeats
 * `url` as `howpublished` and types speeches as audio recordings.
 *
 * - biblatex (for biber): `date` with the precision the source gives,
 *   `urldate`, @online for web pages, @article with `journaltitle` and
 *   `entrysubtype = {newspaper}` for news, @report with `institution` and `type`.
 * - BibTeX (for natbib and the classic .bst styles): `year` and a `month` macro,
 *   @techreport, @article with `journal`, @misc with `howpublished`.
 *
 * Both are UTF-8, as biber and current LaTeX read them.
 */
import type { CslDate, CslItem, CslName, CslType, Pinpoint } from './csl.js';
import { cleanLine } from './text.js';

export type BibDialect = 'bibtex' | 'biblatex';

/*
 * TeX specials in field text. Braces become \textbraceleft{} rather than \{
 * because BibTeX counts every brace, escaped or not, when it looks for the end
 * of a field.
 */
const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

export function escapeTex(value: string): string {
  return cleanLine(value).replace(/[\\{}&%$#_~^<>]/g, (char) => TEX_SPECIALS[char] ?? char);
}

/** BibTeX reads braces, backslashes and % in a url field; percent-encoding keeps the URL the same for a browser. */
function bibtexSafeUrl(url: string): string {
  return url.replace(/[{}\\\s%]/g, (char) => (char === '%' ? '%25' : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}

/** "von der Leyen, Ursula"; an institution braced whole so it is never split into family and given names. */
function bibName(name: CslName): string {
  if (name.literal !== undefined) return `{${escapeTex(name.literal)}}`;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).map((part) => escapeTex(part ?? '')).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).map((part) => escapeTex(part ?? '')).join(' ');
  // A family name of several words stays together ("{Spaventa Rossi}"); a particle stays outside so it sorts as BibTeX expects.
  const braced = name.family && /\s/.test(name.family) ? family.replace(escapeTex(name.family), `{${escapeTex(name.family)}}`) : family;
  return [braced, name.suffix ? escapeTex(name.suffix) : '', given].filter(Boolean).join(', ');
}

const pad = (value: number): string => String(value).padStart(2, '0');

function isoDate(date: CslDate | undefined): string | null {
  const parts = date?.['date-parts'][0];
  if (!parts) return null;
  const [year, month, day] = parts;
  return [String(year), month ? pad(month) : null, day ? pad(day) : null].filter(Boolean).join('-');
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const BIBLATEX_TYPES: Record<CslType, string> = {
  report: 'report',
  speech: 'misc',
  'article-newspaper': 'article',
  webpage: 'online',
  legislation: 'legislation',
  hearing: 'misc',
  document: 'misc',
};

const BIBTEX_TYPES: Record<CslType, string> = {
  report: 'techreport',
  speech: 'misc',
  'article-newspaper': 'article',
  webpage: 'misc',
  legislation: 'misc',
  hearing: 'misc',
  document: 'misc',
};

/** Where the cited passage is, in words a reader of the note understands: "p. 7", "para. 3". */
export function pinpointPhrase(at: Pinpoint | null): string | null {
  if (!at) return null;
  return at.label === 'page' ? `p. ${at.value}` : `para. ${at.value}`;
}

/** `{field: value}` pairs for one entry; a value is TeX text unless `raw` (already escaped or a macro). */
type Field = [name: string, value: string | null | undefined, raw?: 'raw' | 'macro'];

/*
 * An unsigned newspaper item cannot be an @article: biblatex (and BibTeX's
 * styles) require its author. It is the outlet's online item (@online with the
 * outlet as organization) or, in BibTeX, a @misc published by the outlet.
 */
function unsignedNews(item: CslItem): boolean {
  return item.type === 'article-newspaper' && !item.author?.length;
}

function entryType(item: CslItem, dialect: BibDialect): string {
  if (unsignedNews(item)) return dialect === 'biblatex' ? 'online' : 'misc';
  return dialect === 'biblatex' ? BIBLATEX_TYPES[item.type] : BIBTEX_TYPES[item.type];
}

/** biblatex's EDTF "unspecified year": an undated work still satisfies the data model's "date or year". */
const UNDATED = 'XXXX';

function entryFields(item: CslItem, dialect: BibDialect, at: Pinpoint | null): Field[] {
  const publisher = item.publisher;
  const note = [pinpointPhrase(at) ? `Cited at ${pinpointPhrase(at)}` : null, item.note ?? null].filter(Boolean).join('. ');
  const common: Field[] = [
    ['author', item.author?.length ? item.author.map(bibName).join(' and ') : null, 'raw'],
    // Double braces keep the title's capitals in styles that lower-case titles.
    ['title', `{${escapeTex(item.title)}}`, 'raw'],
  ];
  const url: Field[] = [['url', bibtexSafeUrl(item.URL), 'raw']];
  const tail: Field[] = [
    ['note', note || null],
    ['abstract', item.abstract],
  ];
  if (dialect === 'biblatex') {
    const byType: Record<CslType, Field[]> = {
      report: [['type', item.genre], ['institution', publisher]],
      speech: [['type', item.genre], ['organization', publisher]],
      'article-newspaper': unsignedNews(item)
        ? [['organization', item['container-title'] ?? publisher]]
        : [['journaltitle', item['container-title'] ?? publisher], ['entrysubtype', 'newspaper']],
      webpage: [['organization', publisher]],
      legislation: [['publisher', publisher]],
      hearing: [['type', item.genre ?? 'Hearing'], ['organization', publisher]],
      document: [['type', item.genre], ['organization', publisher]],
    };
    return [
      ...common,
      ...byType[item.type],
      // biblatex's @online and @article have no location; a speech's place is where it was given.
      ['location', ['online', 'article'].includes(entryType(item, dialect)) ? null : (item['publisher-place'] ?? item['event-place'])],
      ['date', isoDate(item.issued) ?? UNDATED, 'raw'],
      ...url,
      ['urldate', isoDate(item.accessed), 'raw'],
      ['langid', item.language ? langid(item.language) : null],
      ...tail,
    ];
  }
  const parts = item.issued?.['date-parts'][0];
  const month = parts?.[1];
  const byType: Record<'techreport' | 'article' | 'misc', Field[]> = {
    techreport: [['institution', publisher], ['type', item.genre], ['address', item['publisher-place']]],
    article: [['journal', item['container-title'] ?? publisher]],
    misc: [['howpublished', [item.genre, publisher, item['event-place'] ?? item['publisher-place']].filter(Boolean).join(', ') || null]],
  };
  return [
    ...common,
    ...byType[entryType(item, dialect) as 'techreport' | 'article' | 'misc'],
    ['year', parts ? String(parts[0]) : null, 'raw'],
    // BibTeX has no way to say "undated"; biber, which also reads these files, takes the biblatex form.
    ['date', parts ? null : UNDATED, 'raw'],
    ['month', month ? MONTH_MACROS[month - 1] : null, 'macro'],
    ...url,
    ['urldate', isoDate(item.accessed), 'raw'],
    ...tail,
  ];
}

/** biblatex language names (babel) for the ISO codes the indexer records. */
const LANGIDS: Record<string, string> = { en: 'english', fr: 'french', de: 'german', es: 'spanish', it: 'italian', nl: 'dutch', pt: 'portuguese', pl: 'polish' };

function langid(code: string): string | null {
  return LANGIDS[code.toLowerCase().slice(0, 2)] ?? null;
}

/** One entry, fields in a fixed order, tab-indented. */
export function bibEntry(item: CslItem, dialect: BibDialect, at: Pinpoint | null = item.page ? { label: 'page', value: item.page } : null): string {
  const type = entryType(item, dialect);
  const lines = entryFields(item, dialect, at)
    .filter(([, value]) => value !== null && value !== undefined && cleanLine(value) !== '')
    .map(([name, value, raw]) => {
      const text = raw === 'raw' || raw === 'macro' ? (value ?? '') : escapeTex(value ?? '');
      return raw === 'macro' ? `\t${name} = ${text},` : `\t${name} = {${text}},`;
    });
  return `@${type}{${item['citation-key']},\n${lines.join('\n')}\n}\n`;
}

/** One entry per item, in order, keyed by each item's `citation-key`, a blank line between entries. */
export function bibtexEntries(items: CslItem[], dialect: BibDialect = 'bibtex'): string {
  return items.map((item) => bibEntry(item, dialect)).join('\n');
}
