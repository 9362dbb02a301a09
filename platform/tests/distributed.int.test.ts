import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createLocalIssuer } from '../../runtime/src/auth';
import { freePort, startNatsServer, type RunningNatsServer } from '../../messaging/src';
import { contractOperation } from '../../test-support/contractOperation';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { personInput } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

// Distributed mode as docker-compose runs it: each part its own process
// (`npm run serve -- <name>`), the gateway reaching subgraphs over HTTP.
describe('distributed mode: gateway and subgraphs as separate processes', () => {
  let db: TestDatabase;
  let nats: RunningNatsServer;
  const processes: ChildProcess[] = [];
  let gatewayUrl: string;
  let employeesUrl: string;
  let issue: (role: 'HR' | 'AUDITOR' | 'EMPLOYEE', sub: string) => Promise<string>;

  function serve(name: string, port: number, env: Record<string, string>): ChildProcess {
    const child = spawn(tsx, [path.join(root, 'bin/serve.ts'), name], {
      env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'test' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    processes.push(child);
    return child;
  }

  const ready = (port: number) =>
    waitFor(
      () =>
        fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      30_000,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startNatsServer({ storeDir: path.join(db.dataDir, 'nats') });
    const env = {
      DATA_DIR: db.dataDir,
      NATS_URL: nats.url,
      ...(db.url && { DATABASE_URL: db.url }),
    };
    // Like the compose file's `keys` service: the key pair exists before any service reads it.
    const issuer = createLocalIssuer({
      dataDir: db.dataDir,
      issuer: 'hr-platform',
      audience: 'hr-platform',
    });
    issue = (role, sub) => issuer.issue({ role, sub });
    const [employeesPort, auditPort, gatewayPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    serve('employees', employeesPort, env);
    serve('audit', auditPort, env);
    await Promise.all([ready(employeesPort), ready(auditPort)]);
    serve('gateway', gatewayPort, {
      ...env,
      SUBGRAPH_URL_EMPLOYEES: `http://127.0.0.1:${employeesPort}/graphql`,
      SUBGRAPH_URL_AUDIT: `http://127.0.0.1:${auditPort}/graphql`,
      // The other subgraphs do not run here: readiness requires only these two.
      GATEWAY_REQUIRED_SUBGRAPHS: 'employees,audit',
    });
    await ready(gatewayPort);
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    employeesUrl = `http://127.0.0.1:${employeesPort}/graphql`;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await nats.stop();
    await db.drop();
  });

  const graphql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  };

  it('writes through the gateway, and the audit subgraph hears of it over NATS', async () => {
    const hr = await issue('HR', 'service:hr');
    const created = await graphql(
      contractOperation('CreateEmployee'),
      { input: personInput('Nia', 'Osei') },
      hr,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createEmployee.id;

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

  it('refuses a request without a token at the gateway and at a subgraph reached directly', async () => {
    for (const url of [`${gatewayUrl}/graphql`, employeesUrl]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: any[] };
      expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
  });
});
