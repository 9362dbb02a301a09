import { addDays } from '../../runtime';
import { createPerson } from '../../test-support/seedOrganisation';
import { itHasNoSeriousViolations, openAs, roleSuite } from './roleSession';
import { shownDay } from './support/days';

const finance = roleSuite('FINANCE', '/finance');

/** Today in the ledger's zone, where its days are cut. */
const ledgerToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

describe('Finance in the browser', () => {
  it("shows a day's trial balance, and closes an ended day after asking", async () => {
    const { page } = finance;
    // Today has not ended: it is not offered for closing.
    const today = ledgerToday();
    await page.getByLabel('Day', { exact: true }).fill(today);
    const balance = page.getByRole('table', { name: 'Trial balance' });
    await balance.waitFor();
    expect(await balance.textContent()).toContain('Balanced');
    await page.getByRole('status').filter({ hasText: 'once it has ended' }).waitFor();
    expect(
      await page.getByRole('button', { name: `Close ${await shownDay(page, today)}` }).count(),
    ).toBe(0);

    // Yesterday is closed by the platform's own schedule; a day before it is still open.
    const day = addDays(today, -10);
    await page.getByLabel('Day', { exact: true }).fill(day);
    // The day reads as the browser's language writes it, not as the API's YYYY-MM-DD.
    const shown = await shownDay(page, day);
    await page
      .getByRole('status')
      .filter({ hasText: `${shown} is open.` })
      .waitFor();
    await page.getByRole('button', { name: `Close ${shown}` }).click();
    const status = page.getByRole('status').filter({ hasText: 'was closed' });
    expect(await status.count()).toBe(0);
    await page.getByRole('button', { name: `Close ${shown} for good` }).click();
    await status.waitFor();
    expect(await status.textContent()).toContain(`${shown} was closed`);
    expect(await page.getByRole('button', { name: `Close ${shown}` }).count()).toBe(0);
  });

  it('shows a person in Finance their day, saying their role records no attendance', async () => {
    const { platform, browser } = finance;
    const person = await createPerson(platform, 'Fenella', 'Ledger');
    const { context, page } = await openAs(platform, browser, 'FINANCE', '/', person.id);
    try {
      await page.getByRole('heading', { name: 'Your shift' }).waitFor();
      await page.getByText('Your role does not record attendance').waitFor();
      expect(await page.getByText("You may not read this employee's attendance.").count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Check in' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  itHasNoSeriousViolations(finance, [
    ['/finance', 'Trial balance and close'],
    ['/finance/grades', 'Grades and rate cards'],
    ['/finance/accounts', 'Accounts'],
  ]);
});
