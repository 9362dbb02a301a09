import { AccountSchema } from '../src/entities';
import { deliverDueMail, type MailTransport } from '../src/mail';
import { PASSWORD, startAccounts } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const INVITATION = `query ($id: ID!) {
  _entities(representations: [{ __typename: "Employee", id: $id }]) {
    ... on Employee { invitation { url expiresAt acceptedAt } account { email role activated } }
  }
}`;

const RESEND = `mutation ($id: ID!) { resendInvitation(employeeId: $id) { url expiresAt acceptedAt } }`;

describe('invitations', () => {
  const sent: { to: string; subject: string; text: string }[] = [];
  const transport: MailTransport = {
    sendMail: async (message) => void sent.push(message),
  };

  const h = suiteHarness(() =>
    startAccounts({ transport, settings: { PUBLIC_URL: 'https://hr.example.org' } }),
  );

  const invitationOf = async (id: string) => {
    const reply = await h.gql(INVITATION, { id });
    expect(reply.errors).toBeUndefined();
    return reply.data!._entities[0];
  };
  const tokenOf = (url: string) => url.split('/').pop()!;
  const deliverMail = () =>
    h.runtime.orm.em
      .fork()
      .transactional((em) =>
        deliverDueMail(
          em,
          { transport, from: 'x@y.z', maxAttempts: 5, retryDelayMs: 1 },
          new Date(),
        ),
      );

  it('invites each hired person once, by e-mail, with a link HR can read', async () => {
    const id = await h.hire({ email: 'Linus@Example.org' });
    const { invitation, account } = await invitationOf(id);
    expect(invitation.url).toMatch(/^https:\/\/hr\.example\.org\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(invitation.acceptedAt).toBeNull();
    expect(account).toEqual({ email: 'linus@example.org', role: 'EMPLOYEE', activated: false });

    await h.runtime.runDueJobs();
    await deliverMail();
    const mail = sent.find((m) => m.to === 'linus@example.org');
    expect(mail?.text).toContain(invitation.url);
    expect(mail?.text).toContain('Hello Pat,');

    // The same event again (redelivery) invites nobody twice.
    expect(await h.runtime.orm.em.fork().count(AccountSchema, { email: 'linus@example.org' })).toBe(
      1,
    );
  });

  it('shows the invitation to its holder, and accepting it sets the password and signs in', async () => {
    const id = await h.hire({ email: 'marie@example.org', firstName: 'Marie', lastName: 'Curie' });
    const { invitation } = await invitationOf(id);
    const token = tokenOf(invitation.url);
    const shown = await h.call(`/auth/invitations/${token}`, { method: 'GET' });
    expect(shown).toMatchObject({
      status: 200,
      body: { email: 'marie@example.org', name: 'Marie Curie', expiresAt: invitation.expiresAt },
    });

    const short = await h.call(`/auth/invitations/${token}/accept`, {
      body: { password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });

    const accepted = await h.call(`/auth/invitations/${token}/accept`, {
      body: { password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toEqual({
      email: 'marie@example.org',
      role: 'EMPLOYEE',
      employeeId: id,
      name: 'Marie Curie',
    });
    expect(accepted.setCookie).toMatch(
      /^hr_refresh=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/auth; Max-Age=\d+; Secure$/,
    );
    expect((await invitationOf(id)).invitation.acceptedAt).toEqual(expect.any(String));
    const login = await h.call('/auth/login', {
      body: { email: 'marie@example.org', password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const [event] = await h.events('accounts.user.logged_in');
    expect(event.data).toMatchObject({ method: 'INVITATION', employeeId: id });

    expect((await h.call(`/auth/invitations/${token}`, { method: 'GET' })).status).toBe(410);
    expect((await h.gql(RESEND, { id })).errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('answers 404 for a link that is not ours, and a resent invitation replaces the first', async () => {
    const unknown = await h.call(`/auth/invitations/${'x'.repeat(43)}`, { method: 'GET' });
    expect([unknown.status, unknown.body.errors[0].extensions.code]).toEqual([
      404,
      'INVITATION_NOT_FOUND',
    ]);
    expect((await h.call('/auth/invitations/%E0%A4%A', { method: 'GET' })).status).toBe(404);

    const id = await h.hire({ email: 'alan@example.org' });
    const first = tokenOf((await invitationOf(id)).invitation.url);
    const resent = await h.gql(RESEND, { id });
    expect(resent.errors).toBeUndefined();
    const second = tokenOf(resent.data!.resendInvitation.url);
    expect(second).not.toBe(first);
    expect((await h.call(`/auth/invitations/${first}`, { method: 'GET' })).status).toBe(410);
    expect((await h.call(`/auth/invitations/${second}`, { method: 'GET' })).status).toBe(200);
  });

  it('lets only HR and ADMIN read invitations and resend them', async () => {
    const id = await h.hire({ email: 'ken@example.org' });
    const asEmployee = { role: 'EMPLOYEE' as const, sub: id };
    const read = await h.gql(INVITATION, { id }, asEmployee);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const resend = await h.gql(RESEND, { id }, asEmployee);
    expect(resend.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('stops an invitation once the person has a password from a reset, and shows it done', async () => {
    const email = 'zed@example.org';
    const id = await h.hire({ email });
    const { invitation } = await invitationOf(id);
    const token = tokenOf(invitation.url);
    // The person never used the invitation: they reset their password by e-mail instead.
    expect((await h.call('/auth/password-reset', { body: { email } })).status).toBe(202);
    await deliverMail();
    const resetMail = sent.filter((m) => m.to === email).at(-1)!;
    const resetToken = /\/reset\/([A-Za-z0-9_-]{43})/.exec(resetMail.text)![1];
    const reset = await h.call(`/auth/password-reset/${resetToken}`, {
      body: { password: 'the password they chose' },
    });
    expect(reset.status).toBe(200);

    // Whoever else holds the invitation can neither read it nor replace that password.
    expect((await h.call(`/auth/invitations/${token}`, { method: 'GET' })).status).toBe(410);
    const taken = await h.call(`/auth/invitations/${token}/accept`, {
      body: { password: 'a takeover attempt here' },
    });
    expect([taken.status, taken.body.errors[0].extensions.code]).toEqual([
      410,
      'INVITATION_EXPIRED',
    ]);
    const own = await h.call('/auth/login', {
      body: { email, password: 'the password they chose' },
    });
    expect(own.status).toBe(200);
    // HR sees the invitation done with, and offers no new one.
    expect((await invitationOf(id)).invitation.acceptedAt).toEqual(expect.any(String));
  });
});
