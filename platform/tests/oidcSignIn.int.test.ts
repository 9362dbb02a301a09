import { v7 as uuidv7 } from 'uuid';
import { SessionSchema } from '../../subgraphs/accounts/src/entities';
import { authCall, hireWithAccount } from '../../test-support/accounts';
import { waitForAuditLogs } from '../../test-support/auditLogs';
import { contractOperation } from '../../test-support/contractOperation';
import { createTestPlatform, type TestPlatform } from '../../test-support/createTestPlatform';
import { startOidcProvider, type OidcTestProvider } from '../../test-support/oidcProvider';
import { oidcSignInOptions } from '../../test-support/oidcSignInOptions';
import type { SeededPerson } from '../../test-support/seedOrganisation';

// Sign-in through an OpenID Connect provider, end to end on the all-in-one platform: the
// gateway's /auth/oidc routes, openid-client against a real (small) provider over HTTP, the
// platform's own session after, and the audit log of every outcome.

const ROLE_MAP = { 'hr-team': 'HR', staff: 'EMPLOYEE' };

/** What a browser holds and sees on one step: the status, where it goes, the cookies set. */
interface Step {
  status: number;
  location?: string;
  cookies: string[];
  body: any;
  type: string;
}

async function get(url: string, cookie?: string, accept?: string): Promise<Step> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (accept) headers.accept = accept;
  const response = await fetch(url, { headers, redirect: 'manual' });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    location: response.headers.get('location') ?? undefined,
    cookies: response.headers.getSetCookie(),
    body: type.includes('json') ? JSON.parse(text) : text,
    type,
  };
}

const pairOf = (cookies: string[], name: string) =>
  cookies.map((c) => c.split(';')[0]).find((pair) => pair.startsWith(`${name}=`));

