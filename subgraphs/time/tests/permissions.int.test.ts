import { contractOperation } from '../../../test-support/contractOperation';
import { hr, onlyError, startTime, type Caller } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { hireLine } from '../../../test-support/hireLine';

const AMEND = contractOperation('AmendTimeEntry');
const DELETE = contractOperation('DeleteTimeEntry');
const FROM = '2025-03-01T00:00:00Z';
const TO = '2025-03-02T00:00:00Z';

describe('time: who may do what', () => {
  const h = suiteHarness(startTime);
  let boss: string;
  let lead: string;
  let worker: string;
  let outsider: string;
  let entryId: string;
  const as = (role: Caller['role'], sub: string): Caller => ({ role, sub });

  beforeAll(async () => {
    [boss, lead, worker] = await hireLine(h);
    outsider = await h.hire();
    const reply = await h.op(
      'RecordTimeEntry',
      {
        input: {
          employeeId: worker,
          periodType: 'SHIFT',
          startTime: '2025-03-01T08:00:00Z',
          endTime: '2025-03-01T16:00:00Z',
          mealBreakMinutes: 30,
        },
      },
      as('EMPLOYEE', worker),
    );
    entryId = reply.data!.recordTimeEntry.id;
  });

  const readAs = (caller: Caller, id = worker) => h.timecard(id, FROM, TO, caller);

  it('lets an employee read their own time, not anyone else’s', async () => {
    const own = await readAs(as('EMPLOYEE', worker));
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities[0].timeEntries).toHaveLength(1);
    const other = onlyError(await readAs(as('EMPLOYEE', outsider)));
    expect(other.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets managers above read, through the local copy of reporting lines', async () => {
    for (const manager of [lead, boss]) {
      const reply = await readAs(as('MANAGER', manager));
      expect(reply.errors).toBeUndefined();
      expect(reply.data!._entities[0].timeEntries).toHaveLength(1);
    }
    const notTheirs = onlyError(await readAs(as('MANAGER', outsider)));
    expect(notTheirs.extensions).toMatchObject({ code: 'FORBIDDEN' });
    // A report does not read their manager's time.
    const upward = onlyError(await readAs(as('MANAGER', worker), lead));
    expect(upward.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('follows a new reporting line from employees.manager.assigned', async () => {
    await h.employeeEvent('employees.manager.assigned', {
      employeeId: worker,
      employeeNumber: 'E1',
      version: 2,
      managerId: outsider,
      previousManagerId: lead,
    });
    expect((await readAs(as('MANAGER', outsider))).errors).toBeUndefined();
    expect(onlyError(await readAs(as('MANAGER', lead))).extensions!.code).toBe('FORBIDDEN');
  });

  it('lets HR and ADMIN read anyone; FINANCE, AUDITOR and PARTNER not', async () => {
    expect((await readAs(hr)).errors).toBeUndefined();
    expect((await readAs({ role: 'ADMIN' })).errors).toBeUndefined();
    for (const role of ['FINANCE', 'AUDITOR', 'PARTNER'] as const) {
      const error = onlyError(await readAs({ role, sub: outsider }));
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('lets only the employee (and HR) record, amend and delete their time', async () => {
    const input = {
      employeeId: worker,
      periodType: 'OVERTIME',
      startTime: '2025-03-02T08:00:00Z',
      endTime: '2025-03-02T09:00:00Z',
    };
    const before = await h.snapshot();
    for (const caller of [as('EMPLOYEE', outsider), as('MANAGER', lead), as('FINANCE', worker)]) {
      expect(onlyError(await h.op('RecordTimeEntry', { input }, caller)).extensions!.code).toBe(
        'FORBIDDEN',
      );
      const amend = await h.gql(AMEND, { input: { id: entryId, mealBreakMinutes: 45 } }, caller);
      expect(onlyError(amend).extensions!.code).toBe('FORBIDDEN');
      const remove = await h.gql(DELETE, { input: { id: entryId } }, caller);
      expect(onlyError(remove).extensions!.code).toBe('FORBIDDEN');
    }
    expect(await h.snapshot()).toEqual(before);
    const byHr = await h.op('RecordTimeEntry', { input }, hr);
    expect(byHr.errors).toBeUndefined();
    const own = await h.gql(
      AMEND,
      { input: { id: entryId, mealBreakMinutes: 45 } },
      as('EMPLOYEE', worker),
    );
    expect(own.errors).toBeUndefined();
  });

  it('lets a manager publish schedules for reports only; an employee never', async () => {
    const input = (employeeId: string) => ({
      input: {
        employeeId,
        shifts: [{ start: '2025-03-10T08:00:00Z', end: '2025-03-10T16:00:00Z', shiftType: 'Day' }],
      },
    });
    expect(
      (await h.op('PublishSchedule', input(lead), as('MANAGER', boss))).errors,
    ).toBeUndefined();
    expect(
      onlyError(await h.op('PublishSchedule', input(boss), as('MANAGER', lead))).extensions!.code,
    ).toBe('FORBIDDEN');
    expect(
      onlyError(await h.op('PublishSchedule', input(worker), as('EMPLOYEE', worker))).extensions!
        .code,
    ).toBe('FORBIDDEN');
    expect((await h.op('PublishSchedule', input(boss), hr)).errors).toBeUndefined();
  });
});
