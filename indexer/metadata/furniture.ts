/**
 * Page furniture that stands around a text's title and lede on a saved or republished page: an image's caption
 * and its credit line, a line that only says when the page was published, a menu cut into many short lines. Such
 * lines are the page's, not the text's, and must not hide the title, the lede or the opening under them.
 */
import { findDates } from './dates.js';

/** A credit for a picture: "Source: …", "Photo: …", "Image credit …", "© …", "Photo by …", "(Getty Images)", "(NATO photo)". */
const CREDIT = /(?:^|[\s(])(?:source|photo(?:graph)?|image|picture|illustration|credits?|copyright)\s*(?:credit\s*)?:|©|\b(?:photo(?:graph)?|image|picture|illustration) (?:by|credit)\b|\bGetty Images\b|\((?:[\p{Lu}][\p{L}.&-]*\s+){0,3}(?:photo(?:graph)?|image|picture)\)/iu;

/** A line that is an image's caption or credit (a credit anywhere in a line of at most 60 words), not prose of the text. */
export function isCaption(line: string): boolean {
  const text = line.trim();
  return text.split(/\s+/u).length <= 60 && CREDIT.test(text);
}

/**
 * A block that can be a story's lede: a sentence of at least eight words, not a caption. A distributor's listing
 * line ("09/18/2025 | Press release | Distributed by …") or a teaser cut off mid-sentence ("… with UK and[...]")
 * has no sentence end.
 */
export function isLedeProse(text: string): boolean {
  return text.split(/\s+/u).length >= 8 && /[.!?][”"’)]*(?:\s|$)/u.test(text) && !isCaption(text);
}

/** Lines of metadata above a story ("Source: …, published on …", "Published 5 May 2021 by …", "From: …"): not its lede. */
export const METADATA_LINE = /^(?:source|from|published|publisher|first published|last updated|updated|date|dated|issued)\b/iu;

/** Whether `text` is a date and nothing else but punctuation (`dates`: the dates already found in it). */
export function isDateOnly(text: string, dates = findDates(text)): boolean {
  return dates.length === 1 && text.replace(dates[0]!.text, '').replace(/[\s,.–-]/gu, '') === '';
}

/**
 * A line that only says when a page was published: a label and its date ("Published 5 May 2021", "date 2024-07-08
 * Home Office"), or a listing's fields with a date among them ("09/10/2025 | Press release | Distributed by …").
 */
export function isDateFurniture(line: string): boolean {
  const text = line.trim();
  const fields = text.split(/\s+\|\s+/u);
  if (fields.length > 1 && fields.some((field) => isDateOnly(field))) return true;
  if (text.length > 120 || !METADATA_LINE.test(text)) return false;
  const first = findDates(text)[0];
  return first !== undefined && /^[\s:]*$/u.test(text.slice(0, first.index).replace(METADATA_LINE, '').replace(/\bon\b/iu, ''));
}

/**
 * The first `count` items of a text's top, and more while they span under `chars` characters: a saved page's menu
 * and buttons cut its top into many short lines, which must not push the text's own first lines out of reach.
 */
export function leading<T extends string | { text: string }>(items: readonly T[], count: number, chars: number): T[] {
  let n = 0;
  for (let spanned = 0; n < items.length && (n < count || spanned < chars); n++) {
    const item = items[n]!;
    spanned += (typeof item === 'string' ? item : item.text).length;
  }
  return items.slice(0, n);
}
