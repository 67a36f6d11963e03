/**
 * Theme labels and descriptions from the corpus taxonomy, reloaded when
 * themes.yml changes on disk so the server follows the indexer.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { emptyTaxonomy, loadTaxonomy, type Taxonomy, type Theme } from '../contract/taxonomy.js';

/**
 * A results page asks for dozens of labels; the file is looked at no more often
 * than this, so an edit shows within a second without a stat per label.
 */
const RECHECK_MS = 1000;

interface Loaded {
  mtimeMs: number;
  taxonomy: Taxonomy;
  byId: Map<string, Theme>;
  ids: Set<string>;
}

function loaded(mtimeMs: number, taxonomy: Taxonomy): Loaded {
  return {
    mtimeMs,
    taxonomy,
    byId: new Map(taxonomy.themes.map((t) => [t.id, t])),
    ids: new Set(taxonomy.themes.map((t) => t.id)),
  };
}

export class ThemeCatalog {
  private cached: Loaded | null = null;
  private checkedAt = -Infinity;

  constructor(
    private readonly corpusDir: string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private current(): Loaded {
    const now = this.now();
    if (this.cached && now - this.checkedAt < RECHECK_MS) return this.cached;
    this.checkedAt = now;
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(join(this.corpusDir, 'themes.yml')).mtimeMs;
    } catch {
      // No taxonomy: themes show by id.
    }
    if (this.cached?.mtimeMs !== mtimeMs) {
      try {
        this.cached = loaded(mtimeMs, loadTaxonomy(this.corpusDir));
      } catch {
        // A taxonomy being edited may be invalid for a moment: keep the last good one.
        this.cached ??= loaded(mtimeMs, emptyTaxonomy());
      }
    }
    return this.cached;
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
