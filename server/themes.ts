/**
 * Theme labels and descriptions from the corpus taxonomy, reloaded when
 * themes.yml changes on disk so the server follows the indexer.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaxonomy, type Taxonomy, type Theme } from '../indexer/schema/taxonomy.js';

export class ThemeCatalog {
  private cached: { mtimeMs: number; taxonomy: Taxonomy } | null = null;

  constructor(private readonly corpusDir: string) {}

  private taxonomy(): Taxonomy {
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(join(this.corpusDir, 'themes.yml')).mtimeMs;
    } catch {
      // No taxonomy: themes show by id.
    }
    if (this.cached?.mtimeMs !== mtimeMs) {
      try {
        this.cached = { mtimeMs, taxonomy: loadTaxonomy(this.corpusDir) };
      } catch {
        // A taxonomy being edited may be invalid for a moment: keep the last good one.
        this.cached ??= { mtimeMs, taxonomy: { threshold: 2, themes: [] } };
      }
    }
    return this.cached.taxonomy;
  }

  themes(): Theme[] {
    return this.taxonomy().themes;
  }

  ids(): Set<string> {
    return new Set(this.themes().map((t) => t.id));
  }

  label(id: string): string {
    return this.themes().find((t) => t.id === id)?.label ?? id;
  }

  get(id: string): Theme | undefined {
    return this.themes().find((t) => t.id === id);
  }
}
