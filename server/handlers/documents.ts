/** A document: its page, its JSON and its original file. */
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Request, Response } from 'express';
import { groupPeople, passageLocation, type DocumentRecord, type Format, type ProvenanceMap } from '../../contract/document.js';
import { DOCUMENT_ID_PATTERN } from '../../contract/ids.js';
import { baseUrl, type AppContext } from '../context.js';
import { BadRequest, NotFound } from '../errors.js';
import { MAX_QUERY_LENGTH, parseSearchState, SEARCH_PARAMS, type RawParams } from '../search/state.js';
import { stateUrl } from '../search/url.js';
import { formatDate, provenanceLabel, typeLabel } from '../view-helpers.js';
import { citeBox } from '../citation/cite-box.js';
import { highwireTags } from '../citation/highwire.js';
import { documentApiUrl, documentFileUrl, documentPath, documentUrl, passageUrl, searchPath } from '../links.js';
import { styleParam } from './cite.js';

/** The id from the URL, checked against the id pattern before any lookup. */
export function documentIdParam(req: Request): string {
  const id = String(req.params['id'] ?? '');
  if (!DOCUMENT_ID_PATTERN.test(id) || id.length > 256) throw new NotFound(`There is no document "${id.slice(0, 80)}".`);
  return id;
}

/** `?q=` on a document page: the words to highlight. */
function highlightQuery(req: Request): string {
  const q = req.query['q'];
  if (q === undefined) return '';
  if (typeof q !== 'string') throw new BadRequest('Parameter "q" may be given only once.');
  if (q.length > MAX_QUERY_LENGTH) throw new BadRequest(`The query is too long (at most ${MAX_QUERY_LENGTH} characters).`);
  return q.trim();
}

/**
 * The results this document was opened from: its URL carries the search's
 * parameters (the hits link so). Anything unreadable falls back to the words alone.
 */
function backToResults(req: Request, context: AppContext): string | null {
  const params: RawParams = {};
  for (const name of SEARCH_PARAMS) if (req.query[name] !== undefined) params[name] = req.query[name];
  if (Object.keys(params).length === 0) return null;
  try {
    return stateUrl(parseSearchState(params, { themeIds: context.themes.ids() }));
  } catch {
    return typeof params['q'] === 'string' ? searchPath({ q: params['q'] }) : null;
  }
}

/**
 * Passages shown on one page of a document: about 50,000 words. A very long document
 * (a 10 MB text) is shown in parts, `?part=N`, so that no page runs to megabytes.
 */
export const PASSAGES_PER_PART = 200;

/** The part of a document that holds the passage with this ordinal (1-based). */
export function partOf(ordinal: number): number {
  return Math.floor(ordinal / PASSAGES_PER_PART) + 1;
}

/** `?part=` on a document page. */
function partParam(req: Request): number {
  const raw = req.query['part'];
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) throw new BadRequest('Parameter "part" must be a whole number from 1.');
  return Number(raw);
}

/** How many parts a document's passages make, and those of one part; a part past the last is a 404. */
function documentPart<T extends { record: { ordinal: number } }>(all: readonly T[], part: number): { parts: number; passages: T[] } {
  // A loop, not Math.max(...all): a spread of tens of thousands of passages can overflow the call stack.
  const parts = all.reduce((most, passage) => Math.max(most, partOf(passage.record.ordinal)), 1);
  if (part > parts) throw new NotFound(`This document has ${parts === 1 ? 'one part' : `${parts} parts`}; there is no part ${part}.`);
  return { parts, passages: all.filter((passage) => partOf(passage.record.ordinal) === part) };
}

const NOTICES: Record<string, string> = {
  'passage-changed':
    'The passage you linked to has changed since the link was made; here is the document it belonged to.',
};

const FETCHED = 'fetched from the source URL (sources.yml)';

/** Metadata rows with where each value came from. */
function metadataRows(document: DocumentRecord) {
  const provenance: ProvenanceMap = document.provenance ?? {};
  const rows: { label: string; value: string; source: string; href?: string }[] = [];
  const add = (label: string, value: string | null | undefined, field: keyof ProvenanceMap, href?: string) => {
    if (value) rows.push({ label, value, source: provenanceLabel(provenance[field]), ...(href ? { href } : {}) });
  };
  // Always shown, "Undated" included, so the details say what the header says.
  rows.push({ label: 'Date', value: formatDate(document.date, document.datePrecision), source: provenanceLabel(provenance.date) });
  add('Published', document.published ? formatDate(document.published) : null, 'published');
  add('Type', typeLabel(document.type), 'type');
  add('Publisher', document.publisher, 'publisher');
  add('Organisations', document.organisations.join('; '), 'organisations');
  add('Place', document.place, 'place');
  add('Language', document.language, 'language');
  const safeSource = document.sourceUrl && /^https?:\/\//i.test(document.sourceUrl) ? document.sourceUrl : undefined;
  add('Source', document.sourceUrl, 'sourceUrl', safeSource);
  // A source fetched by URL: where the address led and when the indexed copy was taken.
  if (document.finalUrl && document.finalUrl !== document.sourceUrl) {
    const safeFinal = /^https?:\/\//i.test(document.finalUrl) ? document.finalUrl : undefined;
    rows.push({ label: 'Redirected to', value: document.finalUrl, source: FETCHED, ...(safeFinal ? { href: safeFinal } : {}) });
  }
  if (document.retrievedAt) rows.push({ label: 'Retrieved', value: formatDate(document.retrievedAt.slice(0, 10)), source: FETCHED });
  return rows;
}

