/**
 * Request parameters -> an allowlisted search state, through an ordered list of
 * named steps. Each step reads only the parameters it owns and throws
 * BadRequest with a message a person can act on. Nothing outside the state
 * reaches a Meilisearch query.
 */
import { FACETS, SORTS, UNDATED, type FacetParam, type SortKey } from '../../contract/facets.js';
import { DOC_TYPES } from '../../contract/document.js';
import { BadRequest } from '../errors.js';
import { SLUG_PATTERN } from '../../contract/ids.js';

export const PER_PAGE_CHOICES = [10, 20, 50] as const;
export type PerPage = (typeof PER_PAGE_CHOICES)[number];
export const DEFAULT_PER_PAGE: PerPage = 20;
/** Deep pages are for export, not browsing. */
export const MAX_PAGE = 500;
export const MAX_QUERY_LENGTH = 500;
export const MAX_VALUES_PER_FACET = 20;
const MAX_VALUE_LENGTH = 200;

/** An inclusive date bound as given (`2025`, `2025-05`, `2025-05-06`) and as the day it stands for. */
export interface DateBound {
  input: string;
  /** ISO day: the first day of the period for `from`, the last for `to`. */
  day: string;
  /** Unix seconds of that day at UTC midnight (how the index stores dates). */
  ts: number;
}

export interface SearchState {
  q: string;
  selections: Record<FacetParam, string[]>;
  from: DateBound | null;
  to: DateBound | null;
  /** The sort asked for; null = the default (relevance with a query, newest without). */
  sort: SortKey | null;
  page: number;
  per: PerPage;
}

export type RawParams = Record<string, unknown>;

/** What the state steps need to know about the corpus. */
export interface StateContext {
  /** Known theme ids; empty = no taxonomy loaded, any well-formed id is accepted. */
  themeIds: ReadonlySet<string>;
}

interface StateStep {
  name: string;
  apply(state: SearchState, params: RawParams, context: StateContext): void;
}

export const SEARCH_PARAMS = ['q', ...FACETS.map((f) => f.param), 'from', 'to', 'sort', 'page', 'per'] as const;

export function emptyState(): SearchState {
  return {
    q: '',
    selections: Object.fromEntries(FACETS.map((f) => [f.param, []])) as unknown as Record<FacetParam, string[]>,
    from: null,
    to: null,
    sort: null,
    page: 1,
    per: DEFAULT_PER_PAGE,
  };
}

/** Every value of a parameter as strings; empty strings (an unfilled form field) are absent. */
function values(params: RawParams, name: string): string[] {
  const raw = params[name];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .map((value) => {
      if (typeof value !== 'string') throw new BadRequest(`Parameter "${name}" must be plain text.`);
      return value.trim();
    })
    .filter((value) => value !== '');
}

function single(params: RawParams, name: string): string | undefined {
  const list = values(params, name);
  if (list.length > 1) throw new BadRequest(`Parameter "${name}" may be given only once.`);
  return list[0];
}

const DATE_INPUT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses YYYY, YYYY-MM or YYYY-MM-DD into the first (`start`) or last (`end`) day it covers. */
export function parseDateBound(name: string, input: string, edge: 'start' | 'end'): DateBound {
  const match = DATE_INPUT.exec(input);
  const invalid = () =>
    new BadRequest(`Parameter "${name}" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${input}").`);
  if (!match) throw invalid();
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < 1000 || (month !== null && (month < 1 || month > 12))) throw invalid();
  let date: Date;
  if (day !== null && month !== null) {
    date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw invalid();
  } else if (month !== null) {
    date = edge === 'start' ? new Date(Date.UTC(year, month - 1, 1)) : new Date(Date.UTC(year, month, 0));
  } else {
    date = edge === 'start' ? new Date(Date.UTC(year, 0, 1)) : new Date(Date.UTC(year, 11, 31));
  }
  return { input, day: date.toISOString().slice(0, 10), ts: Math.floor(date.getTime() / 1000) };
}

function integer(name: string, input: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(input)) throw new BadRequest(`Parameter "${name}" must be a whole number (got "${input}").`);
  const value = Number(input);
  if (value < min || value > max) throw new BadRequest(`Parameter "${name}" must be between ${min} and ${max}.`);
  return value;
}

