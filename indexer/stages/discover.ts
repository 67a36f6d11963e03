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

export async function discover(corpusDir: string): Promise<Discovery> {
  const entries = await readdir(corpusDir, { recursive: true, withFileTypes: true });
  const candidates: SourceFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(corpusDir, path).split(sep).join('/');
    // Hidden files and folders (editor swap files, .git) are never documents.
    if (relativePath.split('/').some((part) => part.startsWith('.'))) continue;
    if (!relativePath.includes('/') && IGNORED_NAMES.has(entry.name.toLowerCase())) continue;
    const format = FORMAT_BY_EXTENSION[extname(entry.name).toLowerCase()];
    if (!format) continue;
    candidates.push({ path, relativePath, id: documentId(relativePath), format, sidecarPath: sidecarFor(path) });
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
