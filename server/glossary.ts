/**
 * The glossary's acronyms (`corpus/glossary.yml`), re-read when the file changes,
 * so a query reads an acronym in capitals as the indexer tagged it.
 */
import { loadGlossary } from '../contract/taxonomy.js';
import { CorpusFileValue } from './corpus-file.js';

export class GlossaryCatalog {
  private readonly file: CorpusFileValue<ReadonlySet<string>>;

  constructor(corpusDir: string) {
    this.file = CorpusFileValue.in(
      corpusDir,
      'glossary.yml',
      () => new Set(loadGlossary(corpusDir).map((entry) => entry.acronym)),
      () => new Set(),
    );
  }

  acronyms(): ReadonlySet<string> {
    return this.file.get();
  }
}
