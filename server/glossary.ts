/**
 * The glossary's acronyms (`corpus/glossary.yml`), re-read when the file changes,
 * so a query reads an acronym in capitals as the indexer tagged it.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../contract/taxonomy.js';

/** How often the file is looked at: an edit shows within a second, without a stat per search. */
const RECHECK_MS = 1000;

export class GlossaryCatalog {
  private cached: { mtimeMs: number; acronyms: ReadonlySet<string> } | null = null;
  private checkedAt = -Infinity;

  constructor(private readonly corpusDir: string) {}

  acronyms(): ReadonlySet<string> {
    const now = performance.now();
    if (this.cached && now - this.checkedAt < RECHECK_MS) return this.cached.acronyms;
    this.checkedAt = now;
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(join(this.corpusDir, 'glossary.yml')).mtimeMs;
    } catch {
      // No glossary: no acronyms.
    }
    if (this.cached?.mtimeMs !== mtimeMs) {
      try {
        this.cached = { mtimeMs, acronyms: new Set(loadGlossary(this.corpusDir).map((entry) => entry.acronym)) };
      } catch {
        // A glossary being edited may be invalid for a moment: keep the last good one.
        this.cached ??= { mtimeMs, acronyms: new Set() };
      }
    }
    return this.cached.acronyms;
  }
}
