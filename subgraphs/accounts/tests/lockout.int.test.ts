import { AccountSchema, SessionSchema } from '../src/entities';
import { PASSWORD, startAccounts } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('lock-out after failed sign-ins', () => {
  let clock = new Date('2026-12-02T09:00:00Z');
  const email = 'grace@example.org';

  const h = suiteHarness(() =>
    startAccounts({ now: () => clock, settings: { LOGIN_LOCK_MINUTES: 15 } }),
  );
  beforeAll(async () => {
    await h.account({ email });
  });

  const login = (password: string) => h.call('/auth/login', { body: { email, password } });
  const codeOf = (reply: { body: any }) => reply.body.errors?.[0]?.extensions.code;

  it('locks the account at the fifth failure in a row, and then refuses even the right password', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const reply = await login('wrong password number ' + attempt);
      expect([reply.status, codeOf(reply)]).toEqual([401, 'INVALID_CREDENTIALS']);
    }
    const fifth = await login('wrong password number 5');
    expect([fifth.status, codeOf(fifth)]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect(fifth.body.errors[0].extensions.lockedUntil).toBe('2026-12-02T09:15:00.000Z');

    const eventsBefore = (await h.events()).length;
    const right = await login(PASSWORD);
    expect([right.status, codeOf(right)]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect(right.setCookie).toBeUndefined();
    // While locked an attempt writes nothing: no session, no event, no longer lock.
    expect(await h.runtime.orm.em.fork().count(SessionSchema, {})).toBe(0);
    expect(await h.events()).toHaveLength(eventsBefore);
    const account = await h.runtime.orm.em.fork().findOneOrFail(AccountSchema, { email });
    expect(account.lockedUntil?.toISOString()).toBe('2026-12-02T09:15:00.000Z');

    const failures = await h.events('accounts.user.login_failed');
    expect(failures.map((e) => e.data.failedAttempts)).toEqual([1, 2, 3, 4, 5]);
    expect(failures.at(-1)!.data.lockedUntil).toBe('2026-12-02T09:15:00.000Z');
  });

  it('lets the right password in once the lock has run out, and counts afresh', async () => {
    clock = new Date('2026-12-02T09:15:01Z');
    const reply = await login(PASSWORD);
    expect(reply.status).toBe(200);
    const account = await h.runtime.orm.em.fork().findOneOrFail(AccountSchema, { email });
    expect(account).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await login('one wrong password')).status).toBe(401);
  });

  it('counts failures in a row only: a good sign-in starts the count again', async () => {
    // One failure is counted from the test before: three more make four in a row.
    for (let attempt = 1; attempt <= 3; attempt++) await login('still the wrong one ' + attempt);
    expect((await login(PASSWORD)).status).toBe(200);
    for (let attempt = 1; attempt <= 3; attempt++) await login('wrong again ' + attempt);
    expect((await login('wrong once more')).status).toBe(401);
    const account = await h.runtime.orm.em.fork().findOneOrFail(AccountSchema, { email });
    expect(account).toMatchObject({ failedAttempts: 4, lockedUntil: null });
  });
});
