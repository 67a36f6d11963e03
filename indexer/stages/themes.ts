/**
 * themes: tags each passage with the themes whose terms it uses, then the
 * document with the themes it is substantially about, keeping the evidence
 * (term -> occurrences) so a reader can see why.
 *
 * Rules (also in corpus/README.md):
 *  - a passage carries a theme when any of the theme's terms occurs in it (a
 *    contextual term only beside another of the theme's terms, and not inside a
 *    longer term of another theme);
 *  - a document is about a theme, or only mentions it, by the theme's score
 *    (counted sentence by sentence, lists weaker), its share and whether it is
 *    named only in passing (see tagDocument);
 *  - a passage or document carrying a theme also carries its `broader` theme
 *    (and that one's broader, and so on), whose evidence includes the narrower's;
 *  - document tags are ordered: what it is about first, then by score.
 */
import { PROVENANCE_LABELS, type Passage, type Provenance, type ThemeTag } from '../../contract/document.js';
import type { GlossaryEntry, Taxonomy } from '../../contract/taxonomy.js';
import { compileTaxonomy, evidenceOf, foldSameLength, termSpecificity, themeHits, type CompiledTheme, type Hit } from '../themes/matcher.js';
import type { Stage } from './stage.js';

type Evidence = Record<string, number>;

const total = (evidence: Evidence) => Object.values(evidence).reduce((sum, n) => sum + n, 0);

function addInto(target: Evidence, source: Evidence): void {
  for (const [term, count] of Object.entries(source)) target[term] = (target[term] ?? 0) + count;
}

/**
 * Evidence of each theme in one text, for the themes that matched at all. `context`: themes the
 * surrounding passage carries, whose contextual terms count here on their own.
 */
export function tagText(taxonomy: Taxonomy, text: string, context?: ReadonlySet<string>): Map<string, Evidence> {
  const folded = foldSameLength(text);
  const hitsOf = new Map<CompiledTheme, Hit[]>();
  for (const compiled of compileTaxonomy(taxonomy)) {
    if (context && !context.has(compiled.theme.id)) continue;
    const hits = themeHits(compiled, text, folded);
    if (hits.length > 0) hitsOf.set(compiled, hits);
  }
  // A term inside a longer term of another theme names that theme's subject, not its own: "cyber resilience" is
  // cyber security, not resilience as well.
  const all = [...hitsOf].flatMap(([compiled, hits]) => hits.map((hit) => ({ compiled, hit })));
  const found = new Map<string, Evidence>();
  for (const [compiled, hits] of hitsOf) {
    const own = hits.filter((hit) => !all.some((o) => o.compiled !== compiled && o.hit.start <= hit.start && hit.end <= o.hit.end && o.hit.end - o.hit.start > hit.end - hit.start));
    const evidence = evidenceOf(compiled, own, context !== undefined);
    if (Object.keys(evidence).length > 0) found.set(compiled.theme.id, evidence);
  }
  return found;
}

/**
 * The given themes plus every broader theme above them, each broader theme's
 * evidence summed with its narrower themes', as ThemeTags ordered by strength.
 */
function toTags(taxonomy: Taxonomy, themes: Map<string, Evidence>): ThemeTag[] {
  const byId = new Map(taxonomy.themes.map((theme, order) => [theme.id, { theme, order }]));
  const withBroader = new Map<string, Evidence>();
  for (const [id, evidence] of themes) {
    const seen = new Set<string>();
    for (let current: string | undefined = id; current && !seen.has(current); current = byId.get(current)?.theme.broader) {
      seen.add(current);
      const merged = withBroader.get(current) ?? {};
      addInto(merged, evidence);
      withBroader.set(current, merged);
    }
  }
  return [...withBroader.entries()]
    .filter(([id]) => byId.has(id))
    .sort(([a, ea], [b, eb]) => total(eb) - total(ea) || byId.get(a)!.order - byId.get(b)!.order)
    .map(([id, evidence]) => ({ id, label: byId.get(id)!.theme.label, evidence: sortEvidence(evidence) }));
}

