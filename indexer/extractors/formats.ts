/**
 * The text extractors as plain functions, run inside a pool worker (./worker.ts).
 * PDFs are read there by ./pdf/extract-document.ts.
 */
import type { Format } from '../../contract/document.js';
import type { Extractor } from './extractor.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractText } from './text.js';

export const IN_PROCESS_EXTRACTORS: Readonly<Record<Exclude<Format, 'pdf'>, Extractor>> = Object.freeze({
  markdown: extractMarkdown,
  text: extractText,
  html: extractHtml,
});
