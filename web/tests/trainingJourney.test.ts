import type { Page } from 'playwright-core';
import { signInThroughApp } from '../../test-support/browser';
import { waitFor } from '../../test-support/waitFor';
import { roleSuite, seriousViolations } from './roleSession';
import { shownDay } from './support/days';
import { createManagerAndReport } from './support/team';
import { openPage } from './support/webSuite';

let manager: { id: string; email: string };
let member: { id: string; email: string };

/** YYYY-MM-DD `days` from today (UTC, as the test's dates need no more). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const DUE = day(30);

const hr = roleSuite('HR', '/hr/compliance', {
  setUp: async ({ platform }) => {
    ({ manager, report: member } = await createManagerAndReport(
      platform,
      ['Mina', 'Lead'],
      ['Rhys', 'Ray'],
      { department: 'Radiology' },
    ));
  },
});

async function addCourse(page: Page, code: string, title: string, months: string) {
  const form = page.getByRole('form', { name: 'New course' });
  await form.getByLabel('Course code').fill(code);
  await form.getByLabel('Course title').fill(title);
  await form.getByLabel('Valid for (months)').fill(months);
  await form.getByRole('button', { name: 'Add the course' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `${title} (${code}) is added` })
    .waitFor();
}

/** A person's page of their own training, signed in through the app. */
async function openTraining(email: string): Promise<Page> {
  const { page } = await openPage(hr.browser);
  await signInThroughApp(page, hr.platform.origin, email);
  await page.getByRole('link', { name: 'Training' }).click();
  await page.getByRole('heading', { name: 'Training', level: 1 }).waitFor();
  return page;
}

describe('training in the browser', () => {
  it('HR adds courses, assigns one to a department and one to a person, and records a completion', async () => {
    const { page } = hr;
    await page.getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
    await addCourse(page, 'RAD-SAFETY', 'Radiation safety', '');
    await addCourse(page, 'FIRE-1', 'Fire safety', '1');

    const assign = page.getByRole('form', { name: 'Assign a course' });
    await assign.getByLabel('Course').selectOption({ label: 'Radiation safety (RAD-SAFETY)' });
    // A department is chosen from those people work in, so a typo cannot reach nobody.
    await assign.getByLabel('Department to assign').selectOption('Radiology');
    await assign.getByLabel('Due by').fill(DUE);
    await assign.getByRole('button', { name: 'Assign' }).click();
    await assign.getByRole('status').filter({ hasText: 'and to whoever joins it' }).waitFor();

    // Compliance knows Rhys once the department's course has reached him.
    await waitFor(async () => {
      const reply = await hr.platform.graphql(
        `query ($id: ID!) { trainingAssignments(filter: { employeeId: $id }) { nodes { id } } }`,
        { id: member.id },
        { role: 'HR', sub: 'service:hr' },
      );
      return reply.data?.trainingAssignments.nodes.length ? true : undefined;
    });
    await assign.getByLabel('Course').selectOption({ label: 'Fire safety (FIRE-1)' });
    await assign.getByLabel('People by name', { exact: true }).check();
    await assign.getByLabel('Find people by name').fill('Rhys');
    await assign.getByRole('button', { name: 'Add Rhys Ray' }).click();
    // The chosen name shows once; its button says Remove and names him to screen readers.
    const remove = assign.getByRole('button', { name: 'Remove Rhys Ray' });
    expect(await remove.textContent()).toBe('Remove');
    await assign.getByRole('button', { name: 'Assign' }).click();
    await assign.getByRole('status').filter({ hasText: 'is assigned to 1 person' }).waitFor();

    // A completion three months ago, valid a month: it has run out, so the course is overdue.
    await page.getByLabel('Training status').selectOption('');
    const fire = page
      .getByRole('table', { name: 'Training assignments' })
      .getByRole('row')
      .filter({ hasText: 'FIRE-1' });
    await fire.getByLabel('Completed on').fill(day(-90));
    await fire.getByRole('button', { name: 'Record' }).click();
    await fire.getByRole('cell', { name: 'Overdue' }).waitFor();
    expect(await fire.textContent()).toContain(await shownDay(page, day(-90)));
    expect(await fire.textContent()).not.toContain(day(-90));
    // The training list is filtered by a department chosen from those there are.
    const departments = page.getByLabel('Training department').locator('option');
    expect(await departments.allTextContents()).toContain('Radiology');
    // The pager counts every assignment the filter selects; here they fit on one page.
    const rows = await page
      .getByRole('table', { name: 'Training assignments' })
      .locator('tbody tr')
      .count();
    await page.getByText(`${rows} in all`).waitFor();

    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the member sees their assigned training with its due date', async () => {
    const page = await openTraining(member.email);
    const mine = page.getByRole('table', { name: 'My training assignments' });
    const radiation = mine.getByRole('row').filter({ hasText: 'Radiation safety' });
    await radiation.waitFor();
    expect(await radiation.getByRole('cell').allTextContents()).toEqual([
      'Radiation safety (RAD-SAFETY)',
      await shownDay(page, DUE),
      '–',
      '–',
      'Due',
    ]);
    const fire = mine.getByRole('row').filter({ hasText: 'Fire safety' });
    expect(await fire.getByRole('cell').last().textContent()).toBe('Overdue');
    await page.getByText(/Next: Fire safety was due by/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("the manager sees the team's training, the overdue course marked", async () => {
    const page = await openTraining(manager.email);
    const team = page.getByRole('table', { name: 'Team training' });
    const fire = team.getByRole('row').filter({ hasText: 'Rhys Ray' }).filter({
      hasText: 'Fire safety',
    });
    await fire.waitFor();
    expect(await fire.getAttribute('class')).toBe('overdue');
    expect(await fire.getByRole('cell').last().textContent()).toBe('Overdue');
    const radiation = team.getByRole('row').filter({ hasText: 'Radiation safety' });
    expect(await radiation.getAttribute('class')).toBeNull();
    await page.getByText('1 overdue for the people on this page.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
