/**
 * What every extractor gives back, whatever the format: blocks of text with page
 * numbers and the file's own properties, or an ExtractionError with a reason.
 * Extractors may run in worker processes, so these are plain, serialisable data.
 */

/** Metadata a user wrote in a sidecar or front matter (all optional, validated in the metadata stage). */
export type MetadataInput = Record<string, unknown>;

/** A unit of extracted text. Blocks never span pages. */
export interface Block {
  page: number;
  kind: 'heading' | 'paragraph' | 'list-item';
  text: string;
}

/** A page whose text came from OCR, with tesseract's mean word confidence (0–100). */
export interface OcrPage {
  page: number;
  confidence: number;
  /** Below the configured confidence floor: kept and searchable, but marked as unreliable. */
  belowFloor: boolean;
}

export interface Extracted {
  blocks: Block[];
  pages: number;
  /** Document properties from the file itself (PDF info dictionary, HTML <meta>, front matter). */
  properties: MetadataInput;
  /** Where `properties` came from. */
  propertiesSource: 'pdf-info' | 'html-meta' | 'front-matter' | null;
  /** True when the file has pages but no text, neither from a text layer nor from OCR. */
  needsOcr: boolean;
  /** Pages read by OCR (absent or empty when none were). */
  ocrPages?: OcrPage[];
  /** Non-fatal problems (a page that failed to extract), shown in --explain and the summary. */
  warnings: string[];
  /** Page furniture left out of the text (navigation, cookie notices, banners), for --explain. */
  removed?: string[];
}

/** An extraction failure with a reason a user can act on ("password-protected", "not a PDF"). */
export class ExtractionError extends Error {
  override name = 'ExtractionError';
}

export function emptyExtracted(): Extracted {
  return { blocks: [], pages: 0, properties: {}, propertiesSource: null, needsOcr: false, warnings: [] };
}
