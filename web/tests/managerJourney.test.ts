import fs from 'node:fs';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import { publicHolidays } from '../../runtime';
import { signInThroughApp } from '../../test-support/browser';
import { contractOperation as op } from '../../test-support/contractOperation';
import { waitFor } from '../../test-support/waitFor';
import { TEST_ZONE as zone, workingDays } from '../../test-support/workingDays';
import { openAs, seriousViolations } from './roleSession';
import { errorBeside } from './support/fields';
import { createManagerAndReport } from './support/team';
import {
  agreementInput,
  createAgreement,
  createPerson,
  daysAround,
} from '../../test-support/seedOrganisation';
import { webSuite } from './support/webSuite';

const today = DateTime.now().setZone(zone).startOf('day');
/** The nearest working day in England from `day` on, going `step` days at a time. */
const workingDayFrom = (day: DateTime, step: 1 | -1): DateTime =>
  workingDays(day, step).next().value as DateTime;

/** A working day of next month: the calendar has to move a month on to show it. */
const leaveDay = workingDayFrom(today.plus({ months: 1 }).startOf('month').plus({ days: 7 }), 1);
/** The latest working day gone by. */
const workedDay = workingDayFrom(today.minus({ days: 1 }), -1);
const at = (day: DateTime, time: string) => `${day.toISODate()}T${time}`;

let context: BrowserContext;
let page: Page;
let manager: { id: string; email: string };
let report: { id: string; email: string };

