import { PROCESS, hr, describeAttendance } from './support';

describeAttendance('attendance: concurrent writes', (h) => {
  it('lets one of several simultaneous check-ins of a person through', async () => {
    const id = await h.hire();
    const replies = await Promise.all(
      ['09:00', '09:01', '09:02', '09:03'].map((clock) => h.checkIn(id, clock)),
    );
    expect(replies.filter((r) => !r.errors)).toHaveLength(1);
    for (const reply of replies.filter((r) => r.errors))
      expect(reply.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('stores each day once when processing runs twice at the same time', async () => {
    const ids = [await h.hire(), await h.hire(), await h.hire()];
    const replies = await Promise.all(
      [1, 2].map(() => h.gql(PROCESS, { input: { date: '2025-06-12', employeeIds: ids } }, hr)),
    );
    for (const reply of replies) expect(reply.errors).toBeUndefined();
    const changed = replies.map((r) => r.data!.processAttendanceDay.changed).sort();
    expect(changed).toEqual([0, 3]);
    const absences = (await h.events('attendance.absence.detected')).filter((e) =>
      ids.includes(String(e.data.employeeId)),
    );
    expect(absences).toHaveLength(3);
  });
});
