import { parse } from 'graphql';
import { v7 as uuidv7 } from 'uuid';
import { type ComplianceAnswer, type ComplianceQuestion, defineSubgraph } from '../../../runtime';
import {
  onlyError,
  startSubgraph,
  type Caller,
  type SubgraphHarness,
} from '../../../test-support/startSubgraph';
import {
  asEmployee,
  connectTestMessaging,
  hr,
  startCompliance,
  type ComplianceHarness,
  type TestMessaging,
} from './support';

const VALIDATE = `query ($input: ComplianceCheckInput!) {
  validateCompliance(input: $input) {
    allowed
    findings { rule field message severity policy { kind key version } }
  }
}`;

const annual = { kind: 'LEAVE', key: 'ANNUAL', version: 3 } as const;

/** A warning the owner may give: the verdict passes it on unchanged. */
const SHORT_NOTICE = {
  rule: 'SHORT_NOTICE',
  field: null,
  message: 'Less notice than usual.',
  severity: 'WARNING',
  policy: null,
} as const;

/** A refusal the owner may make: the verdict names the policy and version that made it. */
const NOTICE_REFUSAL = {
  rule: 'NOTICE_PERIOD',
  field: 'startDate',
  message: 'ANNUAL leave needs 14 days of notice (LEAVE/ANNUAL v3).',
  severity: 'REFUSAL',
  policy: annual,
} as const;

/**
 * What the leave stand-in answers, by the leave type asked about: the shapes a real
 * deciding subgraph answers with, and the ones it must never send.
 */
const ANSWERS: Record<string, () => unknown> = {
  ANNUAL: (): ComplianceAnswer => ({
    allowed: true,
    findings: [SHORT_NOTICE],
  }),
  UNPAID: (): ComplianceAnswer => ({
    allowed: false,
    findings: [NOTICE_REFUSAL],
  }),
  SICK: (): ComplianceAnswer => ({
    allowed: false,
    findings: [],
    refusal: { code: 'BAD_USER_INPUT', message: 'endDate is before startDate.', field: 'endDate' },
  }),
  CASUAL: (): ComplianceAnswer => ({
    allowed: false,
    findings: [],
    refusal: { code: 'FORBIDDEN', message: 'You may not ask for someone else.', field: null },
  }),
  TOIL: (): ComplianceAnswer => ({
    allowed: false,
    findings: [],
    refusal: { code: 'NOT_FOUND', message: 'Employee x was not found.', field: 'employeeId' },
  }),
  PARENTAL: () => ({ allowed: 'yes', findings: [] }),
  COMPASSIONATE: () => ({
    allowed: true,
    findings: [{ rule: 'X', message: 'no severity', field: null, policy: null }],
  }),
  WEIRD: () => ({ allowed: false, findings: [], refusal: { code: 'TEAPOT', message: 'no' } }),
  BROKEN: () => {
    throw new Error('the stand-in fails');
  },
};

/** What the attendance stand-in answers: a late arrival, or a refusal of the check-out. */
function attendanceAnswer(input: Record<string, unknown>): ComplianceAnswer {
  if (input.checkOut)
    return {
      allowed: false,
      findings: [],
      refusal: {
        code: 'BAD_USER_INPUT',
        message: 'checkOut is before checkIn.',
        field: 'checkOut',
      },
    };
  return {
    allowed: true,
    findings: [
      {
        rule: 'LATE_ARRIVAL',
        field: 'checkIn',
        message: 'The day would show a late arrival (ATTENDANCE v1).',
        severity: 'WARNING',
        policy: { kind: 'ATTENDANCE', key: 'DEFAULT', version: 1 },
      },
    ],
  };
}

/**
 * A subgraph standing in for leave and attendance: it answers their compliance questions
 * and notes each one.
 */
function standIn(questions: ComplianceQuestion[]) {
  return defineSubgraph({
    name: 'stand_in',
    typeDefs: parse('type Query { standIn: Boolean }'),
    resolvers: { Query: { standIn: () => true } },
    entities: [],
    responders: [
      {
        name: 'leave.compliance_check',
        async answer(question) {
          questions.push(question as unknown as ComplianceQuestion);
          const leaveType = String((question.input as Record<string, unknown>).leaveType);
          return (ANSWERS[leaveType] ?? ANSWERS.ANNUAL!)();
        },
      },
      {
        name: 'attendance.compliance_check',
        async answer(question) {
          questions.push(question as unknown as ComplianceQuestion);
          return attendanceAnswer(question.input as Record<string, unknown>);
        },
      },
    ],
  });
}

