/**
 * APA and Chicago references rendered by the CSL processor (citeproc-js through
 * Citation.js), as plain text and as HTML that is safe to print unescaped.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { CHICAGO_AUTHOR_DATE_CSL } from './chicago-style.js';
import type { CslItem } from './csl.js';
import { escapeHtml } from '../html.js';

export type CslStyle = 'apa' | 'chicago';

export interface RenderedText {
  text: string;
  /** Escaped HTML; only formatting tags (<i>, <b>, <sup>, <sub>, small-caps <span>) are markup. */
  html: string;
}

export interface StyledCitation extends RenderedText {
  /** The in-text (parenthetical) citation, with the page pinpoint when there is one: "(Müller & O’Brien, 2024, p. 7)". */
  inText: RenderedText;
}

const TEMPLATES: Record<CslStyle, string> = {
  apa: 'apa',
  chicago: 'entente-chicago-author-date',
};

const cslStyles = plugins.config.get('@csl').styles;
if (!cslStyles.has(TEMPLATES.chicago)) cslStyles.add(TEMPLATES.chicago, CHICAGO_AUTHOR_DATE_CSL);

/*
 * citeproc-js reads a few HTML-like tags inside field values as rich text
 * (<i>, <b>, <sup>, <span class="nocase">...), so a title containing "<i>" would
 * become markup. Angle brackets are swapped for private-use sentinels before
 * rendering and restored as entities (HTML) or characters (text) afterwards:
 * no value can ever produce a tag.
 */
const LT = '\uE000';
const GT = '\uE001';

function shieldValue<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/</g, LT).replace(/>/g, GT) as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => shieldValue(entry)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shieldValue(entry)])) as T;
  }
  return value;
}

function restoreText(rendered: string): string {
  return rendered.replaceAll(LT, '<').replaceAll(GT, '>');
}

function restoreHtml(rendered: string): string {
  return rendered.replaceAll(LT, '&lt;').replaceAll(GT, '&gt;');
}

const FORMATTING_TAG = /^<(?:\/?(?:i|b|sup|sub)|span style="font-variant:\s*small-caps;?"|\/span)>$/;

/** Every tag the processor emitted is a formatting tag; anything else means the output cannot be trusted. */
function onlyFormattingTags(html: string): boolean {
  return (html.match(/<[^>]*>?/g) ?? []).every((tag) => FORMATTING_TAG.test(tag));
}

function safeHtml(html: string, text: string): string {
  return onlyFormattingTags(html) ? html : escapeHtml(text);
}

/**
 * What the reference list shows differs from the stored item: the pinpoint
 * belongs to the in-text citation, not the reference (APA 8.13, CMOS 15.22),
 * and APA does not repeat a publisher that is also the author (APA 9.24). An event
 * report's event carries the report's own title, so its name is not repeated
 * either; APA prints an event's place only in the event-name slot, so the
 * place goes there.
 */
function referenceItem(item: CslItem, style: CslStyle): Omit<CslItem, 'page'> {
  const { page: _pinpoint, ...reference } = item;
  const onlyAuthor = reference.author?.length === 1 ? reference.author[0] : undefined;
  const publisherIsAuthor = onlyAuthor?.literal !== undefined && onlyAuthor.literal === reference.publisher;
  // Chicago repeats an institutional publisher (CMOS 14.84), except as an event's host beside the same name.
  if (publisherIsAuthor && (style === 'apa' || reference.type === 'speech')) delete reference.publisher;
  if (reference['event-title'] === reference.title) {
    delete reference['event-title'];
    if (style === 'apa' && reference['event-place']) {
      reference['event-title'] = reference['event-place'];
      delete reference['event-place'];
      if (JSON.stringify(reference['event-date']) === JSON.stringify(reference.issued)) delete reference['event-date'];
    }
  }
  return reference;
}

const ENTRY_BODY = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/;

function renderReference(cite: Cite, style: CslStyle): RenderedText {
  const options = { template: TEMPLATES[style], lang: 'en-US' };
  const text = restoreText(cite.format('bibliography', { ...options, format: 'text' }).trim());
  const htmlDocument = cite.format('bibliography', { ...options, format: 'html' });
  const body = ENTRY_BODY.exec(htmlDocument)?.[1]?.trim() ?? '';
  return { text, html: safeHtml(restoreHtml(body), text) };
}

function renderInText(cite: Cite, item: CslItem, style: CslStyle): RenderedText {
  const entry = [{ id: item.id, ...(item.page ? { locator: item.page, label: 'page' } : {}) }];
  const options = { template: TEMPLATES[style], lang: 'en-US', entry };
  const text = restoreText(cite.format('citation', { ...options, format: 'text' }).trim());
  const html = restoreHtml(cite.format('citation', { ...options, format: 'html' }).trim());
  return { text, html: safeHtml(html, text) };
}

/** The reference-list entry and the in-text citation of one item in APA 7th or Chicago author-date. */
export function renderStyle(item: CslItem, style: CslStyle): StyledCitation {
  const reference = new Cite(shieldValue(referenceItem(item, style)));
  const withPinpoint = new Cite(shieldValue(item));
  return { ...renderReference(reference, style), inText: renderInText(withPinpoint, item, style) };
}

/**
 * The CSL processor compiles each style on first use, which takes seconds for
 * APA; a server calls this once at start-up so the first reader does not wait.
 */
export function warmUpCitationStyles(): void {
  const sample: CslItem = {
    id: 'warm-up',
    type: 'report',
    'citation-key': 'warmup',
    title: 'Warm-up',
    genre: 'Report',
    accessed: { 'date-parts': [[2025, 1, 1]] },
    URL: 'http://localhost/',
  };
  renderStyle(sample, 'apa');
  renderStyle(sample, 'chicago');
}
