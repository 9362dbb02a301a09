import { loadCatalogue } from '../../../messaging';
import { createTokenVerifier } from '../../../runtime';
import { AccountSchema, RefreshTokenSchema, SessionSchema } from '../src/entities';
import { PASSWORD, cookieAttributes, startAccounts } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('sessions: sign in, refresh, sign out', () => {
  const h = suiteHarness(startAccounts);
  const email = 'ada@example.org';

  const login = (password = PASSWORD, who = email) =>
    h.call('/auth/login', { body: { email: who, password } });

  it('signs in with the right password and answers a token the platform verifies', async () => {
    const employeeId = await h.hire({ email });
    await h.account({ email, employeeId });
    const reply = await login();
    expect(reply.status).toBe(200);
    expect(reply.body.user).toEqual({
      email,
      role: 'EMPLOYEE',
      employeeId,
      name: 'Pat Person',
    });
    expect(Date.parse(reply.body.expiresAt)).toBeGreaterThan(Date.now() + 200_000);
    const verifier = createTokenVerifier({
      issuer: 'hr-platform-test',
      audience: 'hr-platform-test',
      algorithms: ['ES256'],
      jwks: h.issuer.jwks(),
    });
    const identity = await verifier.verify(`Bearer ${reply.body.accessToken}`);
    expect(identity).toMatchObject({ subject: employeeId, role: 'EMPLOYEE', employeeId });
    expect(identity.expiresAt - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(300);
  });

  it('sets the refresh cookie HttpOnly, SameSite=Strict, on /auth only, and stores only its hash', async () => {
    const reply = await login();
    const attributes = cookieAttributes(reply.setCookie);
    expect(attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/auth' });
    expect(Number(attributes['max-age'])).toBe(14 * 24 * 3600);
    expect(attributes.secure).toBeUndefined();
    const token = reply.cookie!.split('=')[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await h.runtime.orm.em.fork().find(RefreshTokenSchema, {});
    expect(rows.some((row) => row.hash === token)).toBe(false);
    const account = await h.runtime.orm.em.fork().findOneOrFail(AccountSchema, { email });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('rotates the refresh cookie on each use, and a reused one ends the session', async () => {
    const first = await login();
    const second = await h.call('/auth/refresh', { cookie: first.cookie });
    expect(second.status).toBe(200);
    expect(second.body.accessToken).toEqual(expect.any(String));
    expect(second.cookie).toMatch(/^hr_refresh=[A-Za-z0-9_-]{43}$/);
    expect(second.cookie).not.toBe(first.cookie);
    const third = await h.call('/auth/refresh', { cookie: second.cookie });
    expect(third.status).toBe(200);

    // The first cookie was used already: someone copied it. The whole session ends.
    const reused = await h.call('/auth/refresh', { cookie: first.cookie });
    expect(reused.status).toBe(401);
    expect(reused.body.errors[0].extensions.code).toBe('SESSION_EXPIRED');
    expect(cookieAttributes(reused.setCookie)['max-age']).toBe('0');
    const latest = await h.call('/auth/refresh', { cookie: third.cookie });
    expect(latest.status).toBe(401);

    const loggedOut = await h.events('accounts.user.logged_out');
    expect(loggedOut.at(-1)!.data).toMatchObject({ reason: 'REFRESH_TOKEN_REUSED' });
  });

  it('signs out: 204, the cookie cleared, the session revoked, the event recorded', async () => {
    const signedIn = await login();
    const out = await h.call('/auth/logout', { cookie: signedIn.cookie });
    expect(out.status).toBe(204);
    expect(cookieAttributes(out.setCookie)['max-age']).toBe('0');
    const after = await h.call('/auth/refresh', { cookie: signedIn.cookie });
    expect(after.status).toBe(401);
    const sessions = await h.runtime.orm.em
      .fork()
      .find(SessionSchema, { revokedBecause: 'SIGNED_OUT' });
    expect(sessions).toHaveLength(1);
    const [event] = (await h.events('accounts.user.logged_out')).filter(
      (e) => e.data.reason === 'SIGNED_OUT',
    );
    expect(event.data.sessionId).toBe(sessions[0].id);
    // Without a cookie there is nothing to end, and the answer is the same.
    expect((await h.call('/auth/logout')).status).toBe(204);
  });

  it('refuses a refresh without a cookie, or with one that is not ours', async () => {
    expect((await h.call('/auth/refresh')).status).toBe(401);
    const forged = await h.call('/auth/refresh', { cookie: `hr_refresh=${'a'.repeat(43)}` });
    expect(forged.status).toBe(401);
    expect(forged.body.errors[0].extensions.code).toBe('SESSION_EXPIRED');
  });

  it('answers the same 401 for an unknown e-mail and a wrong password, and records both', async () => {
    const unknown = await login(PASSWORD, 'nobody@example.org');
    const wrong = await login('not the password at all');
    for (const reply of [unknown, wrong]) {
      expect(reply.status).toBe(401);
      expect(reply.body.errors[0]).toEqual({
        message: 'The e-mail or password is wrong.',
        extensions: { code: 'INVALID_CREDENTIALS' },
      });
      expect(reply.setCookie).toBeUndefined();
    }
    const failures = await h.events('accounts.user.login_failed');
    expect(failures.map((e) => e.data.reason)).toEqual(['UNKNOWN_EMAIL', 'WRONG_PASSWORD']);
    expect(failures[0].subject).toBe('unknown');
    expect(JSON.stringify(failures)).not.toContain('nobody@example.org');
    const catalogue = loadCatalogue();
    for (const event of [...failures, ...(await h.events())]) catalogue.validate(event);
  });
});
