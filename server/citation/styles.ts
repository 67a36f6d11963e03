/**
 * References in the official CSL styles (APA 7, Chicago author-date and
 * notes-bibliography, Harvard Cite Them Right, OSCOLA, MHRA) rendered by the
 * CSL processor (citeproc-js through Citation.js), as plain text and as HTML
 * that is safe to print unescaped.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem, Pinpoint } from './csl.js';
import { officialLocale, officialStyle } from './official-styles.js';
import { decodeHTML } from 'entities';
import { escapeHtml } from '../html.js';

export const CITATION_STYLES = [
  { id: 'apa', label: 'APA (7th edition)', file: 'apa', lang: 'en-US', viaEntente: true },
  { id: 'chicago', label: 'Chicago (author-date)', file: 'chicago-author-date', lang: 'en-US', viaEntente: true },
  { id: 'chicago-notes', label: 'Chicago (notes and bibliography)', file: 'chicago-note-bibliography', lang: 'en-US', viaEntente: true },
  { id: 'harvard', label: 'Harvard (Cite Them Right)', file: 'harvard-cite-them-right', lang: 'en-GB', viaEntente: true },
  // OSCOLA footnotes give the original and its access date only; a second address has no place in them.
  { id: 'oscola', label: 'OSCOLA', file: 'oscola', lang: 'en-GB', viaEntente: false },
  { id: 'mhra', label: 'MHRA', file: 'modern-humanities-research-association', lang: 'en-GB', viaEntente: true },
] as const;

export type CitationStyle = (typeof CITATION_STYLES)[number];
export type CslStyle = CitationStyle['id'];
export const DEFAULT_STYLE: CslStyle = 'apa';

export function isCslStyle(value: unknown): value is CslStyle {
  return CITATION_STYLES.some((style) => style.id === value);
}

export function citationStyle(id: CslStyle): CitationStyle {
  const style = CITATION_STYLES.find((candidate) => candidate.id === id);
  if (!style) throw new RangeError(`unknown citation style: ${id}`);
  return style;
}

export interface RenderedText {
  text: string;
  /** Escaped HTML; only formatting tags (<i>, <b>, <sup>, <sub>, small-caps <span>) are markup. */
  html: string;
}

export interface StyledCitation extends RenderedText {
  /** The in-text citation or, for a note style, the footnote, with the pinpoint when there is one: "(Müller & O’Brien, 2024, p. 7)". */
  inText: RenderedText;
  /** Whether `inText` is a footnote (note styles) or a parenthetical citation. */
  kind: 'in-text' | 'note';
}

const cslConfig = plugins.config.get('@csl');
/** Styles of class "note" cite in footnotes; the others in parentheses. */
const noteStyles = new Set<CslStyle>();
for (const style of CITATION_STYLES) {
  const definition = officialStyle(style.file);
  if (definition.attrs['class'] === 'note') noteStyles.add(style.id);
  if (!cslConfig.styles.has(style.file)) cslConfig.styles.add(style.file, definition);
}
for (const lang of new Set(CITATION_STYLES.map((style) => style.lang))) {
  if (!cslConfig.locales.has(lang)) cslConfig.locales.add(lang, officialLocale(lang));
}

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

/**
 * Web addresses and host names keep their case when a style title-cases a title
 * (Chicago, MHRA): "gov.uk" never becomes "Gov.Uk". citeproc-js leaves the
 * inside of <span class="nocase"> as written; the span is added after the shield,
 * so it is the only markup a value can carry.
 */
const CASE_SENSITIVE = /\b(?:https?:\/\/[^\s\uE000\uE001]+[^\s\uE000\uE001.,;:!?)]|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b(?:\/[^\s\uE000\uE001]*[^\s\uE000\uE001.,;:!?)])?)/g;
const TITLE_FIELDS = ['title', 'container-title'] as const;

