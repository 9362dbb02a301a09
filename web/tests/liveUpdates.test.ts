import { contractOperation as op } from '../../test-support/contractOperation';
import { signInThroughApp } from '../../test-support/browser';
import { waitFor } from '../../test-support/waitFor';
import { shownDay, workingDayAfter } from './support/days';
import { createManagerAndReport } from './support/team';
import { webSuite } from './support/webSuite';

let manager: { id: string; email: string };
let nurse: { id: string; email: string };

const web = webSuite({
  setUp: async ({ platform }) => {
    ({ manager, report: nurse } = await createManagerAndReport(
      platform,
      ['Mara', 'Ward'],
      ['Nell', 'Shift'],
    ));
  },
});

// Two people, two browsers: the manager approves in one, and the employee's open page shows
// the decision and its notification without a reload.
describe('live updates across two browsers', () => {
  it("shows the manager's approval on the employee's open leave page", async () => {
    // A working day a week from now.
    const date = workingDayAfter(7);
    // Leave hears of the hire by event: retry until it has.
    await waitFor(async () => {
      const result = await web.platform.graphql(
        op('RequestLeave'),
        { input: { leaveType: 'SICK', startDate: date, endDate: date } },
        { role: 'EMPLOYEE', sub: nurse.id },
      );
      return result.errors ? undefined : true;
    });

    const nurseContext = await web.browser.newContext();
    const managerContext = await web.browser.newContext();
    try {
      const nursePage = await nurseContext.newPage();
      await signInThroughApp(nursePage, web.platform.origin, nurse.email);
      await nursePage.getByRole('link', { name: 'Leave' }).click();
      const history = nursePage.getByRole('table', { name: 'Leave requests' });
      await history.getByRole('cell', { name: 'Pending' }).waitFor();
      const reloads: string[] = [];
      nursePage.on('framenavigated', (frame) => {
        if (frame === nursePage.mainFrame()) reloads.push(frame.url());
      });

      const managerPage = await managerContext.newPage();
      await signInThroughApp(managerPage, web.platform.origin, manager.email);
      await managerPage.getByRole('link', { name: 'Approvals' }).click();
      const pending = managerPage.getByRole('table', { name: 'Pending leave requests' });
      await pending
        .getByRole('row', { name: /Nell Shift/ })
        .getByRole('button', { name: 'Approve' })
        .click();
      await managerPage.getByText('Nothing is waiting for you.').waitFor();

      await history.getByRole('cell', { name: 'Approved' }).waitFor();
      await nursePage.getByLabel(/^[1-9]\d* unread$/).waitFor();
      expect(reloads).toEqual([]);
    } finally {
      await nurseContext.close();
      await managerContext.close();
    }
  });

  it("shows the employee's reason, asks the manager's before rejecting, and tells the employee", async () => {
    const date = workingDayAfter(14);
    await waitFor(async () => {
      const result = await web.platform.graphql(
        op('RequestLeave'),
        { input: { leaveType: 'SICK', startDate: date, endDate: date, reason: 'Dentist' } },
        { role: 'EMPLOYEE', sub: nurse.id },
      );
      return result.errors ? undefined : true;
    });
    const managerContext = await web.browser.newContext();
    try {
      const managerPage = await managerContext.newPage();
      await signInThroughApp(managerPage, web.platform.origin, manager.email);
      await managerPage.getByRole('link', { name: 'Approvals' }).click();
      const row = managerPage
        .getByRole('table', { name: 'Pending leave requests' })
        .getByRole('row')
        .filter({ hasText: await shownDay(managerPage, date) });
      await row.getByRole('cell', { name: 'Dentist', exact: true }).waitFor();
      await row.getByRole('button', { name: 'Reject' }).click();
      await row.getByLabel('Reason (optional)').fill('Short-staffed that day');
      await row.getByRole('button', { name: "Reject Nell Shift's request" }).click();
      await managerPage.getByText('Nothing is waiting for you.').waitFor();

      const nurseContext = await web.browser.newContext();
      const nursePage = await nurseContext.newPage();
      await signInThroughApp(nursePage, web.platform.origin, nurse.email);
      await nursePage.getByRole('link', { name: 'Leave' }).click();
      await nursePage
        .getByRole('table', { name: 'Leave requests' })
        .getByRole('row')
        .filter({ hasText: await shownDay(nursePage, date) })
        .getByRole('cell', { name: 'Rejected Reason: Short-staffed that day' })
        .waitFor();
      await nurseContext.close();
    } finally {
      await managerContext.close();
    }
  });
});
