import { contractOperation } from '../../../test-support/contractOperation';
import { sqlInstant, sqlShape } from '../../../test-support/sqlShape';
import { hr, onlyError, suiteWithEmployee, type Caller } from './support';

const AMEND = contractOperation('AmendTimeEntry');
const DELETE = contractOperation('DeleteTimeEntry');

describe('time: recording, amending and deleting entries', () => {
  const { h, employee } = suiteWithEmployee();

  let day = 0;
  /** A fresh day in 2025 for each test, so entries of different tests never meet. */
  const nextDay = () => {
    day += 1;
    return new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
  };
  const at = (date: string, time: string) => `${date}T${time}:00+00:00`;

  const record = (input: Record<string, unknown>, caller: Caller = employee.self) =>
    h.op(
      'RecordTimeEntry',
      { input: { employeeId: employee.id, periodType: 'SHIFT', ...input } },
      caller,
    );
  const amend = (input: Record<string, unknown>) => h.gql(AMEND, { input }, employee.self);
  const remove = (input: Record<string, unknown>) => h.gql(DELETE, { input }, employee.self);

  it('records in one transaction, one statement on the person, none to read the entry back', async () => {
    const date = nextDay();
    let reply: Awaited<ReturnType<typeof record>> | undefined;
    const sql = await h.countQueries(async () => {
      reply = await record({ startTime: at(date, '08:00'), endTime: at(date, '12:00') });
    });
    expect(reply!.errors).toBeUndefined();
    const { id } = reply!.data!.recordTimeEntry;
    const shapes = sql.map(sqlShape);
    expect(shapes[0]).toBe('begin');
    expect(shapes.at(-1)).toBe('commit');
    // The person's copy: locked, and read by the same statement.
    expect(shapes.filter((s) => s.includes('time_employees'))).toEqual([
      `update time_employees set write_lock = write_lock + 1 where id = '${employee.id}' returning *`,
    ]);
    // The overlap check reads only the entries still running at the start, or left open.
    const select = `select * from time_entries where employee_id = '${employee.id}' and deleted_at is null`;
    const before = `start_time < ${sqlInstant(h.db, at(date, '12:00'))}`;
    const after = `end_time > ${sqlInstant(h.db, at(date, '08:00'))}`;
    expect(shapes.filter((s) => s.includes('time_entries'))).toEqual([
      `${select} and ${before} and ${after} union all ${select} and end_time is null`,
      'insert into time_entries (1 row) returning version',
    ]);
    // What it answered is what it stored.
    const stored = await h.gql(
      `{ timeEntry(id: "${id}") { id version startTime endTime } }`,
      {},
      hr,
    );
    expect(stored.data!.timeEntry).toEqual({
      id,
      version: 1,
      startTime: `${date}T08:00:00.000Z`,
      endTime: `${date}T12:00:00.000Z`,
    });
  });

  it('records an entry, returns it with offsets, and emits time.entry.recorded', async () => {
    const date = nextDay();
    const reply = await h.gql(
      RECORD_FULL,
      {
        input: {
          employeeId: employee.id,
          periodType: 'SHIFT',
          shiftType: 'Early',
          startTime: `${date}T08:00:00+01:00`,
          endTime: `${date}T16:00:00+01:00`,
          mealBreakMinutes: 30,
        },
      },
      employee.self,
    );
    expect(reply.errors).toBeUndefined();
    const entry = reply.data!.recordTimeEntry;
    expect(entry).toMatchObject({
      employeeId: employee.id,
      periodType: 'SHIFT',
      shiftType: 'Early',
      startTime: `${date}T07:00:00.000Z`,
      endTime: `${date}T15:00:00.000Z`,
      mealBreakMinutes: 30,
      version: 1,
    });
    const [event] = await h.eventsAbout(entry.id);
    expect(event).toMatchObject({
      type: 'time.entry.recorded',
      source: '/subgraphs/time',
      dataversion: 1,
      correlationid: entry.correlationId,
      data: {
        employeeId: employee.id,
        entryId: entry.id,
        version: 1,
        periodType: 'SHIFT',
        shiftType: 'Early',
        startTime: `${date}T07:00:00.000Z`,
        endTime: `${date}T15:00:00.000Z`,
        mealBreakMinutes: 30,
      },
    });
  });

  it('uses the correlation id of the request', async () => {
    const date = nextDay();
    const reply = await record({ startTime: at(date, '09:00'), endTime: at(date, '10:00') });
    const entry = reply.data!.recordTimeEntry;
    expect(entry.correlationId).toEqual(expect.any(String));
    const [event] = await h.eventsAbout(entry.id);
    expect(event.correlationid).toBe(entry.correlationId);
  });

  it('returns the first entry for a repeated idempotencyKey', async () => {
    const date = nextDay();
    const input = {
      idempotencyKey: 'k-1',
      startTime: at(date, '09:00'),
      endTime: at(date, '17:00'),
      mealBreakMinutes: 30,
    };
    const first = await record(input);
    const again = await record(input);
    expect(again.errors).toBeUndefined();
    expect(again.data!.recordTimeEntry.id).toBe(first.data!.recordTimeEntry.id);
    const recorded = await h.eventsAbout(first.data!.recordTimeEntry.id);
    expect(recorded).toHaveLength(1);
  });

  describe('refuses a bad value and writes nothing', () => {
    const cases: [string, () => Record<string, unknown>, string, string][] = [
      [
        'end before start',
        () => ({ startTime: at('2025-06-01', '10:00'), endTime: at('2025-06-01', '09:00') }),
        'BAD_USER_INPUT',
        'endTime',
      ],
      [
        'end equal to start',
        () => ({ startTime: at('2025-06-01', '10:00'), endTime: at('2025-06-01', '10:00') }),
        'BAD_USER_INPUT',
        'endTime',
      ],
      [
        // Whole-day types are exempt from the policy's longest entry, not from this bound.
        'a rest day longer than a week',
        () => ({
          periodType: 'SCHEDULED_REST_DAY',
          startTime: at('2025-06-01', '00:00'),
          endTime: at('2025-06-08', '00:01'),
        }),
        'BAD_USER_INPUT',
        'endTime',
      ],
      [
        'a start without offset',
        () => ({ startTime: '2025-06-01T10:00:00' }),
        'BAD_USER_INPUT',
        'startTime',
      ],
      [
        'an end without offset',
        () => ({ startTime: at('2025-06-01', '10:00'), endTime: '2025-06-01T12:00:00' }),
        'BAD_USER_INPUT',
        'endTime',
      ],
      [
        'a start that is no date',
        () => ({ startTime: '2025-02-30T10:00:00Z' }),
        'BAD_USER_INPUT',
        'startTime',
      ],
      [
        'a shift type over 50 characters',
        () => ({ startTime: at('2025-06-01', '10:00'), shiftType: 'x'.repeat(51) }),
        'BAD_USER_INPUT',
        'shiftType',
      ],
      [
        'a negative meal break',
        () => ({
          startTime: at('2025-06-01', '10:00'),
          endTime: at('2025-06-01', '12:00'),
          mealBreakMinutes: -1,
        }),
        'BAD_USER_INPUT',
        'mealBreakMinutes',
      ],
      [
        'a meal break as long as the period',
        () => ({
          startTime: at('2025-06-01', '10:00'),
          endTime: at('2025-06-01', '12:00'),
          mealBreakMinutes: 120,
        }),
        'BAD_USER_INPUT',
        'mealBreakMinutes',
      ],
      [
        'an unknown employee',
        () => ({
          employeeId: '0190a3c4-0000-7000-8000-00000000dead',
          startTime: at('2025-06-01', '10:00'),
        }),
        'BAD_USER_INPUT',
        'employeeId',
      ],
    ];
    it.each(cases)('%s', async (_name, input, code, field) => {
      const before = await h.snapshot();
      const error = onlyError(await record(input(), hr));
      expect(error.extensions).toMatchObject({ code, field });
      expect(await h.snapshot()).toEqual(before);
    });

    it('a terminated employee (POLICY_VIOLATION)', async () => {
      const gone = await h.hire({ status: 'TERMINATED' });
      const before = await h.snapshot();
      const error = onlyError(
        await record({ employeeId: gone, startTime: at('2025-06-01', '10:00') }, hr),
      );
      expect(error.extensions).toMatchObject({
        code: 'POLICY_VIOLATION',
        rule: 'EMPLOYEE_TERMINATED',
      });
      expect(await h.snapshot()).toEqual(before);
    });
  });

  it('names each clashing entry with START, END or BOTH, and writes nothing', async () => {
    const date = nextDay();
    const ids: Record<string, string> = {};
    for (const [name, start, end] of [
      ['a', '06:00', '08:00'],
      ['b', '09:00', '10:00'],
      ['c', '11:00', '13:00'],
    ]) {
      const reply = await record({ startTime: at(date, start), endTime: at(date, end) });
      ids[name] = reply.data!.recordTimeEntry.id;
    }
    const before = await h.snapshot();
    // Starts inside a, covers b, ends inside c.
    const error = onlyError(
      await record({ startTime: at(date, '07:00'), endTime: at(date, '12:00') }),
    );
    expect(error.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      reason: 'TIME_ENTRY_OVERLAP',
      rule: 'TIME_ENTRY_OVERLAP',
    });
    expect(error.extensions!.clashes).toEqual([
      {
        id: ids.a,
        startTime: `${date}T06:00:00.000Z`,
        endTime: `${date}T08:00:00.000Z`,
        clash: 'START',
      },
      {
        id: ids.b,
        startTime: `${date}T09:00:00.000Z`,
        endTime: `${date}T10:00:00.000Z`,
        clash: 'BOTH',
      },
      {
        id: ids.c,
        startTime: `${date}T11:00:00.000Z`,
        endTime: `${date}T13:00:00.000Z`,
        clash: 'END',
      },
    ]);
    // Sitting inside one entry is BOTH.
    const inside = onlyError(
      await record({ startTime: at(date, '11:30'), endTime: at(date, '12:30') }),
    );
    expect(inside.extensions!.clashes).toEqual([
      expect.objectContaining({ id: ids.c, clash: 'BOTH' }),
    ]);
    // Touching ends do not overlap.
    const touching = await record({ startTime: at(date, '08:00'), endTime: at(date, '09:00') });
    expect(touching.errors).toBeUndefined();
    await remove({ id: touching.data!.recordTimeEntry.id });
    const after = (await h.snapshot()) as { entries: unknown[] };
    expect(after.entries.length).toBe((before as { entries: unknown[] }).entries.length + 1);
  });

  it('treats an open entry as running until closed, and closes it by amend', async () => {
    const date = nextDay();
    const open = await record({ startTime: at(date, '22:00') });
    expect(open.errors).toBeUndefined();
    const entry = open.data!.recordTimeEntry;
    expect(entry.endTime).toBeNull();
    const next = nextDay();
    const clash = onlyError(
      await record({ startTime: at(next, '09:00'), endTime: at(next, '10:00') }),
    );
    expect(clash.extensions!.clashes).toEqual([
      { id: entry.id, startTime: `${date}T22:00:00.000Z`, endTime: null, clash: 'BOTH' },
    ]);
    const closed = await amend({ id: entry.id, expectedVersion: 1, endTime: `${next}T04:00:00Z` });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.amendTimeEntry).toMatchObject({
      id: entry.id,
      version: 2,
      endTime: `${next}T04:00:00.000Z`,
    });
    const later = await record({ startTime: at(next, '09:00'), endTime: at(next, '10:00') });
    expect(later.errors).toBeUndefined();
    const [amended] = await h.eventsAbout(entry.id, 'time.entry.amended');
    expect(amended).toMatchObject({
      correlationid: closed.data!.amendTimeEntry.correlationId,
      data: {
        entryId: entry.id,
        version: 2,
        endTime: `${next}T04:00:00.000Z`,
        previous: {
          startTime: `${date}T22:00:00.000Z`,
          endTime: null,
          periodType: 'SHIFT',
          mealBreakMinutes: 0,
        },
      },
    });
  });

  it('refuses a stale expectedVersion, and an amend that would overlap, writing nothing', async () => {
    const date = nextDay();
    const first = (await record({ startTime: at(date, '08:00'), endTime: at(date, '10:00') })).data!
      .recordTimeEntry;
    const second = (await record({ startTime: at(date, '11:00'), endTime: at(date, '12:00') }))
      .data!.recordTimeEntry;
    await amend({ id: first.id, expectedVersion: 1, mealBreakMinutes: 10 });
    const before = await h.snapshot();
    const stale = onlyError(await amend({ id: first.id, expectedVersion: 1, mealBreakMinutes: 5 }));
    expect(stale.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'expectedVersion',
      actualVersion: 2,
    });
    const staleDelete = onlyError(await remove({ id: first.id, expectedVersion: 1 }));
    expect(staleDelete.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    const clash = onlyError(await amend({ id: first.id, endTime: at(date, '11:30') }));
    expect(clash.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'TIME_ENTRY_OVERLAP',
    });
    expect(clash.extensions!.clashes).toEqual([
      expect.objectContaining({ id: second.id, clash: 'END' }),
    ]);
    const bad = onlyError(await amend({ id: first.id, endTime: at(date, '07:00') }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endTime' });
    const noOffset = onlyError(await amend({ id: first.id, startTime: '2025-01-01T07:00' }));
    expect(noOffset.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startTime' });
    expect(await h.snapshot()).toEqual(before);
  });

  it('deletes with a tombstone event and hides the entry', async () => {
    const date = nextDay();
    const entry = (await record({ startTime: at(date, '08:00'), endTime: at(date, '10:00') })).data!
      .recordTimeEntry;
    const reply = await remove({ id: entry.id, expectedVersion: 1 });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.deleteTimeEntry).toEqual({
      id: entry.id,
      correlationId: expect.any(String),
    });
    const [tombstone] = await h.eventsAbout(entry.id, 'time.entry.deleted');
    expect(tombstone).toMatchObject({
      correlationid: reply.data!.deleteTimeEntry.correlationId,
      data: {
        entryId: entry.id,
        employeeId: employee.id,
        version: 2,
        startTime: `${date}T08:00:00.000Z`,
        deletedAt: expect.any(String),
      },
    });
    const read = await h.timecard(
      employee.id,
      at(date, '00:00'),
      `${date}T23:59:59Z`,
      employee.self,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!._entities[0].timeEntries).toEqual([]);
    const again = onlyError(await remove({ id: entry.id }));
    expect(again.extensions).toMatchObject({ code: 'NOT_FOUND' });
    // The slot is free again.
    expect(
      (await record({ startTime: at(date, '08:00'), endTime: at(date, '10:00') })).errors,
    ).toBeUndefined();
  });
});

const RECORD_FULL = `mutation ($input: RecordTimeEntryInput!) {
  recordTimeEntry(input: $input) {
    id employeeId version correlationId periodType shiftType startTime endTime mealBreakMinutes
  }
}`;
