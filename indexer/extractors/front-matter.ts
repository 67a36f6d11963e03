/**
 * Front matter is data, never code. Only YAML (the default, or `---yaml`) and JSON
 * (`---json`, parsed as data) are read; any other language named after the opening
 * `---` (`---js`, `---coffee` ...) is a per-file failure, so nothing a
 * document carries is ever evaluated. YAML is parsed with the `yaml` package's core
 * schema: unknown tags such as `!!js/function` stay inert strings, and alias
 * expansion is capped (no "billion laughs").
 */
import { parse as parseYaml } from 'yaml';
import { ExtractionError } from '../../contract/extracted.js';

export interface FrontMatter {
  /** The parsed value (usually a mapping), or `null` when the file has no front matter. */
  data: unknown;
  /** The document body after the closing delimiter. */
  content: string;
}

/** `---` or `---lang` alone on the first line. */
const OPENING = /^---([A-Za-z][\w-]*)?[ \t]*\n/;
/** `---` (or `...`, YAML's document end) alone on a line. */
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

const PARSERS: Record<string, (source: string) => unknown> = {
  yaml: (source) => parseYaml(source, { schema: 'core', maxAliasCount: 100, prettyErrors: false, logLevel: 'error' }),
  yml: (source) => PARSERS.yaml!(source),
  json: (source) => JSON.parse(source),
};

/** Splits `source` (newlines already `\n`) into front matter and body. */
export function splitFrontMatter(source: string): FrontMatter {
  const opening = OPENING.exec(source);
  if (!opening) return { data: null, content: source };
  const language = (opening[1] ?? 'yaml').toLowerCase();
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    // A lone `---` first line is a thematic break in Markdown, not front matter.
    if (!opening[1]) return { data: null, content: source };
    throw new ExtractionError(`front matter opened with "---${opening[1]}" is never closed`);
  }
  const parse = Object.hasOwn(PARSERS, language) ? PARSERS[language] : undefined;
  if (!parse) {
    throw new ExtractionError(`front matter in "${language}" is not read: only YAML or JSON front matter is allowed`);
  }
  const raw = rest.slice(0, closing.index);
  const content = rest.slice(closing.index + closing[0].length).replace(/^\n/, '');
  let data: unknown;
  try {
    data = raw.trim() === '' ? {} : parse(raw);
  } catch (error) {
    const label = language === 'json' ? 'JSON' : 'YAML';
    throw new ExtractionError(`front matter is not valid ${label}: ${(error as Error).message.split('\n')[0]}`);
  }
  return { data: data ?? {}, content };
}
