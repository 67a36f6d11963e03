/** The search page (`/`) and `GET /api/search`: the same search, as HTML or JSON. */
import type { Request, Response } from 'express';
import { FACETS, SORTS, UNDATED, type FacetParam, type SortKey } from '../../contract/facets.js';
import { passageLocation } from '../../contract/document.js';
import { baseUrl, readSearchState, type AppContext } from '../context.js';
import type { FacetCounts, SearchOutcome } from '../search/library.js';
import { effectiveSort, hasFilters, PER_PAGE_CHOICES, type SearchState } from '../search/state.js';
import {
  feedParams,
  filterParams,
  onlyValue,
  stateParams,
  stateUrl,
  toggleValue,
  withoutDate,
  withoutFilters,
  withoutQuery,
  withPage,
} from '../search/url.js';
import { formatNumber, typeLabel } from '../view-helpers.js';
import { needsNames, suggestSpelling } from '../search/suggest.js';
import { documentUrl, exportPath, feedPath, passageUrl } from '../links.js';

/** How a facet value reads to a person: theme label, document type label, or the value itself. */
export function facetValueLabel(context: AppContext, param: FacetParam, value: string): string {
  if (param === 'theme' || param === 'mentions') return context.themes.label(value);
  if (param === 'type') return typeLabel(value);
  if (param === 'year' && value === UNDATED) return 'Undated';
  return value;
}

interface Chip {
  label: string;
  removeUrl: string;
}

function activeChips(context: AppContext, state: SearchState): Chip[] {
  const chips: Chip[] = [];
  for (const facet of FACETS) {
    for (const value of state.selections[facet.param]) {
      chips.push({ label: `${facet.label}: ${facetValueLabel(context, facet.param, value)}`, removeUrl: stateUrl(toggleValue(state, facet.param, value)) });
    }
  }
  if (state.from) chips.push({ label: `From ${state.from.input}`, removeUrl: stateUrl(withoutDate(state, 'from')) });
  if (state.to) chips.push({ label: `To ${state.to.input}`, removeUrl: stateUrl(withoutDate(state, 'to')) });
  return chips;
}

interface HistogramBar {
  label: string;
  count: number;
  selected: boolean;
  url: string | null;
}

/** Documents per year, every year between the first and last shown (empty years as gaps), then the undated ones. */
function histogram(state: SearchState, years: FacetCounts | undefined): { bars: HistogramBar[]; max: number; first: string; last: string } {
  const undated = years?.values.find((v) => v.value === UNDATED && v.count > 0);
  const counts = new Map((years?.values ?? []).filter((v) => v.count > 0 && v.value !== UNDATED).map((v) => [Number(v.value), v.count]));
  if (counts.size === 0) return { bars: [], max: 0, first: '', last: '' };
  const known = [...counts.keys()];
  const last = Math.max(...known);
  const first = Math.max(Math.min(...known), last - 59);
  const bars: HistogramBar[] = [];
  for (let year = first; year <= last; year++) {
    const count = counts.get(year) ?? 0;
    bars.push({
      label: String(year),
      count,
      selected: state.selections.year.includes(String(year)),
      url: count > 0 ? stateUrl(onlyValue(state, 'year', String(year))) : null,
    });
  }
  const firstLabel = bars[0]!.label;
  const lastLabel = bars[bars.length - 1]!.label;
  if (undated) {
    bars.push({ label: 'Undated', count: undated.count, selected: undated.selected, url: stateUrl(onlyValue(state, 'year', UNDATED)) });
  }
  return { bars, max: Math.max(...bars.map((b) => b.count)), first: firstLabel, last: lastLabel };
}

function pagination(state: SearchState, pages: number) {
  if (pages <= 1) return null;
  const current = Math.min(state.page, pages);
  const numbers = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= pages));
  const sorted = [...numbers].sort((a, b) => a - b);
  const items: ({ page: number; url: string; current: boolean } | { gap: true })[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous > 1) items.push({ gap: true });
    items.push({ page: n, url: stateUrl(withPage(state, n)), current: n === current });
  });
  return {
    previous: current > 1 ? stateUrl(withPage(state, current - 1)) : null,
    next: current < pages ? stateUrl(withPage(state, current + 1)) : null,
    items,
  };
}

/**
 * Ranked by relevance, documents with every word come first: when the first
 * lacks a word, none has them all (the page then says so, as for no results).
 */
export function noneHasEveryWord(outcome: SearchOutcome): boolean {
  const first = outcome.hits[0];
  return effectiveSort(outcome.state) === 'relevance' && first !== undefined && first.missing.length > 0;
}

