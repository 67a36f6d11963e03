/**
 * Search state -> shareable URL. Every link on the search page (facet toggles,
 * chips, pagination, sort) is the current state with one change, written in a
 * canonical parameter order with defaults left out.
 */
import { FACETS, type FacetParam } from '../../contract/facets.js';
import { DEFAULT_PER_PAGE, type SearchState } from './state.js';
import { searchPath } from '../links.js';

export function stateParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) for (const value of state.selections[facet.param]) params.append(facet.param, value);
  if (state.from) params.set('from', state.from.input);
  if (state.to) params.set('to', state.to.input);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.per !== DEFAULT_PER_PAGE) params.set('per', String(state.per));
  return params;
}

export function stateUrl(state: SearchState): string {
  return searchPath(stateParams(state));
}

function copy(state: SearchState): SearchState {
  return {
    ...state,
    selections: Object.fromEntries(FACETS.map((f) => [f.param, [...state.selections[f.param]]])) as unknown as Record<FacetParam, string[]>,
  };
}

/** Any change of what is searched goes back to page 1. */
export function toggleValue(state: SearchState, param: FacetParam, value: string): SearchState {
  const next = copy(state);
  const selected = next.selections[param];
  next.selections[param] = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
  next.page = 1;
  return next;
}

export function onlyValue(state: SearchState, param: FacetParam, value: string): SearchState {
  const next = copy(state);
  next.selections[param] = [value];
  next.page = 1;
  return next;
}

export function withoutDate(state: SearchState, bound: 'from' | 'to'): SearchState {
  const next = copy(state);
  next[bound] = null;
  next.page = 1;
  return next;
}

export function withoutQuery(state: SearchState): SearchState {
  const next = copy(state);
  next.q = '';
  next.page = 1;
  return next;
}

export function withoutFilters(state: SearchState): SearchState {
  const next = copy(state);
  for (const facet of FACETS) next.selections[facet.param] = [];
  next.from = null;
  next.to = null;
  next.page = 1;
  return next;
}

export function withPage(state: SearchState, page: number): SearchState {
  return { ...copy(state), page };
}

/** The state's parameters minus paging: what exports and feeds take. */
export function filterParams(state: SearchState): string {
  const params = stateParams({ ...state, page: 1, per: DEFAULT_PER_PAGE });
  return params.toString();
}

/** A search's feed parameters: its filters without paging or sort, since a feed always runs newest first. */
export function feedParams(state: SearchState): string {
  return filterParams({ ...state, sort: null });
}
