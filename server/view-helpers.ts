/** Small formatting functions the views share (app.locals). */
import { clipSummary, DOC_TYPE_LABELS, groupPeople, isPaginated, passageLocation, PROVENANCE_LABELS, type Provenance, type Role } from '../contract/document.js';
import { links } from './links.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-05-05" -> "5 May 2025"; partial or missing dates degrade gracefully. */
export function formatDate(iso: string | null | undefined, precision?: 'year' | 'month' | 'day' | null): string {
  if (!iso) return 'Undated';
  // A date known to the month or year is shown as given ("May 2025"), never as the first day it is stored as.
  const keep = precision === 'year' ? 1 : precision === 'month' ? 2 : 3;
  const [y, m, d] = iso.split('-').slice(0, keep);
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? iso;
}

/** One formatter for every number: `toLocaleString` builds a new one per call. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-GB');

export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export function typeLabel(type: string): string {
  return (DOC_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair',
  speaker: 'Speaker',
  author: 'Author',
  moderator: 'Moderator',
  mentioned: 'Mentioned',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export function provenanceLabel(source: string | undefined): string {
  return source ? ((PROVENANCE_LABELS as Record<string, string>)[source as Provenance] ?? source) : 'not recorded';
}

export const viewHelpers = { formatDate, formatNumber, plural, typeLabel, roleLabel, provenanceLabel, clipSummary, groupPeople, links, isPaginated, passageLocation };
