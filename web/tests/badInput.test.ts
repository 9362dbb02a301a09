import { contractOperation as op } from '../../test-support/contractOperation';
import { signIn } from '../../test-support/accounts';
import {
  createSignedUpEmployee,
  signInThroughApp,
  TEST_PASSWORD,
} from '../../test-support/browser';
import { pastWorkingDay } from './support/days';
import { pagePerTest, webSuite } from './support/webSuite';

const web = webSuite();
const tab = pagePerTest(web);

// What a person sees when the platform refuses what they typed, and that nothing was written.
describe('bad input through the web app', () => {
  it('names the entry an overlapping shift clashes with, and records nothing', async () => {
    const { page } = tab;
    const nurse = await createSignedUpEmployee(web.platform, 'Olive', 'Overlap');
    const day = pastWorkingDay();
    const self = { role: 'EMPLOYEE' as const, sub: nurse.id };
    const first = await web.platform.graphql(
      op('RecordTimeEntry'),
      {
        input: {
          employeeId: nurse.id,
          periodType: 'SHIFT',
          startTime: `${day}T06:00:00Z`,
          endTime: `${day}T14:00:00Z`,
          mealBreakMinutes: 30,
        },
      },
      self,
    );
    expect(first.errors).toBeUndefined();

    await signInThroughApp(page, web.platform.origin, nurse.email);
    await page.getByRole('link', { name: 'My time' }).click();
    const form = page.getByRole('form', { name: 'Record time' });
    await form.getByLabel('Start').fill(`${day}T10:00`);
    await form.getByLabel('End').fill(`${day}T12:00`);
    await form.getByRole('button', { name: 'Record' }).click();
    await page.getByText(/overlaps 1 other entry/).waitFor();
    await page.locator('.clash', { hasText: 'Clashes with the entry' }).waitFor();

    const timecard = await web.platform.graphql(
      op('Timecard'),
      { id: nurse.id, from: `${day}T00:00:00Z`, to: `${day}T23:59:59Z` },
      self,
    );
    expect(timecard.data!.employee.timeEntries).toHaveLength(1);
  });

  it('says why after each wrong password, locks at the fifth, and signs nobody in', async () => {
    const { page } = tab;
    const person = await createSignedUpEmployee(web.platform, 'Wren', 'Mistype');
    await page.goto(`${web.platform.origin}/`);
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('E-mail').fill(person.email);
      await page.getByLabel('Password').fill(`wrong password number ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await alert
        .filter({ hasText: attempt < 5 ? 'The e-mail or password is wrong.' : /locked/ })
        .waitFor();
    }
    // Even the right password is refused while locked, and the app stays at sign-in.
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await alert.filter({ hasText: /locked/ }).waitFor();
    expect(await page.getByRole('link', { name: 'My time' }).count()).toBe(0);
    expect((await signIn(web.platform.origin, person.email, TEST_PASSWORD)).status).toBe(423);
  });
});
