import { roleSuite, seriousViolations } from './support/roleSession';

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

  it.each([
    ['/finance', 'Trial balance and close'],
    ['/finance/grades', 'Grades and rate cards'],
    ['/finance/accounts', 'Accounts'],
  ])('%s has no serious or critical accessibility violation', async (path, heading) => {
    const { page } = finance;
    await page.goto(`${finance.platform.origin}${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
