/**
 * Liveness (`/healthz`: the process answers; never touches Meilisearch) and
 * readiness (`/readyz`: Meilisearch answers and the indexes exist, so a search
 * works). An instance that is still building its first index is live but not ready.
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';

const FIRST_RUN = 'indexing in progress: the first run has not finished';

export function healthHandlers(context: AppContext) {
  return {
    live(_req: Request, res: Response) {
      // Live as long as the process answers, unless its engine is gone for good: then only a restart helps.
      const engine = context.engine();
      if (engine.state === 'failed') {
        res.status(503).json({ status: 'failed', error: engine.problem ?? 'the search engine could not be restarted' });
        return;
      }
      res.json({ status: 'ok' });
    },
    async ready(_req: Request, res: Response) {
      const engine = context.engine();
      if (engine.state !== 'running') {
        res.status(503).json({ status: 'unavailable', error: engine.problem ?? `the search engine is ${engine.state}` });
        return;
      }
      const readiness = await context.library.ready();
      const indexing = context.indexing();
      const firstRun = indexing.running && indexing.finishedRuns === 0;
      let problem: string;
      if (readiness.ok) {
        // A collection still being built would answer searches with a part of it, or nothing.
        // A restart over existing indexes is ready at once: its first run only looks for changes.
        if (!(firstRun && (indexing.building || readiness.documents === 0))) {
          res.json({ status: 'ready' });
          return;
        }
        problem = FIRST_RUN;
      } else if (readiness.reason === 'index-missing') {
        problem = firstRun
          ? FIRST_RUN
          : indexing.enabled
            ? 'the indexes do not exist: the last index run did not build them (see the log)'
            : 'the indexes do not exist: run the indexer (node dist/indexer/cli.js)';
      } else {
        problem = readiness.problem;
        context.log(`readyz: ${problem}`);
      }
      res.status(503).json({ status: 'unavailable', error: problem });
    },
  };
}
