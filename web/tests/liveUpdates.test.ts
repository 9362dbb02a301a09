import type { Browser } from 'playwright-core';
import { contractOperation as op } from '../../test-support/contractOperation';
import {
  createSignedUpEmployee,
  createWebPlatform,
  launchBrowser,
  signInThroughApp,
  TEST_PASSWORD,
  type WebPlatform,
} from '../../test-support/browser';
import { signIn } from '../../test-support/accounts';
import { waitFor } from '../../test-support/waitFor';

let platform: WebPlatform;
let browser: Browser;
let manager: { id: string; email: string };
let nurse: { id: string; email: string };

/** A weekday a week from now, as YYYY-MM-DD. */
function nextWeekday(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

beforeAll(async () => {
  platform = await createWebPlatform();
  browser = await launchBrowser();
  manager = await createSignedUpEmployee(platform, 'Mara', 'Ward');
  nurse = await createSignedUpEmployee(platform, 'Nell', 'Shift', { managerId: manager.id });
  // Accounts makes Mara a MANAGER once it has heard that Nell reports to her.
  await waitFor(async () => {
    const reply = await signIn(platform.origin, manager.email, TEST_PASSWORD);
    return reply.body?.user?.role === 'MANAGER' || undefined;
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

// Two people, two browsers: the manager approves in one, and the employee's open page shows
// the decision and its notification without a reload.
describe('live updates across two browsers', () => {
  it("shows the manager's approval on the employee's open leave page", async () => {
    const date = nextWeekday();
    // Leave hears of the hire by event: retry until it has.
    await waitFor(async () => {
      const result = await platform.graphql(
        op('RequestLeave'),
        { input: { leaveType: 'SICK', startDate: date, endDate: date } },
        { role: 'EMPLOYEE', sub: nurse.id },
      );
      return result.errors ? undefined : true;
    });

    const nurseContext = await browser.newContext();
    const managerContext = await browser.newContext();
    try {
      const nursePage = await nurseContext.newPage();
      await signInThroughApp(nursePage, platform.origin, nurse.email);
      await nursePage.getByRole('link', { name: 'Leave' }).click();
      const history = nursePage.getByRole('table', { name: 'Leave requests' });
      await history.getByRole('cell', { name: 'PENDING' }).waitFor();
      const reloads: string[] = [];
      nursePage.on('framenavigated', (frame) => {
        if (frame === nursePage.mainFrame()) reloads.push(frame.url());
      });

      const managerPage = await managerContext.newPage();
      await signInThroughApp(managerPage, platform.origin, manager.email);
      await managerPage.getByRole('link', { name: 'Approvals' }).click();
      const pending = managerPage.getByRole('table', { name: 'Pending leave requests' });
      await pending
        .getByRole('row', { name: /Nell Shift/ })
        .getByRole('button', { name: 'Approve' })
        .click();
      await managerPage.getByText('Nothing is waiting for you.').waitFor();

      await history.getByRole('cell', { name: 'APPROVED' }).waitFor();
      await nursePage.getByLabel(/^[1-9]\d* unread$/).waitFor();
      expect(reloads).toEqual([]);
    } finally {
      await nurseContext.close();
      await managerContext.close();
    }
  });
});
