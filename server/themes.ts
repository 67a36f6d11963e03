/**
 * Theme labels and descriptions from the corpus taxonomy, reloaded when
 * themes.yml changes on disk so the server follows the indexer.
 */
import { emptyTaxonomy, loadTaxonomy, type Taxonomy, type Theme } from '../contract/taxonomy.js';
import { CorpusFileValue } from './corpus-file.js';

interface Loaded {
  taxonomy: Taxonomy;
  byId: Map<string, Theme>;
  ids: Set<string>;
}

function loaded(taxonomy: Taxonomy): Loaded {
  return {
    taxonomy,
    byId: new Map(taxonomy.themes.map((t) => [t.id, t])),
    ids: new Set(taxonomy.themes.map((t) => t.id)),
  };
}

export class ThemeCatalog {
  private readonly file: CorpusFileValue<Loaded>;

  constructor(corpusDir: string, now?: () => number) {
    this.file = CorpusFileValue.in(
      corpusDir,
      'themes.yml',
      () => loaded(loadTaxonomy(corpusDir)),
      () => loaded(emptyTaxonomy()),
      now,
    );
  }

  private current(): Loaded {
    return this.file.get();
  }

  themes(): Theme[] {
    return this.current().taxonomy.themes;
  }

  /** The known theme ids (shared: do not modify). */
  ids(): ReadonlySet<string> {
    return this.current().ids;
  }

  label(id: string): string {
    return this.current().byId.get(id)?.label ?? id;
  }

  get(id: string): Theme | undefined {
    return this.current().byId.get(id);
  }
}