/** Most frequent term first, so the first few explain the tag. */
function sortEvidence(evidence: Evidence): Evidence {
  return Object.fromEntries(Object.entries(evidence).sort(([ta, a], [tb, b]) => b - a || ta.localeCompare(tb)));
}

/** Where a term stands counts: a title names the subject, a closing note only touches it. */
export const POSITION_WEIGHTS = { title: 3, heading: 2, opening: 1.5, body: 1, closing: 0.5 } as const;
type Position = keyof typeof POSITION_WEIGHTS;

/** The opening and the closing, as shares of the document's text. */
const OPENING_SHARE = 0.15;
const CLOSING_SHARE = 0.9;

/** Words from which a text's threshold is the taxonomy's in full. */
const SHORT_TEXT_WORDS = 1000;

/**
 * A sentence built as a list (commas, semicolons or lines between its parts) that names this many
 * themes or more is a list of areas ("cooperation on cyber, maritime security, space security and
 * resilience"): weaker evidence for each than a sentence
 * about one of them, so each theme counts ENUMERATION_WEIGHT there. So does a theme named only
 * inside a series of LIST_ITEMS or more short items ("across defence and security, tackling
 * irregular migration, trade and economic growth").
 */
export const ENUMERATION_THEMES = 3;
export const ENUMERATION_WEIGHT = 0.5;
/** A list item names an area in a few words ("maritime security", "tackling irregular migration"). */
const LIST_ITEM_WORDS = 5;
const LIST_ITEMS = 3;
/** What separates the items of a list written in a sentence or as lines. */
const LIST_SEPARATOR = /\s*[,;\n–—]\s*/;

/**
 * Sentences the text's leading theme fills from which a theme named in a single sentence is a passing
 * mention beside it, however many of its terms that sentence uses ("law enforcement and criminal justice"
 * once in a text on counter-terrorism that dwells on it sentence after sentence). An item of a list a
 * line introduces ("Participants addressed a range of questions, including:") announces a subject of
 * the text, as a heading does: it is no passing mention.
 */
const DWELT_SENTENCES = 4;

/** Where a passage's introduced list begins: after its first line that ends with a colon. */
const LIST_LEAD_IN = /:[ \t]*\n/;

/** A line this short without a sentence end is a list item or a heading, not prose. */
const SHORT_LINE_WORDS = 12;

/**
 * The units a theme is counted in: sentences, and a run of short lines (a bulleted list, with
 * the line that introduces it) as one unit, so a list reads as the one enumeration it is.
 */
export function sentenceUnits(text: string): string[] {
  const units: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    // A single short line is a sentence like any other; two or more are a list.
    if (run.length === 1) units.push(...splitSentences(run[0]!));
    else if (run.length > 1) units.push(run.join('\n'));
    run = [];
  };
  for (const line of text.split(/\n+/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const opensList = /:$/.test(trimmed);
    const short = trimmed.split(/\s+/).length <= SHORT_LINE_WORDS && !/[.!?]["”’)]*$/.test(trimmed);
    if (opensList) endRun();
    if (short || opensList) {
      run.push(trimmed);
      continue;
    }
    endRun();
    units.push(...splitSentences(trimmed));
  }
  endRun();
  return units;
}

/** Sentences of one line of prose: split after . ! ? followed by a space and a capital, a digit or a quote. */
function splitSentences(line: string): string[] {
  return line.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\d])/u).filter((s) => s.trim() !== '');
}

/**
 * How many places a sentence separates list items: commas, semicolons and lines, and the "and"
 * or "or" that joins the last item to a list begun with commas ("Ukraine, military mobility and
 * maritime security" is three items, with or without a comma before "and").
 */