describe('sign-in through an OpenID Connect provider', () => {
  let provider: OidcTestProvider;
  let tp: TestPlatform;
  let origin: string;
  let ada: SeededPerson;

  beforeAll(async () => {
    provider = await startOidcProvider();
    const signIn = await oidcSignInOptions(provider, ROLE_MAP);
    origin = signIn.origin;
    tp = await createTestPlatform(signIn.options);
    ada = await hireWithAccount(tp, 'Ada', 'Lovelace');
  }, 120_000);
  afterAll(async () => {
    await tp?.stop();
    await provider?.stop();
  });

  /** The login route, then the provider (which signs in whoever the test named). */
  async function throughProvider() {
    const login = await get(`${origin}/auth/oidc/login`);
    expect(login.status).toBe(302);
    const flow = pairOf(login.cookies, 'hr_oidc')!;
    const atProvider = await get(login.location!);
    expect(atProvider.status).toBe(302);
    return { login, flow, callbackUrl: atProvider.location! };
  }

  const signInAsAda = (groups: string[], employeeId = ada.id) =>
    provider.signInAs({ sub: `idp-${employeeId}`, claims: { employee_id: employeeId, groups } });

  const sessionCount = () => tp.platform.runtimes.accounts.orm.em.fork().count(SessionSchema, {});

  it('offers the provider by name to the sign-in page', async () => {
    const methods = await authCall(origin, '/auth/methods', { method: 'GET' });
    expect(methods.status).toBe(200);
    expect(methods.body).toEqual({
      password: true,
      oidc: { name: 'Test ID', loginUrl: '/auth/oidc/login' },
    });
  });

  it('sends the browser to the provider with PKCE S256, state and nonce kept in a sealed cookie', async () => {
    const login = await get(`${origin}/auth/oidc/login`);
    expect(login.status).toBe(302);
    const target = new URL(login.location!);
    expect(`${target.origin}${target.pathname}`).toBe(`${provider.issuer}/authorize`);
    const q = target.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(provider.clientId);
    expect(q.get('redirect_uri')).toBe(`${origin}/auth/oidc/callback`);
    expect(q.get('scope')).toBe('openid profile email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(login.cookies).toHaveLength(1);
    const [cookie] = login.cookies;
    expect(cookie).toMatch(
      /^hr_oidc=[A-Za-z0-9_-]+; HttpOnly; SameSite=Lax; Path=\/auth\/oidc; Max-Age=600$/,
    );
    // The browser cannot read what it carries.
    const value = Buffer.from(cookie.split(/[=;]/)[1], 'base64url').toString('utf8');
    expect(value).not.toContain(q.get('state')!);
    // Two logins, two flows.
    const again = new URL((await get(`${origin}/auth/oidc/login`)).location!);
    expect(again.searchParams.get('state')).not.toBe(q.get('state'));
  });

  it('starts the platform session with the role and employee the claims map to', async () => {
    signInAsAda(['staff', 'hr-team']);
    const { flow, callbackUrl } = await throughProvider();
    expect(new URL(callbackUrl).origin).toBe(origin);
    const callback = await get(callbackUrl, flow, 'text/html');
    expect(callback.status).toBe(303);
    expect(callback.location).toBe(`${origin}/`);
    const refresh = pairOf(callback.cookies, 'hr_refresh')!;
    expect(refresh).toMatch(/^hr_refresh=[A-Za-z0-9_-]{43}$/);
    expect(callback.cookies.find((c) => c.startsWith('hr_refresh='))).toMatch(
      /HttpOnly; SameSite=Strict; Path=\/auth; Max-Age=\d+/,
    );
    expect(callback.cookies.find((c) => c.startsWith('hr_oidc='))).toMatch(
      /^hr_oidc=; .*Max-Age=0/,
    );

    // The web app signs in by its normal refresh on load.
    const session = await authCall(origin, '/auth/refresh', { cookie: refresh });
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({
      role: 'HR',
      employeeId: ada.id,
      name: 'Ada Lovelace',
    });
    const me = await fetch(tp.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${session.body.accessToken}`,
      },
      body: JSON.stringify({ query: contractOperation('Me') }),
    }).then((r) => r.json() as Promise<any>);
    expect(me.errors).toBeUndefined();
    expect(me.data.me.id).toBe(ada.id);
    // The role stays the provider's for the session's life, refresh after refresh.
    const next = await authCall(origin, '/auth/refresh', { cookie: session.cookie });
    expect(next.body.user.role).toBe('HR');

    // A group mapped to EMPLOYEE alone gives EMPLOYEE.
    signInAsAda(['staff']);
    const second = await throughProvider();
    const plain = await get(second.callbackUrl, second.flow);
    const plainSession = await authCall(origin, '/auth/refresh', {
      cookie: pairOf(plain.cookies, 'hr_refresh'),
    });
    expect(plainSession.body.user).toMatchObject({ role: 'EMPLOYEE', employeeId: ada.id });
  });

  it('refuses a callback whose state is not the one this browser started, and keeps no session', async () => {
    signInAsAda(['staff']);
    const before = await sessionCount();
    const { flow, callbackUrl } = await throughProvider();
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'a-state-nobody-started');
    const refused = await get(forged.href, flow);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'OIDC_STATE_MISMATCH' });
    expect(pairOf(refused.cookies, 'hr_refresh')).toBeUndefined();
    // Without the flow cookie (another browser, or after 10 minutes) it is the same.
    const noCookie = await get(callbackUrl);
    expect(noCookie.status).toBe(400);
    expect(noCookie.body.errors[0].extensions.code).toBe('OIDC_STATE_MISMATCH');
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a code used already, a wrong nonce and a token signed by a key the provider does not publish', async () => {
    signInAsAda(['staff']);
    const first = await throughProvider();
    expect((await get(first.callbackUrl, first.flow)).status).toBe(303);
    const before = await sessionCount();
    const replayed = await get(first.callbackUrl, first.flow);
    expect(replayed.status).toBe(401);
    expect(replayed.body.errors[0].extensions.code).toBe('OIDC_REJECTED');
    expect(replayed.body.errors[0].message).toContain('invalid_grant');

    provider.tamperNext({ nonce: 'not-the-nonce-we-sent' });
    const nonce = await throughProvider();
    const wrongNonce = await get(nonce.callbackUrl, nonce.flow);
    expect(wrongNonce.status).toBe(401);
    expect(wrongNonce.body.errors[0].extensions.code).toBe('OIDC_INVALID_TOKEN');

    provider.tamperNext({ untrustedKey: true });
    const key = await throughProvider();
    const untrusted = await get(key.callbackUrl, key.flow);
    expect(untrusted.status).toBe(401);
    expect(untrusted.body.errors[0].extensions.code).toBe('OIDC_INVALID_TOKEN');

    for (const reply of [replayed, wrongNonce, untrusted]) {
      expect(pairOf(reply.cookies, 'hr_refresh')).toBeUndefined();
    }
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a person whose groups map to no role, or who is nobody here, or who declined', async () => {
    const before = await sessionCount();
    signInAsAda(['contractors']);
    const unmapped = await throughProvider();
    const noRole = await get(unmapped.callbackUrl, unmapped.flow);
    expect(noRole.status).toBe(403);
    expect(noRole.body.errors[0].extensions.code).toBe('OIDC_ROLE_UNMAPPED');

    signInAsAda(['staff'], uuidv7());
    const stranger = await throughProvider();
    const unknown = await get(stranger.callbackUrl, stranger.flow);
    expect(unknown.status).toBe(403);
    expect(unknown.body.errors[0].extensions.code).toBe('OIDC_UNKNOWN_EMPLOYEE');

    provider.signInAs(null);
    const declinedFlow = await throughProvider();
    expect(new URL(declinedFlow.callbackUrl).searchParams.get('error')).toBe('access_denied');
    const declined = await get(declinedFlow.callbackUrl, declinedFlow.flow);
    expect(declined.status).toBe(401);
    expect(declined.body.errors[0].extensions.code).toBe('OIDC_REJECTED');
    expect(await sessionCount()).toBe(before);
  });

  it('shows a person who arrives from the provider a page saying why, with the way back', async () => {
    signInAsAda(['contractors']);
    const { flow, callbackUrl } = await throughProvider();
    const page = await get(callbackUrl, flow, 'text/html,application/xhtml+xml');
    expect(page.status).toBe(403);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('<h1>Signing in with Test ID did not work</h1>');
    expect(page.body).toContain('has no role on this platform');
    expect(page.body).toContain(`<a href="${origin}/">Back to the sign-in page</a>`);
  });

  it('records each sign-in with its method and each refusal with its reason in the audit log', async () => {
    const wanted = [
      'OIDC_STATE_MISMATCH',
      'OIDC_REJECTED',
      'OIDC_INVALID_TOKEN',
      'OIDC_ROLE_UNMAPPED',
      'OIDC_UNKNOWN_EMPLOYEE',
    ];
    const nodes = await waitForAuditLogs(
      tp,
      { filter: { entityType: 'user' }, first: 100 },
      (entry) => entry.newValues?.reason,
      wanted,
    );
    const logins = nodes.filter((n) => n.action === 'user_login');
    expect(logins.length).toBeGreaterThanOrEqual(3);
    expect(logins.every((n) => n.newValues.method === 'OIDC' && n.actorId === ada.id)).toBe(true);
    expect(logins.map((n) => n.newValues.role)).toContain('HR');
    const failures = nodes.filter((n) => n.action === 'user_login_failed');
    const unmapped = failures.find((n) => n.newValues.reason === 'OIDC_ROLE_UNMAPPED');
    expect(unmapped.actorId).toBe(ada.id);
    expect(
      failures.find((n) => n.newValues.reason === 'OIDC_STATE_MISMATCH').newValues,
    ).toMatchObject({
      accountId: null,
      reason: 'OIDC_STATE_MISMATCH',
      failedAttempts: 0,
      lockedUntil: null,
    });
  });
});
