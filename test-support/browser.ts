import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuild, webSite } from '../platform/src/web/webBuild';
import { createTestAccount, signIn } from './accounts';
import { createTestPlatform, type TestPlatform } from './createTestPlatform';
import { createPerson } from './seedOrganisation';
import { waitFor } from './waitFor';

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

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * An employee with an account whose password is {@link TEST_PASSWORD}, once the accounts
 * subgraph can sign them in.
 */
export async function createSignedUpEmployee(
  test: WebPlatform,
  firstName = 'Ada',
  lastName = 'Lovelace',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; email: string }> {
  const person = await createPerson(test, firstName, lastName, extra);
  const read = await test.graphql('query($id: ID!) { employee(id: $id) { email } }', {
    id: person.id,
  });
  const email: string = read.data!.employee.email;
  // Accounts also makes the employee's account (an invitation) when it hears of the hire:
  // whichever comes first, the password is set on the one account of the e-mail.
  await waitFor(() =>
    createTestAccount(test, { email, password: TEST_PASSWORD, employeeId: person.id }).catch(
      () => undefined,
    ),
  );
  await waitFor(
    async () => (await signIn(test.origin, email, TEST_PASSWORD)).status === 200 || undefined,
  );
  return { id: person.id, email };
}

/** Signs in through the app's sign-in page and waits for the Today screen to be usable. */
export async function signInThroughApp(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /Check (in|out)/ }).waitFor();
}
