import type { Browser } from 'playwright-core';
import { contractOperation as op } from '../../test-support/contractOperation';
import { signInThroughApp, type WebPlatform } from '../../test-support/browser';
import { waitFor } from '../../test-support/waitFor';
import { weekdayAfter } from './support/days';
import { createManagerAndReport } from './support/team';
import { startWebSuite, stopWebSuite } from './support/webSuite';

let platform: WebPlatform;
let browser: Browser;
let manager: { id: string; email: string };
let nurse: { id: string; email: string };

beforeAll(async () => {
  ({ platform, browser } = await startWebSuite());
  ({ manager, report: nurse } = await createManagerAndReport(
    platform,
    ['Mara', 'Ward'],
    ['Nell', 'Shift'],
  ));
}, 180_000);
afterAll(() => stopWebSuite(platform, browser));

// Two people, two browsers: the manager approves in one, and the employee's open page shows
// the decision and its notification without a reload.
describe('live updates across two browsers', () => {
  it("shows the manager's approval on the employee's open leave page", async () => {
    // A weekday a week from now.
    const date = weekdayAfter(7);
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
