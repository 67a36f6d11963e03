/**
 * A local web site for fetch tests: routes are plain handlers, every request is
 * logged (path, headers, status, time), and the most requests in flight at
 * once is tracked so politeness can be checked. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
  at: number;
  endedAt: number;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class TestSite {
  readonly log: LoggedRequest[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private server: Server | null = null;
  origin = '';

  constructor(readonly routes: Record<string, Route>) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const entry: LoggedRequest = { path: req.url ?? '', headers: req.headers, status: 0, at: Date.now(), endedAt: 0 };
      this.log.push(entry);
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => {
        this.inFlight--;
        entry.status = res.statusCode;
        entry.endedAt = Date.now();
      });
      const route = this.routes[(req.url ?? '').split('?')[0]!];
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      Promise.resolve(route(req, res)).catch(() => res.destroy());
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  url(path: string): string {
    return this.origin + path;
  }

  requests(path: string): LoggedRequest[] {
    return this.log.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/** A handler that answers 304 when the client sends back the ETag it was given. */
export function withEtag(contentType: string, body: () => string | Buffer, etag: () => string): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag()) {
      res.writeHead(304, { etag: etag() }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag: etag() }).end(body());
  };
}
