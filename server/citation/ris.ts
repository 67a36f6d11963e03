/**
 * RIS records. Written here rather than by Citation.js's RIS plugin, which
 * hard-wraps values at 70 characters (continuation lines most readers do not
 * accept) and types speeches as sound recordings.
 */
import type { DocType } from '../../contract/document.js';
import type { CslDate, CslItem, CslName } from './csl.js';
import { cleanLine } from './text.js';

const RIS_TYPES: Record<DocType, string> = {
  'policy-paper': 'RPRT',
  briefing: 'RPRT',
  // The document held is a written report of the event.
  'event-report': 'RPRT',
  speech: 'GEN',
  statement: 'GEN',
  news: 'NEWS',
  other: 'GEN',
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

/** One RIS record (CRLF lines, TY first, ER last) for an item of the given document type. */
export function risRecord(item: CslItem, docType: DocType): string {
  const lines: Array<[string, string | null | undefined]> = [
    ['TY', RIS_TYPES[docType]],
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
    ['SP', item.page],
    ['Y2', risDate(item.accessed)],
  ];
  const body = lines
    .map(([tag, value]) => [tag, value ? cleanLine(value) : ''] as const)
    .filter(([, value]) => value !== '')
    .map(([tag, value]) => `${tag}  - ${value}`);
  return [...body, 'ER  - '].join('\r\n') + '\r\n';
}