export function listSeparators(unit: string): number {
  const separators = (unit.match(/[,;\n]/g) ?? []).length;
  const afterLast = unit.slice(Math.max(unit.lastIndexOf(','), unit.lastIndexOf(';')) + 1);
  return separators > 0 && /\b(?:and|or)\s/.test(afterLast) && !/^\s*(?:and|or)\s/.test(afterLast) ? separators + 1 : separators;
}

/** The themes of a sentence named only inside a series of short items separated by commas, semicolons or dashes. */
function listedOnly(taxonomy: Taxonomy, unit: string, inUnit: Map<string, Evidence>, context: ReadonlySet<string>): Set<string> {
  const segments = unit.split(LIST_SEPARATOR).filter((segment) => segment.trim() !== '');
  const listed = new Array<boolean>(segments.length).fill(false);
  for (let i = 0; i < segments.length; ) {
    let j = i;
    while (j < segments.length && segments[j]!.trim().split(/\s+/).length <= LIST_ITEM_WORDS) j++;
    if (j - i >= LIST_ITEMS) listed.fill(true, i, j);
    i = Math.max(j, i + 1);
  }
  if (!listed.includes(true)) return new Set();
  const outside = tagText(taxonomy, segments.filter((_, k) => !listed[k]).join('. '), context);
  return new Set([...inUnit.keys()].filter((id) => !outside.has(id)));
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Whether two themes are one subject: the same theme, or one broader than the other ("sanctions" and foreign policy). */
function relatedThemes(taxonomy: Taxonomy): (a: string, b: string) => boolean {
  const broader = new Map(taxonomy.themes.map((theme) => [theme.id, theme.broader]));
  const above = (id: string, other: string) => {
    const seen = new Set<string>();
    for (let current = broader.get(id); current && !seen.has(current); current = broader.get(current)) {
      if (current === other) return true;
      seen.add(current);
    }
    return false;
  };
  return (a, b) => a === b || above(a, b) || above(b, a);
}

/**
 * Tags the passages in place and returns the document's themes: every theme it
 * names, each with its evidence (term -> occurrences), a score and a weight.
 *
 *  - score: each sentence naming the theme counts once, by where it stands
 *    (POSITION_WEIGHTS: the title, a heading, the opening 15% of the text, the
 *    body, the last 10%) times how specific its most specific term is
 *    (termSpecificity); in a list of areas, once per item at ENUMERATION_WEIGHT;
 *  - share: the theme's score over the scores of all the document's themes;
 *  - weight `about` when the score reaches the theme's threshold (else the
 *    taxonomy's) and the share reaches the taxonomy's `share`, unless the theme is
 *    an aside: named in a single sentence, not in the title or a heading, by a single
 *    term beside another subject, or beside a theme the text dwells on in
 *    DWELT_SENTENCES sentences or more (unless an introduced list names it); else `mentions`.
 *    A broader theme takes its narrower themes' evidence to show, but is only
 *    `about` on a score of its own.
 */
export function tagDocument(taxonomy: Taxonomy, passages: Passage[], fallbackText = '', title = ''): ThemeTag[] {
  const compiled = new Map(compileTaxonomy(taxonomy).map((c) => [c.theme.id, c]));
  const evidence = new Map<string, Evidence>();
  const scores = new Map<string, number>();
  /** `weight` replaces the position's own; `asEvidence` false: the words count in the score, not in the evidence (the text's own counts). */
  const collect = (found: Map<string, Evidence>, position: Position, weight: number = POSITION_WEIGHTS[position], asEvidence = true) => {
    for (const [id, terms] of found) {
      if (asEvidence) {
        const sum = evidence.get(id) ?? {};
        addInto(sum, terms);
        evidence.set(id, sum);
      }
      const theme = compiled.get(id)!;
      let score = scores.get(id) ?? 0;
      for (const [term, count] of Object.entries(terms)) score += count * termSpecificity(theme, term) * weight;
      scores.set(id, score);
    }
  };
  const length = passages.reduce((max, p) => Math.max(max, p.end), 0);
  const headings = new Set<string>();
  /** Themes named in the title or a heading: what the text says it is about. */
  const prominent = new Set<string>();
  // How many sentences name each theme, with how many of its terms, whether one of them names no unrelated theme, and
  // whether one is an item of a list a line introduces.
  const sentences = new Map<string, { count: number; terms: number; alone: boolean; announced: boolean }>();
  const related = relatedThemes(taxonomy);
  for (const passage of passages) {
    const found = tagText(taxonomy, passage.text);
    passage.themeTags = toTags(taxonomy, found);
    passage.themes = passage.themeTags.map((tag) => tag.id);
    const at = length > 0 ? passage.start / length : 0;
    // Short texts have no closing notes to discount.
    const position: Position = passage.ordinal === 0 || at < OPENING_SHARE ? 'opening' : at >= CLOSING_SHARE && passages.length >= 5 ? 'closing' : 'body';
    for (const [id, terms] of found) addInto(evidence.get(id) ?? evidence.set(id, {}).get(id)!, terms);
    // Scored sentence by sentence: a theme counts once per sentence (its most specific term there), so
    // what counts is how many sentences dwell on it, not how often one sentence repeats a word; and a
    // sentence that lists areas is weaker evidence for each of them.
    const context = new Set(found.keys());
    const leadIn = passage.text.search(LIST_LEAD_IN);
    for (const unit of context.size > 0 ? sentenceUnits(passage.text) : []) {
      const inUnit = tagText(taxonomy, unit, context);
      if (inUnit.size === 0) continue;
      const announced = leadIn >= 0 && passage.text.indexOf(unit.split('\n')[0]!, leadIn + 1) >= 0;
      // A sentence that holds its own lead-in and the items below it ("we are fending off:" then "cyber attacks;",
      // "sabotage …;", "foreign interference …"): a theme half its items name or more is what the list announces. A list
      // of areas ("such as: Peacebuilding, CSDP …, Maritime Security, Space Security, Cyber issues") announces none.
      const ownLeadIn = unit.search(LIST_LEAD_IN);
      const leadItems = ownLeadIn >= 0 ? unit.slice(ownLeadIn + 1).split(LIST_SEPARATOR).filter((item) => item.trim() !== '') : [];
      const itemsNaming = new Map<string, number>();
      for (const item of leadItems) {
        for (const id of tagText(taxonomy, item, context).keys()) itemsNaming.set(id, (itemsNaming.get(id) ?? 0) + 1);
      }
      // Many themes in one sentence are a list when the sentence is built as one (commas, semicolons, lines).
      const enumeration = inUnit.size >= ENUMERATION_THEMES && listSeparators(unit) >= ENUMERATION_THEMES - 1;
      const listed = enumeration ? new Set<string>() : listedOnly(taxonomy, unit, inUnit, context);
      // In a list, each item names an area of its own: a theme counts once per item that names it.
      const items = enumeration || listed.size > 0 ? unit.split(LIST_SEPARATOR).map((item) => tagText(taxonomy, item, context)) : [];
      for (const [id, terms] of inUnit) {
        const named = sentences.get(id) ?? { count: 0, terms: 0, alone: false, announced: false };
        named.count++;
        const naming = itemsNaming.get(id) ?? 0;
        named.announced ||= announced || (naming >= LIST_ITEMS && naming * 2 >= leadItems.length);
        named.terms = Math.max(named.terms, Object.keys(terms).length);
        // Another theme named by the very words that name this one ("Operation Atalanta", both a CSDP operation and security
        // at sea) is the same subject, not another beside it.
        named.alone ||= [...inUnit].every(([other, words]) => related(id, other) || Object.keys(words).every((word) => word in terms));
        sentences.set(id, named);
        const theme = compiled.get(id)!;
        const best = (found: Evidence) => Math.max(...Object.keys(found).map((term) => termSpecificity(theme, term)));
        const inList = enumeration || listed.has(id);
        const specificity = inList ? items.reduce((sum, item) => sum + (item.has(id) ? best(item.get(id)!) : 0), 0) || best(terms) : best(terms);
        const weight = POSITION_WEIGHTS[position] * (inList ? ENUMERATION_WEIGHT : 1);
        scores.set(id, (scores.get(id) ?? 0) + specificity * weight);
      }
    }
    if (passage.heading && !headings.has(passage.heading)) {
      headings.add(passage.heading);
      const inHeading = tagText(taxonomy, passage.heading);
      collect(inHeading, 'heading');
      for (const id of inHeading.keys()) prominent.add(id);
    }
  }
  // No passages (a scan without text): the title and summary (the fallback) are all there is to go on.
  if (passages.length === 0) {
    if (fallbackText.trim() !== '') collect(tagText(taxonomy, fallbackText), 'body');
  } else if (title.trim() !== '') {
    // The evidence counts the text's own words; the title weighs in the score. A title that is also the text's
    // first line is counted there already, so it adds only the title's extra weight.
    const inText = passages.some((p) => p.text.includes(title.trim()));
    const inTitle = tagText(taxonomy, title);
    collect(inTitle, 'title', inText ? POSITION_WEIGHTS.title - POSITION_WEIGHTS.opening : POSITION_WEIGHTS.title, false);
    for (const id of inTitle.keys()) prominent.add(id);
  }

  const total = [...scores.values()].reduce((a, b) => a + b, 0);
  // A short text says less about everything: its threshold falls with its length (a full one at SHORT_TEXT_WORDS and over).
  const words = passages.reduce((sum, p) => sum + p.text.split(/\s+/).length, 0) || fallbackText.split(/\s+/).length;
  const lengthFactor = Math.min(1, Math.max(0.5, words / SHORT_TEXT_WORDS));
  const leading = Math.max(0, ...[...sentences.values()].map((named) => named.count));
  const about = new Set(
    [...scores]
      .filter(([id, score]) => {
        const threshold = (compiled.get(id)?.theme.threshold ?? taxonomy.threshold) * lengthFactor;
        // Named in one sentence of the text, not in its title or a heading: an aside, however short the text, when that sentence
        // names it by one term beside another subject, or when another theme fills the text and no list announces this one.
        const named = sentences.get(id);
        const aside =
          named !== undefined &&
          named.count === 1 &&
          !prominent.has(id) &&
          ((named.terms === 1 && !named.alone) || (leading >= DWELT_SENTENCES && !named.announced));
        return score >= threshold && score / total >= (taxonomy.share ?? 0) && !aside;
      })
      .map(([id]) => id),
  );
  const tags = toTags(taxonomy, evidence);
  for (const tag of tags) {
    const score = scores.get(tag.id) ?? 0;
    tag.score = round(score);
    tag.share = total > 0 ? round(score / total) : 0;
    tag.weight = about.has(tag.id) ? 'about' : 'mentions';
  }
  const order = new Map(taxonomy.themes.map((t, i) => [t.id, i]));
  return tags.sort(
    (a, b) =>
      Number(b.weight === 'about') - Number(a.weight === 'about') || (b.score ?? 0) - (a.score ?? 0) || order.get(a.id)! - order.get(b.id)!,
  );
}

/** An alias written in capitals ("HR/VP") is an acronym: matched as written. */
const ACRONYM_LIKE = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}/+&.-]+$/u;

