import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebPlatform, launchBrowser, type WebPlatform } from '../../../test-support/browser';

export interface WebSuite {
  platform: WebPlatform;
  browser: Browser;
}

/** The platform serving the web app, and a chromium to open it in, for one suite. */
export async function startWebSuite(
  options?: Parameters<typeof createWebPlatform>[0],
): Promise<WebSuite> {
  const platform = await createWebPlatform(options);
  try {
    return { platform, browser: await launchBrowser() };
  } catch (caught) {
    await platform.stop();
    throw caught;
  }
}

/** Stops what {@link startWebSuite} started; nothing is there when it failed. */
export async function stopWebSuite(platform?: WebPlatform, browser?: Browser): Promise<void> {
  await browser?.close();
  await platform?.stop();
}

/** A new context and page: the test starts signed out, with nothing stored. */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/**
 * Registers the hooks of a suite that opens the web app: the platform and a chromium start
 * before its tests, then `setUp` (seeding what the tests need), and stop after them. What it
 * returns is filled in once they have started.
 */
export function webSuite(setUp?: (suite: WebSuite) => Promise<void>): WebSuite {
  const suite = {} as WebSuite;
  beforeAll(async () => {
    Object.assign(suite, await startWebSuite());
    await setUp?.(suite);
  }, 180_000);
  afterAll(() => stopWebSuite(suite.platform, suite.browser));
  return suite;
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
