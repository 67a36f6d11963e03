/**
 * The facet catalog, declared once. The declaration order is the display order.
 * The indexer derives filterable attributes from it; the server derives the
 * allowlisted URL parameters, the filters and the facet lists from it.
 */

export interface FacetDefinition {
  /** URL parameter (repeatable): `?theme=nato&theme=sanctions`. */
  param: 'theme' | 'mentions' | 'speaker' | 'type' | 'org' | 'year';
  /** Field in both indexes. */
  field: 'themes' | 'themeMentions' | 'speakers' | 'type' | 'organisations' | 'year';
  label: string;
  /** How many values a facet list shows before "more". */
  limit: number;
  /** Values are numbers (year) rather than strings. */
  numeric?: boolean;
}

export const FACETS = [
  { param: 'theme', field: 'themes', label: 'Theme', limit: 15 },
  // Every theme a document names, even in passing: wider than "Theme", which holds what documents are about.
  { param: 'mentions', field: 'themeMentions', label: 'Theme mentioned', limit: 15 },
  { param: 'speaker', field: 'speakers', label: 'Speaker', limit: 10 },
  { param: 'type', field: 'type', label: 'Document type', limit: 10 },
  { param: 'org', field: 'organisations', label: 'Organisation', limit: 10 },
  { param: 'year', field: 'year', label: 'Year', limit: 30, numeric: true },
] as const satisfies readonly FacetDefinition[];

export type FacetParam = (typeof FACETS)[number]['param'];

/**
 * Facet values: a results page and the API carry at most FACET_VALUES_SHOWN per
 * facet (the catalog's `limit` shown, the rest under "more"; selected values always
 * kept); the engine counts up to FACET_VALUES_COUNTED, so the shown ones are exact.
 */
export const FACET_VALUES_SHOWN = 100;
export const FACET_VALUES_COUNTED = 1000;

/** The year facet's value for documents without a date. */
export const UNDATED = 'undated';

/** Sort options: URL value -> Meilisearch sort expression (none = relevance). */
export const SORTS = {
  relevance: { label: 'Relevance', sort: [] as string[] },
  newest: { label: 'Newest first', sort: ['dateTs:desc'] },
  oldest: { label: 'Oldest first', sort: ['dateTs:asc'] },
} as const;
export type SortKey = keyof typeof SORTS;
