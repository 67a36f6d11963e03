/**
 * What the pages and the API read, expressed over search requests: a results
 * page, a document with its passages, a passage's location, themes, people and
 * corpus statistics. Every query shape comes from query.ts; the wire from meili.ts.
 */
import { groupPeople, type DocumentRecord, type PassageRecord, type Person, type Role } from '../../contract/document.js';
import { FACET_VALUES_SHOWN, FACETS, UNDATED, type FacetDefinition, type FacetParam } from '../../contract/facets.js';
import { NotFound } from '../errors.js';
import type { EditionChange, PassageEdition } from '../../contract/editions.js';
import { isIndexNotFound } from '../../contract/settings.js';
import { hasHighlight, highlightHtml, plainHtml, stemSnippet } from './highlight.js';
import { stemText } from '../../contract/stems.js';
import type { SearchResponse } from 'meilisearch';
import type { SearchClient } from './meili.js';
import type { MultiSearchQuery } from 'meilisearch';
import {
  allDocumentsRequest,
  documentByIdQuery,
  documentMatchesQuery,
  documentPassagesQuery,
  documentQueries,
  everyonesPeopleQuery,
  passageByIdQuery,
  documentChangesQuery,
  matchingPassagesQuery,
  passageEditionQuery,
  passageSnippetQuery,
  personDocumentsQuery,
  personPassagesQuery,
  relatedDocumentsQuery,
  SNIPPETS_PER_DOCUMENT,
  speakerNamesQuery,
  termFrequencyQueries,
  termPresenceQueries,
  termStemPresenceQueries,
  statsQueries,
  themeCountsQuery,
} from './query.js';
import type { SearchState } from './state.js';
import { parseQuery, queryWords, weighByRarity, type Alternative, type GlossaryPhrases, type ParsedQuery } from './query-text.js';
import { closestNames, NameList, sameName, speakersNamed } from './names.js';

/** What the page needs of a search result, plain or federated. */
type Counted<T extends Record<string, unknown>> = Pick<SearchResponse<T>, 'hits' | 'facetDistribution' | 'facetsByIndex' | 'estimatedTotalHits' | 'totalHits' | 'page' | 'totalPages'>;

/** Speakers are re-read this often: new documents show up in the filter within seconds. */
const SPEAKER_NAMES_TTL_MS = 5000;

/** Words' document counts (and, for ranking, the speakers) are kept this long: rarity changes only as the collection grows. */
const TERM_FREQUENCY_TTL_MS = 60_000;

/** Bounds the remembered document counts (one entry per distinct word searched). */
const TERM_FREQUENCY_CACHE_SIZE = 5000;

/** Names under a set of filters (the spelling suggestion's vocabulary) are kept this long: new documents add names slowly. */
const FILTER_VOCABULARY_TTL_MS = 60_000;

/** Bounds the remembered vocabularies (one entry per distinct set of filters). */
const FILTER_VOCABULARY_CACHE_SIZE = 1000;

/**
 * A document where a person the query names speaks or writes counts this much
 * more than one that only mentions them: what they said comes before what
 * others said about them.
 */
export const OWN_WORDS_WEIGHT = 1.5;

export type ListedDocument = Pick<
  DocumentRecord,
  | 'id' | 'title' | 'date' | 'year' | 'type' | 'organisations' | 'people' | 'speakers' | 'themes' | 'themeTags'
  | 'summary' | 'place' | 'pages' | 'passageCount' | 'needsOcr' | 'format' | 'sourceUrl' | 'published'
>;

export interface Snippet {
  id: string;
  page: number;
  ordinal?: number;
  heading: string | null;
  /** Escaped HTML with <mark> around matches. */
  snippetHtml: string;
}

export interface SearchHit {
  document: ListedDocument;
  passages: Snippet[];
  /** Query terms this document does not contain (the query's other words found it). */
  missing: string[];
}

export interface SpeakerSuggestion {
  name: string;
  closest: string[];
}

