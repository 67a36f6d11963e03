/** Media types of the files Entente serves for citations and exports, declared once. */
export const MEDIA_TYPES = {
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  cslJson: 'application/vnd.citationstyles.csl+json; charset=utf-8',
} as const;