const expanded = new WeakMap<Taxonomy, WeakMap<readonly GlossaryEntry[], Taxonomy>>();

/**
 * The taxonomy with the glossary's spellings of each theme's acronyms: a theme
 * listing `PESCO` also matches "Permanent Structured Cooperation" when the
 * glossary says they are one, so a glossary edit re-tags what it affects.
 */
export function withGlossary(taxonomy: Taxonomy, glossary: readonly GlossaryEntry[]): Taxonomy {
  if (glossary.length === 0) return taxonomy;
  let byGlossary = expanded.get(taxonomy);
  if (!byGlossary) {
    byGlossary = new WeakMap();
    expanded.set(taxonomy, byGlossary);
  }
  let result = byGlossary.get(glossary);
  if (!result) {
    const entries = new Map(glossary.map((g) => [g.acronym, g]));
    result = {
      ...taxonomy,
      themes: taxonomy.themes.map((theme) => {
        const spellingsOf = (a: string) => {
          const entry = entries.get(a);
          return entry ? [entry.expansion, ...entry.aliases] : [];
        };
        const spellings = theme.terms.acronyms.flatMap(spellingsOf);
        if (spellings.length === 0) return theme;
        const phrases = spellings.filter((s) => !ACRONYM_LIKE.test(s) && !theme.terms.phrases.includes(s));
        const acronyms = spellings.filter((s) => ACRONYM_LIKE.test(s) && !theme.terms.acronyms.includes(s));
        // An acronym that counts only beside the theme's other words (an office named as the speaker's title)
        // does so however it is spelled: "High Representative/Vice-President" as much as "HR/VP".
        const contextual = theme.terms.contextual ?? [];
        const contextualSpellings = contextual.flatMap(spellingsOf).filter((s) => !contextual.includes(s));
        return {
          ...theme,
          terms: {
            ...theme.terms,
            phrases: [...theme.terms.phrases, ...phrases],
            acronyms: [...theme.terms.acronyms, ...acronyms],
            contextual: [...contextual, ...contextualSpellings],
          },
        };
      }),
    };
    byGlossary.set(glossary, result);
  }
  return result;
}

