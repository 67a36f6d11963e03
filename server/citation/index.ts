/**
 * Citations, result-set exports and Atom feeds: pure functions from records to
 * strings, free of HTTP, for the server's handlers to send.
 */
export {
  citeDocument,
  citationFile,
  citationFormat,
  isCitationFormatId,
  CITATION_FORMATS,
  type Citation,
  type CitationFormat,
  type CitationFormatId,
  type DownloadFile,
} from './cite.js';
export { citationKey, pinpointPage, toCslItem, type CiteOptions, type CitedPassage, type CslItem } from './csl.js';
export {
  exportFile,
  exportResults,
  isExportFormatId,
  resultsBibtex,
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
export { warmUpCitationStyles, type RenderedText, type StyledCitation } from './styles.js';