function keepCaseOfAddresses(item: CslItem): CslItem {
  const kept = { ...item };
  for (const field of TITLE_FIELDS) {
    const value = kept[field];
    if (typeof value === 'string') kept[field] = value.replace(CASE_SENSITIVE, (address) => `<span class="nocase">${address}</span>`);
  }
  return kept;
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
 * belongs to the in-text citation or note, not the reference (APA 8.13, CMOS
 * 15.22); APA does not repeat a publisher that is also the author (APA 9.24);
 * the Entente copy is named after the reference, not by the style's archive
 * slot, so every style says it the same way.
 */
function referenceItem(item: CslItem, style: CslStyle): CslItem {
  const { page: _pinpoint, note: _note, archive: _archive, archive_location: _location, abstract: _abstract, ...reference } = item;
  const onlyAuthor = reference.author?.length === 1 ? reference.author[0] : undefined;
  const publisherIsAuthor = onlyAuthor?.literal !== undefined && onlyAuthor.literal === reference.publisher;
  // Chicago repeats an institutional publisher (CMOS 14.84), except as a speech's host beside the same name.
  if (publisherIsAuthor && (style === 'apa' || style === 'harvard' || reference.type === 'speech')) delete reference.publisher;
  // A site or outlet that publishes itself is named once, as the container.
  if (reference['container-title'] !== undefined && reference['container-title'] === reference.publisher) delete reference.publisher;
  return reference;
}

const ENTRY_BODY = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/;

/*
 * The processor runs once per output, in HTML; the plain text is that HTML
 * without its tags, entities decoded (the value shield keeps any "<" of the
 * data out of the tags). Running it a second time for text doubled the cost
 * of a cite box.
 */
function fromHtml(rendered: string): RenderedText {
  const text = restoreText(decodeHTML(rendered.replace(/<[^>]*>/g, ''))).replace(/\s+/g, ' ').trim();
  return { text, html: safeHtml(restoreHtml(rendered.trim()), text) };
}

function renderReference(cite: Cite, style: CitationStyle): RenderedText {
  const htmlDocument = cite.format('bibliography', { template: style.file, lang: style.lang, format: 'html' });
  return fromHtml(ENTRY_BODY.exec(htmlDocument)?.[1] ?? '');
}

function renderInText(cite: Cite, id: string, style: CitationStyle, at: Pinpoint | null): RenderedText {
  const entry = [{ id, ...(at ? { locator: at.value, label: at.label } : {}) }];
  return fromHtml(cite.format('citation', { template: style.file, lang: style.lang, entry, format: 'html' }));
}

/** "Retrieved from Entente: <permalink>" after the reference, when the reference points at the original. */
function withRetrieval(reference: RenderedText, item: CslItem, style: CitationStyle): RenderedText {
  if (!style.viaEntente || !item.archive_location) return reference;
  const sentence = `Retrieved from Entente: ${item.archive_location}`;
  const link = `Retrieved from Entente: <a href="${escapeHtml(item.archive_location)}">${escapeHtml(item.archive_location)}</a>`;
  return { text: `${reference.text} ${sentence}`, html: `${reference.html} ${link}` };
}

/** The reference-list entry and the in-text citation (or footnote) of one item in one style. */
export function renderStyle(item: CslItem, styleId: CslStyle, at: Pinpoint | null = item.page ? { label: 'page', value: item.page } : null): StyledCitation {
  const style = citationStyle(styleId);
  const shown = keepCaseOfAddresses(shieldValue(referenceItem(item, styleId)));
  // The in-text citation is rendered from the same item as the reference, so both name the work alike.
  const cite = new Cite(shown);
  const reference = withRetrieval(renderReference(cite, style), item, style);
  const kind = noteStyles.has(style.id) ? 'note' : 'in-text';
  return { ...reference, inText: renderInText(cite, item.id, style, at), kind };
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
  for (const style of CITATION_STYLES) renderStyle(sample, style.id);
}
