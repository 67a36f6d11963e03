/**
 * Search state -> Meilisearch queries. Pure functions: field names come only
 * from the facet catalog and values are always quoted and escaped, so no
 * request text can change the shape of a filter.
 */
import type { MultiSearchQuery } from 'meilisearch';
import { filterString as quote } from '../../contract/filters.js';
import { FACETS, SORTS, type FacetDefinition, type FacetParam } from '../../contract/facets.js';
import type { IndexNames } from '../../contract/settings.js';
import { effectiveSort, type SearchState } from './state.js';

/** Private-use characters mark highlights, so they survive HTML escaping untouched (see highlight.ts). */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';


/** `field IN [...]`: OR within one facet. Numeric facets take validated integers unquoted. */
export function facetFilter(facet: FacetDefinition, selected: readonly string[]): string {
  const literals = selected.map((value) => (facet.numeric && /^\d+$/.test(value) ? value : quote(value)));
  return `${facet.field} IN [${literals.join(', ')}]`;
}

/** Every filter of the state (AND across facets), optionally leaving one facet out. */
export function stateFilters(state: SearchState, except?: FacetParam): string[] {
  const filters: string[] = [];
  for (const facet of FACETS) {
    const selected = state.selections[facet.param];
    if (facet.param !== except && selected.length > 0) filters.push(facetFilter(facet, selected));
  }
  if (state.from) filters.push(`dateTs >= ${state.from.ts}`);
  if (state.to) filters.push(`dateTs <= ${state.to.ts}`);
  return filters;
}

/** Fields a result list needs; the full text stays in the index. */
export const DOCUMENT_LIST_FIELDS = [
  'id', 'title', 'date', 'year', 'type', 'organisations', 'people', 'speakers', 'themes', 'themeTags',
  'summary', 'place', 'pages', 'passageCount', 'needsOcr', 'format', 'sourceUrl', 'published',
];

/** Every document field but the full text (pages render passages instead) and the fingerprint. */
export const DOCUMENT_FIELDS = DOCUMENT_LIST_FIELDS.concat([
  'file', 'dateTs', 'language', 'provenance', 'sha256', 'bytes', 'indexedAt',
]);

/**
 * The documents queries for one results page: the main query (hits, total and
 * the counts of unselected facets), then one query per facet with a selection,
 * without that facet's own filter, for its disjunctive counts.
 */
export function documentQueries(state: SearchState, names: IndexNames): { queries: MultiSearchQuery[]; facetOrder: FacetParam[] } {
  const selectedFacets = FACETS.filter((f) => state.selections[f.param].length > 0);
  const main: MultiSearchQuery = {
    indexUid: names.documents,
    q: state.q,
    // Every word must match (typos and synonyms allowed): a researcher's words are not optional.
    matchingStrategy: 'all',
    filter: stateFilters(state),
    sort: [...SORTS[effectiveSort(state)].sort],
    page: state.page,
    hitsPerPage: state.per,
    facets: FACETS.filter((f) => state.selections[f.param].length === 0).map((f) => f.field),
    attributesToRetrieve: DOCUMENT_LIST_FIELDS,
  };
  const disjunctive = selectedFacets.map<MultiSearchQuery>((facet) => ({
    indexUid: names.documents,
    q: state.q,
    matchingStrategy: 'all',
    filter: stateFilters(state, facet.param),
    limit: 0,
    facets: [facet.field],
  }));
  return { queries: [main, ...disjunctive], facetOrder: selectedFacets.map((f) => f.param) };
}

/** Up to `limit` passages of one document matching the query, cropped and highlighted. */
export function passageSnippetQuery(q: string, docId: string, names: IndexNames, limit = 3): MultiSearchQuery {
  return {
    indexUid: names.passages,
    q,
    filter: [`docId = ${quote(docId)}`],
    limit,
    attributesToRetrieve: ['id', 'docId', 'page', 'ordinal', 'heading'],
    attributesToCrop: ['text'],
    cropLength: 40,
    attributesToHighlight: ['text'],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
}

/** A page size that takes every passage of a document in one request. */
export const ALL_PASSAGES = 100_000;

/** Every passage of a document in reading order. */
export function documentPassagesQuery(docId: string, names: IndexNames): MultiSearchQuery {
  return {
    indexUid: names.passages,
    q: '',
    filter: [`docId = ${quote(docId)}`],
    sort: ['ordinal:asc'],
    limit: ALL_PASSAGES,
  };
}

/** The passages of a document that match a query, fully highlighted (no crop). */
export function documentMatchesQuery(q: string, docId: string, names: IndexNames): MultiSearchQuery {
  return {
    indexUid: names.passages,
    q,
    filter: [`docId = ${quote(docId)}`],
    limit: ALL_PASSAGES,
    attributesToRetrieve: ['id'],
    attributesToHighlight: ['text'],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
}
