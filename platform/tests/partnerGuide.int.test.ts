import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { followNotifications } from '../../docs/partners/examples/followNotifications';
import { readNotificationsSse } from '../../docs/partners/examples/followNotificationsSse';
import { fetchSchema } from '../../docs/partners/examples/introspect';
import { syncEmployees } from '../../docs/partners/examples/syncEmployees';
import { ErrorCode } from '../../runtime';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { platformSuite } from '../../test-support/platformSuite';
import { seedOrganisation } from '../../test-support/seedOrganisation';
import { collect, connectSubscriptions } from '../../test-support/subscriptionClient';
import { waitFor } from '../../test-support/waitFor';

// Every example of docs/partners.md, run against the whole platform as the guide says to
// run it, with the answers the guide promises.
const root = path.resolve(__dirname, '../..');
const examples = path.join(root, 'docs/partners/examples');
const guide = fs.readFileSync(path.join(root, 'docs/partners.md'), 'utf8');
const run = promisify(execFile);

/** Runs a shell example with the variables the guide names. */
async function shell(example: string, env: Record<string, string>, after = '') {
  const script = `${fs.readFileSync(path.join(examples, example), 'utf8')}\n${after}`;
  const { stdout } = await run('bash', ['-c', script], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  return stdout;
}

describe('the partner guide', () => {
  const tp = platformSuite({ env: { INTROSPECTION_OPEN: 'false' } }, 120_000);
  const org = beforeAllValue(() => seedOrganisation(tp), 120_000);
  let gateway: string;
  const everyone = () => [org.hr, org.manager, ...org.reports, org.indirect, org.outsider];
  const partner = { role: 'PARTNER' as const, sub: 'acme-payroll', scopes: ['employees:read'] };

  beforeAll(() => {
    gateway = tp.url.replace(/\/graphql$/, '');
  });

  it('shows each example file as it is', () => {
    for (const file of fs.readdirSync(examples)) {
      const text = fs.readFileSync(path.join(examples, file), 'utf8').trim();
      expect({ file, shown: guide.includes(text) }).toEqual({ file, shown: true });
    }
  });

  it('lists exactly the error codes the platform answers with', () => {
    const section = guide.slice(guide.indexOf('## Errors'));
    const listed = [...section.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it('gets a token from the command and reads the directory with it, within its quota', async () => {
    const token = (
      await shell('token.sh', { DATA_DIR: tp.db.dataDir }, 'printf %s "$TOKEN"')
    ).trim();
    const { employees, quota } = await syncEmployees(gateway, token);
    expect(employees.map((e) => `${e.firstName} ${e.lastName}`).sort()).toEqual(
      everyone()
        .map((p) => `${p.firstName} ${p.lastName}`)
        .sort(),
    );
    expect(employees[0]).toEqual({
      id: expect.any(String),
      employeeNumber: expect.any(String),
      firstName: expect.any(String),
      lastName: expect.any(String),
      email: expect.any(String),
      department: expect.any(String),
      jobTitle: expect.any(String),
      status: 'ACTIVE',
    });
    // The partner default quota, counted for the client whichever user it acts for.
    expect(quota).toEqual({ limit: 120, remaining: 119, reset: expect.any(Number) });
  });

  it('makes a partner client whose token, by client credentials, reads within its own quota', async () => {
    const made = JSON.parse(
      await shell('createPartnerClient.sh', {
        GATEWAY: gateway,
        ADMIN_TOKEN: await tp.token({ role: 'ADMIN' }),
      }),
    );
    const { client, clientSecret } = made.data.createPartnerClient;
    expect(client).toEqual({
      id: expect.any(String),
      scopes: ['employees:read'],
      quotaRequests: 600,
      quotaCost: 1_000_000,
    });

    const granted = JSON.parse(
      await shell('clientCredentials.sh', {
        GATEWAY: gateway,
        CLIENT_ID: client.id,
        CLIENT_SECRET: clientSecret,
      }),
    );
    expect(granted).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      scope: 'employees:read',
    });
    const { employees, quota } = await syncEmployees(gateway, granted.access_token);
    expect(employees).toHaveLength(everyone().length);
    expect(quota).toEqual({ limit: 600, remaining: 599, reset: expect.any(Number) });

    const refused = JSON.parse(
      await shell('clientCredentials.sh', {
        GATEWAY: gateway,
        CLIENT_ID: client.id,
        CLIENT_SECRET: 'not-the-secret',
      }),
    );
    expect(refused.error).toBe('invalid_client');
  });

  it('refuses a partner without the scope, and fields beyond the directory', async () => {
    const unscoped = await tp.graphql(
      '{ employees(first: 5) { nodes { id } } }',
      {},
      { role: 'PARTNER', sub: 'acme-rota' },
    );
    expect(unscoped.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(unscoped.errors?.[0]?.message).toContain('employees:read');

    const personal = await tp.graphql(
      `query ($id: ID!) { employee(id: $id) { firstName phone } }`,
      { id: org.manager.id },
      partner,
    );
    expect(personal.data?.employee).toEqual({ firstName: org.manager.firstName, phone: null });

    const leave = await tp.graphql(
      `query ($id: ID!) { employee(id: $id) { leaveRequests(first: 1) { totalCount } } }`,
      { id: org.manager.id },
      partner,
    );
    expect(leave.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a partner introspect where others may not', async () => {
    const sdl = await fetchSchema(gateway, await tp.token(partner));
    expect(sdl).toContain('type Employee');
    await expect(
      fetchSchema(gateway, await tp.token({ role: 'EMPLOYEE', sub: org.reports[0]!.id })),
    ).rejects.toThrow(/^FORBIDDEN/);
  });

  it('generates typed operations from the live schema', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-codegen-'));
    try {
      // As the guide runs it; from another directory, so `generated/` lands there.
      await run(
        path.join(root, 'node_modules/.bin/graphql-codegen'),
        ['--config', path.join(examples, 'codegen.ts')],
        { cwd: out, env: { ...process.env, GATEWAY_URL: gateway, TOKEN: await tp.token(partner) } },
      );
      const types = fs.readFileSync(path.join(out, 'generated/graphql.ts'), 'utf8');
      expect(types).toContain('export type EmployeesPageQuery');
      expect(types).toContain('EmployeesPageDocument');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('follows notifications over graphql-ws and SSE and resumes from a cursor', async () => {
    const nurse = org.reports[0]!.id;
    const token = await tp.token({ role: 'EMPLOYEE', sub: nurse });
    const send = async (title: string) => {
      const result = await tp.graphql(
        `mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { notificationId } }`,
        { input: { recipientId: nurse, title, body: 'From the guide' } },
        { role: 'HR', sub: 'service:hr' },
      );
      expect(result.errors).toBeUndefined();
    };
    const engine = tp.platform.gateway.subscriptions!.engine;

    const first = followNotifications(gateway, token);
    await waitFor(async () => (engine.open() >= 1 ? true : undefined));
    await send('first');
    await waitFor(async () => (first.notifications.length === 1 ? true : undefined));
    await first.stop();
    const cursor = first.cursor!;

    await send('second');
    await send('third');
    const resumed = followNotifications(gateway, token, cursor);
    await waitFor(async () => (resumed.notifications.length >= 2 ? true : undefined));
    await resumed.stop();
    expect(resumed.notifications.map((n) => n.title)).toEqual(['second', 'third']);

    const overSse = await readNotificationsSse(gateway, token, 2, cursor);
    expect(overSse.map((n) => n.title)).toEqual(['second', 'third']);
    expect(overSse[1]!.cursor).toBe(resumed.cursor);
  });

  it("refuses a partner's subscription to someone's leave", async () => {
    const client = connectSubscriptions(tp.url, await tp.token(partner));
    try {
      const followed = collect(
        client,
        `subscription ($id: ID) { leaveRequestUpdated(employeeId: $id) { id } }`,
        { id: org.reports[0]!.id },
      );
      const error = (await followed.ended) as { extensions?: { code?: string } }[];
      expect(error[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });

  it('answers the health routes and /metrics', async () => {
    const out = await shell('health.sh', { GATEWAY: gateway });
    expect(out).toContain('{"status":"live"}');
    expect(out).toContain('"status":"ready"');
    expect(out).toMatch(/^# HELP /m);
  });

  it('exports the audit log to an auditor and refuses a partner', async () => {
    const auditor = await tp.token({ role: 'AUDITOR', sub: 'service:auditor' });
    const lines = await waitFor(async () => {
      const out = await shell('auditExport.sh', { GATEWAY: gateway, AUDITOR_TOKEN: auditor });
      const entries = out
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      return entries.length > 0 ? entries : undefined;
    });
    expect(lines[0]).toEqual(expect.objectContaining({ seq: 1, hash: expect.any(String) }));

    const refused = JSON.parse(
      await shell('auditExport.sh', { GATEWAY: gateway, AUDITOR_TOKEN: await tp.token(partner) }),
    );
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
