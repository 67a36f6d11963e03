/**
 * Search state -> Meilisearch queries. Pure functions: field names come only
 * from the facet catalog and values are always quoted and escaped, so no
 * request text can change the shape of a filter.
 */
import type { MultiSearchFederation, MultiSearchQuery } from 'meilisearch';
import { filterList, filterString as quote } from '../../contract/filters.js';
import { FACETS, SORTS, UNDATED, type FacetDefinition, type FacetParam } from '../../contract/facets.js';
import type { DocumentRecord } from '../../contract/document.js';
import type { IndexNames } from '../../contract/settings.js';
import { effectiveSort, type SearchState } from './state.js';
import { isAmpersandPhrase, parseQuery, type Alternative, type ParsedQuery } from './query-text.js';

/** Private-use characters mark highlights, so they survive HTML escaping untouched (see highlight.ts). */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';


/**
 * A researcher's question in plain words rarely has every word in one document:
 * documents with the most words (the rarest kept longest) rank first, and those
 * without some words still come, marked with what they lack.
 */
export const MATCHING_STRATEGY = 'frequency';

/** Every passage field but the stems, which only searching needs. */
export const PASSAGE_FIELDS = [
  'id', 'docId', 'ordinal', 'page', 'start', 'end', 'heading', 'text', 'ocr', 'themes', 'acronyms', 'title', 'type',
  'organisations', 'speakers', 'year', 'dateTs', 'date', 'themeMentions',
];

/** A larger page than any corpus we expect holds, for aggregate views (people, stats). */
const EVERYTHING = 100_000;

/** `field IN [...]`: OR within one facet. Numeric facets take validated integers unquoted. */
export function facetFilter(facet: FacetDefinition, selected: readonly string[]): string {
  const values = facet.numeric ? selected.filter((value) => value !== UNDATED) : selected;
  const literals = values.map((value) => (facet.numeric && /^\d+$/.test(value) ? value : quote(value)));
  const filter = `${facet.field} IN [${literals.join(', ')}]`;
  // "Undated" is a value of the year facet: documents whose year is unknown.
  if (values.length === selected.length) return filter;
  const missing = `${facet.field} IS NULL OR ${facet.field} NOT EXISTS`;
  return values.length === 0 ? missing : `${filter} OR ${missing}`;
}

/** Acronyms written in capitals: results must mention each of them (by any spelling). */
export function acronymFilters(acronyms: readonly string[]): string[] {
  return acronyms.map((acronym) => `acronyms = ${quote(acronym)}`);
}

/** A multi-search request: plain, or federated (the queries' results joined, for `OR`). */
export interface SearchRequest {
  queries: MultiSearchQuery[];
  federation?: MultiSearchFederation;
}

/** Every filter of the state (AND across facets) and of its query, optionally leaving one facet out. */
export function stateFilters(state: SearchState, except?: FacetParam, acronyms: readonly string[] = parseQuery(state.q).acronyms): string[] {
  const filters: string[] = [...acronymFilters(acronyms)];
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
  'publisher', 'datePrecision',
];

/** Every document field but the full text (pages render passages instead) and the fingerprint. */
export const DOCUMENT_FIELDS = DOCUMENT_LIST_FIELDS.concat([
  'file', 'dateTs', 'language', 'provenance', 'sha256', 'bytes', 'indexedAt', 'finalUrl', 'retrievedAt', 'ocr',
]);

/** Each alternative of a ranked query as one of a federated search's queries on the documents index, weighted. */
function alternativeQueries(state: SearchState, names: IndexNames, parsed: ParsedQuery, fields: readonly string[], except?: FacetParam): MultiSearchQuery[] {
  const sort = [...SORTS[effectiveSort(state)].sort];
  return parsed.alternatives.map((alternative) => ({
    federationOptions: { weight: alternative.weight ?? 1 },
    indexUid: names.documents,
    q: alternative.text,
    matchingStrategy: MATCHING_STRATEGY,
    filter: [...stateFilters(state, except, alternative.acronyms), ...(alternative.speakers ? [`speakers IN ${filterList(alternative.speakers)}`] : [])],
    ...(sort.length > 0 ? { sort } : {}),
    attributesToRetrieve: [...fields],
  }));
}

