import { addDays, isWeekendDate, publicHolidays } from '../../runtime';
import {
  createSignedUpEmployee,
  signInThroughApp,
  TEST_PASSWORD,
} from '../../test-support/browser';
import { seriousViolations } from './roleSession';
import { pastWorkingDay, shownDay } from './support/days';
import { errorBeside } from './support/fields';
import { pagePerTest, webSuite } from './support/webSuite';

let employee: { id: string; email: string };

/**
 * A Monday-to-Friday week at least two weeks ahead holding a public holiday of England on a
 * weekday: its first and last days, and how many of its days are working days.
 */
function holidayWeek(): { monday: string; friday: string; holidays: string[]; days: number } {
  const earliest = addDays(new Date().toISOString().slice(0, 10), 14);
  const year = Number(earliest.slice(0, 4));
  const holiday = [
    ...publicHolidays('ENGLAND_AND_WALES', year),
    ...publicHolidays('ENGLAND_AND_WALES', year + 1),
  ]
    .sort()
    .find((day) => day >= earliest && !isWeekendDate(day))!;
  const weekday = new Date(`${holiday}T12:00:00Z`).getUTCDay();
  const monday = addDays(holiday, 1 - weekday);
  const week = [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
  const holidays = week.filter((day) =>
    publicHolidays('ENGLAND_AND_WALES', Number(day.slice(0, 4))).has(day),
  );
  return { monday, friday: week[4], holidays, days: 5 - holidays.length };
}

const web = webSuite({
  setUp: async ({ platform }) => {
    employee = await createSignedUpEmployee(platform);
  },
});
const tab = pagePerTest(web);

/** Signs the employee in through the app, then opens `link` from the navigation. */
async function openSignedIn(link: string) {
  await signInThroughApp(tab.page, web.platform.origin, employee.email);
  await tab.page.getByRole('link', { name: link }).click();
}

describe("an employee's day in the web app", () => {
  it('checks in and out on Today and sees each in the attendance list', async () => {
    const { page } = tab;
    await signInThroughApp(page, web.platform.origin, employee.email);
    const attendance = page
      .locator('.card')
      .filter({ has: page.getByRole('heading', { name: 'Attendance' }) });
    await page.getByRole('button', { name: 'Check in' }).click();
    await attendance
      .getByRole('listitem')
      .filter({ hasText: /^In .+, still in$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Check out' }).click();
    await attendance
      .getByRole('listitem')
      .filter({ hasText: /^In .+, out .+ \([\d.]+ h\)$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Check in' }).waitFor();
    expect(await attendance.getByText('still in').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('records a time entry, amends it and deletes it on My time, seeing each', async () => {
    const { page } = tab;
    await openSignedIn('My time');
    const day = pastWorkingDay();
    const form = page.getByRole('form', { name: 'Record time' });
    await form.getByLabel('Shift name').fill('Early');
    await form.getByLabel('Start').fill(`${day}T08:00`);
    // An end before the start is said beside End in the form's words, and not sent.
    await form.getByLabel('End').fill(`${day}T07:00`);
    expect(await errorBeside(form.getByLabel('End'))).toBe('End must be after Start.');
    expect(await form.getByRole('button', { name: 'Record' }).isDisabled()).toBe(true);
    await form.getByLabel('End').fill(`${day}T12:00`);
    await form.getByRole('button', { name: 'Record' }).click();
    const table = page.getByRole('table', { name: 'Time entries' });
    const early = table.getByRole('row').filter({ hasText: 'Shift (Early)' });
    await early.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await early.getByRole('button', { name: 'Amend' }).click();
    const amend = page.getByRole('form', { name: 'Amend entry' });
    expect(await amend.getByLabel('Shift name').inputValue()).toBe('Early');
    await amend.getByLabel('Shift name').fill('Early, stayed on');
    await amend.getByLabel('End').fill(`${day}T13:30`);
    await amend.getByLabel('Meal break (minutes)').fill('30');
    await amend.getByRole('button', { name: 'Save changes' }).click();
    const amended = table.getByRole('row').filter({ hasText: 'Shift (Early, stayed on)' });
    await amended.getByRole('cell', { name: '30 min' }).waitFor();
    await page.getByRole('form', { name: 'Record time' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Shift (Early)' }).count()).toBe(0);

    // Deleting asks first, naming the entry; keeping it leaves it there.
    await amended.getByRole('button', { name: 'Delete' }).click();
    await amended.getByRole('button', { name: 'Keep it' }).click();
    await amended.getByRole('button', { name: 'Delete' }).click();
    await amended.getByRole('button', { name: /^Delete the entry of / }).click();
    await amended.waitFor({ state: 'detached' });
    await page.getByText('No entries in these two weeks.').waitFor();
  });

  it('shows a refusal of a leave request beside its field before sending, and nothing is written', async () => {
    const { page } = tab;
    await openSignedIn('Leave');
    const day = pastWorkingDay();
    const form = page.getByRole('form', { name: 'Request leave' });
    const first = form.getByLabel('First day', { exact: true });
    const last = form.getByLabel('Last day', { exact: true });
    // A last day before the first is said beside it in the form's words.
    await first.fill(addDays(day, 1));
    await last.fill(day);
    expect(await errorBeside(last)).toBe('The last day must not be before the first day.');
    await first.fill(day);
    // The check refuses a past day as it is typed: said once, beside its field, in words.
    const [message] = (await errorBeside(first)).split(' Rule: ');
    expect(message!.length).toBeGreaterThan(0);
    expect(message).not.toMatch(/ANNUAL leave|startDate|endDate/);
    const listed = form.getByRole('list', { name: 'Before you send' });
    const listedText = (await listed.count()) ? await listed.textContent() : '';
    expect(listedText).not.toContain(message);
    expect(await form.getByRole('button', { name: 'Send request' }).isDisabled()).toBe(true);
    const written = await web.platform.graphql(
      'query($id: ID!) { employee(id: $id) { leaveRequests(first: 5) { totalCount } } }',
      { id: employee.id },
    );
    expect(written.data?.employee.leaveRequests.totalCount).toBe(0);
  });

  it("shows the server's count of working days and the balance left before a leave request is sent", async () => {
    const { page } = tab;
    const week = holidayWeek();
    const read = await web.platform.graphql(
      'query($id: ID!, $on: Date!) { employee(id: $id) { leaveBalances(on: $on) { leaveType remaining } } }',
      { id: employee.id, on: week.monday },
    );
    const before: number = read.data!.employee.leaveBalances.find(
      (b: { leaveType: string }) => b.leaveType === 'ANNUAL',
    ).remaining;
    await openSignedIn('Leave');
    const form = page.getByRole('form', { name: 'Request leave' });
    await form.getByLabel('First day', { exact: true }).fill(week.monday);
    await form.getByLabel('Last day', { exact: true }).fill(week.friday);
    // Monday to Friday is five weekdays; the holiday is not a working day, as the server counts.
    // Days read as the browser's language writes them, not as the API's YYYY-MM-DD.
    const holidays = await Promise.all(week.holidays.map((day) => shownDay(page, day)));
    const hint =
      `${week.days} working days charged (public holidays not counted: ${holidays.join(', ')}). ` +
      `Remaining annual leave balance: ${before} days now, ${before - week.days} after this request.`;
    await form.getByText(hint, { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByRole('button', { name: 'Send request' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Requested ${week.days} days: pending.` })
      .waitFor();
    const row = page
      .getByRole('table', { name: 'Leave requests' })
      .getByRole('row')
      .filter({ hasText: await shownDay(page, week.monday) });
    await row.getByRole('cell', { name: String(week.days), exact: true }).waitFor();
    await form.getByText('Choose the days to see the count.').waitFor();
  });

  it('fits a phone: the navigation behind a menu button, wide tables scrolling in their box', async () => {
    const { page } = tab;
    await page.setViewportSize({ width: 390, height: 844 });
    await signInThroughApp(page, web.platform.origin, employee.email);
    const menu = page.getByRole('button', { name: 'Menu' });
    const myTime = page.getByRole('link', { name: 'My time' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await myTime.isVisible()).toBe(false);
    await menu.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await myTime.click();
    // The chosen page closes the menu; its table scrolls within itself, never the page.
    await page.getByRole('heading', { name: 'My time', level: 1 }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('table', { name: 'Time entries' }).waitFor();
    const width = await page
      .locator('html')
      .evaluate((html) => html.ownerDocument.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    // The skip link shows once focused and moves focus to the page's content.
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await skip.focus();
    expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await skip.press('Enter');
    expect(
      await page.locator('main').evaluate((main) => main.ownerDocument.activeElement === main),
    ).toBe(true);
  });

  it('asks to sign in again when the session expires mid-form, keeping what was typed', async () => {
    const { page } = tab;
    await page.clock.install();
    await openSignedIn('My time');
    const form = page.getByRole('form', { name: 'Record time' });
    const day = pastWorkingDay();
    await form.getByLabel('Shift name').fill('Late, typed before expiry');
    await form.getByLabel('Start').fill(`${day}T14:00`);
    await form.getByLabel('End').fill(`${day}T18:00`);
    // The refresh cookie is gone (revoked elsewhere), and the access token's time runs out.
    await tab.context.clearCookies();
    await page.clock.fastForward('10:00');
    const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
    await dialog.waitFor();
    await dialog.getByLabel('Password').fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in again' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Shift name').inputValue()).toBe('Late, typed before expiry');
    expect(await form.getByLabel('Start').inputValue()).toBe(`${day}T14:00`);
    expect(await form.getByLabel('End').inputValue()).toBe(`${day}T18:00`);

    // Sending works with the new session, and records the entry once.
    await form.getByRole('button', { name: 'Record' }).click();
    const table = page.getByRole('table', { name: 'Time entries' });
    await table.getByText('Shift (Late, typed before expiry)').waitFor();
    const stored = await web.platform.graphql(
      'query($id: ID!, $from: DateTime!, $to: DateTime!) { employee(id: $id) { timeEntries(from: $from, to: $to) { shiftType } } }',
      {
        id: employee.id,
        from: `${addDays(day, -1)}T00:00:00Z`,
        to: `${addDays(day, 2)}T00:00:00Z`,
      },
    );
    const late = stored.data!.employee.timeEntries.filter(
      (e: { shiftType: string | null }) => e.shiftType === 'Late, typed before expiry',
    );
    expect(late).toHaveLength(1);
    expect(await table.getByText('Shift (Late, typed before expiry)').count()).toBe(1);
  });
});
