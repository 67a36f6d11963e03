/**
 * Browser tests drive Chromium through playwright-core: one browser per suite,
 * the app served on a free loopback port, and every page watched for console
 * errors and uncaught exceptions so a test can fail on them.
 *
 * Which Chromium: CHROMIUM_PATH when set; else the system's (Debian's
 * `chromium`); else the headless build that the `@sparticuz/chromium` dev
 * dependency carries inside the package, so `npm install && npm test` needs no
 * system package and no download.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium to drive and the flags it needs; never silently none. */
async function chromiumBinary(): Promise<{ executablePath: string; args: string[] }> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured}: no such file`);
    return { executablePath: configured, args: CHROMIUM_ARGS };
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: CHROMIUM_ARGS };
  // The packaged build unpacks itself (once) into the temporary directory. Its own
  // flag set is for one-shot serverless runs (--single-process ends the browser with
  // its first closed context), so only its software-rendering flags are taken.
  const { default: packaged } = await import('@sparticuz/chromium');
  return {
    executablePath: await packaged.executablePath(),
    args: [...CHROMIUM_ARGS, '--use-gl=angle', '--use-angle=swiftshader', '--font-render-hinting=none'],
  };
}

/** Starts Chromium, or fails saying which one could not start: the suite is never silently skipped. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await chromiumBinary();
  return chromium.launch({ executablePath, args, timeout: 30_000 });
}

export interface ServedApp {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves the app on a free port of 127.0.0.1. */
export async function serveApp(app: Express): Promise<ServedApp> {
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Console errors and uncaught exceptions of every page opened in the watched
 * contexts, each with the URL it happened on.
 */
export class PageProblems {
  readonly problems: string[] = [];

  watch(context: BrowserContext): BrowserContext {
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
    return context;
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // An error page's own 4xx/5xx status is logged as a failed load; it is the page under test, not a fault in it.
      const ownStatus = message.location().url === page.url() && message.text().startsWith('Failed to load resource');
      if (!ownStatus) this.problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  }

  /** The problems since the last call; the list is emptied. */
  take(): string[] {
    return this.problems.splice(0, this.problems.length);
  }
}

/** A watched context: every page it opens reports its errors to `problems`. */
export async function watchedContext(browser: Browser, problems: PageProblems, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return problems.watch(context);
}