export function searchPageModel(context: AppContext, outcome: SearchOutcome, suggestion: string | null = null) {
  const { state } = outcome;
  const facets = FACETS.map((facet) => {
    const counts = outcome.facets.find((f) => f.param === facet.param);
    return {
      param: facet.param,
      label: facet.label,
      limit: facet.limit,
      selectedCount: state.selections[facet.param].length,
      values: (counts?.values ?? []).map((v) => ({
        value: v.value,
        label: facetValueLabel(context, facet.param, v.value),
        count: v.count,
        selected: v.selected,
        url: stateUrl(toggleValue(state, facet.param, v.value)),
      })),
    };
  });
  const chips = activeChips(context, state);
  const missing = [...new Set(outcome.hits.flatMap((hit) => hit.missing))];
  const speakerSuggestions = outcome.unknownSpeakers.map((unknown) => ({
    name: unknown.name,
    closest: unknown.closest.map((name) => ({ name, url: stateUrl(toggleValue(toggleValue(state, 'speaker', unknown.name), 'speaker', name)) })),
  }));
  const query = filterParams(state);
  const title = state.q ? `${state.q} – Search` : 'Search';
  return {
    title,
    state,
    outcome,
    facets,
    chips,
    clearAllUrl: chips.length > 0 ? stateUrl(withoutFilters(state)) : null,
    withoutQueryUrl: state.q ? stateUrl(withoutQuery(state)) : null,
    hasFilters: hasFilters(state),
    suggestion,
    missing,
    partial: noneHasEveryWord(outcome),
    speakerSuggestions,
    histogram: histogram(state, outcome.facets.find((f) => f.param === 'year')),
    // Without an explicit sort the select rests on "relevance", so a new query is ranked by relevance.
    sortOptions: (Object.keys(SORTS) as SortKey[]).map((key) => ({
      value: key,
      label: key === 'relevance' && !state.q ? 'Relevance (newest first when browsing)' : SORTS[key].label,
      selected: key === (state.sort ?? 'relevance'),
    })),
    perOptions: PER_PAGE_CHOICES.map((n) => ({ value: n, selected: n === state.per })),
    pagination: pagination(state, outcome.pages),
    summary:
      outcome.total === 0
        ? 'No documents'
        : `${formatNumber(outcome.total)} document${outcome.total === 1 ? '' : 's'}${outcome.pages > 1 ? `, page ${outcome.page} of ${formatNumber(outcome.pages)}` : ''}`,
    exportLinks: [
      { label: 'CSV', url: exportPath('csv', query) },
      { label: 'BibTeX', url: exportPath('bib', query) },
      { label: 'RIS', url: exportPath('ris', query) },
      { label: 'CSL-JSON', url: exportPath('json', query) },
    ],
    feedUrl: feedPath(feedParams(state)),
    // A document opened from the results keeps the whole search, so "Back to results" returns to it.
    documentQuery: stateParams(state).toString(),
  };
}

function hitMissing(outcome: SearchOutcome, id: string): string[] {
  return outcome.hits.find((hit) => hit.document.id === id)?.missing ?? [];
}

export function searchJson(context: AppContext, outcome: SearchOutcome, base: string) {
  const { state } = outcome;
  return {
    query: state.q,
    filters: {
      ...Object.fromEntries(FACETS.map((f) => [f.param, state.selections[f.param]])),
      from: state.from?.day ?? null,
      to: state.to?.day ?? null,
    },
    sort: effectiveSort(state),
    total: outcome.total,
    page: outcome.page,
    per: state.per,
    pages: outcome.pages,
    hits: outcome.hits.map(({ document, passages }) => ({
      id: document.id,
      title: document.title,
      date: document.date,
      type: document.type,
      organisations: document.organisations,
      people: document.people.map((p) => ({ name: p.name, role: p.role })),
      themes: document.themes.map((id) => ({ id, label: context.themes.label(id) })),
      summary: document.summary,
      url: documentUrl(base, document.id),
      missing: hitMissing(outcome, document.id),
      passages: passages.map((p) => ({
        id: p.id,
        page: p.page,
        location: passageLocation(document, p),
        snippet: p.snippetHtml,
        permalink: passageUrl(base, p.id),
      })),
    })),
    unknownSpeakers: outcome.unknownSpeakers,
    facets: Object.fromEntries(
      outcome.facets.map((facet) => [
        facet.param,
        facet.values.map((v) => ({ value: v.value, label: facetValueLabel(context, facet.param, v.value), count: v.count, selected: v.selected })),
      ]),
    ),
  };
}

/** For a query that found nothing: a respelling from the collection's vocabulary, offered only if it finds something. */
async function spellingSuggestion(context: AppContext, outcome: SearchOutcome): Promise<string | null> {
  const { state } = outcome;
  if (!state.q || (outcome.total > 0 && !noneHasEveryWord(outcome))) return null;
  // The vocabulary comes from what the same filters hold without the query (this outcome has no facet values),
  // asked for only when the themes' own words leave something to respell.
  const names = needsNames(state.q, context) ? await context.library.filterVocabulary(state) : [];
  const suggestion = suggestSpelling(state.q, names, context);
  if (!suggestion) return null;
  const check = await context.library.searchDocuments({ ...state, q: suggestion, page: 1, sort: null }, { passages: false });
  return check.total > 0 && !noneHasEveryWord(check) ? suggestion : null;
}

export function searchHandlers(context: AppContext) {
  return {
    async page(req: Request, res: Response) {
      const state = readSearchState(req, context);
      const outcome = await context.library.searchDocuments(state);
      res.render('pages/search', searchPageModel(context, outcome, await spellingSuggestion(context, outcome)));
    },
    async api(req: Request, res: Response) {
      const state = readSearchState(req, context);
      const outcome = await context.library.searchDocuments(state);
      res.json(searchJson(context, outcome, baseUrl(req)));
    },
  };
}
