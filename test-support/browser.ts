import { chromium, type Browser } from 'playwright-core';
import { ensureWebBuild, webSite } from '../platform/src/web/webBuild';
import { createTestPlatform, type TestPlatform } from './createTestPlatform';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless chromium for one suite, with nothing running in the background. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WebPlatform extends TestPlatform {
  /** Where the app is served: the gateway's own origin, e.g. `http://127.0.0.1:PORT`. */
  origin: string;
}

/**
 * The whole platform serving the built web app, as `npm start` does: web/dist is built first
 * when missing or older than web/.
 */
export async function createWebPlatform(
  options: Parameters<typeof createTestPlatform>[0] = {},
): Promise<WebPlatform> {
  ensureWebBuild();
  const platform = await createTestPlatform({ ...options, site: webSite() });
  return { ...platform, origin: new URL(platform.url).origin };
}
