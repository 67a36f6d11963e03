/** What the collection holds and when it was last indexed. */
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';

export function aboutHandlers(context: AppContext) {
  return {
    async page(_req: Request, res: Response) {
      res.render('pages/about', { title: 'About', stats: await context.library.stats() });
    },
  };
}
