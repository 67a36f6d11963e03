/**
 * The theme taxonomy (`corpus/themes.yml`) and the glossary (`corpus/glossary.yml`):
 * loaded and validated here, used by the indexer to tag and by the server to label.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { RE2JS } from 're2js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SLUG_PATTERN } from './ids.js';

/** Score a document needs to be about a theme, unless themes.yml says otherwise (one plain mention in the body scores 1). */
export const DEFAULT_THEME_THRESHOLD = 2;
/** Least share of a document's theme score a theme must take to be what the document is about, unless themes.yml says otherwise. */
export const DEFAULT_THEME_SHARE = 0.1;

const ThemeSchema = z.object({
  id: z.string().regex(SLUG_PATTERN, 'theme id must be a lower-case slug'),
  label: z.string().min(1),
  description: z.string().default(''),
  broader: z.string().optional(),
  /** Minimum score in a document before the document is about the theme. */
  threshold: z.number().positive().optional(),
  terms: z
    .object({
      phrases: z.array(z.string().min(1)).default([]),
      acronyms: z.array(z.string().min(1)).default([]),
      patterns: z.array(z.string().min(1)).default([]),
      /**
       * Phrases, acronyms or patterns (also listed above) that mean this theme only in its
       * context: they count only where another term of the theme occurs in the same
       * passage ("Arctic" is maritime only beside "naval" or "shipping"; "JIT" is a
       * joint investigation team only beside "Eurojust" or "investigation").
       */
      contextual: z.array(z.string().min(1)).default([]),
    })
    .default({ phrases: [], acronyms: [], patterns: [], contextual: [] }),
});

const TaxonomySchema = z.object({
  /** Default minimum score for a document to be about a theme. */
  threshold: z.number().positive().default(DEFAULT_THEME_THRESHOLD),
  /** Least share of a document's theme score a theme must take to be what the document is about. */
  share: z.number().min(0).max(1).default(DEFAULT_THEME_SHARE),
  themes: z.array(ThemeSchema).min(1),
});

const GlossaryEntrySchema = z.object({
  acronym: z.string().min(1),
  expansion: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});
const GlossarySchema = z.object({
  terms: z.array(GlossaryEntrySchema),
  /** Groups of words and phrases meaning the same thing (not acronyms): "talks" and "dialogue". */
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
});

export type Theme = z.infer<typeof ThemeSchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function loadYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as Error).message}`, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** No themes: what a corpus without themes.yml has. */
export function emptyTaxonomy(): Taxonomy {
  return { threshold: DEFAULT_THEME_THRESHOLD, share: DEFAULT_THEME_SHARE, themes: [] };
}

export function loadTaxonomy(corpusDir: string): Taxonomy {
  const file = join(corpusDir, 'themes.yml');
  if (!existsSync(file)) return emptyTaxonomy();
  const taxonomy = loadYaml(file, TaxonomySchema);
  const ids = new Set<string>();
  for (const theme of taxonomy.themes) {
    if (ids.has(theme.id)) throw new ConfigError(`${file}: duplicate theme id "${theme.id}"`);
    ids.add(theme.id);
  }
  for (const theme of taxonomy.themes) {
    if (theme.broader && !ids.has(theme.broader)) {
      throw new ConfigError(`${file}: theme "${theme.id}" names unknown broader theme "${theme.broader}"`);
    }
    const listed = new Set([...theme.terms.phrases, ...theme.terms.acronyms, ...theme.terms.patterns]);
    for (const term of theme.terms.contextual) {
      if (!listed.has(term)) throw new ConfigError(`${file}: theme "${theme.id}": contextual term "${term}" is not among its phrases, acronyms or patterns`);
    }
    for (const pattern of theme.terms.patterns) {
      try {
        compileThemePattern(pattern);
      } catch (err) {
        throw new ConfigError(
          `${file}: theme "${theme.id}": bad pattern ${pattern}: ${(err as Error).message} ` +
            '(patterns use RE2 syntax, which runs in linear time: no backreferences and no lookahead)',
        );
      }
    }
  }
  return taxonomy;
}

/**
 * A theme pattern, compiled for RE2's linear-time engine: case-insensitive, with
 * lookbehind. JavaScript's backtracking engine would let one pattern such as `(a|a)+$`
 * stall indexing, and with it the web server, for seconds per passage.
 */
export function compileThemePattern(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE | RE2JS.LOOKBEHINDS);
}

export type Glossary = z.infer<typeof GlossarySchema>;

export function loadGlossaryFile(corpusDir: string): Glossary {
  const file = join(corpusDir, 'glossary.yml');
  if (!existsSync(file)) return { terms: [], synonyms: [] };
  return loadYaml(file, GlossarySchema);
}

/** The glossary's acronym entries. */
export function loadGlossary(corpusDir: string): GlossaryEntry[] {
  return loadGlossaryFile(corpusDir).terms;
}

/** Every spelling of a glossary entry is a synonym of every other, and every member of a synonym group of the others. */
export function glossarySynonyms(glossary: GlossaryEntry[], groups: readonly string[][] = []): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  const allForms = [...glossary.map((entry) => [entry.acronym, entry.expansion, ...entry.aliases]), ...groups];
  for (const group of allForms) {
    const forms = group.map((f) => f.toLowerCase());
    for (const form of forms) {
      const others = forms.filter((f) => f !== form);
      synonyms[form] = [...new Set([...(synonyms[form] ?? []), ...others])];
    }
  }
  return synonyms;
}
