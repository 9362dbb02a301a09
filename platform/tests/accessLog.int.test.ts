import { v7 as uuidv7 } from 'uuid';
import { createLogger } from '../../runtime';
import { contractOperation } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { personInput } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

type Line = Record<string, any>;

const INFO = 30;
const WARN = 40;
const ERROR = 50;

// Every line the platform logs, as a log collector would read them.
describe('access log and error log', () => {
  const lines: Line[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (text: string) => void lines.push(JSON.parse(text)) },
  });
  const tp = platformSuite({ logger }, 120_000);
  const hr = { role: 'HR' as const, sub: uuidv7() };

  const linesOf = (requestId: string) => lines.filter((line) => line.requestId === requestId);
  const accessLines = (requestId: string, service: string) =>
    linesOf(requestId).filter((line) => line.msg === 'access' && line.service === service);
  // The gateway writes its line once the response has ended, just after the client has it.
  const gatewayLine = (requestId: string) =>
    waitFor(async () => accessLines(requestId, 'gateway')[0]);

  it('writes one line per operation at the gateway and at each subgraph it calls, with no personal data', async () => {
    const input = personInput('Zebedee', 'Quintero-Vasquez', { phone: '+44 20 7946 0321' });
    const created = await tp.graphql(contractOperation('CreateEmployee'), { input }, hr, {
      'x-request-id': 'req-create',
      'x-correlation-id': 'corr-create',
    });
    expect(created.errors).toBeUndefined();

    const gateway = await gatewayLine('req-create');
    expect(gateway).toMatchObject({
      level: INFO,
      time: expect.any(Number),
      service: 'gateway',
      requestId: 'req-create',
      correlationId: 'corr-create',
      userId: hr.sub,
      operation: 'CreateEmployee',
      operationType: 'mutation',
      method: 'POST',
      path: '/graphql',
      status: 200,
      duration_ms: expect.any(Number),
    });
    expect(accessLines('req-create', 'gateway')).toHaveLength(1);
    expect(accessLines('req-create', 'employees')).toEqual([
      expect.objectContaining({
        level: INFO,
        requestId: 'req-create',
        correlationId: 'corr-create',
        userId: hr.sub,
        operationType: 'mutation',
        status: 'ok',
        duration_ms: expect.any(Number),
      }),
    ]);

    const read = await tp.graphql(
      contractOperation('EmployeeProfile'),
      { id: created.data!.createEmployee.id },
      hr,
      { 'x-request-id': 'req-read' },
    );
    expect(read.errors).toBeUndefined();
    await gatewayLine('req-read');
    const everything = JSON.stringify(lines);
    for (const personal of [input.firstName, input.lastName, input.email, '7946 0321']) {
      expect(everything).not.toContain(personal);
    }
  });

  it("logs a client's mistakes below error level", async () => {
    const input = personInput('Ada', 'Lovelace', { email: 'not an address' });
    const refused = await tp.graphql(contractOperation('CreateEmployee'), { input }, hr, {
      'x-request-id': 'req-mistake',
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await gatewayLine('req-mistake')).toMatchObject({
      level: INFO,
      status: 200,
      errors: ['BAD_USER_INPUT'],
    });

    expect(linesOf('req-mistake').filter((line) => line.level >= WARN)).toEqual([]);

    const anonymous = await tp.graphql('{ me { id } }', {}, null);
    expect(anonymous.status).toBe(401);
    expect(await waitFor(async () => lines.find((line) => line.status === 401))).toMatchObject({
      service: 'gateway',
      level: INFO,
    });
    expect(lines.filter((line) => line.msg === 'unexpected error')).toEqual([]);
  });

  it('bounds the operation name it logs', async () => {
    const name = `Q${'x'.repeat(5000)}`;
    await tp.graphql(`query ${name} { me { id } }`, {}, hr, { 'x-request-id': 'req-long' });
    const line = await gatewayLine('req-long');
    expect(line.operation.length).toBeLessThanOrEqual(65);
    expect(name.startsWith(line.operation.slice(0, 64))).toBe(true);
  });

  it('writes a line for plain routes too', async () => {
    const base = tp.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const auditor = { role: 'AUDITOR' as const, sub: uuidv7() };
    const exported = await fetch(`${base}/audit/export?format=ndjson`, {
      headers: {
        authorization: `Bearer ${await tp.token(auditor)}`,
        'x-request-id': 'req-export',
      },
    });
    expect(exported.status).toBe(200);
    await exported.text();
    expect(
      await waitFor(async () => lines.find((line) => line.path === '/health/live')),
    ).toMatchObject({ service: 'gateway', method: 'GET', status: 200, level: INFO });
    expect(await gatewayLine('req-export')).toMatchObject({
      path: '/audit/export',
      status: 200,
      userId: auditor.sub,
    });
  });

  // Last: it breaks the notifications subgraph's table.
  it("logs a resolver's fault once, where it happened, with its stack; the client sees INTERNAL only", async () => {
    const notifications = tp.platform.runtimes.notifications;
    const schema = notifications.orm.config.get('schema');
    const table = schema ? `${schema}.notifications` : 'notifications';
    await notifications.orm.em.getConnection().execute(`drop table ${table}`);
    const employee = { role: 'EMPLOYEE' as const, sub: uuidv7() };
    const reply = await tp.graphql(contractOperation('MyNotifications'), {}, employee, {
      'x-request-id': 'req-fault',
    });
    expect(reply.errors).toEqual([
      expect.objectContaining({ message: 'Internal error.', extensions: { code: 'INTERNAL' } }),
    ]);
    expect(JSON.stringify(reply)).not.toMatch(/\bat |select|notifications_/i);

    expect(await gatewayLine('req-fault')).toMatchObject({ level: WARN, errors: ['INTERNAL'] });
    const errors = linesOf('req-fault').filter((line) => line.level >= ERROR);
    expect(errors).toEqual([
      expect.objectContaining({
        service: 'notifications',
        msg: 'unexpected error',
        requestId: 'req-fault',
        err: expect.objectContaining({ stack: expect.stringMatching(/\n\s+at /) }),
      }),
    ]);
  });
});
