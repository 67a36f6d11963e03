/** The cite box of a document page: the readable references and a download per format. */
import type { DocumentRecord } from '../../contract/document.js';
import { citeDocument, CITATION_FORMATS } from './cite.js';
import { documentCitePath } from '../links.js';

export interface CitationChoice {
  format: string;
  label: string;
  url: string;
  /** Escaped HTML of the formatted reference (APA, Chicago); null for the machine formats. */
  referenceHtml: string | null;
}

export function citationFormats(document: DocumentRecord, base: string): CitationChoice[] {
  const citation = citeDocument(document, { baseUrl: base });
  const readable: Record<string, string> = { apa: citation.apa.html, chicago: citation.chicago.html };
  return CITATION_FORMATS.map((format) => ({
    format: format.id,
    label: format.label,
    url: documentCitePath(document.id, format.id),
    referenceHtml: readable[format.id] ?? null,
  }));
}
