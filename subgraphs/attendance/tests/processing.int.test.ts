import { v7 as uuidv7 } from 'uuid';
import { PROCESS_DAY_JOB, planProcessDay, runProcessDay } from '../src';
import { AttendanceDaySchema } from '../src/entities';
import {
  CHECK_OUT,
  DAY,
  HOLIDAY,
  PROCESS,
  SATURDAY,
  agreementData,
  at,
  hr,
  leaveData,
  onlyError,
  self,
  system,
  describeAttendance,
} from './support';

describeAttendance('attendance: daily processing', (h) => {
  const work = async (id: string, date: string, inAt: string, outAt?: string) => {
    await h.checkIn(id, inAt, { date });
    if (outAt) await h.gql(CHECK_OUT, { input: { time: at(date, outAt) } }, self(id));
  };

  it('marks a working day without check-in or leave ABSENT, with one absence event', async () => {
    const managerId = uuidv7();
    const id = await h.hire({ managerId });
    await h.process(DAY, [id]);
    expect(await h.day(id, DAY)).toMatchObject({ status: 'ABSENT', version: 1 });
    const absences = (await h.events('attendance.absence.detected')).filter(
      (e) => e.data.employeeId === id,
    );
    expect(absences).toHaveLength(1);
    expect(absences[0].data).toMatchObject({ date: DAY, managerId });
  });

  it('marks a day of approved leave ON_LEAVE, and no record on a holiday or weekend', async () => {
    const id = await h.hire();
    await h.feed('leave.request.approved', leaveData(id));
    await h.process(DAY, [id]);
    await h.process(HOLIDAY, [id]);
    await h.process(SATURDAY, [id]);
    expect(await h.day(id, DAY)).toMatchObject({ status: 'ON_LEAVE' });
    expect(await h.day(id, HOLIDAY)).toBeNull();
    expect(await h.day(id, SATURDAY)).toBeNull();
  });

  it('sets PRESENT, HALF_DAY and INCOMPLETE with worked, late and overtime minutes', async () => {
    const present = await h.hire();
    const half = await h.hire();
    const incomplete = await h.hire();
    await work(present, DAY, '09:20', '18:30');
    await work(half, DAY, '09:00', '12:00');
    await work(incomplete, DAY, '09:00');
    await h.process(DAY, [present, half, incomplete]);
    // 37.5 hours over five days: 450 planned minutes, 09:00 to 16:30.
    expect(await h.day(present, DAY)).toMatchObject({
      status: 'PRESENT',
      workedMinutes: 550,
      lateByMinutes: 20,
      overtimeMinutes: 100,
      plannedMinutes: 450,
    });
    expect(await h.day(half, DAY)).toMatchObject({ status: 'HALF_DAY', workedMinutes: 180 });
    expect(await h.day(incomplete, DAY)).toMatchObject({ status: 'INCOMPLETE' });
    const late = (await h.events('attendance.late_arrival.detected')).filter(
      (e) => e.data.employeeId === present,
    );
    expect(late).toHaveLength(1);
    expect(late[0].data).toMatchObject({ lateByMinutes: 20, date: DAY });
  });

  it('uses the agreement’s working days: no record on a day off', async () => {
    const id = await h.hire();
    await h.feed(
      'agreements.agreement.created',
      agreementData(id, { workingDays: ['MON', 'WED', 'THU', 'FRI'], weeklyHours: 30 }),
      // Agreements' v1 events do not carry the pattern yet; attendance reads it when they do.
      { validate: false },
    );
    await h.process(DAY, [id]);
    expect(await h.day(id, DAY)).toBeNull();
  });

  it('removes a record whose day is no longer a working day, saying so in an event', async () => {
    const id = await h.hire();
    await h.process(DAY, [id]);
    expect(await h.day(id, DAY)).toMatchObject({ status: 'ABSENT' });
    await h.feed(
      'agreements.agreement.created',
      agreementData(id, { workingDays: ['MON', 'WED', 'THU', 'FRI'] }),
      { validate: false },
    );
    expect(await h.process(DAY, [id])).toMatchObject({ changed: 1 });
    expect(await h.day(id, DAY)).toBeNull();
    const processed = (await h.events('attendance.day.processed')).filter(
      (e) => e.data.employeeId === id,
    );
    expect(processed.map((e) => [e.data.status, e.data.version])).toEqual([
      ['ABSENT', 1],
      [null, 2],
    ]);
  });

  it('changes nothing when run twice: same rows, no second set of events', async () => {
    const a = await h.hire();
    const b = await h.hire();
    await work(a, DAY, '09:30', '17:00');
    const first = await h.process(DAY, [a, b]);
    expect(first).toMatchObject({ processed: 2, changed: 2 });
    const before = await h.snapshot();
    const second = await h.process(DAY, [a, b]);
    expect(second).toMatchObject({ processed: 2, changed: 0 });
    expect(await h.snapshot()).toEqual(before);
  });

  it('says in the processed day how long the breaks between check-out and check-in were', async () => {
    const id = await h.hire();
    await work(id, DAY, '08:00', '12:00');
    await work(id, DAY, '12:20', '14:00');
    await work(id, DAY, '14:05', '17:00');
    await h.process(DAY, [id]);
    const [processed] = (await h.events('attendance.day.processed')).filter(
      (e) => e.data.employeeId === id,
    );
    expect(processed.data).toMatchObject({ workedMinutes: 515, breakMinutes: 25 });
  });

  it('reverses ON_LEAVE when the leave is cancelled afterwards', async () => {
    const id = await h.hire();
    const { approvedBy: _by, approvedAt: _at, ...approved } = leaveData(id);
    await h.feed('leave.request.approved', { ...approved, approvedBy: _by, approvedAt: _at });
    await h.process(DAY, [id]);
    expect(await h.day(id, DAY)).toMatchObject({ status: 'ON_LEAVE', version: 1 });
    await h.feed('leave.request.cancelled', {
      ...approved,
      version: 3,
      status: 'CANCELLED',
      previousStatus: 'APPROVED',
      cancelledBy: id,
      cancelledAt: '2025-06-11T10:00:00.000Z',
    });
    expect(await h.day(id, DAY)).toMatchObject({ status: 'ABSENT', version: 2 });
    const processed = (await h.events('attendance.day.processed')).filter(
      (e) => e.data.employeeId === id,
    );
    expect(processed.map((e) => e.data.status)).toEqual(['ON_LEAVE', 'ABSENT']);
    // Approval arriving after a day was processed ABSENT turns it to ON_LEAVE.
    const other = await h.hire();
    await h.process(DAY, [other]);
    await h.feed('leave.request.approved', leaveData(other));
    expect(await h.day(other, DAY)).toMatchObject({ status: 'ON_LEAVE', version: 2 });
  });

  it('updates a processed day when a late check-out arrives', async () => {
    const id = await h.hire();
    await work(id, DAY, '09:00');
    await h.process(DAY, [id]);
    expect(await h.day(id, DAY)).toMatchObject({ status: 'INCOMPLETE' });
    await h.gql(CHECK_OUT, { input: { employeeId: id, time: at(DAY, '17:00') } }, hr);
    expect(await h.day(id, DAY)).toMatchObject({ status: 'PRESENT', workedMinutes: 480 });
  });

  it('is run by SYSTEM and HR only, and only for a day that has ended', async () => {
    const forbidden = await h.gql(
      PROCESS,
      { input: { date: DAY } },
      { role: 'MANAGER', sub: uuidv7() },
    );
    expect(onlyError(forbidden).extensions).toMatchObject({ code: 'FORBIDDEN' });
    const bySystem = await h.gql(PROCESS, { input: { date: DAY } }, system);
    expect(bySystem.errors).toBeUndefined();
    const future = await h.gql(PROCESS, { input: { date: '2999-01-01' } }, hr);
    expect(onlyError(future).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });

  it('the job processes each employee’s last ended local days, idempotently', async () => {
    const id = await h.hire({ timeZone: 'America/New_York' });
    // 03:05 UTC on the 11th is 23:05 on the 10th in New York: the 10th has not ended there.
    const runAt = new Date('2025-06-11T03:05:00Z');
    const emitted: unknown[] = [];
    const run = () =>
      h.transaction((em) =>
        runProcessDay(em, runAt, {
          emit: (draft) => emitted.push(draft),
          correlationId: 'attendance.processDay:test',
          policies: h.module.policies,
        }),
      );
    await run();
    const em = h.runtime.orm.em.fork();
    expect(await em.findOne(AttendanceDaySchema, { employeeId: id, date: DAY })).toBeNull();
    expect(
      await em.findOne(AttendanceDaySchema, { employeeId: id, date: '2025-06-09' }),
    ).toMatchObject({
      status: 'ABSENT',
    });
    const count = emitted.length;
    await run();
    expect(emitted).toHaveLength(count);
  });

  it('runs as the declared job, with a date in the payload, once in effect', async () => {
    const id = await h.hire();
    const drafts: { type: string }[] = [];
    const processDayJob = h.module.jobs!.find((job) => job.name === PROCESS_DAY_JOB)!;
    const run = () =>
      h.transaction((em) =>
        processDayJob.run({
          jobId: 'attendance.processDay:manual-2025-06-10',
          runAt: new Date('2025-06-11T12:00:00Z'),
          payload: { date: DAY },
          em,
          emit: (draft) => drafts.push(draft),
          schedule: () => undefined,
        }),
      );
    await run();
    await run();
    expect(await h.day(id, DAY)).toMatchObject({ status: 'ABSENT', version: 1 });
    expect(drafts.filter((d) => d.type === 'attendance.absence.detected').length).toBeGreaterThan(
      0,
    );
    const count = drafts.length;
    await run();
    expect(drafts).toHaveLength(count);
  });

  it('plans the next hourly run with a deterministic id', () => {
    const plan = planProcessDay(new Date('2026-11-21T00:30:00Z'));
    expect(plan).toEqual([
      {
        id: 'attendance.processDay:2026-11-21T01',
        job: 'attendance.processDay',
        runAt: new Date('2026-11-21T01:05:00Z'),
      },
    ]);
    expect(planProcessDay(new Date('2026-11-21T00:59:59Z'))).toEqual(plan);
    expect(planProcessDay(new Date('2026-11-21T00:04:00Z'))[0].id).toBe(
      'attendance.processDay:2026-11-21T00',
    );
  });
});
