import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  batchedReads,
  employeeReps,
  fixedId,
  withRequestSql,
} from '../../../test-support/batchedReads';
import { subgraphPart } from '../../../test-support/contractOperation';
import { londonCopy } from '../../../test-support/employeeEvents';
import { managerChainsSql } from '../../../test-support/sqlShape';
import { leave } from '../src';
import { AgreementCopySchema, EmployeeCopySchema, LeaveRequestSchema } from '../src/entities';
import { agreementCopy } from './agreementCopy';
import { asEmployee, asManager, hr, startLeave } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const schema = buildSubgraphSchema({
  typeDefs: leave.typeDefs,
  resolvers: leave.resolvers as never,
});

/** A contract operation as the gateway's plan asks leave for its part. */
const part = (name: string) => subgraphPart(name, schema).query;

/**
 * Every operation of schema/contract/leave.graphql. The mutations run as the front end
 * sends them; the queries that start at another subgraph (`employee(id:)`) or select its
 * fields (names) run as the gateway's query plan asks leave for its part.
 */
describe('leave: the contract operations', () => {
  const h = suiteHarness(startLeave);
  let managerId: string;
  let employeeId: string;

  beforeAll(async () => {
    managerId = await h.hire();
    employeeId = await h.hire({ managerId });
  });

  const employee = () => [{ __typename: 'Employee', id: employeeId }];

  it('RequestLeave, ApproveLeave, RejectLeave, CancelLeave', async () => {
    const requested = await h.op(
      'RequestLeave',
      { input: { leaveType: 'ANNUAL', startDate: '2025-12-22', endDate: '2026-01-02' } },
      asEmployee(employeeId),
    );
    expect(requested.data!.requestLeave).toEqual({
      id: expect.any(String),
      status: 'PENDING',
      leaveType: 'ANNUAL',
      startDate: '2025-12-22',
      endDate: '2026-01-02',
      halfDayStart: false,
      halfDayEnd: false,
      days: 7,
    });
    const id = requested.data!.requestLeave.id;
    const approved = await h.op('ApproveLeave', { input: { id } }, asManager(managerId));
    expect(approved.data!.approveLeave).toEqual({
      id,
      status: 'APPROVED',
      approvedBy: { id: managerId },
      approvedAt: expect.stringMatching(/Z$/),
    });
    const other = await h.op(
      'RequestLeave',
      { input: { leaveType: 'CASUAL', startDate: '2026-02-02', endDate: '2026-02-02' } },
      asEmployee(employeeId),
    );
    const rejected = await h.op(
      'RejectLeave',
      { input: { id: other.data!.requestLeave.id, reason: 'Audit week' } },
      asManager(managerId),
    );
    expect(rejected.data!.rejectLeave).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Audit week',
    });
    const cancelled = await h.op('CancelLeave', { input: { id } }, asEmployee(employeeId));
    expect(cancelled.data!.cancelLeave).toEqual({
      id,
      status: 'CANCELLED',
      cancelledAt: expect.stringMatching(/Z$/),
    });
  });

  it('PendingLeaveApprovals (leave’s part of the plan)', async () => {
    const requested = await h.request(employeeId, {
      startDate: '2026-03-02',
      endDate: '2026-03-03',
    });
    const reply = await h.gql(part('PendingLeaveApprovals'), {}, asManager(managerId));
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.pendingLeaveApprovals.nodes).toEqual([
      {
        id: requested.data.requestLeave.id,
        employee: { __typename: 'Employee', id: employeeId },
        leaveType: 'ANNUAL',
        startDate: '2026-03-02',
        endDate: '2026-03-03',
        days: 2,
      },
    ]);
  });

  it('LeaveBalances and LeaveHistory (the Employee entity’s fields)', async () => {
    const balances = await h.gql(
      part('LeaveBalances'),
      { representations: employee(), on: '2025-11-01' },
      asEmployee(employeeId),
    );
    expect(balances.errors).toBeUndefined();
    const [annual] = balances.data!._entities[0].leaveBalances;
    // 25 days; the Christmas request was cancelled; 2 days of March are pending. Last
    // year's unused days were carried over, but expired unused on 30 June.
    expect(annual).toEqual({
      leaveType: 'ANNUAL',
      entitlement: 25,
      carriedOver: 0,
      taken: 0,
      pending: 2,
      remaining: 23,
    });
    const history = await h.gql(
      part('LeaveHistory'),
      { representations: employee() },
      asManager(managerId),
    );
    expect(history.errors).toBeUndefined();
    expect(
      history.data!._entities[0].leaveRequests.nodes.map((n: any) => [n.startDate, n.status]),
    ).toEqual([
      ['2026-03-02', 'PENDING'],
      ['2026-02-02', 'REJECTED'],
      ['2025-12-22', 'CANCELLED'],
    ]);
    // Not a contract operation: the status filter and the count of all that match.
    const pendingOnly = await h.entities(
      employee(),
      '... on Employee { leaveRequests(status: PENDING, first: 10) { totalCount nodes { status } } }',
      {},
      '',
      hr,
    );
    expect(pendingOnly.data!._entities[0].leaveRequests.totalCount).toBe(1);
  });

  it('forbids reading someone else’s leave', async () => {
    const stranger = await h.hire();
    const reply = await h.gql(
      part('LeaveBalances'),
      { representations: employee(), on: '2025-11-01' },
      asEmployee(stranger),
    );
    expect(reply.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('leave: batched reads', () => {
  const suite = batchedReads(startLeave, async (em, { ids, managerId, now }) => {
    await em.insertMany(
      EmployeeCopySchema,
      ids.map((id) => londonCopy(id, { managerId, hireDate: '2020-01-01', updatedAt: now })),
    );
    await em.insertMany(
      AgreementCopySchema,
      ids.map((employeeId, i) => agreementCopy({ id: fixedId(2, i), employeeId })),
    );
    await em.insertMany(
      LeaveRequestSchema,
      ids.flatMap((employeeId, i) =>
        (['APPROVED', 'PENDING'] as const).map((status, j) => ({
          id: fixedId(1, i * 10 + j),
          employeeId,
          leaveType: 'ANNUAL' as const,
          startDate: `2026-01-0${5 + j}`,
          endDate: `2026-01-0${5 + j}`,
          halfDayStart: false,
          halfDayEnd: false,
          halfDays: 2,
          chargedDays: [{ date: `2026-01-0${5 + j}`, halves: 2 }],
          policyVersion: 1,
          status,
          reason: null,
          requestedBy: employeeId,
          managerId,
          decision: status === 'APPROVED' ? ('APPROVED' as const) : null,
          decidedBy: status === 'APPROVED' ? managerId : null,
          decidedAt: status === 'APPROVED' ? now : null,
          rejectionReason: null,
          cancelledBy: null,
          cancelledAt: null,
          version: 1,
          correlationId: 'seed',
          createdAt: now,
          updatedAt: now,
        })),
      ),
    );
  });

  const read = (caller = hr) =>
    suite.h.entities(
      employeeReps(suite.ids),
      `... on Employee { id
          leaveBalances(on: $on) { leaveType entitlement carriedOver taken pending remaining }
          leaveRequests(status: PENDING, first: 10) { nodes { id leaveType startDate endDate days status } } }`,
      { on: '2025-12-01' },
      '$on: Date!',
      caller,
    );

  const READS = [
    'select l0.* from leave_employees as l0 where l0.id in (50 values)',
    'select l0.* from leave_agreements as l0 where l0.employee_id in (50 values) order by l0.start_date asc',
    'select l0.* from leave_requests as l0 where l0.employee_id in (50 values) and l0.status in (2 values) ' +
      "and l0.end_date >= '2023-12-01' order by l0.start_date asc",
    "select l0.* from leave_policy_copies as l0 where l0.kind = 'LEAVE'",
    'select l0.* from leave_requests as l0 where l0.employee_id in (50 values) ' +
      "and l0.status = 'PENDING' order by l0.start_date desc, l0.id desc",
  ];

  it('reads 50 employees’ balances and requests with a fixed number of queries', async () => {
    const { reply, sql } = await withRequestSql(suite.h, () => read());
    expect(reply.errors).toBeUndefined();
    expect(reply.data!._entities).toHaveLength(50);
    for (const entity of reply.data!._entities) {
      expect(entity.leaveBalances[0]).toMatchObject({ leaveType: 'ANNUAL', taken: 1, pending: 1 });
      expect(entity.leaveRequests.nodes).toHaveLength(1);
    }
    // Employee copies, agreements, active requests and policy copies (balances), requests of
    // the status: one query each for all 50.
    expect(sql).toEqual(READS);
  });

  it('adds one query for a manager: the reporting lines of all 50', async () => {
    const { reply, sql } = await withRequestSql(suite.h, () =>
      read({ role: 'MANAGER', sub: suite.managerId }),
    );
    expect(reply.errors).toBeUndefined();
    expect(sql).toEqual([managerChainsSql('leave_employees', 50), ...READS]);
  });
});
