/** Citations of a document or passage, exports of a result set, and the Atom feed of a search. */
import type { Request, Response } from 'express';
import type { DocumentRecord, PassageRecord } from '../../contract/document.js';
import { DOCUMENT_ID_PATTERN, PASSAGE_ID_PATTERN } from '../../contract/ids.js';
import {
  atomFeed,
  ATOM_CONTENT_TYPE,
  citationFile,
  citeDocument,
  CITATION_FORMATS,
  CITATION_STYLES,
  exportFile,
  isCitationFormatId,
  isCslStyle,
  type CslStyle,
  type DownloadFile,
  type ExportFormatId,
} from '../citation/index.js';
import { citeBox } from '../citation/cite-box.js';
import { highwireTags } from '../citation/highwire.js';
import { baseUrl, readSearchState, type AppContext } from '../context.js';
import { BadRequest, NotFound } from '../errors.js';
import { feedParams, stateUrl } from '../search/url.js';
import { absoluteUrl, feedPath } from '../links.js';

/** Exports stop here: beyond it a researcher should narrow the search. */
export const EXPORT_CAP = 5000;
const FEED_ENTRIES = 50;
/** Matching passages listed per document in an export of a search. */
const EXPORT_PASSAGES = 3;

function singleParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadRequest(`Parameter "${name}" may be given only once.`);
  return value;
}

/** `?style=`: the citation style to show first; absent means the default (a script may then apply the reader's saved choice). */
export function styleParam(req: Request): CslStyle | undefined {
  const value = singleParam(req, 'style');
  if (value === undefined) return undefined;
  if (!isCslStyle(value)) throw new BadRequest(`Unknown citation style "${value.slice(0, 40)}". Styles: ${CITATION_STYLES.map((s) => s.id).join(', ')}.`);
  return value;
}

function send(res: Response, file: DownloadFile, disposition: 'attachment' | 'inline' = 'attachment'): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `${disposition}; filename="${file.filename}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(file.body);
}

export function citeHandlers(context: AppContext) {
  /** The document (and passage, when asked for) to cite, each checked against its id pattern first. */
  async function citedTarget(documentId: string | undefined, passageId: string | undefined): Promise<{ document: DocumentRecord; passage?: PassageRecord }> {
    let docId = documentId;
    if (passageId !== undefined) {
      const match = PASSAGE_ID_PATTERN.exec(passageId);
      if (!match?.[1]) throw new BadRequest(`"${passageId.slice(0, 80)}" is not a passage id.`);
      if (docId !== undefined && docId !== match[1]) throw new BadRequest('The passage belongs to another document.');
      docId = match[1];
    }
    if (docId === undefined) throw new BadRequest('Say which document to cite: ?id=DOCUMENT or ?passage=PASSAGE.');
    if (!DOCUMENT_ID_PATTERN.test(docId)) throw new NotFound(`There is no document "${docId.slice(0, 80)}".`);
    const document = await context.library.getDocument(docId);
    if (passageId === undefined) return { document };
    const passage = await context.library.findPassage(passageId, docId);
    if (!passage) throw new NotFound('This passage is no longer in the collection.');
    return { document, passage };
  }

  function format(req: Request): (typeof CITATION_FORMATS)[number]['id'] | undefined {
    const value = singleParam(req, 'format');
    if (value === undefined) return undefined;
    if (!isCitationFormatId(value)) {
      throw new BadRequest(`Unknown citation format "${value.slice(0, 40)}". Formats: ${CITATION_FORMATS.map((f) => f.id).join(', ')}.`);
    }
    return value;
  }

  async function exportAs(id: ExportFormatId, req: Request, res: Response) {
    const state = readSearchState(req, context);
    const { documents } = await context.library.allDocuments(state, EXPORT_CAP);
    const passages = await context.library.matchingPassages(state.q, documents.map((doc) => doc.id), EXPORT_PASSAGES);
    send(res, exportFile(id, documents, { baseUrl: baseUrl(req), passages }));
  }

  return {
    /**
     * `/documents/:id/cite[?passage=…][&style=…]`: the cite box as a page (what
     * the passage "Cite" link opens, in a dialog when script runs);
     * `?format=…`: the citation as a file to download.
     */
    async document(req: Request, res: Response) {
      const chosen = format(req);
      const style = styleParam(req);
      const { document, passage } = await citedTarget(String(req.params['id'] ?? ''), singleParam(req, 'passage'));
      if (chosen === undefined) {
        res.render('pages/cite', {
          title: `Cite: ${document.title}`,
          document,
          passageText: passage?.text ?? null,
          headMeta: highwireTags(document, baseUrl(req), passage),
          box: citeBox(document, baseUrl(req), { ...(passage ? { passage } : {}), ...(style ? { style } : {}) }),
        });
        return;
      }
      const citation = citeDocument(document, { baseUrl: baseUrl(req), ...(passage ? { passage } : {}) });
      send(res, citationFile(citation, chosen));
    },

    /** `/api/cite?id=…|passage=…`: every format as JSON. */
    async api(req: Request, res: Response) {
      const { document, passage } = await citedTarget(singleParam(req, 'id'), singleParam(req, 'passage'));
      const citation = citeDocument(document, { baseUrl: baseUrl(req), ...(passage ? { passage } : {}) });
      res.json({
        document: document.id,
        passage: passage?.id ?? null,
        permalink: citation.permalink,
        originalUrl: citation.originalUrl,
        pinpoint: citation.pinpoint,
        styles: citation.styles,
        apa: citation.styles.apa,
        chicago: citation.styles.chicago,
        bibtex: citation.bibtex,
        biblatex: citation.biblatex,
        ris: citation.ris,
        cslJson: citation.cslJson,
      });
    },

    exportCsv: (req: Request, res: Response) => exportAs('csv', req, res),
    exportBibtex: (req: Request, res: Response) => exportAs('bibtex', req, res),
    exportRis: (req: Request, res: Response) => exportAs('ris', req, res),
    exportCslJson: (req: Request, res: Response) => exportAs('csl-json', req, res),

    /** `/feed.atom?<search>`: the newest documents of a search. */
    async feed(req: Request, res: Response) {
      const parsed = readSearchState(req, context);
      // Always newest first, whatever the page was sorted by: a capped feed in any other order never shows what is new.
      const state = { ...parsed, sort: 'newest' as const, page: 1 };
      const { documents } = await context.library.allDocuments(state, FEED_ENTRIES);
      const base = baseUrl(req);
      const xml = atomFeed({
        title: parsed.q ? `Entente: ${parsed.q}` : 'Entente: latest documents',
        selfUrl: absoluteUrl(base, feedPath(feedParams(parsed))),
        searchUrl: absoluteUrl(base, stateUrl({ ...parsed, page: 1 })),
        docs: documents,
        baseUrl: base,
      });
      res.setHeader('Content-Type', ATOM_CONTENT_TYPE);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(xml);
    },
  };
}