/**
 * Themes a person gave in a sidecar or front matter decide what the document is
 * about, as a given date or speaker outranks one read from the text: the given
 * themes are `about` (with whatever evidence the text has), and the rest are kept
 * as `mentions` with their evidence. Ids not in the taxonomy are returned, to be
 * reported, never guessed at.
 */
export function applyGivenThemes(
  taxonomy: Taxonomy,
  tags: ThemeTag[],
  given: readonly string[],
  source: Provenance,
): { tags: ThemeTag[]; unknown: string[] } {
  if (given.length === 0) return { tags, unknown: [] };
  const byId = new Map(taxonomy.themes.map((theme) => [theme.id, theme]));
  const unknown = given.filter((id) => !byId.has(id));
  const wanted = new Set(given.filter((id) => byId.has(id)));
  if (wanted.size === 0) return { tags, unknown };
  const result: ThemeTag[] = tags.map((tag) =>
    wanted.has(tag.id) ? { ...tag, weight: 'about', given: source } : { ...tag, weight: 'mentions' },
  );
  const present = new Set(tags.map((tag) => tag.id));
  for (const id of wanted) {
    if (!present.has(id)) result.push({ id, label: byId.get(id)!.label, evidence: {}, score: 0, share: 0, weight: 'about', given: source });
  }
  const order = new Map(given.map((id, i) => [id, i]));
  return { tags: result.sort((a, b) => Number(b.weight === 'about') - Number(a.weight === 'about') || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)), unknown };
}

export const themesStage: Stage = {
  name: 'themes',
  run(job, ctx) {
    const meta = job.metadata;
    const fallback = meta ? `${meta.title}\n${meta.summary}` : '';
    const found = tagDocument(withGlossary(ctx.taxonomy, ctx.glossary ?? []), job.passages, fallback, meta?.title ?? '');
    if (!meta || meta.givenThemes.length === 0 || !meta.provenance.themes) {
      job.themeTags = found;
      return;
    }
    const { tags, unknown } = applyGivenThemes(ctx.taxonomy, found, meta.givenThemes, meta.provenance.themes);
    job.themeTags = tags;
    const where = PROVENANCE_LABELS[meta.provenance.themes];
    for (const id of unknown) meta.warnings.push(`${where}: theme "${id}" is not in themes.yml; left out`);
  },
};
