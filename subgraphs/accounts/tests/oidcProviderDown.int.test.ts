import { freePort } from '../../../messaging/testing';
import { readSignInSettings } from '../../../runtime';
import { startAccounts, type AccountsHarness } from './support';

// A provider that does not answer: the platform still starts, and signing in with it says so.
describe('OpenID Connect with its provider down', () => {
  let h: AccountsHarness;

  beforeAll(async () => {
    const settings = readSignInSettings({
      // Nothing listens there.
      OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`,
      OIDC_CLIENT_ID: 'hr-platform',
      OIDC_ROLE_MAP: '{"staff":"EMPLOYEE"}',
      OIDC_PROVIDER_NAME: 'Staff ID',
    });
    h = await startAccounts({ settings });
  });
  afterAll(() => h.stop());

  it('answers 502 with a reason, sets no cookie, and audits nothing', async () => {
    const reply = await h.call('/auth/oidc/login', { method: 'GET' });
    expect(reply.status).toBe(502);
    expect(reply.body.errors[0]).toEqual({
      message: 'Staff ID cannot be reached just now; try again in a while.',
      extensions: { code: 'OIDC_PROVIDER_UNAVAILABLE' },
    });
    expect(reply.setCookie).toBeUndefined();
    const page = await h.call('/auth/oidc/login', {
      method: 'GET',
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(502);
    expect(page.body).toContain('Staff ID cannot be reached just now');
    expect(await h.events('accounts.user.login_failed')).toEqual([]);
    // The page still offers it: the provider may be back by the time someone clicks.
    const methods = await h.call('/auth/methods', { method: 'GET' });
    expect(methods.body.oidc).toEqual({ name: 'Staff ID', loginUrl: '/auth/oidc/login' });
  });
});