export interface FacetValueCount {
  value: string;
  count: number;
  selected: boolean;
}

export interface FacetCounts {
  param: FacetParam;
  values: FacetValueCount[];
}

export interface SearchOutcome {
  state: SearchState;
  total: number;
  page: number;
  pages: number;
  hits: SearchHit[];
  facets: FacetCounts[];
  /** Speaker filters that name nobody in the collection, with the closest names. */
  unknownSpeakers: SpeakerSuggestion[];
}

export interface PassageView {
  record: PassageRecord;
  /** Escaped HTML of the full passage text, with <mark> around query matches when a query was given. */
  textHtml: string;
  matched: boolean;
}

export interface PersonSummary {
  slug: string;
  name: string;
  display: string;
  roles: Role[];
  documents: number;
}

export interface CorpusStats {
  documents: number;
  passages: number;
  earliest: string | null;
  latest: string | null;
  lastIndexed: string | null;
  types: { value: string; count: number }[];
  /** Indexed documents a reader should know are incomplete: no text layer, no date, or indexed with warnings. */
  attention: { id: string; file: string; title: string; reasons: string[] }[];
}

/** The same order as `String#localeCompare`, without building a collator per comparison. */
const byValue = new Intl.Collator().compare;

function byCountThenValue(a: FacetValueCount, b: FacetValueCount): number {
  return b.count - a.count || byValue(a.value, b.value);
}

/**
 * A facet's values, most documents first, cut to FACET_VALUES_SHOWN. Selected values
 * are always kept (beyond the cut, and with count 0 when no document has them under
 * the other filters) so they can be removed. Years are never cut: the histogram
 * draws every year.
 */
export function facetValues(
  distribution: Readonly<Record<string, number>> | undefined,
  facet: FacetDefinition,
  selected: readonly string[],
): FacetValueCount[] {
  const chosen = new Set(selected);
  const values: FacetValueCount[] = [];
  for (const [value, count] of Object.entries(distribution ?? {})) values.push({ value, count, selected: chosen.has(value) });
  for (const value of chosen) {
    if (!distribution || !Object.hasOwn(distribution, value)) values.push({ value, count: 0, selected: true });
  }
  values.sort(byCountThenValue);
  if (facet.numeric || values.length <= FACET_VALUES_SHOWN) return values;
  const kept = values.slice(0, FACET_VALUES_SHOWN);
  for (let i = FACET_VALUES_SHOWN; i < values.length; i++) {
    const value = values[i]!;
    if (value.selected) kept.push(value);
  }
  return kept;
}

/** Words of a snippet cut by the server (passages found by stems), as Meilisearch cuts the others (query.ts). */
const SNIPPET_WORDS = 40;

