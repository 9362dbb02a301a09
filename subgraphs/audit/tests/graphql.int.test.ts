import { v7 as uuidv7 } from 'uuid';
import { contractOperation } from '../../../test-support/contractOperation';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { appendEvent } from '../src';
import { auditTable, rawSql } from './db';
import {
  EMPLOYEE_ID,
  HR_ACTOR,
  auditor,
  employeeDrafts,
  eventSeries,
  makeEvent,
  startAudit,
  type Caller,
} from './support';

const start = new Date('2025-03-01T09:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
/** A cursor in this API's encoding, holding `parts`. */
const cursorOf = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

const ENTITIES = `query Trail($reps: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $reps) {
    ... on Employee { id auditTrail(first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id occurredAt logType actorId actor { id } entityId }
    } }
  }
}`;

describe('audit GraphQL', () => {
  const audit = suiteHarness(startAudit);
  const otherEmployee = uuidv7();
  const otherActor = uuidv7();
  const correlationId = uuidv7();

  beforeAll(async () => {
    const em = audit.runtime.orm.em;
    // 30 events about EMPLOYEE_ID by HR_ACTOR, one a minute from `start`.
    for (const event of eventSeries(30, start)) await appendEvent(em, event);
    // 5 about another employee by another actor, in one correlation.
    for (const event of eventSeries(5, minutes(100), {
      subject: otherEmployee,
      actor: otherActor,
      correlationId,
      type: employeeDrafts.statusChanged.type,
      data: { ...employeeDrafts.statusChanged.data, employeeId: otherEmployee },
    })) {
      await appendEvent(em, event);
    }
    // Two events at the very same instant: the cursor must tell them apart.
    for (const event of eventSeries(1, minutes(200))) await appendEvent(em, event);
    for (const event of eventSeries(1, minutes(200))) await appendEvent(em, event);
  });

  const auditLogs = (variables: Record<string, unknown>, caller: Caller = auditor) =>
    audit.gql(contractOperation('AuditLogs'), variables, caller);

  async function allPages(filter: Record<string, unknown>, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const { data, errors } = await auditLogs({ filter, first, after });
      expect(errors).toBeUndefined();
      const page = data!.auditLogs;
      ids.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) return { ids, totalCount: page.totalCount };
      after = page.pageInfo.endCursor;
    }
    throw new Error('Too many pages.');
  }

  it('answers the AuditLogs operation, newest first, with every field', async () => {
    const { data, errors } = await auditLogs({ first: 3 });
    expect(errors).toBeUndefined();
    const page = data!.auditLogs;
    expect(page.totalCount).toBe(37);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes).toHaveLength(3);
    expect(page.nodes[0]).toMatchObject({
      occurredAt: minutes(200).toISOString(),
      actorId: HR_ACTOR,
      action: 'CREATE',
      logType: 'employees.employee.created',
      entityType: 'employee',
      entityId: EMPLOYEE_ID,
      subgraph: 'employees',
      status: 'SUCCESS',
      oldValues: null,
    });
    expect(page.nodes[0].newValues).toMatchObject({ email: '***', firstName: 'Ada' });
    // An employee actor as a reference the gateway fills from employees; a service as none.
    const actors = await audit.gql('{ auditLogs(first: 100) { nodes { actorId actor { id } } } }');
    const nodes = actors.data!.auditLogs.nodes as { actorId: string | null; actor: unknown }[];
    expect(nodes.find((n) => n.actorId === HR_ACTOR)!.actor).toEqual({ id: HR_ACTOR });
    for (const node of nodes)
      expect(node.actor).toEqual(
        node.actorId?.startsWith('service:') ? null : { id: node.actorId },
      );
    expect(page.nodes[0].requestId).toEqual(expect.any(String));
    expect(page.nodes[0].correlationId).toEqual(expect.any(String));
    expect(page.nodes[2].occurredAt).toBe(minutes(104).toISOString());
  });

  it('pages through everything without gaps or duplicates', async () => {
    const everything = await allPages({}, 100);
    expect(everything.ids).toHaveLength(37);
    for (const size of [1, 4, 7]) {
      const paged = await allPages({}, size);
      expect(paged.ids).toEqual(everything.ids);
      expect(new Set(paged.ids).size).toBe(37);
    }
  });

  it('filters by actor, type, entity, correlation and time', async () => {
    expect((await allPages({ actorId: otherActor }, 2)).ids).toHaveLength(5);
    expect((await allPages({ logType: 'employees.employee.status_changed' }, 10)).ids).toHaveLength(
      5,
    );
    expect(
      (await allPages({ entityType: 'employee', entityId: EMPLOYEE_ID }, 10)).ids,
    ).toHaveLength(32);
    expect((await allPages({ correlationId }, 10)).ids).toHaveLength(5);
    const range = { from: minutes(10).toISOString(), to: '2025-03-01T09:19:00.000+00:00' };
    const inRange = await allPages(range, 3);
    expect(inRange.ids).toHaveLength(10);
    expect(inRange.totalCount).toBe(10);
    expect((await allPages({ ...range, actorId: otherActor }, 3)).ids).toHaveLength(0);
  });

  it('takes date-times with an offset', async () => {
    const { data } = await auditLogs({
      filter: { from: '2025-03-01T10:19:00+01:00', to: '2025-03-01T09:19:00Z' },
    });
    expect(data!.auditLogs.totalCount).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a date-time that is not one', { filter: { from: 'yesterday' } }, 'filter.from'],
    ['a date-time without an offset', { filter: { to: '2025-03-01T09:00:00' } }, 'filter.to'],
    ['a day that does not exist', { filter: { from: '2025-02-30T00:00:00Z' } }, 'filter.from'],
    ['a space for the T', { filter: { from: '2025-03-01 09:00:00Z' } }, 'filter.from'],
    ['an offset of 24 hours', { filter: { to: '2025-03-01T09:00:00+24:00' } }, 'filter.to'],
    ['a year before 1900', { filter: { from: '1899-12-31T23:00:00Z' } }, 'filter.from'],
    [
      'a range that ends before it starts',
      { filter: { from: minutes(5).toISOString(), to: minutes(1).toISOString() } },
      'filter.to',
    ],
    ['a page that is too large', { first: 501 }, 'first'],
    ['a negative page size', { first: -1 }, 'first'],
    ['a cursor this API never gave', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ['a cursor from before entries had chains', { after: cursorOf(['1', '2']) }, 'after'],
    ['a cursor with a chain that is no number', { after: cursorOf(['1', '2', 'x']) }, 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, variables, field) => {
    const { data, errors } = await auditLogs(variables);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each<Caller['role']>(['EMPLOYEE', 'MANAGER', 'HR', 'FINANCE', 'PARTNER', 'SYSTEM'])(
    'refuses the audit log to %s',
    async (role) => {
      const { data, errors } = await auditLogs({}, { role });
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const chain = await audit.gql(contractOperation('VerifyAuditChain'), {}, { role });
      expect(chain.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    },
  );

  it('lets ADMIN read the audit log', async () => {
    const { data, errors } = await auditLogs({ first: 1 }, { role: 'ADMIN' });
    expect(errors).toBeUndefined();
    expect(data!.auditLogs.totalCount).toBe(37);
  });

  it('refuses a request without a valid token', async () => {
    const reply = await audit.runtime.execute(
      { query: contractOperation('AuditLogs') },
      { authorization: 'Bearer not.a.token' },
    );
    expect((reply.errors?.[0] as { extensions: { code: string } }).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers the VerifyAuditChain operation, whole and for a range', async () => {
    const whole = await audit.gql(contractOperation('VerifyAuditChain'), {});
    expect(whole).toEqual({
      data: { verifyAuditChain: { valid: true, checked: 37, firstInvalidId: null } },
    });
    const range = await audit.gql(contractOperation('VerifyAuditChain'), {
      from: minutes(0).toISOString(),
      to: minutes(29).toISOString(),
    });
    expect(range.data!.verifyAuditChain).toEqual({
      valid: true,
      checked: 30,
      firstInvalidId: null,
    });
  });

  it('refuses a bad range for the chain check', async () => {
    const reply = await audit.gql(contractOperation('VerifyAuditChain'), { from: 'soon' });
    expect(reply.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it("resolves an employee's audit trail through the entity reference", async () => {
    const reps = [{ __typename: 'Employee', id: otherEmployee }];
    const { data, errors } = await audit.gql(ENTITIES, { reps, first: 2 });
    expect(errors).toBeUndefined();
    const trail = data!._entities[0].auditTrail;
    expect(trail.totalCount).toBe(5);
    expect(trail.nodes.map((n: { entityId: string }) => n.entityId)).toEqual([
      otherEmployee,
      otherEmployee,
    ]);
    expect(trail.nodes[0]).toMatchObject({
      occurredAt: minutes(104).toISOString(),
      logType: 'employees.employee.status_changed',
      actorId: otherActor,
    });
    const next = await audit.gql(ENTITIES, { reps, first: 10, after: trail.pageInfo.endCursor });
    expect(next.data!._entities[0].auditTrail.nodes).toHaveLength(3);
  });

  it('refuses the trail to non-auditors through the entity reference', async () => {
    const reps = [{ __typename: 'Employee', id: EMPLOYEE_ID }];
    for (const role of ['HR', 'EMPLOYEE', 'MANAGER'] as const) {
      const { errors } = await audit.gql(ENTITIES, { reps }, { role, sub: EMPLOYEE_ID });
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows a tampered entry through VerifyAuditChain', async () => {
    const { data } = await auditLogs({ filter: { actorId: otherActor }, first: 1 });
    const victim = data!.auditLogs.nodes[0].id;
    const orm = audit.runtime.orm;
    await rawSql(orm, `update ${auditTable(orm)} set new_values = ? where id = ?`, [
      JSON.stringify({ status: 'ACTIVE' }),
      victim,
    ]);
    const reply = await audit.gql(contractOperation('VerifyAuditChain'), {});
    expect(reply.data!.verifyAuditChain).toMatchObject({ valid: false, firstInvalidId: victim });
  });
});

it('records an event with no data', async () => {
  const audit = await startAudit();
  try {
    await appendEvent(audit.runtime.orm.em, { ...makeEvent(), data: {} });
    const { data } = await audit.gql(contractOperation('AuditLogs'), {});
    expect(data!.auditLogs.nodes[0]).toMatchObject({ oldValues: null, newValues: {} });
  } finally {
    await audit.stop();
  }
});
