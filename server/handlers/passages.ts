/** Passage permalinks: `/passages/:id` leads to the passage in its document, for as long as it exists. */
import type { Request, Response } from 'express';
import { PASSAGE_ID_PATTERN } from '../../contract/ids.js';
import { baseUrl, type AppContext } from '../context.js';
import { HttpError, PassageNotFound } from '../errors.js';
import { documentPath, documentUrl, passageInDocumentPath, passageUrl } from '../links.js';

/** A passage id from the URL, checked against the pattern; its document id is the part before `_`. */
function passageIdParam(req: Request): { passageId: string; docId: string } {
  const passageId = String(req.params['id'] ?? '');
  const match = PASSAGE_ID_PATTERN.exec(passageId);
  if (!match?.[1] || passageId.length > 300) throw new PassageNotFound(`There is no passage "${passageId.slice(0, 80)}".`);
  return { passageId, docId: match[1] };
}

export function passageHandlers(context: AppContext) {
  return {
    async permalink(req: Request, res: Response) {
      const { passageId, docId } = passageIdParam(req);
      const passage = await context.library.findPassage(passageId, docId);
      if (passage) {
        res.redirect(302, passageInDocumentPath(passage.docId, passage.id));
        return;
      }
      const document = await context.library.findDocument(docId);
      if (document) {
        res.redirect(302, documentPath(document.id, 'notice=passage-changed'));
        return;
      }
      throw new PassageNotFound('This passage is no longer in the collection: its document was removed or renamed.');
    },

    async api(req: Request, res: Response) {
      const { passageId, docId } = passageIdParam(req);
      const passage = await context.library.findPassage(passageId, docId);
      const base = baseUrl(req);
      if (!passage) {
        const document = await context.library.findDocument(docId);
        if (document) {
          res.status(404).json({
            error: 'This passage has changed since the link was made; its document is still here.',
            document: { id: document.id, title: document.title, url: documentUrl(base, document.id) },
          });
          return;
        }
        throw new HttpError(404, 'This passage is no longer in the collection.');
      }
      res.json({
        id: passage.id,
        docId: passage.docId,
        ordinal: passage.ordinal,
        page: passage.page,
        heading: passage.heading,
        text: passage.text,
        themes: passage.themes.map((id) => ({ id, label: context.themes.label(id) })),
        permalink: passageUrl(base, passage.id),
        document: { id: passage.docId, title: passage.title, date: passage.date, url: documentUrl(base, passage.docId) },
      });
    },
  };
}
