import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { shownDay } from './support/days';
import { errorBeside, suggestionsOf } from './support/fields';
import {
  itHasNoSeriousViolations,
  roleSuite,
  seriousViolations,
  type RoleSession,
} from './roleSession';

const hr = roleSuite('HR', '/hr/onboard');

/** Fills the wizard's person step and goes through the agreement and manager steps. */
async function onboard(page: RoleSession['page'], first: string, last: string, email: string) {
  await page.goto(`${hr.platform.origin}/hr/onboard`);
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Work e-mail').fill(email);
  await page.getByLabel('Department').fill('Cardiology');
  await page.getByLabel('Job title').fill('Staff Nurse');
  await page.getByLabel('Grade').fill('BAND_5');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Agreement' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Manager' }).waitFor();
  await page.getByRole('button', { name: 'Make and invite' }).click();
}

describe('HR in the browser', () => {
  it('onboards a person in one go, shows their invitation link, and finds them in the directory', async () => {
    const { page } = hr;
    await onboard(page, 'Imogen', 'Tallis', 'imogen.tallis@example.test');
    // Agreements and accounts hear of the person by event: on a busy machine that takes a while.
    const done = page.getByRole('status').filter({ hasText: 'is onboarded' });
    await done.waitFor({ timeout: 70_000 });
    await page.locator('a.invitation-link').waitFor({ timeout: 60_000 });
    expect(await page.locator('a.invitation-link').getAttribute('href')).toMatch(/\/invite\//);

    await page.getByRole('link', { name: 'Directory' }).first().click();
    await page.getByLabel('Search').fill('Tallis');
    const row = page.getByRole('row').filter({ hasText: 'Imogen Tallis' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Cardiology');
    // The department filter is a choice of the departments people work in, not free text.
    const department = page.getByLabel('Department');
    await department.locator('option', { hasText: 'Cardiology' }).waitFor({ state: 'attached' });
    expect(await department.evaluate((field) => field.tagName)).toBe('SELECT');
    await department.selectOption('Cardiology');
    await row.waitFor();
  }, 180_000);

  it("shows the server's refusal beside the field: an e-mail already in use", async () => {
    const { page } = hr;
    await onboard(page, 'Iona', 'Tallis', 'imogen.tallis@example.test');
    // The wizard goes back to the person step, with the reason under the e-mail.
    const email = page.getByLabel('Work e-mail');
    const error = await errorBeside(email);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(error.length).toBeGreaterThan(0);
    // Hiring suggests the departments there are, and still takes a new one.
    expect(await suggestionsOf(page.getByLabel('Department'))).toContain('Cardiology');
  });

  itHasNoSeriousViolations(hr, [
    ['/hr', 'Directory'],
    ['/hr/onboard', 'Onboard someone'],
    ['/hr/attendance', 'Attendance'],
    ['/hr/policies', 'Policies'],
    ['/hr/compliance', 'Compliance'],
  ]);

  it("opens an employee's record, with the details form and the invitation", async () => {
    const { page } = hr;
    await page.goto(`${hr.platform.origin}/hr`);
    await page.getByLabel('Search').fill('Imogen');
    await page.getByRole('link', { name: 'Imogen Tallis' }).click();
    await page.getByRole('heading', { name: 'Imogen Tallis', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Invitation' }).waitFor();
    expect(await page.getByLabel('Department').inputValue()).toBe('Cardiology');
    await page.waitForLoadState('networkidle');
    expect(await suggestionsOf(page.getByLabel('Department'))).toContain('Cardiology');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("HR's record of a person", () => {
  it('shows what was saved, so the next save changes only what it says', async () => {
    const { page, platform } = hr;
    const person = await createPerson(platform, 'Vera', 'Ledger');
    const stored = async () => {
      const read = await platform.graphql(
        'query($id: ID!) { employee(id: $id) { jobTitle department } }',
        {
          id: person.id,
        },
      );
      return read.data!.employee as { jobTitle: string; department: string };
    };
    await page.goto(`${platform.origin}/hr/employees/${person.id}`);
    const jobTitle = page.getByLabel('Job title');
    await jobTitle.fill('Ward Sister');
    await page.getByRole('button', { name: 'Save details' }).click();
    await waitFor(async () => (await jobTitle.inputValue()) === 'Ward Sister' || undefined);

    await page.getByLabel('Department').fill('Renal');
    await page.getByRole('button', { name: 'Save details' }).click();
    await waitFor(async () => ((await stored()).department === 'Renal' ? true : undefined));
    expect(await stored()).toEqual({ jobTitle: 'Ward Sister', department: 'Renal' });
  });

  it('shows statuses and kinds in words, and saves the choice made in words', async () => {
    const { page, platform } = hr;
    const person = await createPerson(platform, 'Wren', 'Worded');
    await page.goto(`${platform.origin}/hr/employees/${person.id}`);
    await page.getByText(/· Active$/).waitFor();
    const kinds = page.getByLabel('Employment type').locator('option');
    expect(await kinds.allTextContents()).toEqual(['Full time', 'Part time', 'Contractor']);
    const statuses = page.getByLabel('Status', { exact: true }).locator('option');
    expect(await statuses.allTextContents()).toEqual(['Active', 'Inactive', 'On leave']);

    await page.getByLabel('Employment type').selectOption({ label: 'Part time' });
    await page.getByRole('button', { name: 'Save details' }).click();
    const kind = async () =>
      (
        await platform.graphql('query($id: ID!) { employee(id: $id) { employmentType } }', {
          id: person.id,
        })
      ).data!.employee as { employmentType: string };
    await waitFor(async () => ((await kind()).employmentType === 'PART_TIME' ? true : undefined));
  });
});

describe("HR's policies", () => {
  it('shows a built-in default as in force since the start, not from a made-up date', async () => {
    const { page, platform } = hr;
    await page.goto(`${platform.origin}/hr/policies`);
    const table = page.getByRole('table', { name: 'Policies in force' });
    await table.getByRole('cell', { name: 'Since the start (default)' }).first().waitFor();
    expect(await table.textContent()).not.toContain('1970');
  });
});

describe("HR's termination of a person", () => {
  it('asks before terminating, then shows the status as final and offers no invitation', async () => {
    const { page, platform } = hr;
    const person = await createPerson(platform, 'Tobias', 'Leaver');
    await page.goto(`${platform.origin}/hr/employees/${person.id}`);
    const terminate = page.getByRole('form', { name: 'Terminate' });
    // A last day already past: the employment ends at once.
    await terminate.getByLabel('Last day of employment').fill('2025-06-30');
    await terminate.getByRole('button', { name: 'Terminate employment' }).click();
    // Nothing is sent until the second click, which names the person and the day.
    await terminate.getByRole('button', { name: 'Keep them employed' }).click();
    await page.getByText(/· Active$/).waitFor();
    await terminate.getByRole('button', { name: 'Terminate employment' }).click();
    // The day reads as people write it, not as the API's 2025-06-30.
    const lastDay = await shownDay(page, '2025-06-30');
    expect(lastDay).not.toContain('2025-06');
    await terminate
      .getByRole('button', { name: `Terminate Tobias Leaver after ${lastDay}` })
      .click();
    await page.getByText(`· Left on ${lastDay}`).waitFor();

    const status = page
      .locator('.card')
      .filter({ has: page.getByRole('heading', { name: 'Status' }) });
    expect(await status.textContent()).toContain(`Left on ${lastDay}`);
    expect(await page.getByRole('button', { name: 'Change status' }).count()).toBe(0);
    expect(await page.getByLabel('Status', { exact: true }).count()).toBe(0);
    await page.getByText('Employment has ended: there is no invitation to send.').waitFor();
    expect(await page.getByRole('button', { name: 'New invitation link' }).count()).toBe(0);
    expect(await page.locator('a.invitation-link').count()).toBe(0);
    // The server refuses any change now: the details and the manager are shown, not offered.
    const kept = 'Employment has ended: the record is kept as history and no longer changes.';
    await page.getByText(kept).first().waitFor();
    expect(await page.getByText(kept).count()).toBe(2);
    expect(await page.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByText('Reported to nobody.').count()).toBe(1);
    // Kept details read in words: the region, not the code the API stores.
    const details = page
      .locator('.card')
      .filter({ has: page.getByRole('heading', { name: 'Details' }) });
    expect(await details.locator('dd').allTextContents()).toContain('England and Wales');
    expect(await details.textContent()).not.toContain('ENGLAND_AND_WALES');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('schedules a last day to come, keeps the person employed until then, and withdraws it', async () => {
    const { page, platform } = hr;
    const person = await createPerson(platform, 'Tessa', 'Stayer');
    await page.goto(`${platform.origin}/hr/employees/${person.id}`);
    const terminate = page.getByRole('form', { name: 'Terminate' });
    await terminate.getByText('The last day is worked').waitFor();
    await terminate.getByLabel('Last day of employment').fill('2030-06-30');
    await terminate.getByRole('button', { name: 'Terminate employment' }).click();
    const lastDay = await shownDay(page, '2030-06-30');
    await terminate
      .getByRole('button', { name: `Terminate Tessa Stayer after ${lastDay}` })
      .click();
    // Still employed: active, with the day they leave on, and everything still offered.
    await page.getByText(`· Active · leaves on ${lastDay}`).waitFor();
    await terminate.getByText(`Leaves on ${lastDay}`).waitFor();
    expect(await page.getByRole('button', { name: 'Change status' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Save/ }).count()).toBeGreaterThan(0);

    await terminate.getByRole('button', { name: 'Withdraw termination' }).click();
    // Nothing is sent until the second click, which names the person and the day.
    await terminate.getByRole('button', { name: 'Keep the last day' }).click();
    await page.getByText(`· Active · leaves on ${lastDay}`).waitFor();
    await terminate.getByRole('button', { name: 'Withdraw termination' }).click();
    await terminate
      .getByRole('button', { name: `Keep Tessa Stayer employed after ${lastDay}` })
      .click();
    await page.getByText(/· Active$/).waitFor();
    expect(await terminate.getByRole('button', { name: 'Withdraw termination' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("HR's navigation", () => {
  it('marks only the page that is open, not the directory above it', async () => {
    const { page } = hr;
    const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
    await page.goto(`${hr.platform.origin}/hr/compliance`);
    await page.getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
    expect(await current.allTextContents()).toEqual(['Compliance']);
    await page.goto(`${hr.platform.origin}/hr`);
    await page.getByRole('heading', { name: 'Directory', level: 1 }).waitFor();
    expect(await current.allTextContents()).toEqual(['Directory']);
  });
});
