import type { EntityManager } from '@mikro-orm/knex';
import type { Scheduler } from '../../../messaging';
import { createTestScheduler } from '../../../test-support/createTestScheduler';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { createEndEmploymentJob, END_EMPLOYMENT_JOB, endDueEmployments } from '../src';
import { admin, onlyError, startEmployees, type Caller } from './support';

const TERMINATED = 'employees.employee.terminated';
const UPDATED = 'employees.employee.updated';
// 12:00 in London (GMT in March) is 05:00 in Los Angeles (PDT) and 02:00 the next day in
// Kiritimati (UTC+14).
const NOON = new Date('2026-03-10T12:00:00Z');
const LOS_ANGELES = 'America/Los_Angeles';

const TERMINATE = `mutation ($input: TerminateEmployeeInput!) {
  terminateEmployee(input: $input) { id status terminationDate version }
}`;
const WITHDRAW = `mutation ($input: WithdrawTerminationInput!) {
  withdrawTermination(input: $input) { id status terminationDate version }
}`;
const PROFILE = `query ($id: ID!) { employee(id: $id) { status terminationDate version } }`;

describe('employees: termination after the last day', () => {
  const clock = { now: NOON };
  const h = suiteHarness(() => startEmployees({ now: () => clock.now, runWorkers: false }));
  const job = createEndEmploymentJob(() => clock.now);
  let manual = 0;
  beforeEach(() => {
    clock.now = NOON;
  });

  const terminate = (id: string, terminationDate: string, caller?: Caller) =>
    h.gql(TERMINATE, { input: { id, terminationDate } }, caller);
  const withdraw = (id: string, expectedVersion?: number, caller?: Caller) =>
    h.gql(WITHDRAW, { input: { id, expectedVersion } }, caller);
  const profile = async (id: string) => (await h.gql(PROFILE, { id })).data!.employee;
  const terminations = (id: string) => h.eventsAbout(id, TERMINATED);

  /** One replica's scheduler, on the test's clock. */
  const replica = () => createTestScheduler(h, 'employees', job, () => clock.now);

  /** Runs the job at `at` on `scheduler` (an occurrence due then), as a replica would. */
  async function runJobAt(at: string, scheduler: Scheduler = replica()): Promise<void> {
    clock.now = new Date(at);
    manual += 1;
    const id = `${END_EMPLOYMENT_JOB}:test-${manual}`;
    await scheduler.schedule({ id, job: END_EMPLOYMENT_JOB, runAt: clock.now });
    await scheduler.runDue();
    expect((await scheduler.get(id))?.status).toBe('DONE');
  }

  describe('terminateEmployee', () => {
    it('terminates at once when the last day is before the local today', async () => {
      const id = await h.hire();
      const reply = await terminate(id, '2026-03-09');
      expect(reply.data!.terminateEmployee).toEqual({
        id,
        status: 'TERMINATED',
        terminationDate: '2026-03-09',
        version: 2,
      });
      expect((await terminations(id)).map((e) => e.data)).toEqual([
        expect.objectContaining({ version: 2, terminationDate: '2026-03-09' }),
      ]);
      expect(await h.eventsAbout(id, UPDATED)).toEqual([]);
    });

    it("judges today by the employee's zone: already tomorrow in Kiritimati", async () => {
      const id = await h.hire({ timeZone: 'Pacific/Kiritimati' });
      const reply = await terminate(id, '2026-03-10');
      expect(reply.data!.terminateEmployee.status).toBe('TERMINATED');
    });

    it.each([
      ['today', '2026-03-10', 'Europe/London'],
      ['the future', '2030-06-30', 'Europe/London'],
      ['yesterday in UTC, still today in Los Angeles', '2026-03-10', LOS_ANGELES],
    ])('schedules a last day of %s: status unchanged, day recorded', async (_, day, timeZone) => {
      clock.now = timeZone === LOS_ANGELES ? new Date('2026-03-11T06:00:00Z') : NOON;
      const id = await h.hire({ timeZone });
      const reply = await terminate(id, day);
      expect(reply.data!.terminateEmployee).toEqual({
        id,
        status: 'ACTIVE',
        terminationDate: day,
        version: 2,
      });
      expect((await h.eventsAbout(id, UPDATED)).map((e) => e.data)).toEqual([
        expect.objectContaining({
          version: 2,
          changes: { terminationDate: { old: null, new: day } },
        }),
      ]);
      expect(await terminations(id)).toEqual([]);
    });

    it('moves a scheduled day when called again; the same day again changes nothing', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-20');
      expect((await terminate(id, '2026-04-30')).data!.terminateEmployee.version).toBe(3);
      const before = await h.snapshot();
      expect((await terminate(id, '2026-04-30')).data!.terminateEmployee.version).toBe(3);
      expect(await h.snapshot()).toEqual(before);
      const updates = await h.eventsAbout(id, UPDATED);
      expect(updates.at(-1)!.data.changes).toEqual({
        terminationDate: { old: '2026-03-20', new: '2026-04-30' },
      });
    });

    it('ends a scheduled employment at once when moved to a day already past', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-20');
      const reply = await terminate(id, '2026-03-01');
      expect(reply.data!.terminateEmployee).toMatchObject({
        status: 'TERMINATED',
        terminationDate: '2026-03-01',
      });
      expect((await terminations(id)).map((e) => e.data.terminationDate)).toEqual(['2026-03-01']);
    });

    it('leaves a scheduled person changeable, but not into TERMINATED nor hired after the last day', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-20');
      const update = await h.op('UpdateEmployee', { input: { id, jobTitle: 'Sister' } });
      expect(update.errors).toBeUndefined();
      const status = await h.op('ChangeEmployeeStatus', { input: { id, status: 'ON_LEAVE' } });
      expect(status.errors).toBeUndefined();
      const final = await h.op('ChangeEmployeeStatus', { input: { id, status: 'TERMINATED' } });
      expect(onlyError(final).extensions!.rule).toBe('EMPLOYEE_STATUS_LIFECYCLE');
      const late = await h.op('UpdateEmployee', { input: { id, hireDate: '2026-03-21' } });
      expect(onlyError(late).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'hireDate',
      });
      expect(await profile(id)).toMatchObject({
        status: 'ON_LEAVE',
        terminationDate: '2026-03-20',
      });
    });
  });

  describe('the end-of-employment job', () => {
    it("ends employment once the employee's local day is past the last day, not before", async () => {
      const london = await h.hire();
      const angeles = await h.hire({ timeZone: LOS_ANGELES });
      await terminate(london, '2026-03-10');
      await terminate(angeles, '2026-03-10');

      await runJobAt('2026-03-10T23:59:59Z');
      expect(await profile(london)).toMatchObject({ status: 'ACTIVE', version: 2 });

      // Midnight in London; 17:00 on the last day in Los Angeles.
      await runJobAt('2026-03-11T00:00:00Z');
      expect(await profile(london)).toMatchObject({ status: 'TERMINATED', version: 3 });
      expect(await profile(angeles)).toMatchObject({ status: 'ACTIVE', version: 2 });
      expect((await terminations(london)).map((e) => e.data)).toEqual([
        expect.objectContaining({ version: 3, terminationDate: '2026-03-10' }),
      ]);

      await runJobAt('2026-03-11T06:59:59Z');
      expect(await terminations(angeles)).toEqual([]);
      await runJobAt('2026-03-11T07:00:00Z');
      expect(await profile(angeles)).toMatchObject({
        status: 'TERMINATED',
        terminationDate: '2026-03-10',
      });
      expect(await terminations(angeles)).toHaveLength(1);
    });

    it('does nothing on repeated runs', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-12');
      await runJobAt('2026-03-13T09:00:00Z');
      const before = await h.snapshot();
      await runJobAt('2026-03-13T09:15:00Z');
      const again = await h.transaction((em) =>
        endDueEmployments(em as EntityManager, clock.now, () => {
          throw new Error('nothing should be emitted');
        }),
      );
      expect(again).toBe(0);
      expect(await h.snapshot()).toEqual(before);
      expect(await terminations(id)).toHaveLength(1);
    });

    it('ends each employment once when two replicas run at the same time', async () => {
      const ids = [await h.hire(), await h.hire(), await h.hire()];
      for (const id of ids) await terminate(id, '2026-03-14');
      clock.now = new Date('2026-03-15T10:00:00Z');
      const [one, two] = [replica(), replica()];
      await one.schedule({ id: `${END_EMPLOYMENT_JOB}:a`, job: END_EMPLOYMENT_JOB, runAt: NOON });
      await two.schedule({ id: `${END_EMPLOYMENT_JOB}:b`, job: END_EMPLOYMENT_JOB, runAt: NOON });
      await Promise.all([one.runDue(), two.runDue()]);
      for (const id of ids) {
        expect(await terminations(id)).toHaveLength(1);
        expect((await profile(id)).status).toBe('TERMINATED');
      }
    });

    it('plans its next run for the next quarter hour', () => {
      expect(job.plan!(new Date('2026-03-10T12:07:00Z'))).toEqual([
        expect.objectContaining({
          job: END_EMPLOYMENT_JOB,
          runAt: new Date('2026-03-10T12:15:00Z'),
        }),
      ]);
    });
  });

  describe('withdrawTermination', () => {
    it('withdraws a scheduled termination: the person stays', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-16');
      const reply = await withdraw(id, 2);
      expect(reply.data!.withdrawTermination).toEqual({
        id,
        status: 'ACTIVE',
        terminationDate: null,
        version: 3,
      });
      expect((await h.eventsAbout(id, UPDATED)).at(-1)!.data).toMatchObject({
        version: 3,
        changes: { terminationDate: { old: '2026-03-16', new: null } },
      });
      await runJobAt('2026-03-17T12:00:00Z');
      expect(await profile(id)).toMatchObject({ status: 'ACTIVE', terminationDate: null });
      expect(await terminations(id)).toEqual([]);
    });

    it('changes nothing when no termination is scheduled', async () => {
      const id = await h.hire();
      const before = await h.snapshot();
      expect((await withdraw(id)).data!.withdrawTermination.version).toBe(1);
      expect(await h.snapshot()).toEqual(before);
    });

    it('refuses once employment has ended, and from a stale version', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-18');
      const stale = await withdraw(id, 1);
      expect(onlyError(stale).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VERSION_CONFLICT',
      });
      await runJobAt('2026-03-19T12:00:00Z');
      const before = await h.snapshot();
      const refused = await withdraw(id);
      expect(onlyError(refused).extensions).toMatchObject({
        code: 'POLICY_VIOLATION',
        rule: 'EMPLOYEE_STATUS_LIFECYCLE',
      });
      expect(await h.snapshot()).toEqual(before);
    });

    it('refuses an id or a version no employee could have, with a code, and writes nothing', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-18');
      const before = await h.snapshot();
      const refusals = [
        [await withdraw('not-an-id'), { code: 'NOT_FOUND', reason: 'EMPLOYEE_NOT_FOUND' }],
        [await withdraw('x'.repeat(5000)), { code: 'BAD_USER_INPUT', field: 'input.id' }],
        [await withdraw(id, -1), { code: 'BAD_USER_INPUT', field: 'expectedVersion' }],
        [await withdraw(id, 2 ** 40), { code: 'BAD_USER_INPUT', field: 'input.expectedVersion' }],
      ] as const;
      for (const [reply, extensions] of refusals)
        expect(onlyError(reply).extensions).toMatchObject(extensions);
      expect(await h.snapshot()).toEqual(before);
    });

    it('either withdraws or ends, never both, when the job runs at the same time', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-20');
      clock.now = new Date('2026-03-21T12:00:00Z');
      const scheduler = replica();
      await scheduler.schedule({
        id: `${END_EMPLOYMENT_JOB}:race`,
        job: END_EMPLOYMENT_JOB,
        runAt: NOON,
      });
      const [reply] = await Promise.all([withdraw(id, 2), scheduler.runDue()]);
      const after = await profile(id);
      if (reply.errors) {
        expect(after.status).toBe('TERMINATED');
        expect(await terminations(id)).toHaveLength(1);
      } else {
        expect(after).toMatchObject({ status: 'ACTIVE', terminationDate: null });
        expect(await terminations(id)).toEqual([]);
      }
    });

    it('is for HR and ADMIN', async () => {
      const id = await h.hire();
      await terminate(id, '2026-03-22');
      for (const caller of [
        { role: 'EMPLOYEE', sub: id },
        { role: 'MANAGER', sub: id },
        { role: 'SYSTEM' },
      ] as Caller[]) {
        expect(onlyError(await withdraw(id, undefined, caller)).extensions!.code).toBe('FORBIDDEN');
        expect(onlyError(await terminate(id, '2026-03-25', caller)).extensions!.code).toBe(
          'FORBIDDEN',
        );
      }
      expect((await withdraw(id, 2, admin)).errors).toBeUndefined();
    });
  });
});
