import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, importJWK, type JWK } from 'jose';
import { createGatewayAssertionSigner } from '../../runtime';
import { generatePrivateJwk } from '../../runtime/testing';
import { freePort } from '../../messaging/testing';
import { contractOperation } from '../../test-support/contractOperation';
import { personInput } from '../../test-support/seedOrganisation';
import {
  serveOnTestDatabase,
  type ServedParts,
  type ServedPlatform,
} from '../../test-support/servedParts';
import { waitFor } from '../../test-support/waitFor';

// Distributed mode as docker-compose runs it: each part its own process
// (`npm run serve -- <name>`), the gateway reaching subgraphs over HTTP with
// its signed assertion, every part verifying tokens with public keys only.
describe('distributed mode: gateway and subgraphs as separate processes', () => {
  let served: ServedPlatform;
  let parts: ServedParts;
  let gatewayUrl: string;
  let employeesUrl: string;
  let issue: (role: 'HR' | 'AUDITOR' | 'EMPLOYEE' | 'ADMIN', sub: string) => Promise<string>;
  let gatewayKey: JWK;

  beforeAll(async () => {
    // Like the compose file's `keys` job: every key pair exists before any service starts.
    served = await serveOnTestDatabase();
    parts = served.parts;
    gatewayKey = JSON.parse(fs.readFileSync(parts.keys.gatewayPrivate, 'utf8')) as JWK;
    issue = (role, sub) => parts.issuer.issue({ role, sub });
    const [employeesPort, auditPort, accountsPort, gatewayPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    parts.subgraph('employees', employeesPort);
    parts.subgraph('audit', auditPort);
    parts.subgraph('accounts', accountsPort);
    await Promise.all([
      parts.ready(employeesPort),
      parts.ready(auditPort),
      parts.ready(accountsPort),
    ]);
    parts.gateway(gatewayPort, {
      SUBGRAPH_URL_EMPLOYEES: `http://127.0.0.1:${employeesPort}/graphql`,
      SUBGRAPH_URL_AUDIT: `http://127.0.0.1:${auditPort}/graphql`,
      SUBGRAPH_URL_ACCOUNTS: `http://127.0.0.1:${accountsPort}/graphql`,
      // The other subgraphs do not run here: readiness requires only these.
      GATEWAY_REQUIRED_SUBGRAPHS: 'employees,audit,accounts',
    });
    await parts.ready(gatewayPort);
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    employeesUrl = `http://127.0.0.1:${employeesPort}/graphql`;
  }, 600_000);

  afterAll(async () => {
    await served?.stop();
  });

  const graphql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  };

  /** HR hires a person through the gateway; resolves with HR's token and the new id. */
  const hire = async (firstName: string, lastName: string) => {
    const hr = await issue('HR', 'service:hr');
    const created = await graphql(
      contractOperation('CreateEmployee'),
      { input: personInput(firstName, lastName) },
      hr,
    );
    expect(created.errors).toBeUndefined();
    return { hr, id: created.data.createEmployee.id as string };
  };

  it('signs a hired person in through the gateway, sign-in served by its own process', async () => {
    const { hr, id } = await hire('Kofi', 'Mensah');
    const invitation = await waitFor(async () => {
      const reply = await graphql(
        'query ($id: ID!) { employee(id: $id) { invitation { url } } }',
        { id },
        hr,
      );
      return reply.data?.employee?.invitation?.url as string | undefined;
    });
    const token = invitation.split('/').pop();
    const accepted = await fetch(`${gatewayUrl}/auth/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'a password long enough' }),
    });
    expect(accepted.status).toBe(200);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0];
    const refreshed = await fetch(`${gatewayUrl}/auth/refresh`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(refreshed.status).toBe(200);
    const session = (await refreshed.json()) as { accessToken: string };
    const me = await graphql(contractOperation('Me'), {}, session.accessToken);
    expect(me.errors).toBeUndefined();
    expect(me.data.me.id).toBe(id);
  });

  it('writes through the gateway, and the audit subgraph hears of it over NATS', async () => {
    const { id } = await hire('Nia', 'Osei');

    const auditor = await issue('AUDITOR', 'service:auditor');
    const trail = await waitFor(async () => {
      const { data } = await graphql(contractOperation('EmployeeAuditTrail'), { id }, auditor);
      return data?.employee?.auditTrail.nodes.length ? data.employee.auditTrail.nodes : undefined;
    });
    expect(trail).toEqual([
      {
        occurredAt: expect.any(String),
        logType: 'employees.employee.created',
        actorId: 'service:hr',
      },
    ]);
  });

  it('streams the audit export through the gateway to an auditor only', async () => {
    const auditor = await issue('AUDITOR', 'service:auditor');
    const csv = await waitFor(async () => {
      const response = await fetch(`${gatewayUrl}/audit/export?format=csv`, {
        headers: { authorization: `Bearer ${auditor}` },
      });
      const text = await response.text();
      return response.status === 200 && text.includes('employees.employee.created')
        ? text
        : undefined;
    });
    expect(csv.split('\n')[0]).toContain('logType');

    const employee = await issue('EMPLOYEE', 'someone');
    const refused = await fetch(`${gatewayUrl}/audit/export?format=csv`, {
      headers: { authorization: `Bearer ${employee}` },
    });
    expect(refused.status).toBe(403);
  });

  it('made no private key in any served part: each verifies with the public keys', () => {
    expect(fs.existsSync(path.join(served.db.dataDir, 'issuer'))).toBe(false);
  });

  it('refuses a request without a token at the gateway with 401', async () => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { data?: unknown; errors?: any[] };
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });

  describe('a subgraph reached directly', () => {
    const call = async (query: string, headers: Record<string, string>) => {
      const response = await fetch(employeesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      return { status: response.status, ...body };
    };
    /** An assertion signed with `key` by hand, issued `iat` seconds since the epoch. */
    const assertionBy = async (key: JWK, iat: number, lifetime = 300) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'gateway-assertion+jwt' })
        .setIssuer('gateway')
        .setSubject('gateway')
        .setAudience('subgraphs')
        .setIssuedAt(iat)
        .setExpirationTime(iat + lifetime)
        .sign(await importJWK(key, 'ES256'));
    const now = () => Math.floor(Date.now() / 1000);

    const refusals: [string, () => Promise<Record<string, string>>][] = [
      ['without the assertion', async () => ({})],
      [
        'with a forged assertion (signed by another key)',
        async () => ({ 'x-gateway-assertion': await assertionBy(generatePrivateJwk(), now()) }),
      ],
      [
        "with an expired assertion signed by the gateway's key",
        async () => ({ 'x-gateway-assertion': await assertionBy(gatewayKey, now() - 600) }),
      ],
    ];

    it.each(refusals)('refuses a valid user token %s with 403', async (_name, assertion) => {
      const hr = await issue('HR', 'service:hr');
      const reply = await call('{ employees(first: 1) { totalCount } }', {
        authorization: `Bearer ${hr}`,
        ...(await assertion()),
      });
      expect(reply.status).toBe(403);
      expect(reply.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(reply.data ?? null).toBeNull();
    });

    it('keeps its SDL (`_service`) from a user token', async () => {
      const admin = await issue('ADMIN', 'service:admin');
      const reply = await call('{ _service { sdl } }', { authorization: `Bearer ${admin}` });
      expect(reply.status).toBe(403);
      expect(reply.data ?? null).toBeNull();
      expect(JSON.stringify(reply)).not.toMatch(/type Employee/);
    });

    it("answers a bad token with 401, even with the gateway's assertion", async () => {
      const assertion = await createGatewayAssertionSigner({ key: gatewayKey }).current();
      for (const authorization of [undefined, 'Bearer abc.def.ghi']) {
        const reply = await call('{ me { id } }', {
          'x-gateway-assertion': assertion,
          ...(authorization && { authorization }),
        });
        expect(reply.status).toBe(401);
        expect(reply.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });
  });
});
