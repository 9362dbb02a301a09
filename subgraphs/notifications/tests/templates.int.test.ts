import { v7 as uuidv7 } from 'uuid';
import { leaveData, startNotifications } from './support';
import { statusChangedData, terminatedData } from '../../../test-support/employeeEvents';
import { employeeUpdatedData } from '../../../test-support/employeeUpdatedData';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('notifications: templates from events', () => {
  const hrId = uuidv7();
  const financeId = uuidv7();
  const adminId = uuidv7();
  const h = suiteHarness(() =>
    startNotifications({
      hrRecipientIds: [hrId],
      financeRecipientIds: [financeId],
      adminRecipientIds: [adminId],
    }),
  );
  let hr1: string;
  let finance1: string;
  let manager: string;
  let employee: string;

  beforeAll(async () => {
    hr1 = await h.hire({ employeeId: hrId, firstName: 'Hana', lastName: 'Reyes' });
    finance1 = await h.hire({ employeeId: financeId, firstName: 'Fin', lastName: 'Ance' });
    manager = await h.hire({ firstName: 'Mona', lastName: 'Gerr' });
    employee = await h.hire({ firstName: 'Eve', lastName: 'Worker', managerId: manager });
  });

  const latest = async (recipientId: string) => {
    const rows = await h.notificationsOf(recipientId);
    return rows[rows.length - 1];
  };

  it('employee created: tells the manager, and emits notification.created', async () => {
    const n = await latest(manager);
    expect(n).toMatchObject({
      type: 'EMPLOYEE_CREATED',
      title: 'Eve Worker joined your team',
      body: 'Eve Worker (Staff Nurse, Emergency Medicine) starts on 2021-04-01 and reports to you.',
      status: 'UNREAD',
      channel: 'IN_APP',
    });
    const events = await h.events('notifications.notification.created');
    const event = events.find((e) => e.data.notificationId === n.id)!;
    expect(event.data).toEqual({
      notificationId: n.id,
      recipientId: manager,
      type: 'EMPLOYEE_CREATED',
      title: 'Eve Worker joined your team',
      createdAt: n.createdAt.toISOString(),
      version: 1,
    });
    expect(event.source).toBe('/subgraphs/notifications');
  });

  const violation = (rule: string, message: string, extra: Record<string, unknown> = {}) => ({
    violationId: uuidv7(),
    employeeId: employee,
    managerId: manager,
    rule,
    fromDate: '2025-10-30',
    toDate: '2025-10-30',
    message,
    policy: { kind: 'WORKING_TIME', key: 'DEFAULT', version: 2 },
    source: 'attendance.day.processed',
    sourceEventId: uuidv7(),
    detectedAt: '2025-10-31T02:00:00.000Z',
    version: 1,
    details: {},
    ...extra,
  });

  const training = (data: Record<string, unknown>) => ({
    assignmentId: uuidv7(),
    employeeId: employee,
    courseId: uuidv7(),
    courseCode: 'FIRE-SAFETY',
    courseTitle: 'Fire safety',
    version: 1,
    ...data,
  });

  /** An event, who it tells (each one's newest notification), and who must hear nothing of it. */
  interface Template {
    event(): Promise<[type: string, data: Record<string, unknown>]>;
    tells(): [recipientId: string, notification: Record<string, string>][];
    spares?(): string[];
  }

  const overtime = {
    type: 'COMPLIANCE_VIOLATION',
    title: 'Compliance: Eve Worker, over the daily overtime cap',
    body: 'Eve Worker: overtime on 2025-10-30 was 5 h 10 min, over the 4 h daily cap (WORKING_TIME v2).',
  };

  const templates: Record<string, Template> = {
    'dead letter recorded: tells the administrators, and nobody else': {
      event: async () => [
        'audit.dead_letter.recorded',
        {
          deadLetterId: '17',
          consumer: 'leave_employee_copy',
          eventType: 'employees.employee.updated',
          eventId: uuidv7(),
          reason: 'HANDLER_FAILED',
          error: 'no such employee',
          attempts: 5,
          firstFailedAt: '2026-12-01T09:00:00Z',
          lastFailedAt: '2026-12-01T09:02:00Z',
        },
      ],
      tells: () => [
        [
          adminId,
          {
            type: 'DEAD_LETTER',
            title: 'Dead letter: employees.employee.updated for leave_employee_copy',
            body: 'Consumer leave_employee_copy gave up on an event employees.employee.updated after 5 attempts (HANDLER_FAILED). Replay or discard dead letter 17.',
          },
        ],
      ],
      spares: () => [hrId],
    },
    'leave requested: tells the manager': {
      event: async () => [
        'leave.request.created',
        { ...leaveData(employee, manager), requestedBy: employee },
      ],
      tells: () => [
        [
          manager,
          {
            type: 'LEAVE_REQUESTED',
            title: 'Leave request from Eve Worker',
            body: 'Eve Worker asked for annual leave from 2026-12-01 to 2026-12-03 (3 days). It waits for your decision.',
          },
        ],
      ],
    },
    'approved: tells the employee and the configured HR recipients': {
      event: async () => [
        'leave.request.approved',
        {
          ...leaveData(employee, manager, { status: 'APPROVED' }),
          approvedBy: manager,
          approvedAt: '2026-11-20T10:00:00Z',
        },
      ],
      tells: () => [
        [
          employee,
          {
            type: 'LEAVE_APPROVED',
            title: 'Your leave request was approved',
            body: 'Your annual leave from 2026-12-01 to 2026-12-03 (3 days) was approved.',
          },
        ],
        [
          hr1,
          {
            type: 'LEAVE_APPROVED',
            title: 'Leave approved for Eve Worker',
            body: "Eve Worker's annual leave from 2026-12-01 to 2026-12-03 (3 days) was approved.",
          },
        ],
      ],
    },
    'rejected: tells the employee, with the reason': {
      event: async () => [
        'leave.request.rejected',
        {
          ...leaveData(employee, manager, {
            status: 'REJECTED',
            leaveType: 'TOIL',
            startDate: '2026-12-05',
            endDate: '2026-12-05',
            days: 1,
            dates: [{ date: '2026-12-05', days: 1 }],
          }),
          rejectedBy: manager,
          rejectedAt: '2026-11-20T10:00:00Z',
          rejectionReason: 'Short staffed',
        },
      ],
      tells: () => [
        [
          employee,
          {
            type: 'LEAVE_REJECTED',
            title: 'Your leave request was rejected',
            body: 'Your time off in lieu leave on 2026-12-05 (1 day) was rejected.\nReason: Short staffed',
          },
        ],
      ],
    },
    'cancelled: tells the employee': {
      event: async () => [
        'leave.request.cancelled',
        {
          ...leaveData(employee, manager, { status: 'CANCELLED', leaveType: 'SICK' }),
          previousStatus: 'APPROVED',
          cancelledBy: employee,
          cancelledAt: '2026-11-20T10:00:00Z',
        },
      ],
      tells: () => [
        [
          employee,
          {
            type: 'LEAVE_CANCELLED',
            title: 'Your leave request was cancelled',
            body: 'Your sick leave from 2026-12-01 to 2026-12-03 (3 days) was cancelled.',
          },
        ],
      ],
    },
    'late arrival: tells the manager': {
      event: async () => [
        'attendance.late_arrival.detected',
        {
          dayId: uuidv7(),
          employeeId: employee,
          date: '2026-11-19',
          version: 1,
          managerId: manager,
          checkInTime: '2026-11-19T09:17:00Z',
          lateByMinutes: 17,
        },
      ],
      tells: () => [
        [
          manager,
          {
            type: 'LATE_ARRIVAL',
            title: 'Eve Worker arrived late',
            body: 'Eve Worker checked in 17 minutes late on 2026-11-19.',
          },
        ],
      ],
    },
    'violation detected: tells HR and the manager in plain words, not the employee': {
      event: async () => [
        'compliance.violation.detected',
        violation(
          'DAILY_OVERTIME_CAP',
          'Overtime on 2025-10-30 was 5 h 10 min, over the 4 h daily cap (WORKING_TIME v2).',
          { details: { minutes: 310, limitMinutes: 240 } },
        ),
      ],
      tells: () => [
        [manager, overtime],
        [hrId, overtime],
      ],
      spares: () => [employee],
    },
    'violation detected: keeps a sentence that starts with a name as it is, and tells HR without a manager':
      {
        event: async () => {
          const loner = await h.hire({ firstName: 'Lone', lastName: 'Ranger' });
          return [
            'compliance.violation.detected',
            violation(
              'HR_EXCEPTION',
              'HR recorded time on 2025-10-30 under an exception to the daily overtime cap (WORKING_TIME v2). Reason: Cover',
              { employeeId: loner, managerId: null },
            ),
          ];
        },
        tells: () => [
          [
            hrId,
            {
              type: 'COMPLIANCE_VIOLATION',
              title: 'Compliance: Lone Ranger, working-time exception recorded',
              body: 'Lone Ranger: HR recorded time on 2025-10-30 under an exception to the daily overtime cap (WORKING_TIME v2). Reason: Cover',
            },
          ],
        ],
      },
    'absence: tells HR': {
      event: async () => [
        'attendance.absence.detected',
        {
          dayId: uuidv7(),
          employeeId: employee,
          date: '2026-11-18',
          version: 1,
          managerId: manager,
        },
      ],
      tells: () => [
        [
          hr1,
          {
            type: 'ABSENCE',
            title: 'Eve Worker was absent',
            body: 'Eve Worker did not check in on 2026-11-18 and had no leave.',
          },
        ],
      ],
    },
    'day closed: tells finance': {
      event: async () => [
        'billing.day.closed',
        {
          date: '2026-11-21',
          transactionCount: 12,
          lateTransactionCount: 1,
          accountCount: 3,
          totals: [],
          version: 1,
        },
      ],
      tells: () => [
        [
          finance1,
          {
            type: 'DAY_CLOSED',
            title: 'Ledger day 2026-11-21 closed',
            body: 'The ledger day 2026-11-21 was closed with 12 transactions (1 late) on 3 accounts.',
          },
        ],
      ],
    },
    'training assigned: tells the employee': {
      event: async () => [
        'compliance.training.assigned',
        training({ dueDate: '2026-01-31', department: null }),
      ],
      tells: () => [
        [
          employee,
          {
            type: 'TRAINING_ASSIGNED',
            title: 'Training assigned: FIRE-SAFETY',
            body: 'Please complete Fire safety (FIRE-SAFETY) by 2026-01-31.',
          },
        ],
      ],
    },
    'training overdue: tells the employee and the manager': {
      event: async () => [
        'compliance.training.due_reached',
        training({ managerId: manager, dueDate: '2025-11-20', renewal: false, status: 'OVERDUE' }),
      ],
      tells: () => [
        [
          employee,
          {
            type: 'TRAINING_DUE',
            title: 'Training overdue: FIRE-SAFETY',
            body: 'Fire safety (FIRE-SAFETY) was due by 2025-11-20. Please complete it now.',
          },
        ],
        [
          manager,
          {
            type: 'TRAINING_OVERDUE',
            title: 'Overdue training: Eve Worker',
            body: 'Eve Worker has not completed Fire safety (FIRE-SAFETY), due by 2025-11-20.',
          },
        ],
      ],
    },
  };

  it.each(Object.entries(templates))('%s', async (_name, template) => {
    await h.send(...(await template.event()));
    for (const [recipientId, notification] of template.tells())
      expect(await latest(recipientId)).toMatchObject(notification);
    const type = template.tells()[0]![1].type;
    for (const spared of template.spares?.() ?? [])
      expect((await h.notificationsOf(spared)).map((n) => n.type)).not.toContain(type);
  });

  it('incomplete check-out (day processed INCOMPLETE): tells the employee once per day', async () => {
    const dayId = uuidv7();
    const day = (version: number, status: string | null) => ({
      dayId,
      employeeId: employee,
      date: '2026-11-17',
      version,
      status,
      workedMinutes: 0,
      plannedMinutes: 480,
      lateByMinutes: 0,
      earlyExitMinutes: 0,
      overtimeMinutes: 0,
    });
    const before = (await h.notificationsOf(employee)).length;
    await h.send('attendance.day.processed', day(1, 'PRESENT'));
    expect(await h.notificationsOf(employee)).toHaveLength(before);
    await h.send('attendance.day.processed', day(2, 'INCOMPLETE'));
    await h.send('attendance.day.processed', day(3, 'INCOMPLETE'));
    const rows = await h.notificationsOf(employee);
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1]).toMatchObject({
      type: 'INCOMPLETE_CHECK_OUT',
      title: 'Check-out missing on 2026-11-17',
      body: 'You checked in on 2026-11-17 but did not check out. Ask your manager to record the time.',
    });
  });

  it('training due or expiring: tells the employee only', async () => {
    const managerBefore = (await h.notificationsOf(manager)).length;
    const due = { managerId: manager, dueDate: '2026-01-31', renewal: false, status: 'DUE' };
    await h.send('compliance.training.due_reached', training(due));
    expect(await latest(employee)).toMatchObject({
      type: 'TRAINING_DUE',
      title: 'Training due: FIRE-SAFETY',
      body: 'Please complete Fire safety (FIRE-SAFETY) by 2026-01-31.',
    });
    await h.send(
      'compliance.training.due_reached',
      training({ ...due, renewal: true, status: 'EXPIRING', dueDate: '2026-02-10' }),
    );
    expect(await latest(employee)).toMatchObject({
      type: 'TRAINING_DUE',
      title: 'Training expiring: FIRE-SAFETY',
      body: 'Your completion of Fire safety (FIRE-SAFETY) expires on 2026-02-10. Please renew it before then.',
    });
    expect(await h.notificationsOf(manager)).toHaveLength(managerBefore);
  });

  it('a duplicated event stores one notification and one event', async () => {
    const before = (await h.all()).length;
    const eventsBefore = (await h.events('notifications.notification.created')).length;
    const event = await h.send('leave.request.created', {
      ...leaveData(employee, manager),
      requestedBy: employee,
    });
    await h.feed(event);
    expect(await h.all()).toHaveLength(before + 1);
    expect(await h.events('notifications.notification.created')).toHaveLength(eventsBefore + 1);
  });

  it('an event naming no one to tell stores nothing', async () => {
    const before = (await h.all()).length;
    await h.send('leave.request.created', { ...leaveData(employee, null), requestedBy: employee });
    await h.hire({ managerId: null });
    expect(await h.all()).toHaveLength(before);
  });
});