/**
 * The documents requests for one results page: the main query (hits, total and
 * the counts of unselected facets), then one query per facet with a selection,
 * without that facet's own filter, for its disjunctive counts: one multi-search
 * request. With `OR`, the same as federated requests (`federated`), each joining
 * the alternatives' results.
 */
export function documentQueries(
  state: SearchState,
  names: IndexNames,
  parsed: ParsedQuery = parseQuery(state.q),
): { queries: MultiSearchQuery[]; federated?: SearchRequest[]; facetOrder: FacetParam[] } {
  const selectedFacets = FACETS.filter((f) => state.selections[f.param].length > 0);
  const unselected = FACETS.filter((f) => state.selections[f.param].length === 0).map((f) => f.field);
  const sort = [...SORTS[effectiveSort(state)].sort];
  const facetOrder = selectedFacets.map((f) => f.param);
  if (parsed.alternatives.length > 1) {
    const joined = (except: FacetParam | undefined, facets: string[], offset: number, limit: number): SearchRequest => ({
      federation: { offset, limit, facetsByIndex: { [names.documents]: facets }, mergeFacets: {} },
      queries: alternativeQueries(state, names, parsed, DOCUMENT_LIST_FIELDS, except),
    });
    return {
      queries: [],
      federated: [
        joined(undefined, unselected, (state.page - 1) * state.per, state.per),
        ...selectedFacets.map((facet) => joined(facet.param, [facet.field], 0, 0)),
      ],
      facetOrder,
    };
  }
  const main: MultiSearchQuery = {
    indexUid: names.documents,
    q: parsed.text,
    matchingStrategy: MATCHING_STRATEGY,
    filter: stateFilters(state, undefined, parsed.acronyms),
    sort,
    page: state.page,
    hitsPerPage: state.per,
    facets: unselected,
    attributesToRetrieve: DOCUMENT_LIST_FIELDS,
  };
  const disjunctive = selectedFacets.map<MultiSearchQuery>((facet) => ({
    indexUid: names.documents,
    q: parsed.text,
    matchingStrategy: MATCHING_STRATEGY,
    filter: stateFilters(state, facet.param, parsed.acronyms),
    limit: 0,
    facets: [facet.field],
  }));
  return { queries: [main, ...disjunctive], facetOrder };
}

