import { eventToEntry, mask } from '../src/eventToEntry';
import { EMPLOYEE_ID, HR_ACTOR, MANAGER_ID, employeeDrafts, makeEvent } from './support';

const entryOf = (draft: { type: string; data: Record<string, unknown> }) =>
  eventToEntry(makeEvent({ type: draft.type, data: { ...draft.data } }));

describe('eventToEntry', () => {
  it('records who, what, where and when from the envelope', () => {
    const time = new Date('2025-01-02T03:04:05.678Z');
    const event = makeEvent({ time, correlationId: 'corr-1', requestId: 'req-1' });
    expect(eventToEntry(event)).toMatchObject({
      occurredAt: time,
      actorId: HR_ACTOR,
      logType: 'employees.employee.created',
      entityType: 'employee',
      entityId: EMPLOYEE_ID,
      subgraph: 'employees',
      status: 'SUCCESS',
      requestId: 'req-1',
      correlationId: 'corr-1',
      eventId: event.id,
    });
  });

  it('maps employee created to CREATE with the record as new values, email masked', () => {
    const entry = entryOf(employeeDrafts.created);
    expect(entry.action).toBe('CREATE');
    expect(entry.oldValues).toBeNull();
    expect(entry.newValues).toMatchObject({
      employeeId: EMPLOYEE_ID,
      firstName: 'Ada',
      email: '***',
      status: 'ACTIVE',
    });
  });

  it('maps employee updated to UPDATE with each change split into old and new, personal data masked', () => {
    const entry = entryOf(employeeDrafts.updated);
    expect(entry.action).toBe('UPDATE');
    const masked = { email: '***', phone: '***', salary: '***' };
    expect(entry.oldValues).toEqual({ jobTitle: 'Engineer', ...masked });
    expect(entry.newValues).toEqual({
      employeeId: EMPLOYEE_ID,
      employeeNumber: 'E-1001',
      version: 2,
      jobTitle: 'Senior Engineer',
      ...masked,
    });
  });

  it('maps status changed to STATUS_CHANGE with the status before and after', () => {
    const entry = entryOf(employeeDrafts.statusChanged);
    expect(entry.action).toBe('STATUS_CHANGE');
    expect(entry.oldValues).toEqual({ status: 'ACTIVE' });
    expect(entry.newValues).toMatchObject({ status: 'ON_LEAVE', version: 3 });
  });

  it('maps manager assigned to ASSIGN on the employee, with the previous manager as old value', () => {
    const entry = entryOf(employeeDrafts.managerAssigned);
    expect(entry).toMatchObject({
      action: 'ASSIGN',
      entityType: 'employee',
      entityId: EMPLOYEE_ID,
    });
    expect(entry.oldValues).toEqual({ managerId: null });
    expect(entry.newValues).toEqual({
      employeeId: EMPLOYEE_ID,
      employeeNumber: 'E-1001',
      version: 4,
      managerId: MANAGER_ID,
    });
  });

  it('maps terminated to TERMINATE with the termination date', () => {
    const entry = entryOf(employeeDrafts.terminated);
    expect(entry.action).toBe('TERMINATE');
    expect(entry.oldValues).toBeNull();
    expect(entry.newValues).toMatchObject({ terminationDate: '2025-03-31' });
  });

  it('files training events on the course or the assignment, a completion with the one it replaces', () => {
    const completed = eventToEntry(
      makeEvent({
        type: 'compliance.training.completed',
        data: { assignmentId: 'a1', completedOn: '2026-01-10', previousCompletedOn: '2025-01-10' },
      }),
    );
    expect(completed).toMatchObject({
      action: 'COMPLETE',
      entityType: 'training_assignment',
      oldValues: { completedOn: '2025-01-10' },
      newValues: { assignmentId: 'a1', completedOn: '2026-01-10' },
    });
    const course = eventToEntry(
      makeEvent({
        type: 'compliance.course.updated',
        data: { courseId: 'c1', retired: true, changes: { retired: { old: false, new: true } } },
      }),
    );
    expect(course).toMatchObject({
      action: 'UPDATE',
      entityType: 'training_course',
      oldValues: { retired: false },
    });
    const due = eventToEntry(
      makeEvent({ type: 'compliance.training.due_reached', data: { assignmentId: 'a1' } }),
    );
    expect(due).toMatchObject({ action: 'DUE_REACHED', entityType: 'training_assignment' });
  });

  it('maps an unknown verb to the verb in upper case', () => {
    const entry = eventToEntry(makeEvent({ type: 'time.entry.checked_in', data: { a: 1 } }));
    expect(entry).toMatchObject({ action: 'CHECKED_IN', entityType: 'entry' });
  });

  it('takes a source that is not a subgraph path as it is', () => {
    expect(eventToEntry(makeEvent({ source: 'legacy-tams' })).subgraph).toBe('legacy-tams');
  });

  it('records a type of two segments (a former name) with the domain as its entity', () => {
    const entry = eventToEntry(makeEvent({ type: 'attendance.checked_in', data: { a: 1 } }));
    expect(entry).toMatchObject({
      logType: 'attendance.checked_in',
      entityType: 'attendance',
      action: 'CHECKED_IN',
      newValues: { a: 1 },
    });
    expect(eventToEntry(makeEvent({ type: 'nodots' }))).toMatchObject({
      entityType: 'nodots',
      action: 'NODOTS',
    });
  });

  it('files check-ins, check-outs and manual entries under the attendance entry', () => {
    for (const type of [
      'attendance.check_in.recorded',
      'attendance.check_out.recorded',
      'attendance.manual_entry.recorded',
    ]) {
      expect(eventToEntry(makeEvent({ type }))).toMatchObject({
        logType: type,
        entityType: 'attendance_entry',
        action: 'RECORDED',
      });
    }
  });

  it('refuses an event it cannot read', () => {
    expect(() => eventToEntry({ ...makeEvent(), type: '' })).toThrow(/type/);
    expect(() => eventToEntry({ ...makeEvent(), time: 'yesterday' })).toThrow(/time/);
    expect(() => eventToEntry({ ...makeEvent(), subject: '' })).toThrow(/subject/);
  });
});

