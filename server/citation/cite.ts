/**
 * Citing one document, or one passage of it, in every supported style and format.
 */
import { MEDIA_TYPES } from './media-types.js';
import type { DocumentRecord } from '../../contract/document.js';
import { bibEntry } from './bibtex.js';
import { originalUrl, pinpoint, toCslItem, type CiteOptions, type CslItem, type Pinpoint } from './csl.js';
import { documentUrl, passageUrl } from '../links.js';
import { risRecord } from './ris.js';
import { CITATION_STYLES, renderStyle, type CslStyle, type StyledCitation } from './styles.js';

export interface Citation {
  /** Every official style: reference (text and safe HTML) and in-text citation or footnote. */
  styles: Record<CslStyle, StyledCitation>;
  bibtex: string;
  biblatex: string;
  ris: string;
  cslJson: CslItem;
  pinpoint: Pinpoint | null;
  /** The Entente permalink of the passage (or the document page). */
  permalink: string;
  /** The original's address, when known. */
  originalUrl: string | null;
}

export function citeDocument(doc: DocumentRecord, options: CiteOptions): Citation {
  const item = toCslItem(doc, options);
  const at = pinpoint(doc, options.passage);
  const styles = Object.fromEntries(CITATION_STYLES.map((style) => [style.id, renderStyle(item, style.id, at)])) as Record<CslStyle, StyledCitation>;
  return {
    styles,
    bibtex: bibEntry(item, 'bibtex', at),
    biblatex: bibEntry(item, 'biblatex', at),
    ris: risRecord(item),
    cslJson: item,
    pinpoint: at,
    permalink: options.passage ? passageUrl(options.baseUrl, options.passage.id) : documentUrl(options.baseUrl, doc.id),
    originalUrl: originalUrl(doc),
  };
}

export const CITATION_FORMATS = [
  ...CITATION_STYLES.map((style) => ({ id: style.id, label: style.label, extension: 'txt', contentType: MEDIA_TYPES.text, style: true })),
  { id: 'bibtex', label: 'BibTeX', extension: 'bib', contentType: MEDIA_TYPES.bibtex, style: false },
  { id: 'biblatex', label: 'biblatex', extension: 'bib', contentType: MEDIA_TYPES.bibtex, style: false },
  { id: 'ris', label: 'RIS', extension: 'ris', contentType: MEDIA_TYPES.ris, style: false },
  { id: 'csl-json', label: 'CSL-JSON', extension: 'json', contentType: MEDIA_TYPES.cslJson, style: false },
] as const;

export type CitationFormat = (typeof CITATION_FORMATS)[number];
export type CitationFormatId = CitationFormat['id'];

export function isCitationFormatId(value: unknown): value is CitationFormatId {
  return CITATION_FORMATS.some((format) => format.id === value);
}

export function citationFormat(id: CitationFormatId): CitationFormat {
  const format = CITATION_FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new RangeError(`unknown citation format: ${id}`);
  return format;
}

export interface DownloadFile {
  body: string;
  contentType: string;
  /** Safe for a Content-Disposition header: ASCII letters, digits, "-" and ".". */
  filename: string;
}

/** The text of one format: a style's reference, or a machine format as written to its file. */
export function citationText(citation: Citation, id: CitationFormatId): string {
  switch (id) {
    case 'bibtex':
      return citation.bibtex;
    case 'biblatex':
      return citation.biblatex;
    case 'ris':
      return citation.ris;
    case 'csl-json':
      return `${JSON.stringify([citation.cslJson], null, 2)}\n`;
    default:
      return `${citation.styles[id].text}\n`;
  }
}

/** A citation as a file to download: CSL-JSON as a one-item array, the styles as plain text. */
export function citationFile(citation: Citation, id: CitationFormatId): DownloadFile {
  const format = citationFormat(id);
  const key = citation.cslJson['citation-key'];
  const at = citation.pinpoint;
  const stem = at ? `${key}-${at.label === 'page' ? 'p' : 'para'}${at.value}` : key;
  // The styles are all .txt files and the two .bib dialects share an extension: the id keeps them apart.
  const suffix = format.style || id === 'biblatex' ? `-${format.id}` : '';
  return { body: citationText(citation, id), contentType: format.contentType, filename: `${stem}${suffix}.${format.extension}` };
}