describe('notifications: copy of employees', () => {
  const h = suiteHarness(startNotifications);

  it('keeps name, e-mail, manager and status, and ignores older versions', async () => {
    const id = await h.hire({ firstName: 'Ann', email: 'ann@example.com' });
    const manager = uuidv7();
    await h.send('employees.manager.assigned', {
      employeeId: id,
      employeeNumber: 'E1',
      version: 3,
      managerId: manager,
      previousManagerId: null,
    });
    // Version 2 arrives after 3: older than the copy, it changes nothing.
    await h.send(
      'employees.employee.updated',
      employeeUpdatedData(id, 2, { email: { old: 'ann@example.com', new: 'old@example.com' } }),
    );
    await h.send('employees.employee.status_changed', statusChangedData(id, 2, 'ON_LEAVE'));
    expect(await h.copy(id)).toMatchObject({
      firstName: 'Ann',
      email: 'ann@example.com',
      managerId: manager,
      status: 'ACTIVE',
      version: 3,
    });
    await h.send(
      'employees.employee.updated',
      employeeUpdatedData(id, 4, {
        email: { old: 'ann@example.com', new: 'ann.new@example.com' },
        lastName: { old: 'Person', new: 'Smith' },
      }),
    );
    await h.send('employees.employee.terminated', terminatedData(id, 5, '2026-12-31'));
    expect(await h.copy(id)).toMatchObject({
      firstName: 'Ann',
      lastName: 'Smith',
      email: 'ann.new@example.com',
      status: 'TERMINATED',
      version: 5,
    });
  });
});
