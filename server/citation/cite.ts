/**
 * Citing one document, or one passage of it, in every supported format.
 */
import { MEDIA_TYPES } from './media-types.js';
import type { DocumentRecord } from '../../contract/document.js';
import { bibtexEntries } from './bibtex.js';
import { toCslItem, type CiteOptions, type CslItem } from './csl.js';
import { risRecord } from './ris.js';
import { renderStyle, type StyledCitation } from './styles.js';

export interface Citation {
  /** APA 7th edition: reference (text and safe HTML) and in-text citation. */
  apa: StyledCitation;
  /** Chicago 17th edition, author-date: reference and in-text citation. */
  chicago: StyledCitation;
  bibtex: string;
  ris: string;
  cslJson: CslItem;
}

export function citeDocument(doc: DocumentRecord, options: CiteOptions): Citation {
  const item = toCslItem(doc, options);
  return {
    apa: renderStyle(item, 'apa'),
    chicago: renderStyle(item, 'chicago'),
    bibtex: bibtexEntries([item]),
    ris: risRecord(item, doc.type),
    cslJson: item,
  };
}

export const CITATION_FORMATS = [
  { id: 'apa', label: 'APA (7th edition)', extension: 'txt', contentType: MEDIA_TYPES.text },
  { id: 'chicago', label: 'Chicago (17th edition, author-date)', extension: 'txt', contentType: MEDIA_TYPES.text },
  { id: 'bibtex', label: 'BibTeX', extension: 'bib', contentType: MEDIA_TYPES.bibtex },
  { id: 'ris', label: 'RIS', extension: 'ris', contentType: MEDIA_TYPES.ris },
  { id: 'csl-json', label: 'CSL-JSON', extension: 'json', contentType: MEDIA_TYPES.cslJson },
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

/** A citation as a file to download: CSL-JSON as a one-item array, the styles as plain text. */
export function citationFile(citation: Citation, id: CitationFormatId): DownloadFile {
  const format = citationFormat(id);
  const bodies: Record<CitationFormatId, () => string> = {
    apa: () => `${citation.apa.text}\n`,
    chicago: () => `${citation.chicago.text}\n`,
    bibtex: () => citation.bibtex,
    ris: () => citation.ris,
    'csl-json': () => `${JSON.stringify([citation.cslJson], null, 2)}\n`,
  };
  const stem = citation.cslJson.page ? `${citation.cslJson['citation-key']}-p${citation.cslJson.page}` : citation.cslJson['citation-key'];
  // Both styles are .txt files: the style's name keeps them apart.
  const suffix = format.extension === 'txt' ? `-${format.id}` : '';
  return { body: bodies[id](), contentType: format.contentType, filename: `${stem}${suffix}.${format.extension}` };
}
