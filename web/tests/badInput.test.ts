import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contractOperation as op } from '../../test-support/contractOperation';
import { signIn } from '../../test-support/accounts';
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

// What a person sees when the platform refuses what they typed, and that nothing was written.
describe('bad input through the web app', () => {
  it('names the entry an overlapping shift clashes with, and records nothing', async () => {
    const nurse = await createSignedUpEmployee(platform, 'Olive', 'Overlap');
    const day = pastWeekday();
    const self = { role: 'EMPLOYEE' as const, sub: nurse.id };
    const first = await platform.graphql(
      op('RecordTimeEntry'),
      {
        input: {
          employeeId: nurse.id,
          periodType: 'SHIFT',
          startTime: `${day}T06:00:00Z`,
          endTime: `${day}T14:00:00Z`,
          mealBreakMinutes: 30,
        },
      },
      self,
    );
    expect(first.errors).toBeUndefined();

    await signInThroughApp(page, platform.origin, nurse.email);
    await page.getByRole('link', { name: 'My time' }).click();
    const form = page.getByRole('form', { name: 'Record time' });
    await form.getByLabel('Start').fill(`${day}T10:00`);
    await form.getByLabel('End').fill(`${day}T12:00`);
    await form.getByRole('button', { name: 'Record' }).click();
    await page.getByText(/overlaps 1 other entry/).waitFor();
    await page.locator('.clash', { hasText: 'Clashes with the entry' }).waitFor();

    const timecard = await platform.graphql(
      op('Timecard'),
      { id: nurse.id, from: `${day}T00:00:00Z`, to: `${day}T23:59:59Z` },
      self,
    );
    expect(timecard.data!.employee.timeEntries).toHaveLength(1);
  });

  it('says why after each wrong password, locks at the fifth, and signs nobody in', async () => {
    const person = await createSignedUpEmployee(platform, 'Wren', 'Mistype');
    await page.goto(`${platform.origin}/`);
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('E-mail').fill(person.email);
      await page.getByLabel('Password').fill(`wrong password number ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await alert
        .filter({ hasText: attempt < 5 ? 'The e-mail or password is wrong.' : /locked/ })
        .waitFor();
    }
    // Even the right password is refused while locked, and the app stays at sign-in.
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await alert.filter({ hasText: /locked/ }).waitFor();
    expect(await page.getByRole('link', { name: 'My time' }).count()).toBe(0);
    expect((await signIn(platform.origin, person.email, TEST_PASSWORD)).status).toBe(423);
  });
});
