/**
 * themes: tags each passage with the themes whose terms it uses, then the
 * document with the themes it is substantially about, keeping the evidence
 * (term -> occurrences) so a reader can see why.
 *
 * Rules (also in corpus/README.md):
 *  - a passage carries a theme when any of the theme's terms occurs in it;
 *  - a document carries a theme when the theme's matches across all its passages
 *    reach the theme's `threshold` (else the taxonomy's default);
 *  - a passage or document carrying a theme also carries its `broader` theme
 *    (and that one's broader, and so on), whose evidence includes the narrower's;
 *  - tags are ordered by strength: total matches, then taxonomy order.
 */
import type { Passage, ThemeTag } from '../../contract/document.js';
import type { Taxonomy } from '../../contract/taxonomy.js';
import { compileTaxonomy, foldSameLength, matchTheme } from '../themes/matcher.js';
import type { Stage } from './stage.js';

type Evidence = Record<string, number>;

const total = (evidence: Evidence) => Object.values(evidence).reduce((sum, n) => sum + n, 0);

function addInto(target: Evidence, source: Evidence): void {
  for (const [term, count] of Object.entries(source)) target[term] = (target[term] ?? 0) + count;
}

/** Evidence of each theme in one text, for the themes that matched at all. */
export function tagText(taxonomy: Taxonomy, text: string): Map<string, Evidence> {
  const folded = foldSameLength(text);
  const found = new Map<string, Evidence>();
  for (const compiled of compileTaxonomy(taxonomy)) {
    const evidence = matchTheme(compiled, text, folded);
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

/** Tags the passages in place and returns the document's themes. */
export function tagDocument(taxonomy: Taxonomy, passages: Passage[], fallbackText = ''): ThemeTag[] {
  const documentEvidence = new Map<string, Evidence>();
  const collect = (found: Map<string, Evidence>) => {
    for (const [id, evidence] of found) {
      const sum = documentEvidence.get(id) ?? {};
      addInto(sum, evidence);
      documentEvidence.set(id, sum);
    }
  };
  for (const passage of passages) {
    const found = tagText(taxonomy, passage.text);
    passage.themeTags = toTags(taxonomy, found);
    passage.themes = passage.themeTags.map((tag) => tag.id);
    collect(found);
  }
  // No passages (a scan without text): the title and summary are all there is to go on.
  if (passages.length === 0 && fallbackText.trim() !== '') collect(tagText(taxonomy, fallbackText));

  const thresholds = new Map(taxonomy.themes.map((t) => [t.id, t.threshold ?? taxonomy.threshold]));
  const carried = new Map([...documentEvidence].filter(([id, evidence]) => total(evidence) >= (thresholds.get(id) ?? Infinity)));
  return toTags(taxonomy, carried);
}

export const themesStage: Stage = {
  name: 'themes',
  run(job, ctx) {
    const fallback = job.metadata ? `${job.metadata.title}\n${job.metadata.summary}` : '';
    job.themeTags = tagDocument(ctx.taxonomy, job.passages, fallback);
  },
};
