/**
 * Browser tests drive Debian's Chromium through playwright-core: one browser
 * per suite, the app served on a free loopback port, and every page watched
 * for console errors and uncaught exceptions so a test can fail on them.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** Starts Chromium, or fails saying how to install it: the suite is never silently skipped. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
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
