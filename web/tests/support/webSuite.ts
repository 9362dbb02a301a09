import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebPlatform, launchBrowser, type WebPlatform } from '../../../test-support/browser';

type PlatformOptions = Parameters<typeof createWebPlatform>[0];

export interface WebSuite {
  platform: WebPlatform;
  browser: Browser;
}

export interface WebSuiteOptions {
  /** The platform's options, worked out as the suite starts (a free port, a provider). */
  platform?(): Promise<PlatformOptions>;
  /** Makes what the tests need, once the platform and the browser are up. */
  setUp?(suite: WebSuite): Promise<void>;
  /** Stops what `setUp` or `platform` started, before the platform stops. */
  tearDown?(): Promise<void>;
}

/**
 * Registers the hooks of a suite that opens the web app: the platform and a chromium start
 * before its tests, and stop after them. What it returns is filled in once they have started.
 */
export function webSuite(options: WebSuiteOptions = {}): WebSuite {
  const suite = {} as WebSuite;
  // A journey of two browsers takes over a minute while the full run loads both cores; the
  // bound is for one that never ends, not a slow one.
  jest.setTimeout(180_000);
  beforeAll(async () => {
    suite.platform = await createWebPlatform(await options.platform?.());
    suite.browser = await launchBrowser();
    await options.setUp?.(suite);
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await options.tearDown?.();
    await suite.platform?.stop();
  });
  return suite;
}

/** A new context and page: the test starts signed out, with nothing stored. */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** Registers a new context and page for each test of the suite: each starts signed out. */
export function pagePerTest(suite: WebSuite): { context: BrowserContext; page: Page } {
  const current = {} as { context: BrowserContext; page: Page };
  beforeEach(async () => {
    Object.assign(current, await openPage(suite.browser));
  });
  afterEach(() => current.context.close());
  return current;
}
