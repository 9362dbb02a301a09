import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AccountSchema } from '../../subgraphs/accounts/src/entities';
import { createTestAccount } from '../../test-support/accounts';
import { waitFor } from '../../test-support/waitFor';
import type { WebPlatform } from '../../test-support/browser';
import { webSuite, type WebSuite, type WebSuiteOptions } from './support/webSuite';

export type ExplicitRole = 'HR' | 'FINANCE' | 'AUDITOR' | 'ADMIN';

export interface RoleSession {
  context: BrowserContext;
  page: Page;
}

/**
 * A browser signed in with a new account of `role`, on `path`: the app shows the sign-in page
 * there, then the page itself once signed in. With `employeeId`, the account is that person's,
 * given the role.
 */
export async function openAs(
  platform: WebPlatform,
  browser: Browser,
  role: ExplicitRole,
  path: string,
  employeeId?: string,
): Promise<RoleSession> {
  const email = employeeId
    ? await accountEmailOf(platform, employeeId)
    : `${role.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const password = 'correct horse battery staple';
  await createTestAccount(platform, { email, password, role });
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${platform.origin}${path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return { context, page };
}

/** The e-mail of the account accounts makes on hearing of a hire (moments after it). */
async function accountEmailOf(platform: WebPlatform, employeeId: string): Promise<string> {
  const account = await waitFor(async () => {
    const em = platform.platform.runtimes.accounts.orm.em.fork();
    return (await em.findOne(AccountSchema, { employeeId })) ?? undefined;
  });
  return account.email;
}

/**
 * Registers the hooks of a suite run by one person of `role` (see {@link webSuite}): once
 * `setUp` has made what the tests need, they sign in on `path`.
 */
export function roleSuite(
  role: ExplicitRole,
  path: string,
  options: WebSuiteOptions = {},
): WebSuite & RoleSession {
  const session = {} as WebSuite & RoleSession;
  webSuite({
    ...options,
    setUp: async (suite) => {
      await options.setUp?.(suite);
      Object.assign(session, suite, await openAs(suite.platform, suite.browser, role, path));
    },
  });
  return session;
}

/** axe-core's serious and critical violations on the page as it is, as `id: help` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/**
 * Registers a test per page the person opens, by path and level-one heading: none has a
 * serious or critical accessibility violation once loaded.
 */
export function itHasNoSeriousViolations(
  session: WebSuite & RoleSession,
  pages: [path: string, heading: string][],
): void {
  it.each(pages)('%s has no serious or critical accessibility violation', async (path, heading) => {
    const { page } = session;
    await page.goto(`${session.platform.origin}${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
}
