/**
 * The fetched copies under DATA_DIR/sources/: one file per source
 * (`<host>/<slug>.html` or `.pdf`) with a generated sidecar beside it, so
 * discover reads them like any corpus file and a run without network gives the
 * same collection. `.state.json` (hidden, so never a document) keeps what the
 * next conditional request needs and where each copy came from.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { slugify } from '../../contract/ids.js';
import type { Hop } from './http.js';
import type { SourceEntry } from './list.js';

export const STATE_FILE = '.state.json';
const STATE_VERSION = 1;
const MAX_SLUG = 80;

export interface CachedDocument {
  /** The URL as listed, or as a followed listing gave it. */
  url: string;
  /** The sources.yml entry that led here (itself, or the listing that linked to it). */
  origin: string;
  /** Relative to the cache folder, POSIX separators. */
  file: string;
  finalUrl: string;
  redirects: Hop[];
  /** When the content held now was retrieved (a 304 or identical content keeps it). */
  retrievedAt: string;
  /** When the source was last checked, whatever the answer. */
  checkedAt: string;
  sha256: string;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
  /** Why the last check failed (the copy above is kept), or null. */
  lastError: string | null;
}

export interface CachedListing {
  url: string;
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  links: string[];
  checkedAt: string;
}

interface State {
  version: number;
  documents: Record<string, CachedDocument>;
  listings: Record<string, CachedListing>;
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** `<host>/<slug>-<hash8>`: readable, stable for a URL, distinct for distinct URLs. */
export function cacheStem(url: string): string {
  const parsed = new URL(url);
  const host = parsed.host.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+/, '') || 'host';
  const slug = slugify(safeDecode(parsed.pathname + parsed.search)).slice(0, MAX_SLUG).replace(/-+$/, '') || 'index';
  return `${host}/${slug}-${sha256(url).slice(0, 8)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class SourceCache {
  private state: State;
  /** The state accounts for every copy: read intact, or nothing was cached before. */
  private readonly complete: boolean;

  constructor(readonly dir: string) {
    const read = readState(join(dir, STATE_FILE));
    this.state = read ?? { version: STATE_VERSION, documents: {}, listings: {} };
    this.complete = read !== null || !existsSync(dir);
  }

  document(url: string): CachedDocument | undefined {
    const doc = this.state.documents[url];
    return doc && existsSync(join(this.dir, doc.file)) ? doc : undefined;
  }

  listing(url: string): CachedListing | undefined {
    return this.state.listings[url];
  }

  documents(): CachedDocument[] {
    return Object.values(this.state.documents);
  }

  setListing(listing: CachedListing): void {
    this.state.listings[listing.url] = listing;
  }

  /** Records a check that changed no content (304, identical bytes, or a failure keeping the old copy). */
  update(url: string, changes: Partial<CachedDocument>): void {
    const doc = this.state.documents[url];
    if (doc) Object.assign(doc, changes);
  }

  /** Writes new content and its sidecar; a copy in another format (HTML became PDF) goes. */
  store(doc: Omit<CachedDocument, 'file'>, body: Buffer, metadata: Record<string, unknown>): CachedDocument {
    const extension = doc.contentType === 'application/pdf' ? '.pdf' : '.html';
    const file = cacheStem(doc.url) + extension;
    const previous = this.state.documents[doc.url];
    if (previous && previous.file !== file) this.removeFiles(previous.file);
    mkdirSync(dirname(join(this.dir, file)), { recursive: true });
    writeAtomic(join(this.dir, file), body);
    const stored = { ...doc, file };
    this.state.documents[doc.url] = stored;
    this.writeSidecar(stored, metadata);
    return stored;
  }

  /**
   * Brings the cache in line with the list, without network: sidecars follow
   * the entries' current keys; copies whose entry is gone are deleted.
   */
  sync(entries: readonly SourceEntry[]): { removed: string[] } {
    const byUrl = new Map(entries.map((e) => [e.url, e]));
    const removed: string[] = [];
    for (const doc of Object.values(this.state.documents)) {
      const origin = byUrl.get(doc.origin);
      // A followed listing is not itself a document; a document listed directly takes its own entry's keys.
      const entry = byUrl.get(doc.url) && !byUrl.get(doc.url)!.follow ? byUrl.get(doc.url) : origin;
      const stale = !entry || (entry.url === doc.url && entry.follow) || !existsSync(join(this.dir, doc.file));
      if (stale) {
        this.removeFiles(doc.file);
        delete this.state.documents[doc.url];
        removed.push(doc.url);
        continue;
      }
      doc.origin = entry.url;
      this.writeSidecar(doc, entry.metadata);
    }
    for (const url of Object.keys(this.state.listings)) if (!byUrl.get(url)?.follow) delete this.state.listings[url];
    this.removeOrphans();
    return { removed };
  }

  /** Files no state entry accounts for (a run stopped between writing a copy and recording it) would be indexed forever. */
  private removeOrphans(): void {
    // With a lost or damaged state the copies are kept: they are the only ones if the sites are down.
    if (!this.complete || !existsSync(this.dir)) return;
    const known = new Set([STATE_FILE]);
    for (const doc of Object.values(this.state.documents)) known.add(doc.file).add(doc.file + '.meta.yml');
    for (const entry of readdirSync(this.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = relative(this.dir, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (!known.has(file)) rmSync(join(this.dir, file), { force: true });
    }
  }

  save(): void {
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(join(this.dir, STATE_FILE), Buffer.from(JSON.stringify(this.state, null, 1)));
  }

  /** The sidecar: the entry's keys plus where and when the copy came from. Rewritten only when it differs. */
  private writeSidecar(doc: CachedDocument, metadata: Record<string, unknown>): void {
    const path = join(this.dir, doc.file + '.meta.yml');
    const text =
      `# Generated from sources.yml when ${doc.url} was fetched: edit sources.yml, not this file.\n` +
      `# Content sha256: ${doc.sha256}\n` +
      stringifyYaml({ ...metadata, source_url: doc.url, final_url: doc.finalUrl, retrieved: doc.retrievedAt });
    if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
    writeAtomic(path, Buffer.from(text));
  }

  private removeFiles(file: string): void {
    rmSync(join(this.dir, file), { force: true });
    rmSync(join(this.dir, file + '.meta.yml'), { force: true });
  }
}

/** The saved state, or null when there is none or it cannot be read (that costs full requests instead of conditional ones). */
function readState(path: string): State | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as State;
    return parsed.version === STATE_VERSION && parsed.documents && parsed.listings ? parsed : null;
  } catch {
    return null;
  }
}

function writeAtomic(path: string, data: Buffer): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}
