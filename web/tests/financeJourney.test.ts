import { itHasNoSeriousViolations, roleSuite } from './roleSession';

const finance = roleSuite('FINANCE', '/finance');

describe('Finance in the browser', () => {
  it("shows a day's trial balance, then closes the day", async () => {
    const { page } = finance;
    // Yesterday is closed by the platform's own schedule; today's ledger day is still open.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    await page.getByLabel('Day', { exact: true }).fill(today);
    const balance = page.getByRole('table', { name: 'Trial balance' });
    await balance.waitFor();
    expect(await balance.textContent()).toContain('Balanced');
    const close = page.getByRole('button', { name: `Close ${today}` });
    await close.click();
    await page.getByRole('status').filter({ hasText: 'was closed' }).waitFor();
    expect(await close.isDisabled()).toBe(true);
  });

  itHasNoSeriousViolations(finance, [
    ['/finance', 'Trial balance and close'],
    ['/finance/grades', 'Grades and rate cards'],
    ['/finance/accounts', 'Accounts'],
  ]);
});
