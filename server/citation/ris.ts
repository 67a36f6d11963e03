/**
 * RIS records. Written here rather than by Citation.js's RIS plugin, which
 * hard-wraps values at 70 characters (continuation lines most readers do not
 * accept) and types speeches as sound recordings.
 */
import type { CslDate, CslItem, CslName, CslType } from './csl.js';
import { cleanLine } from './text.js';

const RIS_TYPES: Record<CslType, string> = {
  report: 'RPRT',
  // RIS has no speech type; Zotero and EndNote read GEN with M3 (the kind of work) as a document.
  speech: 'GEN',
  'article-newspaper': 'NEWS',
  webpage: 'ELEC',
  legislation: 'STAT',
  hearing: 'HEAR',
  document: 'GEN',
};

/** "Family, Given, Suffix" as RIS wants it; an institution stays one unsplit name (no comma). */
function risName(name: CslName): string {
  if (name.literal !== undefined) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [family, given, name.suffix].filter(Boolean).join(', ');
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** RIS DA/Y2 form: "2025/05/05/", "2025/05//", "2025///". */
function risDate(date: CslDate | undefined): string | null {
  const parts = date?.['date-parts'][0];
  if (!parts) return null;
  const [year, month, day] = parts;
  return `${year}/${month ? pad(month) : ''}/${day ? pad(day) : ''}/`;
}

/**
 * One RIS record (CRLF lines, TY first, ER last). UR is the original; L2, the
 * "link to the full text", is the copy in Entente the passage was read in.
 */
export function risRecord(item: CslItem): string {
  const lines: Array<[string, string | null | undefined]> = [
    ['TY', RIS_TYPES[item.type]],
    ['TI', item.title],
    ...(item.author ?? []).map((name): [string, string] => ['AU', risName(name)]),
    ['PY', item.issued ? String(item.issued['date-parts'][0][0]) : null],
    ['DA', risDate(item.issued)],
    ['T2', item['container-title']],
    ['PB', item.publisher],
    ['CY', item['event-place'] ?? item['publisher-place']],
    ['M3', item.genre],
    ['LA', item.language],
    ['UR', item.URL],
    ['L2', item.archive_location],
    ['SP', item.page],
    ['Y2', risDate(item.accessed)],
    ['AB', item.abstract],
    ['N1', item.note],
  ];
  const body = lines
    .map(([tag, value]) => [tag, value ? cleanLine(value) : ''] as const)
    .filter(([, value]) => value !== '')
    .map(([tag, value]) => `${tag}  - ${value}`);
  return [...body, 'ER  - '].join('\r\n') + '\r\n';
}
