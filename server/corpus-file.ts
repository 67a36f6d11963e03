/**
 * A value read from a file of the corpus (themes.yml, glossary.yml) and read again
 * when the file changes, so the server follows what the indexer uses. Pages ask for
 * it many times per request: the file is looked at no more often than once a
 * second, so an edit shows within a second without a stat per call. A file being
 * edited may be invalid for a moment: the last good value is kept.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

const RECHECK_MS = 1000;

export class CorpusFileValue<T> {
  private cached: { mtimeMs: number; value: T } | null = null;
  private checkedAt = -Infinity;

  /**
   * @param load reads the value (throws on an invalid file)
   * @param fallback the value while the file is missing or has never been valid
   */
  constructor(
    private readonly path: string,
    private readonly load: () => T,
    private readonly fallback: () => T,
    private readonly now: () => number = () => performance.now(),
  ) {}

  static in<T>(corpusDir: string, name: string, load: () => T, fallback: () => T, now?: () => number): CorpusFileValue<T> {
    return new CorpusFileValue(join(corpusDir, name), load, fallback, now);
  }

  get(): T {
    const now = this.now();
    if (this.cached && now - this.checkedAt < RECHECK_MS) return this.cached.value;
    this.checkedAt = now;
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(this.path).mtimeMs;
    } catch {
      // No file: the loader decides what that means (it usually gives the fallback).
    }
    if (this.cached?.mtimeMs !== mtimeMs) {
      try {
        this.cached = { mtimeMs, value: this.load() };
      } catch {
        this.cached ??= { mtimeMs, value: this.fallback() };
      }
    }
    return this.cached.value;
  }
}
