/**
 * Passage permalinks: `/passages/:id` leads to the passage in its document for
 * as long as it is there; after an edit, to the passage as it was cited (an
 * earlier edition) beside the closest current passage; after the document's
 * removal, to the cited text with its metadata (410 Gone).
 */
import type { Request, Response } from 'express';
import type { DocumentRecord } from '../../contract/document.js';
import type { EditionChange, PassageEdition } from '../../contract/editions.js';
import { PASSAGE_ID_PATTERN } from '../../contract/ids.js';
import { anchorQuote, type Anchored } from '../citation/anchor.js';
import { baseUrl, type AppContext } from '../context.js';
import { HttpError, PassageNotFound } from '../errors.js';
import { documentPath, documentUrl, passageInDocumentPath, passageUrl } from '../links.js';
import { partOf } from './documents.js';

/** A passage id from the URL, checked against the pattern; its document id is the part before `_`. */
function passageIdParam(req: Request): { passageId: string; docId: string } {
  const passageId = String(req.params['id'] ?? '');
  const match = PASSAGE_ID_PATTERN.exec(passageId);
  if (!match?.[1] || passageId.length > 300) throw new PassageNotFound(`There is no passage "${passageId.slice(0, 80)}".`);
  return { passageId, docId: match[1] };
}

/** What a permalink to a passage no longer in its document resolves to. */
type EarlierEdition =
  | { state: 'changed'; edition: PassageEdition; document: DocumentRecord; closest: (Anchored & { text: string; page: number }) | null }
  | { state: 'removed'; edition: PassageEdition; removal: EditionChange | null };

export function passageHandlers(context: AppContext) {
  async function earlierEdition(passageId: string): Promise<EarlierEdition | null> {
    const edition = await context.library.passageEdition(passageId);
    if (!edition) return null;
    const document = await context.library.findDocument(edition.docId);
    if (!document) {
      const removal = (await context.library.documentChanges(edition.docId)).find((change) => change.removed) ?? null;
      return { state: 'removed', edition, removal };
    }
    const current = await context.library.documentPassages(document.id, '');
    const anchored = anchorQuote(
      { exact: edition.text, prefix: edition.prefix, suffix: edition.suffix },
      current.map(({ record }) => ({ id: record.id, text: record.text })),
    );
    const closestRecord = anchored ? current.find(({ record }) => record.id === anchored.id)?.record : undefined;
    return {
      state: 'changed',
      edition,
      document,
      closest: anchored && closestRecord ? { ...anchored, text: closestRecord.text, page: closestRecord.page } : null,
    };
  }

  return {
    async permalink(req: Request, res: Response) {
      const { passageId, docId } = passageIdParam(req);
      const passage = await context.library.findPassage(passageId, docId);
      if (passage) {
        // A very long document is shown in parts: land on the part that holds the passage.
        const part = partOf(passage.ordinal);
        res.redirect(302, passageInDocumentPath(passage.docId, passage.id, `${part > 1 ? `part=${part}&` : ''}passage=${encodeURIComponent(passage.id)}`));
        return;
      }
      const earlier = await earlierEdition(passageId);
      if (earlier?.state === 'changed') {
        res.render('pages/passage-edition', { title: `Earlier edition: ${earlier.edition.title}`, earlier });
        return;
      }
      if (earlier?.state === 'removed') {
        res.status(410).render('pages/passage-edition', { title: `Removed: ${earlier.edition.title}`, earlier });
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
        const earlier = await earlierEdition(passageId);
        if (earlier) {
          const { edition } = earlier;
          const cited = {
            id: edition.id,
            docId: edition.docId,
            edition: 'earlier',
            text: edition.text,
            page: edition.page,
            heading: edition.heading,
            indexedAt: edition.indexedAt,
            supersededAt: edition.supersededAt,
            permalink: passageUrl(base, edition.id),
          };
          if (earlier.state === 'changed') {
            res.json({
              ...cited,
              document: { id: earlier.document.id, title: earlier.document.title, url: documentUrl(base, earlier.document.id) },
              closest: earlier.closest
                ? { id: earlier.closest.id, text: earlier.closest.text, page: earlier.closest.page, similarity: earlier.closest.similarity, permalink: passageUrl(base, earlier.closest.id) }
                : null,
            });
          } else {
            const removed = earlier.removal?.document;
            res.status(410).json({
              ...cited,
              error: 'The document of this passage was removed from the collection.',
              removedAt: earlier.removal?.at ?? edition.supersededAt,
              document: removed
                ? { id: removed.id, title: removed.title, date: removed.date, type: removed.type, organisations: removed.organisations, sourceUrl: removed.sourceUrl }
                : { id: edition.docId, title: edition.title },
            });
          }
          return;
        }
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
