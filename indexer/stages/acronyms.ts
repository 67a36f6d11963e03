/**
 * acronyms: which glossary entries each passage and the document mention, by the
 * acronym as written (case-sensitive: "SAFE", not "safe") or by its expansion or
 * an alias (as theme phrases match: any case, accents, hyphens, plurals). Stored
 * as a filterable field, so a query that writes a glossary acronym in capitals
 * finds the acronym and its spellings only, never the ordinary word.
 */
import type { GlossaryEntry, Taxonomy } from '../../contract/taxonomy.js';
import { tagText } from './themes.js';
import type { Stage } from './stage.js';

/** An alias written in capitals ("ECJ", "HR/VP") is an acronym: matched as written. */
const ACRONYM_LIKE = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}/+&.-]+$/u;

const compiled = new WeakMap<readonly GlossaryEntry[], Taxonomy>();

/** The glossary as a taxonomy whose "themes" are its entries, so the theme matcher finds them. */
function glossaryTaxonomy(glossary: readonly GlossaryEntry[]): Taxonomy {
  let taxonomy = compiled.get(glossary);
  if (!taxonomy) {
    taxonomy = {
      threshold: 1,
      share: 0,
      themes: glossary.map((entry) => {
        const spellings = [entry.expansion, ...entry.aliases];
        return {
          id: entry.acronym,
          label: entry.acronym,
          description: '',
          terms: {
            acronyms: [entry.acronym, ...spellings.filter((s) => ACRONYM_LIKE.test(s))],
            phrases: spellings.filter((s) => !ACRONYM_LIKE.test(s)),
            patterns: [],
            contextual: [],
          },
        };
      }),
    };
    compiled.set(glossary, taxonomy);
  }
  return taxonomy;
}

/** The glossary acronyms a text mentions, by any of their spellings. */
export function acronymsIn(glossary: readonly GlossaryEntry[], text: string): string[] {
  if (glossary.length === 0 || text === '') return [];
  return [...tagText(glossaryTaxonomy(glossary), text).keys()];
}

export const acronymsStage: Stage = {
  name: 'acronyms',
  run(job, ctx) {
    job.passageAcronyms = job.passages.map((p) => acronymsIn(ctx.glossary, `${p.heading ?? ''}\n${p.text}`));
    const title = job.metadata ? `${job.metadata.title}\n${job.metadata.summary}` : '';
    job.acronyms = [...new Set([...acronymsIn(ctx.glossary, title), ...job.passageAcronyms.flat()])];
  },
};
