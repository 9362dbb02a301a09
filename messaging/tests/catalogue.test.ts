import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CatalogueError,
  EventCatalogue,
  EventValidationError,
  createEvent,
  loadCatalogue,
  type EventContract,
} from '..';
import { DEFAULT_ATTENDANCE_RULES } from '../../runtime';
import { thingContract } from './support/things';

const EMPLOYEE = '0190a6e2-5b7c-7d3e-9f10-1a2b3c4d5e6f';
const MANAGER = '0190a6e2-5b7c-7d3e-9f10-aaaaaaaaaaaa';

const ENTRY = '0190a6e2-5b7c-7d3e-9f10-bbbbbbbbbbbb';

function timeEntry(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    employeeId: EMPLOYEE,
    entryId: ENTRY,
    periodType: 'SHIFT',
    shiftType: 'Early',
    startTime: '2025-04-01T07:00:00.000Z',
    endTime: '2025-04-01T15:00:00.000Z',
    mealBreakMinutes: 30,
    ...extra,
  };
}

const agreement = (extra: Record<string, unknown>): Record<string, unknown> => ({
  agreementId: '0190a6e2-5b7c-7d3e-9f10-cccccccccccc',
  employeeId: EMPLOYEE,
  version: 1,
  effectiveFrom: '2025-04-01',
  agreementType: 'AHA',
  startDate: '2025-04-01',
  endDate: '2026-03-31',
  fte: 0.8,
  weeklyHours: 30,
  workingDays: ['MON', 'TUE', 'WED', 'THU'],
  annualLeaveDays: 21.6,
  targets: [{ accrualType: 'ANNUAL_TARGET_HOURS', total: 1560 }],
  openingBalances: [],
  correlationId: 'import-1',
  ...extra,
});

/** One leave request through its steps, as leave publishes them. */
function leaveRequests(): Record<string, Record<string, unknown>> {
  const request = (version: number, status: string) => ({
    requestId: ENTRY,
    employeeId: EMPLOYEE,
    version,
    leaveType: 'ANNUAL',
    paid: true,
    status,
    startDate: '2025-12-22',
    endDate: '2025-12-24',
    halfDayStart: false,
    halfDayEnd: true,
    days: 2.5,
    dates: [
      { date: '2025-12-22', days: 1 },
      { date: '2025-12-23', days: 1 },
      { date: '2025-12-24', days: 0.5 },
    ],
    managerId: MANAGER,
  });
  return {
    'leave.request.created': { ...request(1, 'PENDING'), requestedBy: EMPLOYEE },
    'leave.request.approved': {
      ...request(2, 'APPROVED'),
      approvedBy: MANAGER,
      approvedAt: '2025-11-03T09:15:00.000Z',
    },
    'leave.request.rejected': {
      ...request(2, 'REJECTED'),
      rejectedBy: MANAGER,
      rejectedAt: '2025-11-03T09:15:00.000Z',
      rejectionReason: 'Ward short-staffed',
    },
    'leave.request.cancelled': {
      ...request(3, 'CANCELLED'),
      previousStatus: 'APPROVED',
      cancelledBy: EMPLOYEE,
      cancelledAt: '2025-11-10T16:00:00.000Z',
    },
  };
}

/** A day of attendance, as attendance publishes it. */
function attendanceDay(): Record<string, Record<string, unknown>> {
  const DAY = '0190a6e2-5b7c-7d3e-9f10-dddddddddddd';
  const checkIn = '2025-06-10T08:14:00.000Z';
  return {
    'attendance.checked_in': {
      entryId: ENTRY,
      employeeId: EMPLOYEE,
      version: 1,
      date: '2025-06-10',
      checkInTime: checkIn,
      location: 'Ward 5',
      device: 'kiosk-1',
      plannedStart: '2025-06-10T08:00:00.000Z',
      late: true,
      lateByMinutes: 14,
    },
    'attendance.checked_out': {
      entryId: ENTRY,
      employeeId: EMPLOYEE,
      version: 2,
      date: '2025-06-10',
      checkInTime: checkIn,
      checkOutTime: '2025-06-10T16:30:00.000Z',
      location: null,
      device: null,
      workedMinutes: 496,
      earlyExitMinutes: 0,
    },
    'attendance.manual_entry_recorded': {
      entryId: ENTRY,
      employeeId: EMPLOYEE,
      version: 1,
      date: '2025-06-10',
      checkInTime: '2025-06-10T07:55:00.000Z',
      checkOutTime: '2025-06-10T16:00:00.000Z',
      reason: 'Badge reader was down',
      recordedBy: MANAGER,
      correctsEntryId: '0190a6e2-5b7c-7d3e-9f10-cccccccccccc',
      lateByMinutes: 0,
    },
    'attendance.day.processed': {
      dayId: DAY,
      employeeId: EMPLOYEE,
      date: '2025-06-10',
      version: 1,
      status: 'PRESENT',
      workedMinutes: 496,
      plannedMinutes: 450,
      lateByMinutes: 14,
      earlyExitMinutes: 0,
      overtimeMinutes: 46,
      policyVersion: 2,
      breakMinutes: 30,
    },
    'attendance.late_arrival.detected': {
      dayId: DAY,
      employeeId: EMPLOYEE,
      date: '2025-06-10',
      version: 1,
      managerId: MANAGER,
      checkInTime: checkIn,
      lateByMinutes: 14,
      policyVersion: 2,
    },
    'attendance.absence.detected': {
      dayId: DAY,
      employeeId: EMPLOYEE,
      date: '2025-06-11',
      version: 1,
      managerId: null,
    },
  };
}

