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
  exportFile,
  isCitationFormatId,
  type DownloadFile,
  type ExportFormatId,
} from '../citation/index.js';
import { baseUrl, readSearchState, type AppContext } from '../context.js';
import { BadRequest, NotFound } from '../errors.js';
import { feedParams, stateUrl } from '../search/url.js';
import { absoluteUrl, feedPath } from '../links.js';

/** Exports stop here: beyond it a researcher should narrow the search. */
export const EXPORT_CAP = 5000;
const FEED_ENTRIES = 50;

function singleParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadRequest(`Parameter "${name}" may be given only once.`);
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

  function format(req: Request): (typeof CITATION_FORMATS)[number]['id'] {
    const value = singleParam(req, 'format') ?? 'apa';
    if (!isCitationFormatId(value)) {
      throw new BadRequest(`Unknown citation format "${value.slice(0, 40)}". Formats: ${CITATION_FORMATS.map((f) => f.id).join(', ')}.`);
    }
    return value;
  }

  async function exportAs(id: ExportFormatId, req: Request, res: Response) {
    const state = readSearchState(req, context);
    const { documents } = await context.library.allDocuments(state, EXPORT_CAP);
    send(res, exportFile(id, documents, { baseUrl: baseUrl(req) }));
  }

  return {
    /** `/documents/:id/cite?format=…[&passage=…]`: the citation as a file. */
    async document(req: Request, res: Response) {
      const chosen = format(req);
      const { document, passage } = await citedTarget(String(req.params['id'] ?? ''), singleParam(req, 'passage'));
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
        apa: citation.apa,
        chicago: citation.chicago,
        bibtex: citation.bibtex,
        ris: citation.ris,
        cslJson: citation.cslJson,
      });
    },

    exportCsv: (req: Request, res: Response) => exportAs('csv', req, res),
    exportBibtex: (req: Request, res: Response) => exportAs('bibtex', req, res),
    exportRis: (req: Request, res: Response) => exportAs('ris', req, res),

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
