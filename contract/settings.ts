/**
 * Meilisearch index names and settings, derived from the facet catalog so the
 * indexer and the server cannot disagree about which fields filter or sort.
 */
import type { Settings } from 'meilisearch';
import { FACET_VALUES_COUNTED, FACETS } from './facets.js';
import { STEMS_FIELD } from './stems.js';

/** A Meilisearch error (or its cause chain) saying an index does not exist yet. */
export function isIndexNotFound(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === 'index_not_found') return true;
  }
  return false;
}

export interface IndexNames {
  documents: string;
  passages: string;
}

export function indexNames(prefix: string): IndexNames {
  return { documents: `${prefix}_documents`, passages: `${prefix}_passages` };
}

/** The edition history: shared by a --rebuild's new indexes and the live ones, never swapped or dropped with them. */
export function editionsIndexName(prefix: string): string {
  return `${prefix}_editions`;
}

/** Looked up by id and document only; never searched by words. */
export const EDITION_SETTINGS: Settings = {
  displayedAttributes: ['*'],
  searchableAttributes: ['id'],
  filterableAttributes: ['id', 'docId', 'kind'],
  sortableAttributes: ['atTs'],
  pagination: { maxTotalHits: 10_000 },
};

const facetFields = FACETS.map((f) => f.field);

/**
 * The fields that hold the words as written, in ranking order. The stems field
 * (contract/stems.ts) comes after them, so a match on a word as written ranks
 * above a match on another form of it. Queries do not name the fields they
 * search (`attributesToSearchOn`): Meilisearch refuses a field no record has
 * yet, as in an empty collection.
 */
export const DOCUMENT_WORD_FIELDS = ['title', 'speakers', 'organisations', 'summary', 'text', 'place'];
export const PASSAGE_WORD_FIELDS = ['text', 'heading', 'title'];

/** A glossary entry turned into Meilisearch synonyms by the indexer. */
export type Synonyms = Record<string, string[]>;

/** Acronyms are exact: typo tolerance must not turn "EDF" into "EDP" or "SAFE" into "safer". */
const typoTolerance = (acronyms: string[]): Settings['typoTolerance'] => ({
  enabled: true,
  minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  disableOnWords: acronyms.map((a) => a.toLowerCase()),
});

/** More than any corpus we expect, so totals and pagination are exact. */
export const MAX_TOTAL_HITS = 1_000_000;

/** What both indexes share: ranking, synonyms, acronym-safe typo tolerance, exact totals. */
function commonSettings(synonyms: Synonyms, acronyms: string[]): Settings {
  return {
    displayedAttributes: ['*'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    synonyms,
    typoTolerance: typoTolerance(acronyms),
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}

export function documentSettings(synonyms: Synonyms, acronyms: string[]): Settings {
  return {
    ...commonSettings(synonyms, acronyms),
    searchableAttributes: [...DOCUMENT_WORD_FIELDS, STEMS_FIELD],
    filterableAttributes: [...facetFields, 'id', 'dateTs', 'file', 'people.slug', 'acronyms'],
    sortableAttributes: ['dateTs', 'title'],
    faceting: { maxValuesPerFacet: FACET_VALUES_COUNTED, sortFacetValuesBy: { '*': 'count' } },
  };
}

export function passageSettings(synonyms: Synonyms, acronyms: string[]): Settings {
  return {
    ...commonSettings(synonyms, acronyms),
    searchableAttributes: [...PASSAGE_WORD_FIELDS, STEMS_FIELD],
    filterableAttributes: [...facetFields, 'id', 'docId', 'dateTs', 'page', 'acronyms'],
    sortableAttributes: ['dateTs', 'ordinal'],
    // The indexer lists every document id present in passages through this facet.
    faceting: { maxValuesPerFacet: MAX_TOTAL_HITS, sortFacetValuesBy: { '*': 'alpha' } },
  };
}