describe('mask', () => {
  it('masks sensitive keys at any depth, in arrays and in field-change lists', () => {
    expect(
      mask({
        name: 'x',
        salary: { amountMinor: 1, currency: 'GBP' },
        contact: { workEmail: 'a@b', mobilePhone: '1', city: 'Leeds' },
        apiToken: 't',
        password: 'p',
        changes: [
          { field: 'salary', from: 1, to: 2 },
          { field: 'grade', from: 'G1', to: 'G2' },
        ],
        list: [{ phone: '1' }],
        bankHolidays: ['2025-12-25'],
        homeAddress: '1 Road',
      }),
    ).toEqual({
      name: 'x',
      salary: '***',
      contact: { workEmail: '***', mobilePhone: '***', city: 'Leeds' },
      apiToken: '***',
      password: '***',
      changes: [
        { field: 'salary', from: '***', to: '***' },
        { field: 'grade', from: 'G1', to: 'G2' },
      ],
      list: [{ phone: '***' }],
      bankHolidays: ['2025-12-25'],
      homeAddress: '***',
    });
  });

  it("masks a notification's title and body, which only its recipient may read, but no other title", () => {
    const notification = eventToEntry(
      makeEvent({
        type: 'notifications.notification.created',
        subject: EMPLOYEE_ID,
        source: '/subgraphs/notifications',
        data: {
          notificationId: MANAGER_ID,
          recipientId: EMPLOYEE_ID,
          type: 'MESSAGE',
          title: 'Your disciplinary hearing',
          body: 'Thursday at 10',
          createdAt: '2025-01-02T03:04:05.000Z',
          version: 1,
        },
      }),
    );
    expect(notification.newValues).toMatchObject({
      recipientId: EMPLOYEE_ID,
      type: 'MESSAGE',
      title: '***',
      body: '***',
    });
    expect(entryOf(employeeDrafts.updated).newValues).toMatchObject({
      jobTitle: 'Senior Engineer',
    });
  });

  it('splits a list of field changes into old and new values, masked', () => {
    const entry = eventToEntry(
      makeEvent({
        type: 'agreements.agreement.updated',
        data: {
          version: 2,
          changes: [
            { field: 'bankAccount', from: 'x', to: 'y' },
            { field: 'fte', from: 1, to: 0.5 },
          ],
        },
      }),
    );
    expect(entry.oldValues).toEqual({ bankAccount: '***', fte: 1 });
    expect(entry.newValues).toEqual({ version: 2, bankAccount: '***', fte: 0.5 });
  });

  it("records a policy's new version with the rules before as old values and after as new", () => {
    const entry = eventToEntry(
      makeEvent({
        type: 'compliance.policy.updated',
        subject: 'RETENTION:DEFAULT',
        source: '/subgraphs/compliance',
        data: {
          kind: 'RETENTION',
          key: 'DEFAULT',
          version: 2,
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          rules: { auditRetentionDays: 90 },
          previous: { auditRetentionDays: 365 },
          reason: null,
        },
      }),
    );
    expect(entry).toMatchObject({
      action: 'UPDATE',
      entityType: 'policy',
      entityId: 'RETENTION:DEFAULT',
      subgraph: 'compliance',
      oldValues: { auditRetentionDays: 365 },
      newValues: {
        kind: 'RETENTION',
        key: 'DEFAULT',
        version: 2,
        effectiveFrom: '2026-01-01T00:00:00.000Z',
        reason: null,
        auditRetentionDays: 90,
      },
    });
  });
});
