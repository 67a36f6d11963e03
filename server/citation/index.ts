/**
 * Citations, result-set exports and Atom feeds: pure functions from records to
 * strings, free of HTTP, for the server's handlers to send.
 */
export {
  citeDocument,
  citationFile,
  citationText,
  citationFormat,
  isCitationFormatId,
  CITATION_FORMATS,
  type Citation,
  type CitationFormat,
  type CitationFormatId,
  type DownloadFile,
} from './cite.js';
export {
  citationKey,
  cslType,
  issuedParts,
  originalUrl,
  pinpoint,
  pinpointPage,
  publisherName,
  toCslItem,
  type CiteOptions,
  type CitedPassage,
  type CslItem,
  type Pinpoint,
} from './csl.js';
export {
  exportFile,
  exportItems,
  exportResults,
  isExportFormatId,
  resultsBibtex,
  resultsCslJson,
  resultsCsv,
  resultsRis,
  CSV_COLUMNS,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportFormatId,
  type ExportOptions,
} from './export.js';
export { atomFeed, ATOM_CONTENT_TYPE, type AtomFeedOptions } from './feed.js';
export { documentFileUrl, documentUrl, passageUrl } from '../links.js';
export {
  citationStyle,
  isCslStyle,
  warmUpCitationStyles,
  CITATION_STYLES,
  DEFAULT_STYLE,
  type CitationStyle,
  type CslStyle,
  type RenderedText,
  type StyledCitation,
} from './styles.js';
export { OFFICIAL_STYLES_COMMIT } from './official-styles.js';