describe('validateCompliance: asking the subgraph that decides', () => {
  let nats: TestMessaging;
  let h: ComplianceHarness;
  let leave: SubgraphHarness;
  const questions: ComplianceQuestion[] = [];
  const employeeId = uuidv7();

  beforeAll(async () => {
    nats = await connectTestMessaging();
    const options = { messaging: nats.messaging, runWorkers: false };
    h = await startCompliance({}, options);
    leave = await startSubgraph(standIn(questions), options);
  });
  afterAll(async () => {
    await leave?.stop();
    await h?.stop();
    await nats?.close();
  });
  beforeEach(() => {
    questions.length = 0;
  });

  const leaveRequest = (leaveType: string, more: Record<string, unknown> = {}) => ({
    leaveRequest: { leaveType, startDate: '2025-11-10', endDate: '2025-11-12', ...more },
  });
  const validate = (input: Record<string, unknown>, caller: Caller = asEmployee(employeeId)) =>
    h.gql(VALIDATE, { input }, caller);

  it("passes the caller and the request on, and answers with the owner's verdict", async () => {
    const reply = await validate(leaveRequest('ANNUAL', { halfDayEnd: true }));
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.validateCompliance).toEqual({
      allowed: true,
      findings: [SHORT_NOTICE],
    });
    expect(questions).toEqual([
      {
        caller: { subject: employeeId, role: 'EMPLOYEE', employeeId },
        input: {
          leaveType: 'ANNUAL',
          startDate: '2025-11-10',
          endDate: '2025-11-12',
          halfDayEnd: true,
        },
      },
    ]);
  });

  it('answers a refusal the owner would make with the policy and version that made it', async () => {
    const reply = await validate(leaveRequest('UNPAID', { employeeId }), hr);
    expect(reply.data!.validateCompliance).toEqual({
      allowed: false,
      findings: [NOTICE_REFUSAL],
    });
    expect(questions[0]).toMatchObject({
      caller: { role: 'HR', subject: hr.sub },
      input: { employeeId },
    });
  });

  it.each([
    ['SICK', 'BAD_USER_INPUT', 'endDate'],
    ['CASUAL', 'FORBIDDEN', undefined],
    ['TOIL', 'NOT_FOUND', 'employeeId'],
  ])(
    'turns the refusal of a %s question into the error the request would get',
    async (leaveType, code, field) => {
      const error = onlyError(await validate(leaveRequest(leaveType)));
      expect(error.extensions).toEqual({ code, ...(field && { field }) });
    },
  );

  it.each(['PARENTAL', 'COMPASSIONATE', 'WEIRD', 'BROKEN'])(
    'is UNAVAILABLE when the answer to %s cannot be read',
    async (leaveType) => {
      const error = onlyError(await validate(leaveRequest(leaveType)));
      expect(error.extensions).toMatchObject({ code: 'UNAVAILABLE' });
      expect(error.message).toMatch(/leave service/);
    },
  );

  it('is UNAVAILABLE naming the subgraph when no one answers for it', async () => {
    const timeEntry = {
      employeeId,
      periodType: 'SHIFT',
      startTime: '2025-11-03T09:00:00Z',
      endTime: '2025-11-03T17:00:00Z',
    };
    const error = onlyError(await validate({ timeEntry }));
    expect(error.extensions).toMatchObject({ code: 'UNAVAILABLE' });
    expect(error.message).toMatch(/The time service cannot answer now/);
  });

  it("asks attendance about the employee's local day, and reads its fields as the input's", async () => {
    const inAuckland = await h.hire({ timeZone: 'Pacific/Auckland' });
    const day = { employeeId: inAuckland, checkInTime: '2025-11-03T20:30:00Z' };
    const reply = await validate({ attendanceDay: day }, hr);
    expect(reply.data!.validateCompliance.findings).toEqual([
      expect.objectContaining({ rule: 'LATE_ARRIVAL', field: 'checkInTime', severity: 'WARNING' }),
    ]);
    expect(questions[0]!.input).toEqual({
      employeeId: inAuckland,
      date: '2025-11-04',
      checkIn: '2025-11-03T20:30:00Z',
    });
    const backwards = { ...day, checkOutTime: '2025-11-03T19:00:00Z' };
    const error = onlyError(await validate({ attendanceDay: backwards }, hr));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'checkOutTime' });
  });

  it('refuses a check-in that is no instant before asking', async () => {
    const day = { employeeId, checkInTime: 'nine' };
    const error = onlyError(await validate({ attendanceDay: day }, hr));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checkInTime' });
    expect(questions).toHaveLength(0);
  });

  it.each([
    ['none', {}],
    ['two', { ...leaveRequest('ANNUAL'), attendanceDay: { employeeId, checkInTime: 'x' } }],
  ])('asks for exactly one operation, refusing %s', async (_what, input) => {
    const error = onlyError(await validate(input));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(questions).toHaveLength(0);
  });

  it('does not let a partner ask', async () => {
    const partner: Caller = { role: 'PARTNER', sub: 'partner-app', scopes: ['employees:read'] };
    const error = onlyError(await validate(leaveRequest('ANNUAL'), partner));
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(questions).toHaveLength(0);
  });

  it('is UNAVAILABLE when the deciding subgraph is down', async () => {
    await leave.runtime.stop();
    const error = onlyError(await validate(leaveRequest('ANNUAL')));
    expect(error.extensions).toMatchObject({ code: 'UNAVAILABLE' });
    expect(error.message).toMatch(/The leave service cannot answer now/);
  });
});
