/**
 * The cite box of a document or passage: the reference in every official
 * style (one shown, the reader's choice), the machine formats to copy, a
 * download per format and the permalink.
 */
import type { DocumentRecord } from '../../contract/document.js';
import { citeDocument, citationText, CITATION_FORMATS, type CitationFormatId } from './cite.js';
import type { CitedPassage } from './csl.js';
import { CITATION_STYLES, DEFAULT_STYLE, type CslStyle } from './styles.js';
import { documentCitePath } from '../links.js';

export interface StyleChoice {
  id: CslStyle;
  label: string;
  /** Escaped HTML of the reference, "Retrieved from Entente" included where the style has it. */
  referenceHtml: string;
  inTextHtml: string;
  /** "In-text citation" or "Footnote". */
  inTextLabel: string;
  selected: boolean;
}

export interface MachineFormat {
  id: CitationFormatId;
  label: string;
  text: string;
}

export interface CiteBox {
  styles: StyleChoice[];
  machine: MachineFormat[];
  downloads: Array<{ id: CitationFormatId; label: string; url: string }>;
  permalink: string;
  originalUrl: string | null;
  /** "p. 7", "para. 3" or null. */
  pinpoint: string | null;
  /** The URL of this box as a page (the no-script cite page), without a style. */
  pageUrl: string;
  passageId: string | null;
}

export function citeBox(document: DocumentRecord, base: string, options: { passage?: CitedPassage; style?: CslStyle } = {}): CiteBox {
  const citation = citeDocument(document, { baseUrl: base, ...(options.passage ? { passage: options.passage } : {}) });
  const chosen = options.style ?? DEFAULT_STYLE;
  const at = citation.pinpoint;
  return {
    styles: CITATION_STYLES.map((style) => {
      const styled = citation.styles[style.id];
      return {
        id: style.id,
        label: style.label,
        referenceHtml: styled.html,
        inTextHtml: styled.inText.html,
        inTextLabel: styled.kind === 'note' ? 'Footnote' : 'In-text citation',
        selected: style.id === chosen,
      };
    }),
    machine: CITATION_FORMATS.filter((format) => !format.style).map((format) => ({ id: format.id, label: format.label, text: citationText(citation, format.id) })),
    downloads: CITATION_FORMATS.map((format) => ({
      id: format.id,
      label: format.label,
      url: documentCitePath(document.id, format.id, options.passage?.id),
    })),
    permalink: citation.permalink,
    originalUrl: citation.originalUrl,
    pinpoint: at ? `${at.label === 'page' ? 'p.' : 'para.'} ${at.value}` : null,
    pageUrl: documentCitePath(document.id, undefined, options.passage?.id),
    passageId: options.passage?.id ?? null,
  };
}
