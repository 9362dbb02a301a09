import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createSignedUpEmployee,
  createWebPlatform,
  launchBrowser,
  signInThroughApp,
  TEST_PASSWORD,
  type WebPlatform,
} from '../../test-support/browser';

let platform: WebPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let employee: { id: string; email: string };

/** The latest weekday before today, as YYYY-MM-DD. */
function pastWeekday(): string {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() - 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

beforeAll(async () => {
  platform = await createWebPlatform();
  browser = await launchBrowser();
  employee = await createSignedUpEmployee(platform);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

describe("an employee's day in the web app", () => {
  it('signs in, records a time entry and sees it in My time', async () => {
    await signInThroughApp(page, platform.origin, employee.email);
    await page.getByRole('link', { name: 'My time' }).click();
    const day = pastWeekday();
    const form = page.getByRole('form', { name: 'Record time' });
    await form.getByLabel('Shift name').fill('Early');
    await form.getByLabel('Start').fill(`${day}T08:00`);
    await form.getByLabel('End').fill(`${day}T12:00`);
    await form.getByRole('button', { name: 'Record' }).click();
    await page.getByRole('table', { name: 'Time entries' }).getByText('SHIFT (Early)').waitFor();
  });

  it('shows a refusal of a leave request beside its field, and nothing is written', async () => {
    await signInThroughApp(page, platform.origin, employee.email);
    await page.getByRole('link', { name: 'Leave' }).click();
    const day = pastWeekday();
    const form = page.getByRole('form', { name: 'Request leave' });
    await form.getByLabel('First day', { exact: true }).fill(day);
    await form.getByLabel('Last day', { exact: true }).fill(day);
    await form.getByRole('button', { name: 'Send request' }).click();
    // The error sits in the field's own description, named by the input.
    const firstDay = form.getByLabel('First day', { exact: true });
    await page.waitForFunction(
      (input) => input?.getAttribute('aria-invalid') === 'true',
      await firstDay.elementHandle(),
    );
    const describedBy = (await firstDay.getAttribute('aria-describedby'))!;
    const errorText = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText();
    expect(errorText.length).toBeGreaterThan(0);
    const written = await platform.graphql(
      'query($id: ID!) { employee(id: $id) { leaveRequests(first: 5) { totalCount } } }',
      { id: employee.id },
    );
    expect(written.data?.employee.leaveRequests.totalCount).toBe(0);
  });

  it('asks to sign in again when the session expires mid-form, keeping what was typed', async () => {
    await page.clock.install();
    await signInThroughApp(page, platform.origin, employee.email);
    await page.getByRole('link', { name: 'My time' }).click();
    const form = page.getByRole('form', { name: 'Record time' });
    await form.getByLabel('Shift name').fill('Late, typed before expiry');
    // The refresh cookie is gone (revoked elsewhere), and the access token's time runs out.
    await context.clearCookies();
    await page.clock.fastForward('10:00');
    const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
    await dialog.waitFor();
    await dialog.getByLabel('Password').fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in again' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Shift name').inputValue()).toBe('Late, typed before expiry');
  });
});
