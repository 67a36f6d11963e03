/**
 * Text clean-up shared by every output format. Metadata comes from third-party
 * files (PDF info, HTML meta, front matter) and may hold control characters,
 * stray newlines or lone surrogates that break line-based formats (RIS) and
 * XML (Atom) alike.
 */

/** C0/C1 controls (tab, LF and CR included), non-characters and lone surrogates. */
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of printable text: controls become spaces, runs of white space collapse. */
export function cleanLine(value: string): string {
  return value.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
}

/** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part is ignored) -> numeric parts; null when not a date. */
export function isoDateParts(value: string | null | undefined): [number] | [number, number] | [number, number, number] | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return [year];
  const month = Number(match[2]);
  if (month < 1 || month > 12) return [year];
  if (match[3] === undefined) return [year, month];
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return [year, month];
  return [year, month, day];
}

/** Today's date as `YYYY-MM-DD` (UTC), or the given date in that form. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
