/**
 * The glossary (`corpus/glossary.yml`), re-read when the file changes: its
 * acronyms, so a query reads an acronym in capitals as the indexer tagged it,
 * and its terms of several words, which a query reads as one term each.
 */
import { loadGlossaryFile } from '../contract/taxonomy.js';
import { glossaryKey, type GlossaryPhrases } from './search/query-text.js';
import { CorpusFileValue } from './corpus-file.js';

interface GlossaryTerms {
  acronyms: ReadonlySet<string>;
  phrases: GlossaryPhrases;
}

export class GlossaryCatalog {
  private readonly file: CorpusFileValue<GlossaryTerms>;

  constructor(corpusDir: string) {
    this.file = CorpusFileValue.in(
      corpusDir,
      'glossary.yml',
      () => {
        const glossary = loadGlossaryFile(corpusDir);
        const phrases = new Map<string, string | null>();
        const add = (form: string, acronym: string | null) => {
          const key = glossaryKey(form);
          if (key.includes(' ') && !phrases.get(key)) phrases.set(key, acronym);
        };
        for (const group of glossary.synonyms) for (const form of group) add(form, null);
        for (const entry of glossary.terms) for (const form of [entry.acronym, entry.expansion, ...entry.aliases]) add(form, entry.acronym);
        return { acronyms: new Set(glossary.terms.map((entry) => entry.acronym)), phrases };
      },
      () => ({ acronyms: new Set(), phrases: new Map() }),
    );
  }

  acronyms(): ReadonlySet<string> {
    return this.file.get().acronyms;
  }

  /** The glossary's terms of several words, as glossaryKey gives them, with their entry's acronym. */
  phrases(): GlossaryPhrases {
    return this.file.get().phrases;
  }
}
