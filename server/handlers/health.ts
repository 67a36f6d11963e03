/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: search works). */
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';

export function healthHandlers(context: AppContext) {
  return {
    live(_req: Request, res: Response) {
      res.json({ status: 'ok' });
    },
    async ready(_req: Request, res: Response) {
      const readiness = await context.library.ready();
      if (readiness.ok) res.json({ status: 'ready' });
      else {
        context.log(`readyz: ${readiness.problem}`);
        res.status(503).json({ status: 'unavailable', error: readiness.problem });
      }
    },
  };
}
