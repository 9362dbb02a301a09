import { hireWithAccount } from '../../test-support/accounts';
import { startOidcProvider, type OidcTestProvider } from '../../test-support/oidcProvider';
import { oidcSignInOptions } from '../../test-support/oidcSignInOptions';
import type { SeededPerson } from '../../test-support/seedOrganisation';
import { seriousViolations } from './roleSession';
import { pagePerTest, webSuite } from './support/webSuite';

// A person clicks "Sign in with Test ID" in Chromium: off to the provider (another site,
// localhost), back through the callback, and into the app by its refresh on load.

let provider: OidcTestProvider;
let ada: SeededPerson;

const web = webSuite({
  // The platform's accounts sign in through the provider, which sends people back to its port.
  platform: async () => {
    provider = await startOidcProvider();
    return (await oidcSignInOptions(provider, { 'hr-team': 'HR', staff: 'EMPLOYEE' })).options;
  },
  setUp: async ({ platform }) => {
    ada = await hireWithAccount(platform, 'Ada', 'Lovelace');
  },
  tearDown: async () => {
    await provider?.stop();
  },
});
const tab = pagePerTest(web);

describe('signing in with the OpenID Connect provider in the browser', () => {
  it('offers the provider on the sign-in page, and its answer signs the person in with the mapped role', async () => {
    const { page } = tab;
    provider.signInAs({ sub: 'idp-ada', claims: { employee_id: ada.id, groups: ['hr-team'] } });
    await page.goto(`${web.platform.origin}/`);
    const link = page.getByRole('link', { name: 'Sign in with Test ID' });
    await link.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await link.click();
    // Back in the app, signed in by the refresh cookie the callback set: HR's navigation.
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('header').getByText('Ada Lovelace').waitFor();
    await page.getByRole('link', { name: 'Directory' }).waitFor();
    expect(provider.authorizations.at(-1)?.get('code_challenge_method')).toBe('S256');
    // A reload signs in again from the cookie, as after any visit.
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('explains a refusal on a page of its own, with the way back to the sign-in page', async () => {
    const { page } = tab;
    provider.signInAs({ sub: 'idp-ada', claims: { employee_id: ada.id, groups: ['visitors'] } });
    await page.goto(`${web.platform.origin}/`);
    await page.getByRole('link', { name: 'Sign in with Test ID' }).click();
    await page.getByRole('heading', { name: 'Signing in with Test ID did not work' }).waitFor();
    await page.getByText('has no role on this platform').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Drawn as the sign-in card: its own style passes the page's Content-Security-Policy.
    const card = await page
      .locator('main')
      .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
    expect(card).toBe('rgb(255, 255, 255)');
    await page.getByRole('link', { name: 'Back to the sign-in page' }).click();
    await page.getByLabel('E-mail').waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });
});