const web = webSuite({
  setUp: async ({ platform, browser }) => {
    ({ manager, report } = await createManagerAndReport(
      platform,
      ['Mara', 'Ward'],
      ['Nell', 'Shift'],
    ));
    // Nell's sick day, approved by Mara (leave hears of the hire by event: retry until it has).
    const requested = await waitFor(async () => {
      const date = leaveDay.toISODate();
      const result = await platform.graphql(
        op('RequestLeave'),
        { input: { leaveType: 'SICK', startDate: date, endDate: date } },
        { role: 'EMPLOYEE', sub: report.id },
      );
      return result.errors ? undefined : (result.data!.requestLeave.id as string);
    });
    const approved = await platform.graphql(
      op('ApproveLeave'),
      { input: { id: requested } },
      { role: 'MANAGER', sub: manager.id },
    );
    expect(approved.errors).toBeUndefined();
    // Otto, another report, has worked to a year's target of hours for two weeks.
    const otto = await createPerson(platform, 'Otto', 'Hours', { managerId: manager.id });
    await createAgreement(platform, agreementInput(otto.id, ...daysAround(today, 14, 350)));
    await waitFor(async () => {
      const { data } = await platform.graphql(
        op('AccrualBalances'),
        { id: otto.id, on: today.toISODate() },
        { role: 'MANAGER', sub: manager.id },
      );
      return data?.employee?.accruals?.length ? true : undefined;
    });
    // The browser's days and times are London's, as the people's are.
    context = await browser.newContext({
      timezoneId: zone,
      locale: 'en-GB',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await signInThroughApp(page, platform.origin, manager.email);
  },
});

/** Opens a screen from the navigation and waits for its heading. */
async function open(link: string, heading = link) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function expectAccessible() {
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
}

describe("the manager's screens in the browser", () => {
  it("shows a report's approved leave on the team calendar, a month on", async () => {
    await open('Who is off');
    // This month: today's column is boxed and named, weekends striped and named, with a legend.
    const thisMonth = page.getByRole('table', {
      name: `Leave in ${today.setLocale('en-GB').toFormat('LLLL yyyy')}`,
    });
    const days = thisMonth.getByRole('columnheader');
    const todays = days.nth(today.day);
    expect(await todays.getAttribute('aria-current')).toBe('date');
    expect(await todays.getAttribute('class')).toContain('today');
    expect(await todays.locator('abbr').getAttribute('title')).toMatch(/\btoday$/);
    expect(await thisMonth.locator('[aria-current="date"]').count()).toBe(1);
    const saturday = today
      .startOf('month')
      .plus({ days: (6 - today.startOf('month').weekday + 7) % 7 });
    const weekend = days.nth(saturday.day);
    expect(await weekend.getAttribute('class')).toContain('weekend');
    expect(await weekend.locator('abbr').getAttribute('title')).toContain(', weekend');
    const legend = (await page.locator('.legend').textContent()) ?? '';
    expect(legend).toContain('striped: a weekend');
    expect(legend).toContain('boxed: today');

    await page.getByRole('button', { name: 'Next month' }).click();
    const month = leaveDay.setLocale('en-GB').toFormat('LLLL yyyy');
    const calendar = page.getByRole('table', { name: `Leave in ${month}` });
    const row = calendar.getByRole('row', { name: /Nell Shift/ });
    // The cells of a row are its days, the 1st first.
    const cell = row.getByRole('cell').nth(leaveDay.day - 1);
    await cell.filter({ hasText: 'Sick leave, approved' }).waitFor();
    expect(await row.getByRole('cell').filter({ hasText: 'approved' }).count()).toBe(1);
    // The month's public holidays where she works (England and Wales) are marked, and only they.
    const marked = await row
      .getByRole('cell')
      .evaluateAll((cells) =>
        cells.flatMap((c, i) => (c.classList.contains('holiday') ? [i + 1] : [])),
      );
    const holidays = [...publicHolidays('ENGLAND_AND_WALES', leaveDay.year)]
      .filter((day) => day.startsWith(leaveDay.toFormat('yyyy-MM')))
      .map((day) => Number(day.slice(8)))
      .sort((a, b) => a - b);
    expect(marked).toEqual(holidays);
    expect(await page.locator('.legend').textContent()).toContain(
      'a public holiday where the person works',
    );
    await expectAccessible();
  });

  it("shows each direct report's month and their target hours on the team page", async () => {
    await open('Team');
    const team = page.getByRole('table', { name: 'Direct reports' });
    const otto = team.getByRole('row', { name: /Otto Hours/ });
    // Nothing worked in the two weeks of a year's target of 1,950 hours so far.
    await otto.getByRole('cell', { name: '0 of 1950 h, behind by over 25 %' }).waitFor();
    // The attendance figures are the month's, and say so.
    await team.getByRole('columnheader', { name: 'Worked h this month' }).waitFor();
    const month = today.setLocale('en-GB').toFormat('LLLL yyyy');
    await page
      .getByText(`Present days, late arrivals and hours worked: ${month} so far.`)
      .waitFor();
    // Nell has no agreement: no target to show.
    expect(
      await team
        .getByRole('row', { name: /Nell Shift/ })
        .getByRole('cell')
        .last()
        .textContent(),
    ).toBe('–');
    await expectAccessible();
  });

  it('publishes shifts for a report, naming a bad one beside its field, and lists them', async () => {
    await open('Schedules');
    await page.getByLabel('Employee', { exact: true }).selectOption({ label: 'Nell Shift' });
    const first = page.getByRole('group', { name: 'Shift 1' });
    await first.getByLabel('Start').fill(at(workedDay, '09:00'));
    await first.getByLabel('End').fill(at(workedDay, '08:00'));
    await page.getByRole('button', { name: 'Publish' }).click();
    expect(await errorBeside(first.getByLabel('End'))).toMatch(/after it starts/);

    await first.getByLabel('End').fill(at(workedDay, '17:00'));
    await page.getByRole('button', { name: 'Add a shift' }).click();
    const second = page.getByRole('group', { name: 'Shift 2' });
    await second.getByLabel('Start').fill(at(today, '09:00'));
    await second.getByLabel('End').fill(at(today, '17:00'));
    await second.getByLabel('Kind of shift').fill('Early');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published 2 shifts' }).waitFor();
    const listed = page.getByRole('table', { name: 'Shifts of Nell Shift' }).locator('tbody tr');
    expect(await listed.count()).toBe(2);
    expect(await listed.nth(1).textContent()).toContain('Early');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await expectAccessible();

    // Nell's own Today screen shows the shift published for today.
    const nell = await web.browser.newContext({ timezoneId: zone });
    try {
      const nellPage = await nell.newPage();
      await signInThroughApp(nellPage, web.platform.origin, report.email);
      await nellPage
        .getByRole('listitem')
        .filter({ hasText: /^Early:/ })
        .waitFor();
    } finally {
      await nell.close();
    }
  });

  it('records a manual entry in the report’s time zone, with its reason, among the day’s entries', async () => {
    // Mara's browser is in New York this time; Nell's days and times are London's.
    const london = page;
    const away = await web.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-GB' });
    try {
      page = await away.newPage();
      await signInThroughApp(page, web.platform.origin, manager.email);
      await recordManualEntry();
    } finally {
      page = london;
      await away.close();
    }
  });

  async function recordManualEntry() {
    await open('Manual attendance');
    await page.getByLabel('Employee', { exact: true }).selectOption({ label: 'Nell Shift' });
    await page.getByLabel('Day', { exact: true }).fill(workedDay.toISODate()!);
    await page.getByText('No entries on this day.').waitFor();
    const form = page.getByRole('form', { name: 'Record an entry' });
    await form.getByLabel('Checked in').fill(at(workedDay, '09:40'));
    await form.getByLabel('Checked out').fill(at(workedDay, '17:00'));
    await form.getByRole('button', { name: 'Record the entry' }).click();
    // No reason: the server refuses, and says so beside the reason.
    expect(await errorBeside(form.getByLabel('Reason'))).toMatch(/reason/i);

    await form.getByLabel('Reason').fill('Badge reader was down');
    await form.getByRole('button', { name: 'Record the entry' }).click();
    const entry = page
      .getByRole('table', { name: 'Attendance entries' })
      .getByRole('row', { name: /Badge reader was down/ });
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('Manual entry');
    // 09:40 in London: 40 minutes late for her 09:00 shift, and shown as she would read it.
    const [checkedIn, , hours, late] = await entry.getByRole('cell').allTextContents();
    expect([checkedIn?.endsWith('09:40'), hours, late]).toEqual([true, '7.33', '40 min']);
    expect(await form.textContent()).toContain("Times are Nell Shift's, in Europe/London.");
    // The form starts afresh for the next entry.
    expect(await form.getByLabel('Reason').inputValue()).toBe('');
    await expectAccessible();
  }

  it("lists the team's late arrival over a period and exports it", async () => {
    await open('Late arrivals');
    await page.getByLabel('From', { exact: true }).fill(workedDay.toISODate()!);
    // The day reads as the browser's language writes it (British here), not as the API's.
    const row = page
      .getByRole('table', { name: 'Late arrivals' })
      .getByRole('row')
      .filter({ hasText: 'Nell Shift' })
      .filter({ hasText: workedDay.setLocale('en-GB').toFormat('d LLL yyyy') });
    await row.waitFor();
    expect(await row.textContent()).toContain('40 min');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('Employee,Day,Checked in,Late by (min)');
    expect(csv).toContain(`Nell Shift,${workedDay.toISODate()},`);
    await expectAccessible();

    // A period ending before it starts is said once, beside To, and not asked for.
    const to = page.getByLabel('To', { exact: true });
    await to.fill(workedDay.minus({ days: 1 }).toISODate()!);
    expect(await errorBeside(to)).toBe('To must not be before From.');
    expect(await page.getByText('To must not be before From.').count()).toBe(1);
    expect(await page.getByText(/arrived late in this period/).count()).toBe(0);
    expect(await row.count()).toBe(0);
  });

  it("lets HR choose whose team: Mara's calendar shows Nell's leave", async () => {
    const hr = await openAs(web.platform, web.browser, 'HR', '/team/off');
    try {
      await hr.page.getByLabel('Find a manager by name').fill('Ward');
      await hr.page.getByRole('button', { name: 'Choose Mara Ward' }).click();
      await hr.page.getByRole('button', { name: 'Next month' }).click();
      await hr.page
        .getByRole('table', { name: /^Leave in / })
        .getByRole('row', { name: /Nell Shift/ })
        .getByRole('cell')
        .filter({ hasText: 'Sick leave, approved' })
        .waitFor();
    } finally {
      await hr.context.close();
    }
  });
});
