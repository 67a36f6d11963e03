/**
 * discover: the files under the corpus that Entente indexes, each with its
 * stable id and its sidecar. Runs once per run, before the per-document stages.
 */
import { existsSync, lstatSync } from 'node:fs';
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
  /** Files that cannot be indexed (id clash, symbolic link, not a regular file), with the reason. */
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
  const skipped: Discovery['rejected'] = [];
  for (const entry of await listFiles(corpusDir, skipped)) {
    if (!entry.relativePath.includes('/') && IGNORED_NAMES.has(entry.name.toLowerCase())) continue;
    candidates.push({ ...entry.file, id: documentId(entry.relativePath) });
  }
  if (options.sourcesDir && existsSync(options.sourcesDir)) {
    const sourcesSkipped: Discovery['rejected'] = [];
    for (const entry of await listFiles(options.sourcesDir, sourcesSkipped)) {
      const relativePath = `${SOURCES_ROOT}/${entry.relativePath}`;
      const id = documentId(relativePath.slice(0, relativePath.length - extname(relativePath).length));
      candidates.push({ ...entry.file, relativePath, id, root: options.sourcesDir });
    }
    for (const skip of sourcesSkipped) skipped.push({ ...skip, file: `${SOURCES_ROOT}/${skip.file}` });
  }
  candidates.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));

  const byId = new Map<string, SourceFile>();
  const rejected: Discovery['rejected'] = skipped;
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

/**
 * Files under `root` in a format Entente reads, hidden files and folders (editor swap files, .git)
 * left out. Only regular files are documents: a symbolic link could lead outside the corpus, a FIFO
 * would hang the run. Preflight checks again on the open file; `skipped` gets each other entry with
 * its reason, so the summary says why rather than skipping it silently.
 */
async function listFiles(root: string, skipped: Discovery['rejected']) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const out: { name: string; relativePath: string; file: Omit<SourceFile, 'id'> }[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(root, path).split(sep).join('/');
    if (relativePath.split('/').some((part) => part.startsWith('.'))) continue;
    const format = FORMAT_BY_EXTENSION[extname(entry.name).toLowerCase()];
    if (!format) continue;
    if (!entry.isFile()) {
      skipped.push({ file: relativePath, reason: `${entry.isSymbolicLink() ? 'is a symbolic link' : 'is not a regular file'}: only regular files inside the corpus are indexed` });
      continue;
    }
    out.push({ name: entry.name, relativePath, file: { path, relativePath, format, sidecarPath: sidecarFor(path) } });
  }
  return out;
}

/**
 * `report.pdf.meta.yml`, else `report.meta.yml`, beside the file. Anything by that name counts
 * (a symbolic link or a FIFO too, never followed here): preflight then refuses it with a reason
 * rather than indexing the document as if it had no sidecar.
 */
export function sidecarFor(path: string): string | null {
  const full = path + SIDECAR_SUFFIX;
  if (present(full)) return full;
  const stem = path.slice(0, path.length - extname(path).length) + SIDECAR_SUFFIX;
  return present(stem) ? stem : null;
}

function present(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** A single file given on the command line (for --explain). */
export function sourceFile(corpusDir: string, path: string): SourceFile | null {
  const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (!format) return null;
  const rel = relative(corpusDir, path).split(sep).join('/');
  const relativePath = rel.startsWith('..') ? path.split(sep).pop()! : rel;
  return { path, relativePath, id: documentId(relativePath), format, sidecarPath: sidecarFor(path) };
}
