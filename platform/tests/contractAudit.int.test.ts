import { DateTime } from 'luxon';
import { KnownEmployeeSchema } from '../../subgraphs/agreements/src/entities';
import { deadLetterStream, eventsStream } from '../../messaging';
import { contractOperation as op } from '../../test-support/contractOperation';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { type Caller } from '../../test-support/createTestPlatform';
import { natsSuite } from '../../test-support/natsSuite';
import { platformSuite } from '../../test-support/platformSuite';
import {
  agreementInput,
  daysAround,
  createAgreement,
  personInput,
  seedOrganisation,
} from '../../test-support/seedOrganisation';
import { rateCardInput } from '../../test-support/rateCardInput';
import { waitFor } from '../../test-support/waitFor';
import { nextWorkingDays, TEST_ZONE as zone } from '../../test-support/workingDays';

const auditor: Caller = { role: 'AUDITOR', sub: 'service:auditor' };
const finance: Caller = { role: 'FINANCE', sub: 'service:finance' };

const today = DateTime.now().setZone(zone).startOf('day');
/** The latest working day that ended at least two days ago. */
const lastWorkingDay = (): DateTime => nextWorkingDays(today.minus({ days: 2 }), 1, -1)[0]!;
/** Working days at least a week ahead: leave is counted on them, so none is a holiday. */
const daysAhead = (count: number): DateTime[] => nextWorkingDays(today.plus({ days: 7 }), count);