function deadLetterEvents(): Record<string, Record<string, unknown>> {
  const letter = { deadLetterId: '7', consumer: 'leave_copy', eventType: 'leave.request.approved' };
  return {
    'audit.dead_letter.recorded': {
      ...letter,
      eventId: ENTRY,
      reason: 'HANDLER_FAILED',
      error: 'no such employee',
      attempts: 5,
      firstFailedAt: '2024-01-01T00:00:00Z',
      lastFailedAt: '2024-01-01T00:03:00Z',
    },
    'audit.dead_letter.replayed': { ...letter, eventId: ENTRY, alreadyApplied: false },
    'audit.dead_letter.discarded': { ...letter, eventId: null, reason: 'sent twice by mistake' },
  };
}

const validData: Record<string, Record<string, unknown>> = {
  'accruals.balance.changed': {
    employeeId: EMPLOYEE,
    accrualType: 'NIGHT_HOURS',
    date: '2025-06-10',
    cumulative: 1.5,
    version: 1,
  },
  'accruals.balance_status.changed': {
    employeeId: EMPLOYEE,
    agreementId: '0190a6e2-5b7c-7d3e-9f10-cccccccccccc',
    accrualType: 'ANNUAL_TARGET_HOURS',
    measurementUnit: 'HOURS',
    date: '2025-10-01',
    status: 'BEHIND_15_25',
    band: '15-25',
    previousStatus: 'BEHIND_5_15',
    previousBand: '5-15',
    worked: 800,
    expectedToDate: 1000,
    target: 1950,
    deviationPercent: -20,
    version: 2,
  },
  ...attendanceDay(),
  // The current names of the three former ones carry the same data.
  'attendance.check_in.recorded': attendanceDay()['attendance.checked_in'],
  'attendance.check_out.recorded': attendanceDay()['attendance.checked_out'],
  'attendance.manual_entry.recorded': attendanceDay()['attendance.manual_entry_recorded'],
  'agreements.agreement.created': agreement({}),
  'agreements.agreement.amended': agreement({ version: 2, effectiveFrom: '2025-10-01', fte: 0.6 }),
  'agreements.agreement.ended': agreement({
    version: 3,
    endDate: '2026-01-31',
    effectiveFrom: '2026-01-31',
    previousEndDate: '2026-03-31',
  }),
  'employees.employee.created': {
    employeeId: EMPLOYEE,
    employeeNumber: 'E-0001',
    version: 1,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    department: 'Engineering',
    jobTitle: 'Analyst',
    grade: 'B4',
    employmentType: 'FULL_TIME',
    status: 'ACTIVE',
    hireDate: '2024-04-01',
    managerId: null,
    location: 'ENGLAND_AND_WALES',
    timeZone: 'Europe/London',
  },
  'employees.employee.updated': {
    employeeId: EMPLOYEE,
    employeeNumber: 'E-0001',
    version: 2,
    changes: {
      jobTitle: { old: 'Analyst', new: 'Lead' },
      phone: { old: '***', new: '***' },
      salary: { old: null, new: '***' },
    },
  },
  'employees.employee.status_changed': {
    employeeId: EMPLOYEE,
    employeeNumber: 'E-0001',
    version: 3,
    from: 'ACTIVE',
    to: 'ON_LEAVE',
  },
  'employees.employee.terminated': {
    employeeId: EMPLOYEE,
    employeeNumber: 'E-0001',
    version: 4,
    terminationDate: '2025-03-31',
  },
  'employees.manager.assigned': {
    employeeId: EMPLOYEE,
    employeeNumber: 'E-0001',
    version: 5,
    managerId: MANAGER,
    previousManagerId: null,
  },
  'audit.retention.purged': { purgedCount: 12, before: '2024-01-01T00:00:00+01:00' },
  ...deadLetterEvents(),
  ...leaveRequests(),
  'billing.rate_card.set': {
    rateCardId: ENTRY,
    grade: 'G1',
    effectiveFrom: '2026-04-01',
    baseHourlyRate: { amountMinor: 2000, currency: 'GBP' },
    overtimeMultiplier: 1.5,
    nightMultiplier: 1.25,
    publicHolidayMultiplier: 2,
    version: 1,
  },
  'billing.grade.created': {
    grade: 'G7',
    description: 'Senior engineer',
    retired: false,
    version: 1,
  },
  'billing.grade.updated': {
    grade: 'G7',
    description: 'Senior engineer',
    retired: true,
    previous: { description: 'Senior engineer', retired: false },
    version: 2,
  },
  'compliance.policy.updated': {
    kind: 'ATTENDANCE',
    key: 'DEFAULT',
    version: 2,
    effectiveFrom: '2026-04-01T00:00:00.000Z',
    // A change from the platform's defaults.
    rules: { ...DEFAULT_ATTENDANCE_RULES, graceMinutes: 5, workdayStart: '08:30' },
    previous: DEFAULT_ATTENDANCE_RULES,
    reason: 'Shorter grace agreed with the works council.',
  },
  'compliance.violation.detected': {
    violationId: ENTRY,
    employeeId: EMPLOYEE,
    managerId: MANAGER,
    rule: 'DAILY_OVERTIME_CAP',
    fromDate: '2025-10-30',
    toDate: '2025-10-30',
    message: 'Overtime on 2025-10-30 was 5 h 10 min, over the 4 h daily cap (WORKING_TIME v2).',
    policy: { kind: 'WORKING_TIME', key: 'DEFAULT', version: 2 },
    source: 'attendance.day.processed',
    sourceEventId: '0190a6e2-5b7c-7d3e-9f10-dddddddddddd',
    detectedAt: '2025-10-31T02:00:00.000Z',
    version: 1,
    details: { minutes: 310, limitMinutes: 240 },
  },
  'compliance.violation.closed': {
    violationId: ENTRY,
    employeeId: EMPLOYEE,
    rule: 'DAILY_OVERTIME_CAP',
    version: 2,
    closedAt: '2025-11-03T10:00:00.000Z',
    closedBy: MANAGER,
    note: 'Agreed with the ward manager; rota changed.',
  },
  'compliance.course.created': {
    courseId: '0190a6e2-5b7c-7d3e-9f10-0000000000c1',
    code: 'FIRE-SAFETY',
    title: 'Fire safety',
    description: null,
    validityMonths: 12,
    retired: false,
    version: 1,
  },
  'compliance.course.updated': {
    courseId: '0190a6e2-5b7c-7d3e-9f10-0000000000c1',
    code: 'FIRE-SAFETY',
    title: 'Fire safety',
    description: null,
    validityMonths: 24,
    retired: false,
    version: 2,
    changes: { validityMonths: { old: 12, new: 24 } },
  },
  'compliance.training.assigned': {
    assignmentId: '0190a6e2-5b7c-7d3e-9f10-0000000000a1',
    employeeId: EMPLOYEE,
    courseId: '0190a6e2-5b7c-7d3e-9f10-0000000000c1',
    courseCode: 'FIRE-SAFETY',
    courseTitle: 'Fire safety',
    dueDate: '2026-01-31',
    department: 'Cardiology',
    version: 1,
  },
  'compliance.training.completed': {
    assignmentId: '0190a6e2-5b7c-7d3e-9f10-0000000000a1',
    employeeId: EMPLOYEE,
    courseId: '0190a6e2-5b7c-7d3e-9f10-0000000000c1',
    courseCode: 'FIRE-SAFETY',
    courseTitle: 'Fire safety',
    completedOn: '2026-01-10',
    expiresOn: '2027-01-10',
    previousCompletedOn: null,
    source: 'IMPORT',
    version: 2,
  },
  'compliance.training.due_reached': {
    assignmentId: '0190a6e2-5b7c-7d3e-9f10-0000000000a1',
    employeeId: EMPLOYEE,
    managerId: null,
    courseId: '0190a6e2-5b7c-7d3e-9f10-0000000000c1',
    courseCode: 'FIRE-SAFETY',
    courseTitle: 'Fire safety',
    dueDate: '2027-01-10',
    renewal: true,
    status: 'EXPIRING',
    version: 2,
  },
  'billing.day.closed': {
    date: '2026-03-10',
    transactionCount: 3,
    lateTransactionCount: 1,
    accountCount: 2,
    totals: [
      { currency: 'GBP', debitMinor: 8000, creditMinor: 8000, closingDebitBalanceMinor: 23000 },
    ],
    version: 1,
  },
  'notifications.notification.created': {
    notificationId: ENTRY,
    recipientId: EMPLOYEE,
    type: 'LEAVE_APPROVED',
    title: 'Your leave request was approved',
    createdAt: '2026-11-22T08:00:00.000Z',
    version: 1,
  },
  'accounts.user.logged_in': {
    accountId: ENTRY,
    sessionId: '0190a6e2-5b7c-7d3e-9f10-0000000000d1',
    employeeId: EMPLOYEE,
    role: 'MANAGER',
    method: 'PASSWORD',
  },
  'accounts.user.logged_out': {
    accountId: ENTRY,
    sessionId: '0190a6e2-5b7c-7d3e-9f10-0000000000d1',
    reason: 'REFRESH_TOKEN_REUSED',
  },
  'accounts.user.login_failed': {
    accountId: null,
    reason: 'UNKNOWN_EMAIL',
    failedAttempts: 0,
    lockedUntil: null,
  },
  'accounts.account.role_changed': {
    accountId: ENTRY,
    employeeId: EMPLOYEE,
    from: null,
    to: 'AUDITOR',
  },
  'accounts.partner_client.created': {
    clientId: 'partner-abc',
    name: 'Payroll Ltd',
    scopes: ['employees:read'],
    quotaRequests: 600,
    quotaCost: null,
  },
  'accounts.partner_client.revoked': {
    clientId: 'partner-abc',
    revokedAt: '2026-11-22T09:30:00.000Z',
  },
  'notifications.notification.read': {
    notificationId: ENTRY,
    recipientId: EMPLOYEE,
    readAt: '2026-11-22T09:30:00.000Z',
    version: 2,
  },
  'time.entry.recorded': timeEntry({ version: 1, policyVersion: 2 }),
  'time.entry.amended': timeEntry({
    version: 2,
    policyVersion: 2,
    previous: {
      periodType: 'SHIFT',
      shiftType: 'Late',
      startTime: '2025-04-01T13:00:00.000Z',
      endTime: null,
      mealBreakMinutes: 0,
    },
  }),
  'time.entry.deleted': timeEntry({ version: 3, deletedAt: '2025-04-02T09:00:00.000Z' }),
  'time.schedule.published': {
    employeeId: EMPLOYEE,
    scheduleId: ENTRY,
    version: 1,
    from: '2025-04-01T07:00:00.000Z',
    to: '2025-04-01T15:00:00.000Z',
    shifts: [
      {
        shiftId: ENTRY,
        start: '2025-04-01T07:00:00.000Z',
        end: '2025-04-01T15:00:00.000Z',
        shiftType: null,
      },
    ],
    replacedShiftIds: [],
  },
};

