import { deliverDueMail, type MailTransport } from '../src/mail';
import { AccountMailSchema } from '../src/entities';
import { PASSWORD, startAccounts } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('password reset by e-mail link', () => {
  const sent: { to: string; text: string }[] = [];
  const transport: MailTransport = { sendMail: async (message) => void sent.push(message) };
  const mailSettings = { transport, from: 'x@y.z', maxAttempts: 5, retryDelayMs: 1 };
  const email = 'rosalind@example.org';
  const NEW_PASSWORD = 'a brand new passphrase';

  const h = suiteHarness(() => startAccounts({ transport }));
  beforeAll(async () => {
    await h.account({ email });
  });

  const deliver = () =>
    h.runtime.orm.em.fork().transactional((em) => deliverDueMail(em, mailSettings, new Date()));
  const linkTo = (to: string) => {
    const mail = sent.filter((m) => m.to === to).at(-1);
    return /\/reset\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  };

  it('answers 202 whether or not the e-mail has an account, and mails only an account', async () => {
    const known = await h.call('/auth/password-reset', { body: { email } });
    const unknown = await h.call('/auth/password-reset', { body: { email: 'nobody@example.org' } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect([known.body, unknown.body]).toEqual([undefined, undefined]);
    await deliver();
    expect(sent.map((m) => m.to)).toEqual([email]);
    // Sent, the e-mail keeps no copy of its link.
    const rows = await h.runtime.orm.em.fork().find(AccountMailSchema, {});
    expect(rows.map((r) => [r.status, r.text])).toEqual([['SENT', '']]);
    const bad = await h.call('/auth/password-reset', { body: { email: 'x'.repeat(251) + '@a.b' } });
    expect(bad.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('sets a new password with the link, ends other sessions, and signs in', async () => {
    const before = await h.call('/auth/login', { body: { email, password: PASSWORD } });
    expect(before.status).toBe(200);
    const token = linkTo(email)!;
    const done = await h.call(`/auth/password-reset/${token}`, {
      body: { password: NEW_PASSWORD },
    });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe(email);
    expect((await h.call('/auth/refresh', { cookie: before.cookie })).status).toBe(401);
    expect((await h.call('/auth/refresh', { cookie: done.cookie })).status).toBe(200);
    const old = await h.call('/auth/login', { body: { email, password: PASSWORD } });
    expect(old.status).toBe(401);
    const fresh = await h.call('/auth/login', { body: { email, password: NEW_PASSWORD } });
    expect(fresh.status).toBe(200);
    const again = await h.call(`/auth/password-reset/${token}`, {
      body: { password: NEW_PASSWORD },
    });
    expect([again.status, again.body.errors[0].extensions.code]).toEqual([
      410,
      'INVITATION_EXPIRED',
    ]);
    const methods = (await h.events('accounts.user.logged_in')).map((e) => e.data.method);
    expect(methods).toContain('PASSWORD_RESET');
  });

  it('lifts a lock: the person proved they hold the mailbox', async () => {
    for (let i = 0; i < 5; i++)
      await h.call('/auth/login', { body: { email, password: `wrong password ${i}` } });
    expect((await h.call('/auth/login', { body: { email, password: NEW_PASSWORD } })).status).toBe(
      423,
    );
    await h.call('/auth/password-reset', { body: { email } });
    await deliver();
    const reset = await h.call(`/auth/password-reset/${linkTo(email)}`, {
      body: { password: PASSWORD },
    });
    expect(reset.status).toBe(200);
    expect((await h.call('/auth/login', { body: { email, password: PASSWORD } })).status).toBe(200);
  });
});
