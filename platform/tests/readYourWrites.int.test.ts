import { randomUUID } from 'node:crypto';
import { contractOperation as op } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { agreementInput, createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { KnownEmployeeSchema } from '../../subgraphs/agreements/src/entities';
import { EmployeeCopySchema as AttendanceCopy } from '../../subgraphs/attendance/src/entities';
import { EmployeeCopySchema as LeaveCopy } from '../../subgraphs/leave/src/entities';
import { EmployeeCopySchema as TimeCopy, TimeEntrySchema } from '../../subgraphs/time/src/entities';
import { earlyShiftInput } from '../../test-support/timeEntries';

const RUNS = 50;
const asHr = { role: 'HR' as const, sub: 'service:hr' };

// Right after HR hires someone, the other domains take writes about them at once, though
// the created event may not have reached their copies yet: they ask employees.
describe('writes about someone hired a moment ago', () => {
  const tp = platformSuite();

  const agreementFor = (id: string) =>
    tp.graphql(
      op('CreateAgreement'),
      { input: agreementInput(id, '2025-04-01', '2026-03-31') },
      asHr,
    );

  type Answer = Awaited<ReturnType<typeof tp.graphql<Record<string, any>>>>;
  /**
   * Sends a write again, as its message asks, while it answers UNAVAILABLE: on a machine
   * busy enough, employees can miss the ask's timeout, and nothing was written then. Any
   * other refusal stands.
   */
  async function asAUserWould(send: () => Promise<Answer>): Promise<Answer> {
    for (let tries = 1; ; tries += 1) {
      const answer = await send();
      if (tries === 5 || answer.errors?.[0]?.extensions?.code !== 'UNAVAILABLE') return answer;
    }
  }

  const writesFor = (id: string) => {
    const self = { role: 'EMPLOYEE' as const, sub: id };
    const shift = earlyShiftInput(id, '2025-05-01T07:00:00+01:00', '2025-05-01T15:00:00+01:00');
    const leave = { leaveType: 'SICK', startDate: '2025-05-05', endDate: '2025-05-06' };
    const checkIn = { location: 'Ward 5', device: 'kiosk-1' };
    return Promise.all([
      asAUserWould(() => agreementFor(id)),
      asAUserWould(() => tp.graphql(op('RecordTimeEntry'), { input: shift }, asHr)),
      asAUserWould(() => tp.graphql(op('RequestLeave'), { input: leave }, self)),
      asAUserWould(() => tp.graphql(op('CheckIn'), { input: checkIn }, self)),
    ]);
  };

  it(`takes an agreement, a time entry, a leave request and a check-in at once, ${RUNS} hires in a row`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const person = await createPerson(tp, 'New', `Starter${run}`);
      const [agreement, entry, leave, checkIn] = await writesFor(person.id);
      expect({ run, errors: agreement.errors }).toEqual({ run, errors: undefined });
      expect({ run, errors: entry.errors }).toEqual({ run, errors: undefined });
      expect({ run, errors: leave.errors }).toEqual({ run, errors: undefined });
      expect({ run, errors: checkIn.errors }).toEqual({ run, errors: undefined });
      expect(agreement.data!.createAgreement.id).toEqual(expect.any(String));
      expect(leave.data!.requestLeave).toMatchObject({ status: 'PENDING' });
    }
    // Fifty hires of five writes each: minutes on a busy machine, not a limit on speed.
  }, 600_000);

  it('learns from employees what no event will tell again', async () => {
    const person = await createPerson(tp, 'Lost', 'Event');
    // Each subgraph's copy, by its entity's name.
    const copies: [string, string][] = [
      ['agreements', KnownEmployeeSchema.meta.className],
      ['time', TimeCopy.meta.className],
      ['leave', LeaveCopy.meta.className],
      ['attendance', AttendanceCopy.meta.className],
    ];
    const em = (name: string) => tp.platform.runtimes[name]!.orm.em.fork();
    const has = async () => {
      const found = await Promise.all(
        copies.map(([name, schema]) => em(name).count(schema, { id: person.id })),
      );
      return found.every((n) => n === 1) ? true : undefined;
    };
    // The created event lands everywhere, then every copy forgets it: only asking helps.
    await waitFor(has);
    for (const [name, schema] of copies) await em(name).nativeDelete(schema, { id: person.id });

    const answers = await writesFor(person.id);
    expect(answers.map((answer) => answer.errors)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(await has()).toBe(true);
    expect(await em('time').findOne(TimeCopy, person.id)).toMatchObject({ version: 1 });
  });

  it('still refuses someone employees does not have', async () => {
    const nobody = randomUUID();
    const agreement = await agreementFor(nobody);
    expect(agreement.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_EMPLOYEE',
    });
    const checkIn = await tp.graphql(
      op('CheckIn'),
      { input: { employeeId: nobody, location: 'Ward 5', device: 'kiosk-1' } },
      asHr,
    );
    expect(checkIn.errors?.[0]?.extensions?.reason).toBe('UNKNOWN_EMPLOYEE');
    // Time looks in its transaction first, then asks, then tries once more: still refused.
    const shift = earlyShiftInput(nobody, '2025-05-01T07:00:00+01:00', '2025-05-01T15:00:00+01:00');
    const entry = await tp.graphql(op('RecordTimeEntry'), { input: shift }, asHr);
    expect(entry.data?.recordTimeEntry ?? null).toBeNull();
    expect(entry.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_EMPLOYEE',
    });
    expect(
      await tp.platform.runtimes.time!.orm.em.fork().count(TimeEntrySchema, { employeeId: nobody }),
    ).toBe(0);
  });

  it('answers UNAVAILABLE, not UNKNOWN_EMPLOYEE, while employees is down, and learns them once it is back', async () => {
    const person = await createPerson(tp, 'Late', 'Joiner');
    const agreements = tp.platform.runtimes.agreements!;
    const copyRows = () => agreements.orm.em.fork().count(KnownEmployeeSchema, { id: person.id });
    // Let the created event land, then forget it: agreements knows nothing of them, and
    // no event will tell it again.
    await waitFor(async () => ((await copyRows()) === 1 ? true : undefined));
    await agreements.orm.em.fork().nativeDelete(KnownEmployeeSchema, { id: person.id });

    const employees = tp.platform.runtimes.employees!;
    await employees.stop();
    try {
      const down = await agreementFor(person.id);
      expect(down.data?.createAgreement ?? null).toBeNull();
      expect(down.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(down.errors?.[0]?.message).toMatch(/Retry/);
    } finally {
      await employees.start();
    }

    const back = await agreementFor(person.id);
    expect(back.errors).toBeUndefined();
    expect(await copyRows()).toBe(1);
  });
});