/** The stems a stems alternative looks for (its excluded words aside). */
function stemsSought(alternative: Alternative): Set<string> {
  return new Set(alternative.text.split(/\s+/).filter((t) => !t.startsWith('-')).join(' ').match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** A term's words as written, lower-cased: what its stems are compared with. */
function queryWordsOf(term: string): string {
  return term.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';
}

/** Documents whose matching passages are asked for in one multi-search. */
const MATCHING_PASSAGES_CHUNK = 200;

export class Library {
  /** The speakers' names, folded once per refresh (they are matched on every search), and the collection's size. */
  private speakerCache: { at: number; names: NameList; exact: ReadonlySet<string>; documents: number } | null = null;
  private termFrequencies = new Map<string, { at: number; documents: number }>();
  private filterVocabularies = new Map<string, { at: number; names: string[] }>();

  /**
   * `glossaryAcronyms`: the acronyms a query may write in capitals to mean the acronym only;
   * `glossaryPhrases`: the glossary's terms of several words, each read as one term.
   */
  constructor(
    private readonly search: SearchClient,
    private readonly glossaryAcronyms: () => ReadonlySet<string> = () => new Set(),
    private readonly glossaryPhrases: () => GlossaryPhrases = () => new Map(),
  ) {}

  get names() {
    return this.search.names;
  }

  ready() {
    return this.search.ready();
  }

  /** The query box's text, read with the glossary's acronyms. */
  parse(q: string): ParsedQuery {
    return parseQuery(q, this.glossaryAcronyms(), this.glossaryPhrases());
  }

  /** Every speaker's name as indexed, re-read at most every few seconds. */
  async speakerNames(): Promise<NameList> {
    return (await this.collectionFacts([], SPEAKER_NAMES_TTL_MS)).speakers;
  }

  /**
   * The speakers' names, the collection's size and how many documents have each
   * term, from the caches or else from one multi-search.
   */
  private async collectionFacts(terms: readonly string[], maxAge: number): Promise<{ speakers: NameList; exact: ReadonlySet<string>; documents: number; frequencies: Map<string, number> }> {
    const now = performance.now();
    const cached = this.speakerCache && now - this.speakerCache.at < maxAge ? this.speakerCache : null;
    const unknown = [...new Set(terms)].filter((term) => {
      const entry = this.termFrequencies.get(term);
      return !entry || now - entry.at >= TERM_FREQUENCY_TTL_MS;
    });
    if (!cached || unknown.length > 0) {
      const results = await this.search.multiSearch([speakerNamesQuery(this.names), ...termFrequencyQueries(unknown, this.names)]);
      const [facet, ...counts] = results;
      const names = Object.keys(facet?.facetDistribution?.['speakers'] ?? {});
      this.speakerCache = { at: now, names: new NameList(names), exact: new Set(names), documents: facet?.totalHits ?? 0 };
      if (this.termFrequencies.size + unknown.length > TERM_FREQUENCY_CACHE_SIZE) this.termFrequencies.clear();
      unknown.forEach((term, i) => this.termFrequencies.set(term, { at: now, documents: counts[i]?.totalHits ?? 0 }));
    }
    const facts = this.speakerCache!;
    const frequencies = new Map(terms.map((term) => [term, this.termFrequencies.get(term)?.documents ?? 0]));
    return { speakers: facts.names, exact: facts.exact, documents: facts.documents, frequencies };
  }

  /**
   * The query as it is ranked: single words weighted by how rare they are, and,
   * when it names people who speak or write in the collection, their own
   * documents weighted up (the same query, filtered on them).
   */
  private async ranked(parsed: ParsedQuery): Promise<ParsedQuery> {
    if (parsed.text === '' || parsed.anyOf) return parsed;
    const singles = parsed.alternatives.flatMap((a) => (a.term === undefined ? [] : [a.term]));
    // Ranking can use names and counts a minute old: most searches then need no request before their own.
    const facts = await this.collectionFacts(singles, TERM_FREQUENCY_TTL_MS);
    const weighed = weighByRarity(parsed, facts.frequencies, facts.documents);
    const named = speakersNamed(queryWords(parsed), facts.speakers);
    if (named.length === 0) return weighed;
    const [whole, ...rest] = weighed.alternatives;
    return { ...weighed, alternatives: [whole!, { text: parsed.text, acronyms: parsed.acronyms, weight: OWN_WORDS_WEIGHT, speakers: named }, ...rest] };
  }

  /**
   * Speaker filters as typed -> as indexed: accents and case do not matter. A name
   * nobody in the collection has is kept (it finds nothing) and offered the closest names.
   */
  async resolveSpeakers(state: SearchState): Promise<{ state: SearchState; unknown: SpeakerSuggestion[] }> {
    const typed = state.selections.speaker;
    if (typed.length === 0) return { state, unknown: [] };
    const { speakers: known, exact } = await this.collectionFacts([], SPEAKER_NAMES_TTL_MS);
    const resolved: string[] = [];
    const unknown: SpeakerSuggestion[] = [];
    for (const name of typed) {
      const same = exact.has(name) ? [name] : sameName(name, known);
      if (same.length > 0) resolved.push(...same);
      else {
        resolved.push(name);
        unknown.push({ name, closest: closestNames(name, known) });
      }
    }
    return { state: { ...state, selections: { ...state.selections, speaker: [...new Set(resolved)] } }, unknown };
  }

  /**
   * The speakers and organisations the results page would list under this search's
   * filters, its query aside: what a misspelt query is compared with. Remembered for a
   * minute per set of filters, so a query that finds nothing costs no more requests
   * than one that does, once its filters have been seen.
   */
  async filterVocabulary(state: SearchState): Promise<string[]> {
    const key = JSON.stringify([state.selections, state.from?.day ?? null, state.to?.day ?? null]);
    const now = performance.now();
    const cached = this.filterVocabularies.get(key);
    if (cached && now - cached.at < FILTER_VOCABULARY_TTL_MS) return cached.names;
    const browse = await this.searchDocuments({ ...state, q: '', page: 1 }, { passages: false });
    const names = browse.facets.filter((f) => f.param === 'speaker' || f.param === 'org').flatMap((f) => f.values.map((v) => v.value));
    if (this.filterVocabularies.size >= FILTER_VOCABULARY_CACHE_SIZE) this.filterVocabularies.clear();
    this.filterVocabularies.set(key, { at: now, names });
    return names;
  }

  /** A results page: documents, their best passages and exact, disjunctive facet counts. */
  async searchDocuments(asked: SearchState, options: { passages?: boolean } = {}): Promise<SearchOutcome> {
    const { state, unknown } = await this.resolveSpeakers(asked);
    const parsed = await this.ranked(this.parse(state.q));
    const { queries, federated, facetOrder } = documentQueries(state, this.names, parsed);
    const results: Counted<ListedDocument>[] = federated
      ? await Promise.all(federated.map((request) => this.search.federatedSearch<ListedDocument>(request.federation ?? {}, request.queries)))
      : await this.search.multiSearch<ListedDocument>(queries);
    const main = results[0];
    if (!main) throw new Error('Meilisearch returned no result for the main query');
    const documents = main.hits as ListedDocument[];
    // Snippets (and, for several terms, which results lack which) go out first; the facet lists are built meanwhile.
    const wantSnippets = parsed.text !== '' && documents.length > 0 && options.passages !== false;
    // With OR a result needs only one alternative: nothing is "missing".
    const checkTerms = !parsed.anyOf && parsed.terms.length > 1 && documents.length > 0;
    const alternativeOf = (hit: ListedDocument & { _federation?: { queriesPosition?: number } }) =>
      parsed.alternatives[hit._federation?.queriesPosition ?? 0] ?? parsed.alternatives[0]!;
    // Terms with another form than as written ("spending"): a document with that form ("spend") does not lack them.
    const inflected = checkTerms ? parsed.terms.map((term, t) => ({ t, stems: stemText(term) })).filter(({ t, stems }) => stems !== '' && stems !== queryWordsOf(parsed.terms[t]!)) : [];
    const second = wantSnippets || checkTerms
      ? this.search.multiSearch<PassageRecord>([
          ...(wantSnippets ? documents.map((d) => passageSnippetQuery(alternativeOf(d), d.id, this.names, SNIPPETS_PER_DOCUMENT + 2)) : []),
          ...(checkTerms ? termPresenceQueries(parsed, documents.map((d) => d.id), this.names) : []),
          ...termStemPresenceQueries(inflected.map((i) => i.stems), documents.map((d) => d.id), this.names),
        ])
      : null;
    const facets = FACETS.map<FacetCounts>((facet) => {
      const index = facetOrder.indexOf(facet.param);
      const source = index >= 0 ? results[index + 1] : main;
      let distribution = source?.facetDistribution?.[facet.field] ?? source?.facetsByIndex?.[this.names.documents]?.distribution[facet.field];
      if (facet.param === 'year') {
        // Documents without a year are counted too, so the year counts add up to the total.
        const dated = Object.values(distribution ?? {}).reduce((sum, n) => sum + n, 0);
        const undated = (source?.totalHits ?? source?.estimatedTotalHits ?? 0) - dated;
        if (undated > 0) distribution = { ...distribution, [UNDATED]: undated };
      }
      return { param: facet.param, values: facetValues(distribution, facet, state.selections[facet.param]) };
    });
    let passages: Snippet[][] = documents.map(() => []);
    let missing: string[][] = documents.map(() => []);
    if (second) {
      const answers = await second;
      if (wantSnippets) {
        passages = answers.slice(0, documents.length).map((result, d) => {
          const alternative = alternativeOf(documents[d]!);
          const stems = alternative.stems ? stemsSought(alternative) : null;
          return result.hits
            .map((hit) => (stems ? { ...hit, _formatted: { text: stemSnippet(hit.text, stems, SNIPPET_WORDS) } } : hit))
            .filter((hit) => hasHighlight(hit._formatted?.text ?? ''))
            .slice(0, SNIPPETS_PER_DOCUMENT)
            .map((hit) => ({
              id: hit.id,
              page: hit.page,
              ordinal: hit.ordinal,
              heading: hit.heading ?? null,
              snippetHtml: highlightHtml(hit._formatted?.text ?? ''),
            }));
        });
      }
      if (checkTerms) {
        const presence = answers.slice(wantSnippets ? documents.length : 0).map((result) => new Set(result.hits.map((hit) => String(hit.id))));
        inflected.forEach(({ t }, i) => {
          for (const id of presence[parsed.terms.length + i] ?? []) presence[t]?.add(id);
        });
        missing = documents.map((d) => parsed.terms.filter((_, t) => !presence[t]?.has(d.id)));
      }
    }
    const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
    return {
      state,
      total,
      page: main.page ?? state.page,
      pages: main.totalPages ?? Math.ceil(total / state.per),
      hits: documents.map((document, i) => ({ document, passages: passages[i] ?? [], missing: missing[i] ?? [] })),
      facets,
      unknownSpeakers: unknown,
    };
  }

  /** The whole result set in result order, up to `cap` documents (exports and feeds). */
  async allDocuments(asked: SearchState, cap: number): Promise<{ documents: DocumentRecord[]; total: number }> {
    // As the results page reads it: speakers as indexed, the query ranked with its alternatives.
    const { state } = await this.resolveSpeakers(asked);
    const request = allDocumentsRequest(state, this.names, cap, await this.ranked(this.parse(state.q)));
    const result = request.federation
      ? await this.search.federatedSearch<DocumentRecord>(request.federation, request.queries)
      : (await this.search.multiSearch<DocumentRecord>(request.queries))[0];
    return { documents: (result?.hits ?? []) as DocumentRecord[], total: result?.totalHits ?? result?.estimatedTotalHits ?? 0 };
  }

  /**
   * The passages of each document that match `q`, best first, with their
   * text: what an export of a search lists under each document.
   */
  async matchingPassages(q: string, docIds: readonly string[], perDocument = 3): Promise<Map<string, PassageRecord[]>> {
    const found = new Map<string, PassageRecord[]>();
    if (q === '' || docIds.length === 0) return found;
    // A few hundred queries per round trip keep each request small for an export of thousands of documents.
    for (let start = 0; start < docIds.length; start += MATCHING_PASSAGES_CHUNK) {
      const chunk = docIds.slice(start, start + MATCHING_PASSAGES_CHUNK);
      const results = await this.search.multiSearch<PassageRecord>(chunk.map((docId) => matchingPassagesQuery(q, docId, this.names, perDocument)));
      chunk.forEach((docId, i) => found.set(docId, (results[i]?.hits ?? []) as PassageRecord[]));
    }
    return found;
  }

  /** Records of the edition history; none when the history does not exist yet (an index from before it). */
  private async editionRecords<T extends PassageEdition | EditionChange>(query: MultiSearchQuery): Promise<T[]> {
    try {
      const [result] = await this.search.multiSearch<T>([query]);
      return (result?.hits ?? []) as T[];
    } catch (err) {
      if (isIndexNotFound(err)) return [];
      throw err;
    }
  }

  /** A passage as it was before it left its document, or null. */
  async passageEdition(passageId: string): Promise<PassageEdition | null> {
    const [edition] = await this.editionRecords<PassageEdition>(passageEditionQuery(this.search.editionsIndex, passageId));
    return edition ?? null;
  }

  /** The changes of a document, newest first (its removal included). */
  async documentChanges(docId: string, limit = 50): Promise<EditionChange[]> {
    return this.editionRecords<EditionChange>(documentChangesQuery(this.search.editionsIndex, docId, limit));
  }

  /** One document without its full text, or null. */
  async findDocument(id: string): Promise<DocumentRecord | null> {
    const [result] = await this.search.multiSearch<DocumentRecord>([documentByIdQuery(id, this.names)]);
    return (result?.hits[0] as DocumentRecord | undefined) ?? null;
  }

  async getDocument(id: string): Promise<DocumentRecord> {
    const document = await this.findDocument(id);
    if (!document) throw new NotFound(`There is no document "${id}". It may have been removed from the collection.`);
    return document;
  }

  /** Every passage of a document in reading order, highlighted where it matches `q`. */
  async documentPassages(docId: string, q: string): Promise<PassageView[]> {
    const parsed = this.parse(q);
    const queries = [documentPassagesQuery(docId, this.names)];
    if (parsed.text !== '') queries.push(documentMatchesQuery(parsed, docId, this.names));
    const [all, matches] = await this.search.multiSearch<PassageRecord>(queries);
    const highlighted = new Map<string, string>();
    for (const hit of matches?.hits ?? []) if (hasHighlight(hit._formatted?.text ?? '')) highlighted.set(hit.id, hit._formatted?.text ?? '');
    // A document found by other forms of the words ("spend" for "spending") has them marked instead.
    const byStems = parsed.alternatives.find((a) => a.stems);
    if (highlighted.size === 0 && byStems) {
      const stems = stemsSought(byStems);
      for (const hit of all?.hits ?? []) {
        const marked = stemSnippet(hit.text, stems, Infinity);
        if (hasHighlight(marked)) highlighted.set(hit.id, marked);
      }
    }
    return (all?.hits ?? []).map((hit) => {
      const { _formatted, ...record } = hit;
      void _formatted;
      const marked = highlighted.get(record.id);
      return {
        record: record as PassageRecord,
        textHtml: marked === undefined ? plainHtml(record.text) : highlightHtml(marked),
        matched: marked !== undefined && hasHighlight(marked),
      };
    });
  }

  /** The passage with this id in this document, or null when the document no longer has it. */
  async findPassage(passageId: string, docId: string): Promise<PassageRecord | null> {
    const [result] = await this.search.multiSearch<PassageRecord>([passageByIdQuery(passageId, docId, this.names)]);
    return (result?.hits[0] as PassageRecord | undefined) ?? null;
  }

  /** Documents sharing themes or speakers with this one, most shared first. */
  async related(document: DocumentRecord, limit = 5): Promise<ListedDocument[]> {
    const query = relatedDocumentsQuery(document, this.names);
    if (!query) return [];
    const [result] = await this.search.multiSearch<ListedDocument>([query]);
    const themes = new Set(document.themes);
    const speakers = new Set(document.speakers);
    const score = (d: ListedDocument) =>
      d.themes.filter((t) => themes.has(t)).length + 2 * d.speakers.filter((s) => speakers.has(s)).length;
    return ((result?.hits ?? []) as ListedDocument[])
      .map((d, order) => ({ d, order, score: score(d) }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, limit)
      .map((entry) => entry.d);
  }

  /** Document counts per theme id, over the whole collection. */
  async themeCounts(): Promise<Map<string, number>> {
    const [result] = await this.search.multiSearch([themeCountsQuery(this.names)]);
    return new Map(Object.entries(result?.facetDistribution?.['themes'] ?? {}));
  }

  /** Everyone named in any document, with their roles and document counts. */
  async people(): Promise<PersonSummary[]> {
    const [result] = await this.search.multiSearch<Pick<DocumentRecord, 'people'>>([everyonesPeopleQuery(this.names)]);
    const bySlug = new Map<string, PersonSummary>();
    for (const hit of result?.hits ?? []) {
      for (const person of groupPeople(hit.people ?? [])) {
        let summary = bySlug.get(person.slug);
        if (!summary) {
          summary = { ...person, roles: [], documents: 0 };
          bySlug.set(person.slug, summary);
        }
        for (const role of person.roles) if (!summary.roles.includes(role)) summary.roles.push(role);
        summary.documents += 1;
      }
    }
    return [...bySlug.values()].sort((a, b) => sortName(a.name).localeCompare(sortName(b.name)) || a.name.localeCompare(b.name));
  }

  /** A person's documents (newest first) and the passages that name them. */
  async person(slug: string): Promise<{ person: Person; roles: Role[]; documents: ListedDocument[]; passages: (Snippet & { docId: string })[] }> {
    const [result] = await this.search.multiSearch<ListedDocument>([personDocumentsQuery(slug, this.names)]);
    const documents = (result?.hits ?? []) as ListedDocument[];
    const mentions = documents.flatMap((d) => d.people.filter((p) => p.slug === slug));
    const person = mentions[0];
    if (!person) throw new NotFound(`Nobody with the name "${slug}" appears in the collection.`);
    const roles = [...new Set(mentions.map((p) => p.role))];
    const [passageResult] = await this.search.multiSearch<PassageRecord>([
      personPassagesQuery(person.name, documents.slice(0, 500).map((d) => d.id), this.names),
    ]);
    const passages = (passageResult?.hits ?? []).map((hit) => ({
      id: hit.id,
      docId: hit.docId,
      page: hit.page,
      heading: hit.heading ?? null,
      snippetHtml: highlightHtml(hit._formatted?.text ?? ''),
    }));
    return { person, roles, documents, passages };
  }

  async stats(): Promise<CorpusStats> {
    const results = await this.search.multiSearch<
      Pick<DocumentRecord, 'date' | 'indexedAt' | 'id' | 'file' | 'title' | 'needsOcr' | 'warnings'>
    >(statsQueries(this.names));
    const [documents, passages, earliest, latest, indexed] = results;
    const lastIndexed = (indexed?.hits ?? []).reduce<string | null>(
      (max, hit) => (hit.indexedAt && (max === null || hit.indexedAt > max) ? hit.indexedAt : max),
      null,
    );
    return {
      documents: documents?.totalHits ?? 0,
      passages: passages?.totalHits ?? 0,
      earliest: earliest?.hits[0]?.date ?? null,
      latest: latest?.hits[0]?.date ?? null,
      lastIndexed,
      types: Object.entries(documents?.facetDistribution?.['type'] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count),
      attention: (indexed?.hits ?? [])
        .map((hit) => ({
          id: hit.id,
          file: hit.file,
          title: hit.title,
          reasons: [
            ...(hit.needsOcr ? ['needs OCR: no text layer, indexed by its metadata only'] : []),
            ...(hit.date ? [] : ['no date found in the text or its metadata: date filters leave it out']),
            ...(hit.warnings ?? []),
          ],
        }))
        .filter((doc) => doc.reasons.length > 0)
        .sort((a, b) => (a.file < b.file ? -1 : 1)),
    };
  }
}

/** "Alan Dashwood" sorts under D. */
export function sortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  const last = parts.pop() ?? '';
  return `${last} ${parts.join(' ')}`.toLocaleLowerCase('en');
}
