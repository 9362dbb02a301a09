import { contractOperation } from '../../../test-support/contractOperation';
import { suiteWithEmployee } from './support';

describe('time: writes at the same moment', () => {
  const { h, employee } = suiteWithEmployee();

  const record = (start: string, end: string) =>
    h.op(
      'RecordTimeEntry',
      { input: { employeeId: employee.id, periodType: 'SHIFT', startTime: start, endTime: end } },
      employee.self,
    );

  it('lets one of two overlapping entries recorded at once in, and refuses the other', async () => {
    const replies = await Promise.all([
      record('2025-02-01T08:00:00Z', '2025-02-01T12:00:00Z'),
      record('2025-02-01T10:00:00Z', '2025-02-01T14:00:00Z'),
      record('2025-02-01T11:00:00Z', '2025-02-01T13:00:00Z'),
    ]);
    const ok = replies.filter((r) => !r.errors);
    const refused = replies.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => r.errors![0].extensions!.reason)).toEqual([
      'TIME_ENTRY_OVERLAP',
      'TIME_ENTRY_OVERLAP',
    ]);
    expect((await h.events()).filter((e) => e.type === 'time.entry.recorded')).toHaveLength(1);
  });

  it('lets one of two amends on the same version in; the other is a CONFLICT', async () => {
    const entry = (await record('2025-02-02T08:00:00Z', '2025-02-02T12:00:00Z')).data!
      .recordTimeEntry;
    const amend = (minutes: number) =>
      h.gql(
        contractOperation('AmendTimeEntry'),
        { input: { id: entry.id, expectedVersion: 1, mealBreakMinutes: minutes } },
        employee.self,
      );
    const replies = await Promise.all([amend(10), amend(20)]);
    expect(replies.filter((r) => !r.errors)).toHaveLength(1);
    const [refused] = replies.filter((r) => r.errors);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await h.eventsAbout(entry.id, 'time.entry.amended')).toHaveLength(1);
  });
});