// Each operation of the front end's contract that changes state runs through the gateway
// with its own correlation id, and each ends in the audit log under that id; after the whole
// run no event has gone to the dead letters.
describe('every contract mutation ends in an audit entry', () => {
  const tp = platformSuite();
  const nats = natsSuite('contract-audit-test');
  const org = beforeAllValue(() => seedOrganisation(tp));
  const hr = (): Caller => ({ role: 'HR', sub: org.hr.id });
  const manager = (): Caller => ({ role: 'MANAGER', sub: org.manager.id });
  const self = (id: string): Caller => ({ role: 'EMPLOYEE', sub: id });
  const day = lastWorkingDay();
  const date = day.toISODate()!;
  const at = (hour: number, minute = 0) => day.set({ hour, minute }).toISO()!;
  const audited: { operation: string; correlationId: string }[] = [];
  let counter = 0;

  beforeAll(async () => {
    for (const report of org.reports.slice(0, 2)) {
      await createAgreement(tp, agreementInput(report.id, ...daysAround(day, 30, 300)), hr());
    }
  });

  /**
   * Runs a contract operation with a fresh correlation id, retrying while a subgraph has
   * not yet heard (by event) of what it needs; resolves with its data.
   */
  async function run(operation: string, variables: Record<string, unknown>, caller: Caller) {
    const correlationId = `contract-${operation}-${(counter += 1)}-${Date.now()}`;
    const data = await waitFor(async () => {
      const result = await tp.graphql(op(operation), variables, caller, {
        'x-correlation-id': correlationId,
      });
      return result.errors ? undefined : result.data!;
    });
    audited.push({ operation, correlationId });
    return data;
  }

  const auditEntries = async (filter: Record<string, unknown>) => {
    const { data, errors } = await tp.graphql(op('AuditLogs'), { filter, first: 50 }, auditor);
    expect(errors).toBeUndefined();
    return data!.auditLogs.nodes as { logType: string; entityId: string; correlationId: string }[];
  };

  it('employees: create, update, change status, assign a manager, terminate', async () => {
    const created = await run('CreateEmployee', { input: personInput('Priya', 'Shah') }, hr());
    const person = created.createEmployee;
    await run('UpdateEmployee', { input: { id: person.id, jobTitle: 'Sister' } }, hr());
    await run('ChangeEmployeeStatus', { input: { id: person.id, status: 'ON_LEAVE' } }, hr());
    await run('AssignManager', { input: { id: person.id, managerId: org.manager.id } }, hr());
    await run(
      'TerminateEmployee',
      { input: { id: person.id, terminationDate: '2026-12-31' } },
      hr(),
    );
  });

  it('agreements: create, amend, import', async () => {
    const person = org.reports[2];
    const created = await run(
      'CreateAgreement',
      { input: agreementInput(person.id, '2025-04-01', '2026-03-31') },
      hr(),
    );
    await run(
      'AmendAgreement',
      { input: { id: created.createAgreement.id, effectiveFrom: '2025-10-01', fte: 0.6 } },
      hr(),
    );
    const header =
      'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
      'weekly_hours,working_days,annual_leave_days,target_annual_target_hours';
    const row = `${org.indirect.employeeNumber},AHA,2025-04-01,2026-03-31,1,MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950`;
    // An import knows people by number from agreements' copy, which the hire's event fills:
    // it does not ask employees, as a single write does (docs/architecture.md §3.4).
    const agreements = tp.platform.runtimes.agreements!;
    await waitFor(async () => {
      const known = await agreements.orm.em.fork().count(KnownEmployeeSchema, {
        id: org.indirect.id,
      });
      return known === 1 || undefined;
    });
    const imported = await run(
      'ImportAgreements',
      { input: { format: 'CSV', content: `${header}\n${row}` } },
      hr(),
    );
    expect(imported.importAgreements.created).toBe(1);
  });

  it('time: record, amend, delete an entry; publish a schedule', async () => {
    const nurse = org.reports[0];
    const recorded = await run(
      'RecordTimeEntry',
      {
        input: {
          employeeId: nurse.id,
          periodType: 'SHIFT',
          shiftType: 'Early',
          startTime: at(8),
          endTime: at(12),
          mealBreakMinutes: 0,
        },
      },
      self(nurse.id),
    );
    const id = recorded.recordTimeEntry.id;
    await run('AmendTimeEntry', { input: { id, endTime: at(13) } }, self(nurse.id));
    await run('DeleteTimeEntry', { input: { id } }, self(nurse.id));
    const start = daysAhead(1)[0]!.set({ hour: 8 });
    await run(
      'PublishSchedule',
      {
        input: {
          employeeId: nurse.id,
          shifts: [{ start: start.toISO(), end: start.plus({ hours: 8 }).toISO() }],
        },
      },
      manager(),
    );
  });

  it('leave: request, approve, reject, cancel', async () => {
    const nurse = org.reports[1];
    const ask = (startDate: string) =>
      run(
        'RequestLeave',
        { input: { leaveType: 'ANNUAL', startDate, endDate: startDate } },
        self(nurse.id),
      );
    const [one, two, three] = daysAhead(3).map((d) => d.toISODate()!);
    const first = await ask(one!);
    await run('ApproveLeave', { input: { id: first.requestLeave.id } }, manager());
    const second = await ask(two!);
    await run('RejectLeave', { input: { id: second.requestLeave.id, reason: 'Short' } }, manager());
    const third = await ask(three!);
    await run('CancelLeave', { input: { id: third.requestLeave.id } }, self(nurse.id));
  });

  it('attendance: check in and out, a manual entry, the day processed', async () => {
    const nurse = org.reports[2];
    const started = DateTime.now().minus({ hours: 2 });
    await run(
      'CheckIn',
      { input: { time: started.toISO(), location: 'Ward 5', device: 'kiosk-1' } },
      self(nurse.id),
    );
    await run('CheckOut', { input: {} }, self(nurse.id));
    await run(
      'RecordManualAttendance',
      {
        input: {
          employeeId: org.reports[0].id,
          checkInTime: at(9, 14),
          checkOutTime: at(17, 30),
          reason: 'Badge reader was down',
        },
      },
      manager(),
    );
    await run('ProcessAttendanceDay', { input: { date } }, hr());
  });

  it('billing: a rate card set, a day closed', async () => {
    const today = DateTime.now().setZone(zone).toISODate()!;
    await run('SetRateCard', { input: rateCardInput('BAND_5', today, 1875) }, finance);
    await run('CloseBillingDay', { input: { date } }, finance);
  });

  it('notifications: mark one read, then all', async () => {
    // The leave decisions above told the requester; two of those are still unread.
    const nurse = self(org.reports[1].id);
    const unread = async () => {
      const { data } = await tp.graphql(op('MyNotifications'), { unreadOnly: true }, nurse);
      const nodes = (data?.myNotifications.nodes ?? []) as { id: string }[];
      return nodes.length >= 2 ? nodes : undefined;
    };
    const [first] = await waitFor(unread);
    await run('MarkNotificationRead', { input: { id: first!.id } }, nurse);
    const all = await run('MarkAllNotificationsRead', {}, nurse);
    expect(all.markAllNotificationsRead.count).toBeGreaterThan(0);
  });

  it('finds each operation in the audit log under its correlation id', async () => {
    const missing = async () => {
      const left: string[] = [];
      for (const { operation, correlationId } of audited) {
        if ((await auditEntries({ correlationId })).length === 0) left.push(operation);
      }
      return left;
    };
    await waitFor(
      async () => ((await missing()).length === 0 ? true : undefined),
      30_000,
      250,
    ).catch(() => undefined);
    expect(await missing()).toEqual([]);
    expect(audited.map((item) => item.operation)).toEqual(expect.arrayContaining(['CheckIn']));
  });

  it('keeps check-ins in the log, its chain and its export', async () => {
    const checkIn = audited.find((item) => item.operation === 'CheckIn')!;
    const [entry] = await auditEntries({ correlationId: checkIn.correlationId });
    expect(entry).toMatchObject({ logType: 'attendance.check_in.recorded' });

    const chain = await tp.graphql(op('VerifyAuditChain'), {}, auditor);
    expect(chain.data!.verifyAuditChain).toMatchObject({ valid: true, firstInvalidId: null });
    const attendanceRows = await auditEntries({ logType: 'attendance.check_in.recorded' });
    expect(attendanceRows.length).toBeGreaterThan(0);
    expect(chain.data!.verifyAuditChain.checked).toBeGreaterThan(attendanceRows.length);

    const exported = await fetch(tp.url.replace(/\/graphql$/, '/audit/export?format=csv'), {
      headers: { authorization: `Bearer ${await tp.token(auditor)}` },
    });
    expect(exported.status).toBe(200);
    const csv = await exported.text();
    const line = csv.split('\n').find((text) => text.includes(checkIn.correlationId));
    expect(line).toContain('attendance.check_in.recorded');
  });

  it('leaves no dead letter after the whole run', async () => {
    // Every consumer has settled every event (applied it, or given up on it) before the count.
    const stream = eventsStream(tp.namespace);
    await waitFor(
      async () => {
        const consumers = await nats.jsm.consumers.list(stream).next();
        const busy = consumers.filter((c) => c.num_pending > 0 || c.num_ack_pending > 0);
        return consumers.length > 0 && busy.length === 0 ? true : undefined;
      },
      150_000,
      250,
    );
    const { state } = await nats.jsm.streams.info(deadLetterStream(tp.namespace));
    expect(state.messages).toBe(0);
  }, 180_000);
});
