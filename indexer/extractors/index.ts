/** The extractor registry: one extractor per format, chosen by the extract stage. */
import type { Format } from '../../contract/document.js';
import type { Extractor } from './extractor.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractPdf } from './pdf.js';
import { extractText } from './text.js';

export const EXTRACTORS: Readonly<Record<Format, Extractor>> = Object.freeze({
  pdf: extractPdf,
  markdown: extractMarkdown,
  text: extractText,
  html: extractHtml,
});

export function extractorFor(format: Format): Extractor {
  return EXTRACTORS[format];
}
