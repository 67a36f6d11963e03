/**
 * The glossary (`corpus/glossary.yml`), re-read when the file changes: its
 * acronyms, so a query reads an acronym in capitals as the indexer tagged it,
 * and its terms of several words, which a query reads as one term each.
 */
import { loadGlossaryFile } from '../contract/taxonomy.js';
import { glossaryKey } from './search/query-text.js';
import { CorpusFileValue } from './corpus-file.js';

interface GlossaryTerms {
  acronyms: ReadonlySet<string>;
  phrases: ReadonlySet<string>;
}

export class GlossaryCatalog {
  private readonly file: CorpusFileValue<GlossaryTerms>;

  constructor(corpusDir: string) {
    this.file = CorpusFileValue.in(
      corpusDir,
      'glossary.yml',
      () => {
        const glossary = loadGlossaryFile(corpusDir);
        const forms = [...glossary.terms.flatMap((entry) => [entry.acronym, entry.expansion, ...entry.aliases]), ...glossary.synonyms.flat()];
        return {
          acronyms: new Set(glossary.terms.map((entry) => entry.acronym)),
          phrases: new Set(forms.map(glossaryKey).filter((form) => form.includes(' '))),
        };
      },
      () => ({ acronyms: new Set(), phrases: new Set() }),
    );
  }

  acronyms(): ReadonlySet<string> {
    return this.file.get().acronyms;
  }

  /** The glossary's terms of several words, as glossaryKey gives them. */
  phrases(): ReadonlySet<string> {
    return this.file.get().phrases;
  }
}
