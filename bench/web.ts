import { performance } from 'node:perf_hooks';
import { WEB_DIST, ensureWebBuild } from '../platform/src/web/webBuild';
import {
  createSignedUpEmployee,
  createWebPlatform,
  launchBrowser,
  TEST_PASSWORD,
} from '../test-support/browser';
import { firstLoadFiles, totalGzip } from '../web/tools/firstLoadSize';
import { runBench } from './lib/runBench';

const RUNS = 10;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * `npm run bench:web`: the gzipped size of what the app's first page loads, then the time
 * from navigating to `/` (signed in by the refresh cookie) to the employee's Today screen
 * usable (its check-in button shown), median of 10 fresh page loads on the whole platform.
 */
async function main(): Promise<void> {
  process.env.TEST_DB ??= 'sqlite';
  ensureWebBuild();
  const files = firstLoadFiles(WEB_DIST);
  for (const f of files)
    console.log(
      `${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gz`,
    );
  console.log(`first load: ${kb(totalGzip(files))} gzipped (budget 300 KB)`);

  const platform = await createWebPlatform();
  const browser = await launchBrowser();
  try {
    const employee = await createSignedUpEmployee(platform);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${platform.origin}/`);
    await page.getByLabel('E-mail').fill(employee.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /Check (in|out)/ }).waitFor();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const fresh = await context.newPage();
      const start = performance.now();
      await fresh.goto(`${platform.origin}/`);
      await fresh.getByRole('button', { name: /Check (in|out)/ }).waitFor();
      times.push(performance.now() - start);
      await fresh.close();
    }
    times.sort((a, b) => a - b);
    const median = (times[4] + times[5]) / 2;
    console.log(
      `navigation to Today usable: median ${median.toFixed(0)} ms of ${RUNS} (min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)})`,
    );
  } finally {
    await browser.close();
    await platform.stop();
  }
}

runBench(main);
