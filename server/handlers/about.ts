/** What the collection holds and when it was last indexed. */
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';

export function aboutHandlers(context: AppContext) {
  return {
    async page(_req: Request, res: Response) {
      // Files the last index run could not read are in no search: listed with their reasons, so nothing is lost silently.
      res.render('pages/about', { title: 'About', stats: await context.library.stats(), failed: context.indexing().failed });
    },
  };
}