function checkTheme(value: string, context: StateContext): string | null {
  if (!SLUG_PATTERN.test(value) || (context.themeIds.size > 0 && !context.themeIds.has(value))) {
    return `Unknown theme "${value}". See /themes for the list.`;
  }
  return null;
}

const facetValueCheckers: Record<FacetParam, (value: string, context: StateContext) => string | null> = {
  theme: checkTheme,
  mentions: checkTheme,
  speaker: () => null,
  type: (value) => ((DOC_TYPES as readonly string[]).includes(value) ? null : `Unknown document type "${value}". Known types: ${DOC_TYPES.join(', ')}.`),
  org: () => null,
  year: (value) => (/^\d{4}$/.test(value) || value === UNDATED ? null : `Parameter "year" must be a four-digit year or "${UNDATED}" (got "${value}").`),
};

/** The steps, in order. The order is the order in which problems are reported. */
export const STATE_STEPS: readonly StateStep[] = [
  {
    name: 'allowlist parameters',
    apply(_state, params) {
      const unknown = Object.keys(params).filter((name) => !(SEARCH_PARAMS as readonly string[]).includes(name));
      if (unknown.length > 0) {
        throw new BadRequest(`Unknown parameter "${unknown[0]}". Search accepts: ${SEARCH_PARAMS.join(', ')}.`);
      }
    },
  },
  {
    name: 'query text',
    apply(state, params) {
      const q = (single(params, 'q') ?? '').replace(/\s+/g, ' ');
      if (q.length > MAX_QUERY_LENGTH) throw new BadRequest(`The query is too long (at most ${MAX_QUERY_LENGTH} characters).`);
      state.q = q;
    },
  },
  {
    name: 'facet selections',
    apply(state, params, context) {
      for (const facet of FACETS) {
        const selected = [...new Set(values(params, facet.param))];
        if (selected.length > MAX_VALUES_PER_FACET) {
          throw new BadRequest(`Too many values for "${facet.param}" (at most ${MAX_VALUES_PER_FACET}).`);
        }
        for (const value of selected) {
          if (value.length > MAX_VALUE_LENGTH) throw new BadRequest(`A value of "${facet.param}" is too long.`);
          const problem = facetValueCheckers[facet.param](value, context);
          if (problem) throw new BadRequest(problem);
        }
        state.selections[facet.param] = selected;
      }
    },
  },
  {
    name: 'date range',
    apply(state, params) {
      const from = single(params, 'from');
      const to = single(params, 'to');
      state.from = from === undefined ? null : parseDateBound('from', from, 'start');
      state.to = to === undefined ? null : parseDateBound('to', to, 'end');
      if (state.from && state.to && state.to.ts < state.from.ts) {
        throw new BadRequest(`The date range ends (${state.to.input}) before it starts (${state.from.input}).`);
      }
    },
  },
  {
    name: 'sort',
    apply(state, params) {
      const sort = single(params, 'sort');
      if (sort === undefined) return;
      if (!Object.hasOwn(SORTS, sort)) {
        throw new BadRequest(`Unknown sort "${sort}". Sort by: ${Object.keys(SORTS).join(', ')}.`);
      }
      state.sort = sort as SortKey;
    },
  },
  {
    name: 'pagination',
    apply(state, params) {
      const page = single(params, 'page');
      const per = single(params, 'per');
      if (page !== undefined) state.page = integer('page', page, 1, MAX_PAGE);
      if (per !== undefined) {
        const value = integer('per', per, 1, 1000);
        if (!(PER_PAGE_CHOICES as readonly number[]).includes(value)) {
          throw new BadRequest(`Parameter "per" must be one of ${PER_PAGE_CHOICES.join(', ')}.`);
        }
        state.per = value as PerPage;
      }
    },
  },
];

export function parseSearchState(params: RawParams, context: StateContext): SearchState {
  const state = emptyState();
  for (const step of STATE_STEPS) step.apply(state, params, context);
  return state;
}

/** The sort actually applied: relevance needs a query, so browsing defaults to newest. */
export function effectiveSort(state: SearchState): SortKey {
  if (state.sort) return state.sort === 'relevance' && state.q === '' ? 'newest' : state.sort;
  return state.q === '' ? 'newest' : 'relevance';
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state.selections[f.param].length > 0) || state.from !== null || state.to !== null;
}