/** The meta of an event of `type`, as its producer (the type's domain) makes it. */
const metaOf = (type: string) => ({
  source: `/subgraphs/${type.split('.')[0]}`,
  correlationId: 'corr-1',
});
const meta = metaOf('employees.employee.created');
const testMeta = metaOf('test.thing.created');
const eventOf = (type: string, data = validData[type], dataversion?: number) =>
  createEvent({ type, subject: EMPLOYEE, data, dataversion }, metaOf(type));

describe('the shipped catalogue', () => {
  const catalogue = loadCatalogue();

  it('holds the employees and audit contracts with their producer and consumers', () => {
    const contracts = catalogue
      .contracts()
      .filter(({ type }) => /^(employees|audit)\./.test(type))
      .map(({ type, version, producer, consumers }) => ({ type, version, producer, consumers }));
    // Other domains add themselves as consumers; audit hears every event.
    expect(contracts).toEqual([
      ...[
        ['audit.dead_letter.discarded', ['audit']],
        ['audit.dead_letter.recorded', ['audit', 'notifications']],
        ['audit.dead_letter.replayed', ['audit']],
      ].map(([type, consumers]) => ({ type, version: 1, producer: 'audit', consumers })),
      { type: 'audit.retention.purged', version: 1, producer: 'audit', consumers: ['audit'] },
      ...[
        'employees.employee.created',
        'employees.employee.status_changed',
        'employees.employee.terminated',
        'employees.employee.updated',
        'employees.manager.assigned',
      ].map((type) => ({
        type,
        version: 1,
        producer: 'employees',
        consumers: expect.arrayContaining(['audit', 'time']),
      })),
    ]);
  });

  it('lists audit as a consumer of every event, since audit keeps them all', () => {
    const missing = catalogue.contracts().filter(({ consumers }) => !consumers.includes('audit'));
    expect(missing.map(({ type }) => type)).toEqual([]);
  });

  it('is loaded once per process', () => {
    expect(loadCatalogue()).toBe(catalogue);
  });

  it.each(Object.keys(validData))('accepts a well-formed %s event', (type) => {
    const event = eventOf(type);
    expect(catalogue.validate(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('accepts every optional extension when well formed', () => {
    const event = createEvent(
      {
        type: 'employees.employee.terminated',
        subject: 'e-1',
        data: validData['employees.employee.terminated'],
      },
      {
        ...meta,
        causationId: '0190a6e2-5b7c-7d3e-9f10-000000000001',
        actor: 'user:42',
        requestId: 'req-1',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
    );
    expect(() => catalogue.validate(event)).not.toThrow();
  });
});

function expectInvalid(catalogue: EventCatalogue, event: unknown, message: RegExp) {
  let caught: unknown;
  try {
    catalogue.validate(event);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EventValidationError);
  const error = caught as EventValidationError;
  expect(error.name).toBe('EventValidationError');
  expect(error.code).toBe('EVENT_INVALID');
  expect(error.message).toMatch(message);
}

describe('envelope attributes', () => {
  const catalogue = loadCatalogue();
  const valid = () =>
    ({
      ...eventOf('employees.employee.terminated'),
      causationid: 'cause-1',
      actor: 'user:1',
      requestid: 'req-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    }) as unknown as Record<string, unknown>;

  it.each([
    ['specversion', '0.3'],
    ['id', 'not-a-uuid'],
    ['id', '0190a6e2-5b7c-4d3e-9f10-1a2b3c4d5e6f'], // a v4 id
    ['source', 'subgraphs/employees'],
    ['source', '/subgraphs/Employees Service'],
    ['type', 'EmployeeCreated'],
    ['type', 'employees.Employee.created'],
    ['subject', ''],
    ['subject', 'has space'],
    ['subject', 42],
    ['time', '2024-05-01T10:00:00'], // no offset
    ['time', 'yesterday'],
    ['datacontenttype', 'text/plain'],
    ['dataschema', 'not a uri'],
    ['dataversion', 0],
    ['dataversion', 1.5],
    ['dataversion', '1'],
    ['correlationid', ''],
    ['correlationid', 'has space'],
    ['causationid', ''],
    ['actor', ''],
    ['requestid', 'x'.repeat(201)],
    ['traceparent', '00-abc-01'],
    ['data', 'text'],
    ['data', null],
  ])('rejects %s = %p', (attribute, value) => {
    expectInvalid(catalogue, { ...valid(), [attribute]: value }, new RegExp(`event/${attribute}`));
  });

  // Spelt out rather than read from the catalogue's envelope schema: the list pins what
  // docs/architecture.md#events promises, so dropping a required attribute fails here.
  it.each([
    'specversion',
    'id',
    'source',
    'type',
    'subject',
    'time',
    'datacontenttype',
    'dataschema',
    'dataversion',
    'correlationid',
    'data',
  ])('rejects an envelope without %s', (attribute) => {
    const event = valid();
    delete event[attribute];
    expectInvalid(catalogue, event, new RegExp(`must have required property '${attribute}'`));
  });

  it('rejects a dataschema that does not name the type and version', () => {
    const event = { ...valid(), dataschema: 'urn:hr:events:employees.employee.created:v1' };
    expectInvalid(
      catalogue,
      event,
      /dataschema must be urn:hr:events:employees.employee.terminated:v1/,
    );
  });

  it('rejects what is not an object', () => {
    expectInvalid(catalogue, 'event', /event must be object/);
    expectInvalid(catalogue, null, /event must be object/);
  });

  it('rejects a type or a version the catalogue does not hold', () => {
    expectInvalid(
      catalogue,
      eventOf('employees.employee.hired', {}),
      /employees.employee.hired v1 is not in the event catalogue/,
    );
    expectInvalid(
      catalogue,
      eventOf('employees.employee.terminated', validData['employees.employee.terminated'], 2),
      /employees.employee.terminated v2 is not in the event catalogue/,
    );
  });
});

describe('event data', () => {
  const catalogue = loadCatalogue();
  const withData = (type: string, change: Record<string, unknown>, drop?: string) => {
    const data: Record<string, unknown> = { ...validData[type], ...change };
    if (drop) delete data[drop];
    return eventOf(type, data);
  };

  const created = 'employees.employee.created';
  it.each([
    ['employeeId', 'E-0001'],
    ['employeeNumber', ''],
    ['version', 0],
    ['version', 1.5],
    ['firstName', ''],
    ['lastName', 'x'.repeat(101)],
    ['email', 'not-an-email'],
    ['department', ''],
    ['jobTitle', 7],
    ['grade', ''],
    ['employmentType', 'INTERN'],
    ['status', 'RETIRED'],
    ['hireDate', '2024-13-01'],
    ['managerId', 'boss'],
    ['location', 'england'],
    ['timeZone', 'Europe London'],
  ])(`${created}: rejects %s = %p`, (field, value) => {
    expectInvalid(
      catalogue,
      withData(created, { [field]: value }),
      new RegExp(`event/data/${field} `),
    );
  });

  it.each(Object.keys(validData[created]))(`${created}: requires %s`, (field) => {
    expectInvalid(
      catalogue,
      withData(created, {}, field),
      new RegExp(`required property '${field}'`),
    );
  });

  it.each(['salary', 'phone'])(`${created}: never carries %s`, (field) => {
    expectInvalid(
      catalogue,
      withData(created, { [field]: '55000' }),
      /must NOT have additional properties/,
    );
  });

  const updated = 'employees.employee.updated';
  it.each([
    ['no change at all', {}, /event\/data\/changes must NOT have fewer than 1 properties/],
    [
      'a clear salary',
      { salary: { old: '50000', new: '60000' } },
      /event\/data\/changes\/salary\/old must be equal to one of the allowed values/,
    ],
    [
      'a clear phone',
      { phone: { old: null, new: '+44 20 7946 0000' } },
      /event\/data\/changes\/phone\/new must be equal to one of the allowed values/,
    ],
    [
      'status (its own event)',
      { status: { old: 'ACTIVE', new: 'ON_LEAVE' } },
      /must NOT have additional properties/,
    ],
    [
      'a change without its new value',
      { email: { old: 'a@example.com' } },
      /event\/data\/changes\/email must have required property 'new'/,
    ],
    [
      'a value that is not text',
      { grade: { old: 'B4', new: 5 } },
      /event\/data\/changes\/grade\/new must be string,null/,
    ],
  ])(`${updated}: rejects %s`, (_what, changes, message) => {
    expectInvalid(catalogue, withData(updated, { changes }), message);
  });

  it.each([
    [
      'employees.employee.status_changed',
      { from: 'RETIRED' },
      /event\/data\/from must be equal to one of the allowed values/,
    ],
    ['employees.employee.status_changed', { version: -1 }, /event\/data\/version must be >= 1/],
    [
      'employees.employee.terminated',
      { terminationDate: '31/03/2025' },
      /event\/data\/terminationDate must match format "date"/,
    ],
    [
      'employees.manager.assigned',
      { managerId: 'boss' },
      /event\/data\/managerId must match format "uuid"/,
    ],
    [
      'employees.manager.assigned',
      { previousManagerId: 3 },
      /event\/data\/previousManagerId must be string,null/,
    ],
    ['audit.retention.purged', { purgedCount: -1 }, /event\/data\/purgedCount must be >= 0/],
    [
      'audit.retention.purged',
      { before: '2024-01-01' },
      /event\/data\/before must match format "date-time"/,
    ],
  ])('%s: rejects %p', (type, change, message) => {
    expectInvalid(catalogue, withData(type, change), message);
  });

  it('bounds agreement totals as agreements does, so a copy in an integer column holds them', () => {
    const type = 'agreements.agreement.created';
    const total = (value: number) => [{ accrualType: 'ANNUAL_TARGET_HOURS', total: value }];
    expect(() =>
      catalogue.validate(withData(type, { targets: total(9_999_999.99) })),
    ).not.toThrow();
    expectInvalid(
      catalogue,
      withData(type, { openingBalances: total(10_000_000) }),
      /openingBalances\/0\/total must be <= 9999999.99/,
    );
  });

  it('requires the previous manager on manager.assigned', () => {
    expectInvalid(
      catalogue,
      withData('employees.manager.assigned', {}, 'previousManagerId'),
      /required property 'previousManagerId'/,
    );
  });
});

describe('hostile input', () => {
  const catalogue = loadCatalogue();
  const INT4_MAX = 2 ** 31 - 1;
  const withData = (type: string, change: Record<string, unknown>) =>
    eventOf(type, { ...validData[type], ...change });

  /** Every integer field of a schema named `version` or `…Version`, by path. */
  function versionFields(schema: unknown, at = ''): [string, Record<string, unknown>][] {
    if (typeof schema !== 'object' || schema === null) return [];
    const found = Object.entries(schema).flatMap(([key, value]) =>
      versionFields(value, `${at}/${key}`),
    );
    const { properties } = schema as { properties?: Record<string, Record<string, unknown>> };
    for (const [name, field] of Object.entries(properties ?? {}))
      if (/^version$|Version$/.test(name) && field.type === 'integer')
        found.push([`${at}/properties/${name}`, field]);
    return found;
  }

  it('caps every version field at what an integer column holds', () => {
    const fields = catalogue
      .contracts()
      .flatMap(({ type, schema }) => versionFields(schema).map(([at, f]) => ({ type, at, f })));
    expect(fields.length).toBeGreaterThan(40);
    const uncapped = fields.filter(({ f }) => f.maximum !== INT4_MAX);
    expect(uncapped.map(({ type, at }) => type + at)).toEqual([]);
  });

  it.each([
    ['the largest safe integer', '9007199254740991'],
    ['1e300', '1e300'],
    ['one past the column', String(INT4_MAX + 1)],
  ])('refuses an employee version of %s', (_, version) => {
    const event = withData('employees.employee.updated', { version: 2 });
    const text = JSON.stringify(event).replace('"version":2', `"version":${version}`);
    expectInvalid(catalogue, JSON.parse(text), /event\/data\/version must be <= 2147483647/);
    expect(
      catalogue.validate(withData('employees.employee.updated', { version: INT4_MAX })),
    ).toBeTruthy();
  });

  it("refuses an event whose source is not its type's producer", () => {
    const forged = {
      ...eventOf('employees.employee.terminated'),
      source: '/subgraphs/notifications',
    };
    expectInvalid(
      catalogue,
      forged,
      /event\/source must be \/subgraphs\/employees, the producer of employees.employee.terminated/,
    );
  });

  it.each([
    ['source', `/subgraphs/${'a'.repeat(10_000)}`],
    ['type', `employees.employee.${'a'.repeat(300)}`],
    ['time', `2025-04-01T07:00:00.${'0'.repeat(100)}Z`],
    ['dataschema', `urn:hr:${'a'.repeat(400)}`],
    ['subject', 'a'.repeat(201)],
    ['correlationid', 'a'.repeat(201)],
    ['actor', 'a'.repeat(201)],
  ])('refuses an envelope %s longer than its bound', (attribute, value) => {
    const event = { ...eventOf('employees.employee.terminated'), [attribute]: value };
    expectInvalid(catalogue, event, new RegExp(`event/${attribute} must NOT have more than`));
  });

  describe('the period of a time entry', () => {
    const WEEK = 7 * 24 * 60;
    const at = (minutes: number) =>
      new Date(Date.UTC(2025, 3, 1, 7) + minutes * 60_000).toISOString();
    const span = (minutes: number) => ({ startTime: at(0), endTime: at(minutes) });

    it.each([
      ['time.entry.recorded', span(-60)],
      ['time.entry.recorded', span(0)],
      ['time.entry.recorded', { startTime: at(0), endTime: '2125-04-01T07:00:00.000Z' }],
      ['time.entry.recorded', span(WEEK + 1)],
      ['time.entry.amended', span(WEEK + 1)],
      ['time.entry.amended', span(-1)],
    ])('refuses %s of %p', (type, period) => {
      expectInvalid(catalogue, withData(type, period), /event\/data must have endTime/);
    });

    it('takes a deleted entry, or an amended one as it was, longer than a week', () => {
      // They describe an entry stored before time bounded entries to a week, which may still
      // be corrected or deleted; no consumer splits them per day.
      const previous = {
        ...(validData['time.entry.amended'].previous as object),
        ...span(WEEK + 1),
      };
      expect(catalogue.validate(withData('time.entry.amended', { previous }))).toBeTruthy();
      expect(catalogue.validate(withData('time.entry.deleted', span(WEEK + 1)))).toBeTruthy();
    });

    it('refuses a scheduled shift longer than a week', () => {
      const shifts = [{ shiftId: ENTRY, start: at(0), end: at(WEEK + 1), shiftType: null }];
      expectInvalid(
        catalogue,
        withData('time.schedule.published', { from: at(0), to: at(WEEK + 1), shifts }),
        /event\/data\/shifts\/0 must have end at most 10080 minutes after start/,
      );
    });

    it('accepts an entry of exactly a week, and an open one', () => {
      expect(catalogue.validate(withData('time.entry.recorded', span(WEEK)))).toBeTruthy();
      const open = { startTime: at(0), endTime: null };
      expect(catalogue.validate(withData('time.entry.recorded', open))).toBeTruthy();
    });
  });
});

describe('registering contracts', () => {
  it('adds a type that then validates', () => {
    const catalogue = new EventCatalogue();
    catalogue.register(thingContract('created'));
    const event = createEvent(
      { type: 'test.thing.created', subject: 't1', data: { n: 1, version: 1 } },
      testMeta,
    );
    expect(catalogue.validate(event)).toBe(event);
    expectInvalid(
      catalogue,
      { ...event, data: { n: -1, version: 1 } },
      /event\/data\/n must be >= 0/,
    );
    expect(catalogue.get('test.thing.created', 1)?.producer).toBe('test');
  });

  it('refuses the same type and version twice', () => {
    const catalogue = new EventCatalogue([thingContract('created')]);
    expect(() => catalogue.register(thingContract('created'))).toThrow(
      expect.objectContaining({ name: 'CatalogueError', code: 'CATALOGUE_INVALID' }),
    );
  });

  it.each([
    ['a type without a domain', { type: 'created' }],
    ['a version 0', { version: 0 }],
    ['no producer', { producer: undefined }],
    ['a schema with an unknown keyword', { schema: { type: 'object', colour: 'red' } }],
  ])('refuses %s', (_what, change) => {
    const contract = JSON.parse(JSON.stringify({ ...thingContract('x'), ...change }));
    expect(() => new EventCatalogue([contract])).toThrow(CatalogueError);
  });

  describe('the naming rule', () => {
    const named = (type: string, extra: Partial<EventContract> = {}): EventContract => ({
      ...thingContract('created'),
      type,
      ...extra,
    });

    it.each([
      ['test.thing', /not three snake_case segments/],
      ['test.thing.created.late', /not three snake_case segments/],
      ['test.thing__x.created', /not three snake_case segments/],
      ['other.thing.created', /domain "other" is not its producer "test"/],
      ['test.thing.create', /"create" is not a past tense/],
      ['test.thing.status_change', /"change" is not a past tense/],
      ['test.thing.log_in', /"log" is not a past tense/],
      ['test.thing.in', /"in" is not a past tense/],
    ])('refuses %s', (type, reason) => {
      expect(() => new EventCatalogue([named(type)])).toThrow(CatalogueError);
      expect(() => new EventCatalogue([named(type)])).toThrow(reason);
    });

    it.each([
      'test.thing.created',
      'test.rate_card.set',
      'test.thing.status_changed',
      'test.pay.paid',
      'test.user.logged_in',
    ])('accepts %s', (type) => {
      const contract = named(type);
      expect(new EventCatalogue([contract]).get(type, 1)).toEqual(contract);
    });

    it('exempts a former name only when it is marked as renamed to a type of the catalogue', () => {
      const current = named('test.check_in.recorded');
      const former = named('test.checked_in', { renamedTo: 'test.check_in.recorded' });
      const catalogue = new EventCatalogue([former, current]);
      expect(catalogue.currentType('test.checked_in')).toBe('test.check_in.recorded');
      expect(catalogue.currentType('test.check_in.recorded')).toBe('test.check_in.recorded');
      expect(catalogue.withFormerNames(['test.check_in.recorded'])).toEqual([
        'test.check_in.recorded',
        'test.checked_in',
      ]);
      const old = createEvent(
        { type: 'test.checked_in', subject: 't1', data: { n: 1, version: 1 } },
        testMeta,
      );
      expect(catalogue.validate(old)).toBe(old);
      expect(catalogue.asCurrent(old)).toEqual({ ...old, type: 'test.check_in.recorded' });

      expect(() => new EventCatalogue([named('test.checked_in')])).toThrow(/naming rule/);
      expect(() => new EventCatalogue([former])).toThrow(
        /test.check_in.recorded v1 is not in the catalogue/,
      );
      const otherSchema = { ...former, schema: { type: 'object' } };
      expect(() => new EventCatalogue([otherSchema, current])).toThrow(/data schema differs/);
      const otherConsumers = { ...former, consumers: ['audit'] };
      expect(() => new EventCatalogue([otherConsumers, current])).toThrow(/consumers differ/);
    });

    it('names the file and the rule when a contract file breaks it', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
      try {
        fs.writeFileSync(path.join(dir, 'test.thing.v1.json'), JSON.stringify(named('test.thing')));
        expect(() => loadCatalogue(dir)).toThrow(
          expect.objectContaining({
            name: 'CatalogueError',
            message: expect.stringMatching(
              /^test\.thing\.v1\.json: test\.thing breaks the naming rule .*<domain>\.<entity>\.<past-tense verb>/,
            ),
          }),
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('holds in the shipped catalogue, former names being marked as renamed', () => {
      const formers = loadCatalogue()
        .contracts()
        .filter((contract) => contract.renamedTo)
        .map(({ type, renamedTo }) => [type, renamedTo]);
      expect(formers).toEqual([
        ['attendance.checked_in', 'attendance.check_in.recorded'],
        ['attendance.checked_out', 'attendance.check_out.recorded'],
        ['attendance.manual_entry_recorded', 'attendance.manual_entry.recorded'],
      ]);
    });
  });

  describe('from a folder', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, content: unknown) =>
      fs.writeFileSync(
        path.join(dir, file),
        typeof content === 'string' ? content : JSON.stringify(content),
      );

    it('loads every contract file', () => {
      write('test.thing.created.v1.json', thingContract('created'));
      write('test.thing.noted.v1.json', thingContract('noted'));
      expect(
        loadCatalogue(dir)
          .contracts()
          .map((c) => c.type),
      ).toEqual(['test.thing.created', 'test.thing.noted']);
    });

    it('refuses a file not named after its type and version', () => {
      write('thing.json', thingContract('created'));
      expect(() => loadCatalogue(dir)).toThrow(/name it test.thing.created.v1.json/);
    });

    it('refuses a file that is not JSON', () => {
      write('test.thing.created.v1.json', '{ nope');
      expect(() => loadCatalogue(dir)).toThrow(CatalogueError);
    });
  });
});

// Keeps the test data honest: every contract has a valid sample above.
it('has a sample for every shipped contract', () => {
  const types = loadCatalogue()
    .contracts()
    .map((c) => c.type);
  expect(Object.keys(validData).sort()).toEqual([...types].sort());
});
