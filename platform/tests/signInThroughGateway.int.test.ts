import { contractOperation } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { authCall, createTestAccount, originOf, signIn } from '../../test-support/accounts';
import { waitForAuditLogs } from '../../test-support/auditLogs';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const INVITATION = `query Invitation($id: ID!) {
  employee(id: $id) { id email invitation { url expiresAt acceptedAt } }
}`;

const PASSWORD = 'a long enough password';

// Sign-in on the gateway's own port, as the web app uses it: invitation, session, audit.
describe('sign-in through the gateway', () => {
  // Few failed sign-ins per address, so the last test reaches the block quickly.
  const tp = platformSuite({ env: { RATE_LIMIT_AUTH_FAILURES: '12' } }, 120_000);
  let origin: string;
  const hr = { role: 'HR' as const, sub: 'service:hr' };

  beforeAll(() => {
    origin = originOf(tp);
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const asToken = async (token: string, query: string, variables = {}) => {
    const response = await fetch(tp.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  };

  it('invites a hired person, who accepts, signs in, refreshes and signs out; all audited', async () => {
    const person = await createPerson(tp, 'Ada', 'Lovelace');
    const invited = await waitFor(async () => {
      const reply = await tp.graphql(INVITATION, { id: person.id }, hr);
      return reply.data?.employee?.invitation ? reply.data.employee : undefined;
    });
    expect(invited.invitation.acceptedAt).toBeNull();
    const token = new URL(invited.invitation.url).pathname.split('/').pop()!;
    expect(new URL(invited.invitation.url).pathname).toBe(`/invite/${token}`);

    const shown = await authCall(origin, `/auth/invitations/${token}`, { method: 'GET' });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      email: invited.email,
      name: 'Ada Lovelace',
      expiresAt: invited.invitation.expiresAt,
    });

    const accepted = await authCall(origin, `/auth/invitations/${token}/accept`, {
      body: { password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ role: 'EMPLOYEE', employeeId: person.id });
    // The gateway takes the access token as it is.
    const me = await asToken(accepted.body.accessToken, contractOperation('Me'));
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({ id: person.id, firstName: 'Ada' });
    // Used once: the link is gone.
    const again = await authCall(origin, `/auth/invitations/${token}/accept`, {
      body: { password: PASSWORD },
    });
    expect(again.status).toBe(410);
    expect(again.body.errors[0].extensions.code).toBe('INVITATION_EXPIRED');

    const wrong = await signIn(origin, invited.email, 'not the right password');
    expect(wrong.status).toBe(401);
    const session = await signIn(origin, invited.email, PASSWORD);
    expect(session.status).toBe(200);
    const refreshed = await authCall(origin, '/auth/refresh', { cookie: session.cookie });
    expect(refreshed.status).toBe(200);
    expect(refreshed.setCookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/auth; Max-Age=\d+/);
    const out = await authCall(origin, '/auth/logout', { cookie: refreshed.cookie });
    expect(out.status).toBe(204);

    const actions = await waitForAuditLogs(
      tp,
      { filter: { entityType: 'user' }, first: 50 },
      (entry) => entry.action,
      ['user_login', 'user_logout', 'user_login_failed'],
    );
    const logins = actions.filter((n) => n.action === 'user_login');
    expect(logins.map((n) => n.newValues.method).sort()).toEqual(['INVITATION', 'PASSWORD']);
    expect(logins.every((n) => n.actorId === person.id)).toBe(true);
    const failed = actions.find((n) => n.action === 'user_login_failed');
    expect(failed.newValues).toMatchObject({ reason: 'WRONG_PASSWORD', failedAttempts: 1 });
    expect(JSON.stringify(actions)).not.toContain(invited.email);
  });

  it('answers bad input with 400, a code and the field, on the gateway port', async () => {
    const short = await authCall(origin, '/auth/login', {
      body: { email: 'a@b.example', password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    const email = await authCall(origin, '/auth/login', {
      body: { email: 'not-an-email', password: PASSWORD },
    });
    expect(email.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    const large = await authCall(origin, '/auth/login', {
      body: { email: 'a@b.example', password: PASSWORD, padding: 'x'.repeat(17 * 1024) },
    });
    expect(large.status).toBe(400);
    expect(large.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    const notJson = await authCall(origin, '/auth/login', {
      body: '{"email": ',
    });
    expect(notJson.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    const unknown = await authCall(origin, '/auth/nothing-here');
    expect(unknown.status).toBe(404);
    // Without OIDC_ISSUER there is no provider to sign in with (oidcSignIn.int.test.ts has one).
    const methods = await authCall(origin, '/auth/methods', { method: 'GET' });
    expect(methods.body).toEqual({ password: true, oidc: null });
    for (const path of ['/auth/oidc/login', '/auth/oidc/callback?code=x&state=y']) {
      expect((await authCall(origin, path, { method: 'GET' })).status).toBe(404);
    }
  });

  it('signs in an account made for a test (test-support), with its given role', async () => {
    await createTestAccount(tp, { email: 'root@example.org', password: PASSWORD, role: 'ADMIN' });
    const session = await signIn(origin, 'root@example.org', PASSWORD);
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual({
      email: 'root@example.org',
      role: 'ADMIN',
      employeeId: null,
      name: 'root@example.org',
    });
    const reply = await asToken(session.body.accessToken, '{ employees(first: 1) { totalCount } }');
    expect(reply.errors).toBeUndefined();
  });

  it('gives a partner client PARTNER tokens with its scopes, counted against its own quota', async () => {
    const admin = { role: 'ADMIN' as const, sub: 'service:admin' };
    const CREATE = `mutation ($input: CreatePartnerClientInput!) {
      createPartnerClient(input: $input) { clientSecret client { id scopes quotaRequests revokedAt } }
    }`;
    const input = { name: 'Payroll Ltd', scopes: ['employees:read'], quotaRequests: 3 };
    const refused = await tp.graphql(CREATE, { input }, hr);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badScope = await tp.graphql(
      CREATE,
      { input: { ...input, scopes: ['everything'] } },
      admin,
    );
    expect(badScope.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scopes',
    });
    const created = await tp.graphql(CREATE, { input }, admin);
    expect(created.errors).toBeUndefined();
    const { clientSecret, client } = created.data!.createPartnerClient;
    expect(client).toMatchObject({ scopes: ['employees:read'], quotaRequests: 3, revokedAt: null });

    const form = (secret: string) =>
      authCall(origin, '/auth/token', {
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.id,
          client_secret: secret,
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const wrong = await form('not-the-secret');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const granted = await form(clientSecret);
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ token_type: 'Bearer', scope: 'employees:read' });

    const query = '{ employees(first: 1) { totalCount } }';
    for (let i = 0; i < 3; i++) {
      const reply = await asToken(granted.body.access_token, query);
      expect(reply.errors).toBeUndefined();
    }
    const over = await asToken(granted.body.access_token, query);
    expect(over.errors?.[0].extensions?.code).toBe('RATE_LIMITED');

    const REVOKE = `mutation ($id: ID!) { revokePartnerClient(id: $id) { revokedAt } }`;
    expect((await tp.graphql(REVOKE, { id: client.id }, admin)).errors).toBeUndefined();
    expect((await form(clientSecret)).status).toBe(401);
    const json = await authCall(origin, '/auth/token', { body: { grant_type: 'password' } });
    expect(json.body.errors[0].extensions).toEqual({
      code: 'UNSUPPORTED_GRANT_TYPE',
      field: 'grant_type',
    });
  });

  // Last: it leaves this address blocked.
  it('blocks an address that fails to sign in too often, across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12 && statuses.at(-1) !== 429; i++) {
      const reply = await signIn(origin, `nobody${i}@example.org`, PASSWORD);
      statuses.push(reply.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    const blocked = await authCall(origin, '/auth/login', {
      body: { email: 'root@example.org', password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