/** Passages matching `q` under `filter`, as cropped and highlighted snippets. Only the text is searched, so every snippet shows its match. */
function snippetsQuery(q: string, filter: string[], names: IndexNames, limit: number): MultiSearchQuery {
  return {
    indexUid: names.passages,
    q,
    matchingStrategy: MATCHING_STRATEGY,
    attributesToSearchOn: ['text'],
    filter,
    limit,
    attributesToRetrieve: ['id', 'docId', 'page', 'ordinal', 'heading'],
    attributesToCrop: ['text'],
    cropLength: 40,
    attributesToHighlight: ['text'],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
}

/**
 * Up to `limit` passages of one document matching the query, cropped and
 * highlighted. Passages found by stems come whole: Meilisearch cannot mark
 * another form of a word, so the server marks them (see stemSnippet).
 */
export function passageSnippetQuery(alternative: Alternative, docId: string, names: IndexNames, limit = SNIPPETS_PER_DOCUMENT): MultiSearchQuery {
  const filter = [`docId = ${quote(docId)}`, ...acronymFilters(alternative.acronyms)];
  if (!alternative.stems) return snippetsQuery(alternative.text, filter, names, limit);
  return {
    indexUid: names.passages,
    q: alternative.text,
    matchingStrategy: MATCHING_STRATEGY,
    filter,
    limit,
    attributesToRetrieve: ['id', 'docId', 'page', 'ordinal', 'heading', 'text'],
  };
}

/** Snippets shown per result; a few more are asked for, since those without a visible match are dropped. */
export const SNIPPETS_PER_DOCUMENT = 3;

/**
 * For each term of a query, which of these documents contain it (same typo and
 * synonym rules): a result that lacks a term says so ("without: rearmament").
 */
export function termPresenceQueries(parsed: ParsedQuery, docIds: readonly string[], names: IndexNames): MultiSearchQuery[] {
  return parsed.terms.map((term) => ({
    indexUid: names.documents,
    // A phrase with `&` is also found written with "and": its words, in any order, are what it must have.
    q: isAmpersandPhrase(term) ? term.replace(/"/g, '') : term,
    matchingStrategy: 'all',
    filter: [`id IN ${filterList(docIds)}`],
    limit: docIds.length,
    attributesToRetrieve: ['id'],
  }));
}

/** Which of these documents have another form of a term ("spend" for "spending"): such a document does not lack it. */
export function termStemPresenceQueries(stemmedTerms: readonly string[], docIds: readonly string[], names: IndexNames): MultiSearchQuery[] {
  return stemmedTerms.map((stems) => ({
    indexUid: names.documents,
    q: stems,
    matchingStrategy: 'all',
    filter: [`id IN ${filterList(docIds)}`],
    limit: docIds.length,
    attributesToRetrieve: ['id'],
  }));
}

/** Up to `limit` passages of one document matching the query, whole (an export lists them with their text). */
export function matchingPassagesQuery(q: string, docId: string, names: IndexNames, limit: number): MultiSearchQuery {
  return {
    indexUid: names.passages,
    q,
    filter: [`docId = ${quote(docId)}`],
    limit,
    attributesToRetrieve: ['id', 'docId', 'page', 'ordinal', 'heading', 'text'],
  };
}

/** A passage that left its document, by its permalink id (contract/editions.ts). */
export function passageEditionQuery(editionsIndex: string, passageId: string): MultiSearchQuery {
  return { indexUid: editionsIndex, q: '', filter: [`id = ${quote(passageId)}`, 'kind = passage'], limit: 1 };
}

/** A document's changes, newest first. */
export function documentChangesQuery(editionsIndex: string, docId: string, limit: number): MultiSearchQuery {
  return { indexUid: editionsIndex, q: '', filter: [`docId = ${quote(docId)}`, 'kind = edition'], sort: ['atTs:desc'], limit };
}

/** Passages of these documents that name a person (the name as a phrase). */
export function personPassagesQuery(name: string, docIds: readonly string[], names: IndexNames, limit = 20): MultiSearchQuery {
  return snippetsQuery(`"${name.replace(/"/g, '')}"`, [`docId IN ${filterList(docIds)}`], names, limit);
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
    attributesToRetrieve: PASSAGE_FIELDS,
  };
}

/** The passages of a document that match a query, fully highlighted (no crop). */
export function documentMatchesQuery(parsed: ParsedQuery, docId: string, names: IndexNames): MultiSearchQuery {
  return {
    indexUid: names.passages,
    q: parsed.text,
    matchingStrategy: MATCHING_STRATEGY,
    attributesToSearchOn: ['text'],
    filter: [`docId = ${quote(docId)}`, ...acronymFilters(parsed.anyOf ? [] : parsed.acronyms)],
    limit: ALL_PASSAGES,
    attributesToRetrieve: ['id'],
    attributesToHighlight: ['text'],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
}

/**
 * The whole result set in the results page's order, up to `cap` documents (exports and feeds):
 * the same ranked query as the page (every alternative, federated), so an export holds what the
 * page lists.
 */
export function allDocumentsRequest(state: SearchState, names: IndexNames, cap: number, parsed: ParsedQuery = parseQuery(state.q)): SearchRequest {
  if (parsed.alternatives.length > 1) {
    return { federation: { offset: 0, limit: cap }, queries: alternativeQueries(state, names, parsed, DOCUMENT_FIELDS) };
  }
  return {
    queries: [
      {
        indexUid: names.documents,
        q: parsed.text,
        matchingStrategy: MATCHING_STRATEGY,
        filter: stateFilters(state, undefined, parsed.acronyms),
        sort: [...SORTS[effectiveSort(state)].sort],
        page: 1,
        hitsPerPage: cap,
        attributesToRetrieve: DOCUMENT_FIELDS,
      },
    ],
  };
}

/** One document by id, without its full text. */
export function documentByIdQuery(id: string, names: IndexNames): MultiSearchQuery {
  return { indexUid: names.documents, q: '', filter: [`id = ${quote(id)}`], limit: 1, attributesToRetrieve: DOCUMENT_FIELDS };
}

/** One passage by id, within the document its id names. */
export function passageByIdQuery(passageId: string, docId: string, names: IndexNames): MultiSearchQuery {
  return { indexUid: names.passages, q: '', filter: [`id = ${quote(passageId)}`, `docId = ${quote(docId)}`], limit: 1, attributesToRetrieve: PASSAGE_FIELDS };
}

/** Candidates for "related documents": others sharing a theme or a speaker, newest first; null when nothing can be shared. */
export function relatedDocumentsQuery(document: Pick<DocumentRecord, 'id' | 'themes' | 'speakers'>, names: IndexNames): MultiSearchQuery | null {
  const shared: string[] = [];
  if (document.themes.length > 0) shared.push(`themes IN ${filterList(document.themes)}`);
  if (document.speakers.length > 0) shared.push(`speakers IN ${filterList(document.speakers)}`);
  if (shared.length === 0) return null;
  return {
    indexUid: names.documents,
    q: '',
    filter: [shared.join(' OR '), `id != ${quote(document.id)}`],
    sort: ['dateTs:desc'],
    limit: 200,
    attributesToRetrieve: DOCUMENT_LIST_FIELDS,
  };
}

/** How many documents have each term (same typo and synonym rules as a search), and how many there are. */
export function termFrequencyQueries(terms: readonly string[], names: IndexNames): MultiSearchQuery[] {
  return terms.map((term) => ({ indexUid: names.documents, q: term, matchingStrategy: 'all', page: 1, hitsPerPage: 0 }));
}

/** Every speaker's name (the facet's values). */
export function speakerNamesQuery(names: IndexNames): MultiSearchQuery {
  // An exact total too: the collection's size, against which a word's rarity is measured.
  return { indexUid: names.documents, q: '', page: 1, hitsPerPage: 0, facets: ['speakers'] };
}

/** Document counts per theme over the whole collection. */
export function themeCountsQuery(names: IndexNames): MultiSearchQuery {
  return { indexUid: names.documents, q: '', limit: 0, facets: ['themes'] };
}

/** The people of every document. */
export function everyonesPeopleQuery(names: IndexNames): MultiSearchQuery {
  return { indexUid: names.documents, q: '', limit: EVERYTHING, attributesToRetrieve: ['people'] };
}

/** Every document naming a person, newest first. */
export function personDocumentsQuery(slug: string, names: IndexNames): MultiSearchQuery {
  return {
    indexUid: names.documents,
    q: '',
    filter: [`people.slug = ${quote(slug)}`],
    sort: ['dateTs:desc'],
    limit: EVERYTHING,
    attributesToRetrieve: DOCUMENT_LIST_FIELDS,
  };
}

/** Corpus statistics: documents by type, passages, earliest and latest date, and every indexing time. */
export function statsQueries(names: IndexNames): MultiSearchQuery[] {
  return [
    { indexUid: names.documents, q: '', page: 1, hitsPerPage: 0, facets: ['type'] },
    { indexUid: names.passages, q: '', page: 1, hitsPerPage: 0 },
    { indexUid: names.documents, q: '', filter: ['dateTs IS NOT NULL'], sort: ['dateTs:asc'], limit: 1, attributesToRetrieve: ['date'] },
    { indexUid: names.documents, q: '', filter: ['dateTs IS NOT NULL'], sort: ['dateTs:desc'], limit: 1, attributesToRetrieve: ['date'] },
    // Every record's fields for "Last indexed" and the list of files that need attention on /about.
    { indexUid: names.documents, q: '', limit: EVERYTHING, attributesToRetrieve: ['indexedAt', 'id', 'file', 'title', 'date', 'needsOcr', 'warnings'] },
  ];
}

/** Both indexes exist and answer (readiness), with their sizes. */
export function readinessQueries(names: IndexNames): MultiSearchQuery[] {
  return [
    { indexUid: names.documents, q: '', limit: 0 },
    { indexUid: names.passages, q: '', limit: 0 },
  ];
}