const CONTENT_TYPES: Record<Format, string> = {
  pdf: 'application/pdf',
  markdown: 'text/plain; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  // Served as text: an HTML original must never run script on this origin.
  html: 'text/plain; charset=utf-8',
};

export function documentHandlers(context: AppContext) {
  return {
    async page(req: Request, res: Response) {
      const id = documentIdParam(req);
      const q = highlightQuery(req);
      const style = styleParam(req);
      const part = partParam(req);
      const document = await context.library.getDocument(id);
      const [allPassages, related, changes] = await Promise.all([
        context.library.documentPassages(id, q),
        context.library.related(document),
        context.library.documentChanges(id),
      ]);
      // Reached through a passage permalink: the page describes that passage (its page for reference managers).
      const passageParam = typeof req.query['passage'] === 'string' ? req.query['passage'] : '';
      const citedPassage = allPassages.find((passage) => passage.record.id === passageParam)?.record;
      const { parts, passages } = documentPart(allPassages, part);
      const partLinks =
        parts === 1
          ? []
          : Array.from({ length: parts }, (_, i) => {
              const number = i + 1;
              // The page's other parameters (the words to highlight, the search it came from) stay.
              const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
              params.delete('notice');
              if (number > 1) params.set('part', String(number));
              else params.delete('part');
              const matched = allPassages.some((passage) => passage.matched && partOf(passage.record.ordinal) === number);
              return { number, url: documentPath(document.id, params.toString()), current: number === part, matched };
            });
      // Own keys only: `?notice=constructor` must not reach Object.prototype.
      const requested = req.query['notice'];
      const notice = typeof requested === 'string' && Object.hasOwn(NOTICES, requested) ? NOTICES[requested]! : null;
      const base = baseUrl(req);
      const firstMatch = passages.find((p) => p.matched)?.record.id ?? null;
      res.render('pages/document', {
        title: document.title,
        document,
        q,
        notice,
        metadata: metadataRows(document),
        people: groupPeople(document.people),
        themes: (document.themeTags ?? []).map((tag) => ({
          id: tag.id,
          label: context.themes.label(tag.id) || tag.label,
          evidence: Object.entries(tag.evidence ?? {}).sort((a, b) => b[1] - a[1]),
          // Records from before weights existed count every tag as what the document is about.
          about: (tag.weight ?? 'about') === 'about',
          score: tag.score ?? null,
          given: tag.given ? provenanceLabel(tag.given) : null,
        })),
        passages,
        matchCount: allPassages.filter((p) => p.matched).length,
        firstMatch,
        backUrl: backToResults(req, context),
        part,
        partLinks,
        related,
        permalink: documentUrl(base, document.id),
        citeBox: citeBox(document, base, { ...(style ? { style } : {}) }),
        headMeta: highwireTags(document, base, citedPassage),
        changes,
      });
    },

    async api(req: Request, res: Response) {
      const id = documentIdParam(req);
      const part = partParam(req);
      const document = await context.library.getDocument(id);
      const allPassages = await context.library.documentPassages(id, '');
      // As on the page: a very long document comes in parts, so no answer runs to megabytes.
      const { parts, passages } = documentPart(allPassages, part);
      const base = baseUrl(req);
      res.json({
        ...document,
        url: documentUrl(base, document.id),
        fileUrl: documentFileUrl(base, document.id),
        themes: document.themes.map((themeId) => ({ id: themeId, label: context.themes.label(themeId) })),
        part,
        parts,
        next: part < parts ? documentApiUrl(base, document.id, part + 1) : null,
        passages: passages.map(({ record }) => ({
          id: record.id,
          ordinal: record.ordinal,
          page: record.page,
          location: passageLocation(document, record),
          heading: record.heading,
          text: record.text,
          permalink: passageUrl(base, record.id),
        })),
      });
    },

    /** The original file, found through the record's `file` field only: never a path from the URL. */
    async file(req: Request, res: Response) {
      const id = documentIdParam(req);
      const document = await context.library.getDocument(id);
      const path = originalFile(context, document);
      if (!path) throw new NotFound('The original file of this document is no longer in the collection.');
      res.setHeader('Content-Type', CONTENT_TYPES[document.format] ?? 'application/octet-stream');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Even if a browser renders it, nothing in it may run or load.
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      const name = document.file.split('/').pop() ?? `${id}${extname(document.file)}`;
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.sendFile(path, { dotfiles: 'allow' });
    },
  };
}

/** A fetched source's copy lives in the sources cache (named `sources/...` in the record), anything else in the corpus. */
function originalFile(context: AppContext, document: DocumentRecord): string | null {
  const prefix = 'sources/';
  if (context.sourcesDir && document.retrievedAt && document.file.startsWith(prefix)) {
    const cached = corpusFile(context.sourcesDir, document.file.slice(prefix.length));
    if (cached) return cached;
  }
  return corpusFile(context.corpusDir, document.file);
}

/** The absolute path of a corpus file when it exists and lies inside the corpus (symlinks resolved), else null. */
export function corpusFile(corpusDir: string, file: string): string | null {
  if (!file || isAbsolute(file) || file.includes('\0')) return null;
  try {
    const root = realpathSync(corpusDir);
    const path = realpathSync(resolve(root, file));
    const inside = relative(root, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
    if (!statSync(path).isFile()) return null;
    return path;
  } catch {
    return null;
  }
}
