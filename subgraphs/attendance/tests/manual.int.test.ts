import { v7 as uuidv7 } from 'uuid';
import {
  DAY,
  ENTRIES,
  MANUAL,
  at,
  hr,
  manager,
  onlyError,
  reps,
  self,
  describeAttendance,
} from './support';
import { hireLine } from '../../../test-support/hireLine';

describeAttendance('attendance: manual entries and corrections', (h) => {
  let lead: string;
  let id: string;
  beforeAll(async () => {
    [, lead, id] = await hireLine(h);
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    employeeId: id,
    checkInTime: at(DAY, '09:00'),
    checkOutTime: at(DAY, '17:00'),
    reason: 'Badge reader was down',
    ...overrides,
  });

  it('lets a manager of the employee (direct or indirect) and HR record, with a reason', async () => {
    const byLead = await h.op('RecordManualAttendance', { input: input() }, manager(lead));
    expect(byLead.errors).toBeUndefined();
    expect(byLead.data!.recordManualAttendance).toMatchObject({
      date: DAY,
      source: 'MANUAL',
      reason: 'Badge reader was down',
    });
    const other = await h.hire();
    const byBoss = await h.gql(
      MANUAL,
      { input: input({ employeeId: other, reason: 'Forgot badge' }) },
      hr,
    );
    expect(byBoss.errors).toBeUndefined();
    const [event] = await h.events('attendance.manual_entry.recorded');
    expect(event.data).toMatchObject({ employeeId: id, reason: 'Badge reader was down' });
  });

  it('refuses the employee themself, another manager, and a manager for their own attendance', async () => {
    const stranger = await h.hire();
    const late = {
      checkInTime: at('2025-06-11', '09:00'),
      checkOutTime: at('2025-06-11', '17:00'),
    };
    for (const caller of [
      self(id),
      manager(stranger),
      manager(lead),
      { role: 'FINANCE' as const, sub: uuidv7() },
    ]) {
      const target = caller.sub === lead ? lead : id;
      const reply = await h.gql(MANUAL, { input: input({ ...late, employeeId: target }) }, caller);
      expect(onlyError(reply).extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('requires a reason', async () => {
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const reply = await h.gql(MANUAL, { input: input({ reason }) }, hr);
      expect(onlyError(reply).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
    }
  });

  it('keeps the original visible when correcting it', async () => {
    const person = await h.hire({ managerId: lead });
    const checkIn = await h.checkIn(person, '09:40');
    const original = checkIn.data!.checkIn.id;
    const correction = await h.gql(
      MANUAL,
      {
        input: input({
          employeeId: person,
          checkInTime: at(DAY, '08:55'),
          reason: 'Arrived on time; reader clock was wrong',
          correctsEntryId: original,
        }),
      },
      manager(lead),
    );
    expect(correction.errors).toBeUndefined();
    expect(correction.data!.recordManualAttendance).toMatchObject({
      correctsEntryId: original,
      lateByMinutes: 0,
    });
    const entries = await h.gql(ENTRIES, { reps: reps(person), from: DAY, to: DAY }, self(person));
    const list = entries.data!._entities[0].attendanceEntries;
    expect(list).toHaveLength(2);
    expect(list.find((e: { id: string }) => e.id === original)).toMatchObject({
      source: 'DEVICE',
      supersededByEntryId: correction.data!.recordManualAttendance.id,
    });
    // The original counts no more: processing sees only the correction.
    await h.process(DAY, [person]);
    expect(await h.day(person, DAY)).toMatchObject({ status: 'PRESENT', lateByMinutes: 0 });
    // Correcting the original a second time is a conflict: correct the correction instead.
    const again = await h.gql(
      MANUAL,
      { input: input({ employeeId: person, correctsEntryId: original, reason: 'again' }) },
      hr,
    );
    expect(onlyError(again).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ENTRY_ALREADY_CORRECTED',
    });
  });

  it('refuses an entry that overlaps another of the person', async () => {
    const person = await h.hire();
    await h.gql(MANUAL, { input: input({ employeeId: person }) }, hr);
    const reply = await h.gql(
      MANUAL,
      { input: input({ employeeId: person, checkInTime: at(DAY, '12:00') }) },
      hr,
    );
    expect(onlyError(reply).extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      field: 'checkInTime',
      reason: 'ENTRY_OVERLAP',
      rule: 'ENTRY_OVERLAP',
    });
  });
});
