/**
 * discover: the files under the corpus that Entente indexes, each with its
 * stable id and its sidecar. Runs once per run, before the per-document stages.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Format } from '../../contract/document.js';
import { documentId } from '../../contract/ids.js';
import type { SourceFile } from './stage.js';

export const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.pdf': 'pdf',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

export const SIDECAR_SUFFIX = '.meta.yml';

/**
 * Documentation for people, not documents: `corpus/README.md` explains the corpus
 * itself and `corpus/LICENCES.md` lists where its texts come from.
 */
const IGNORED_NAMES = new Set(['readme.md', 'readme.txt', 'licences.md', 'licenses.md']);

export interface Discovery {
  files: SourceFile[];
  /** Files that cannot be indexed as named (id clash), with the reason. */
  rejected: { file: string; reason: string }[];
}

/** Fetched sources appear under this folder name, beside the corpus's own files. */
export const SOURCES_ROOT = 'sources';

/**
 * The corpus, and the cache of sources fetched by URL when given: its files are
 * named `sources/<host>/<slug>.<ext>` and their ids leave the extension out, so
 * a source whose server switches from HTML to PDF keeps its id.
 */
export async function discover(corpusDir: string, options: { sourcesDir?: string | undefined } = {}): Promise<Discovery> {
  const candidates: SourceFile[] = [];
  for (const entry of await listFiles(corpusDir)) {
    if (!entry.relativePath.includes('/') && IGNORED_NAMES.has(entry.name.toLowerCase())) continue;
    candidates.push({ ...entry.file, id: documentId(entry.relativePath) });
  }
  if (options.sourcesDir && existsSync(options.sourcesDir)) {
    for (const entry of await listFiles(options.sourcesDir)) {
      const relativePath = `${SOURCES_ROOT}/${entry.relativePath}`;
      const id = documentId(relativePath.slice(0, relativePath.length - extname(relativePath).length));
      candidates.push({ ...entry.file, relativePath, id });
    }
  }
  candidates.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));

  const byId = new Map<string, SourceFile>();
  const rejected: Discovery['rejected'] = [];
  for (const file of candidates) {
    const first = byId.get(file.id);
    if (first) {
      rejected.push({ file: file.relativePath, reason: `same document id "${file.id}" as ${first.relativePath}: rename one of them` });
      continue;
    }
    byId.set(file.id, file);
  }
  return { files: [...byId.values()], rejected };
}

/** Files under `root` in a format Entente reads, hidden files and folders (editor swap files, .git) left out. */
async function listFiles(root: string) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const out: { name: string; relativePath: string; file: Omit<SourceFile, 'id'> }[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(root, path).split(sep).join('/');
    if (relativePath.split('/').some((part) => part.startsWith('.'))) continue;
    const format = FORMAT_BY_EXTENSION[extname(entry.name).toLowerCase()];
    if (!format) continue;
    out.push({ name: entry.name, relativePath, file: { path, relativePath, format, sidecarPath: sidecarFor(path) } });
  }
  return out;
}

/** `report.pdf.meta.yml`, else `report.meta.yml`, beside the file. */
export function sidecarFor(path: string): string | null {
  const full = path + SIDECAR_SUFFIX;
  if (existsSync(full)) return full;
  const stem = path.slice(0, path.length - extname(path).length) + SIDECAR_SUFFIX;
  return existsSync(stem) ? stem : null;
}

/** A single file given on the command line (for --explain). */
export function sourceFile(corpusDir: string, path: string): SourceFile | null {
  const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (!format) return null;
  const rel = relative(corpusDir, path).split(sep).join('/');
  const relativePath = rel.startsWith('..') ? path.split(sep).pop()! : rel;
  return { path, relativePath, id: documentId(relativePath), format, sidecarPath: sidecarFor(path) };
}
