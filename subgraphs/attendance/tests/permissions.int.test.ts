import { v7 as uuidv7 } from 'uuid';
import {
  CHECK_IN,
  DAY,
  DAYS,
  SUMMARY,
  at,
  hr,
  manager,
  onlyError,
  reps,
  self,
  system,
  describeAttendance,
  type Caller,
} from './support';
import { hireLine } from '../../../test-support/hireLine';

describeAttendance('attendance: who may read and write (docs/domain.md#who-may-do-what)', (h) => {
  let boss: string;
  let lead: string;
  let id: string;
  let peer: string;
  let entryId: string;
  beforeAll(async () => {
    [boss, lead, id] = await hireLine(h);
    peer = await h.hire({ managerId: boss });
    const reply = await h.checkIn(id, '09:00');
    entryId = reply.data!.checkIn.id;
  });

  const readDays = (caller: Caller) => h.gql(DAYS, { reps: reps(id), from: DAY, to: DAY }, caller);
  const readSummary = (caller: Caller) =>
    h.gql(SUMMARY, { reps: reps(id), month: '2025-06' }, caller);
  const readEntry = (caller: Caller) =>
    h.gql('query ($id: ID!) { attendanceEntry(id: $id) { id } }', { id: entryId }, caller);

  it.each([
    ['the employee', () => self(id)],
    ['their direct manager', () => manager(lead)],
    ['an indirect manager', () => manager(boss)],
    ['HR', () => hr],
    ['SYSTEM', () => system],
    ['ADMIN', () => ({ role: 'ADMIN' as const, sub: uuidv7() })],
  ])('lets %s read', async (_who, caller) => {
    for (const reply of [
      await readDays(caller()),
      await readSummary(caller()),
      await readEntry(caller()),
    ])
      expect(reply.errors).toBeUndefined();
    expect((await readDays(caller())).data!._entities[0].attendance).toHaveLength(1);
  });

  it.each([
    ['another employee', () => self(peer)],
    ['a manager of others', () => manager(peer)],
    ['an employee token for a manager role', () => self(lead)],
    ['FINANCE', () => ({ role: 'FINANCE' as const, sub: uuidv7() })],
    ['AUDITOR', () => ({ role: 'AUDITOR' as const, sub: uuidv7() })],
    ['PARTNER', () => ({ role: 'PARTNER' as const, sub: id, scopes: ['employees:read'] })],
  ])('forbids %s', async (_who, caller) => {
    for (const reply of [
      await readDays(caller()),
      await readSummary(caller()),
      await readEntry(caller()),
    ])
      expect(onlyError(reply).extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets only the employee (or HR, SYSTEM) check them in', async () => {
    const input = { employeeId: peer, time: at(DAY, '09:00'), location: 'HQ', device: 'd' };
    for (const caller of [self(id), manager(boss), { role: 'FINANCE' as const, sub: uuidv7() }]) {
      const reply = await h.gql(CHECK_IN, { input }, caller);
      expect(onlyError(reply).extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const kiosk = await h.gql(CHECK_IN, { input }, system);
    expect(kiosk.errors).toBeUndefined();
  });
});
