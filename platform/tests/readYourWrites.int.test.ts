import { randomUUID } from 'node:crypto';
import { contractOperation as op } from '../../test-support/contractOperation';
import { createTestPlatform, type TestPlatform } from '../../test-support/createTestPlatform';
import { agreementInput, createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { KnownEmployeeSchema } from '../../subgraphs/agreements/src/entities';

const RUNS = 50;
const asHr = { role: 'HR' as const, sub: 'service:hr' };

// Right after HR hires someone, the other domains take writes about them at once, though
// the created event may not have reached their copies yet: they ask employees.
describe('writes about someone hired a moment ago', () => {
  let tp: TestPlatform;

  beforeAll(async () => {
    tp = await createTestPlatform();
  });
  afterAll(() => tp.stop());

  const agreementFor = (id: string) =>
    tp.graphql(
      op('CreateAgreement'),
      { input: agreementInput(id, '2025-04-01', '2026-03-31') },
      asHr,
    );

  const writesFor = (id: string) => {
    const self = { role: 'EMPLOYEE' as const, sub: id };
    return Promise.all([
      agreementFor(id),
      tp.graphql(
        op('RecordTimeEntry'),
        {
          input: {
            employeeId: id,
            periodType: 'SHIFT',
            shiftType: 'Early',
            startTime: '2025-05-01T07:00:00+01:00',
            endTime: '2025-05-01T15:00:00+01:00',
            mealBreakMinutes: 30,
          },
        },
        asHr,
      ),
      tp.graphql(
        op('RequestLeave'),
        { input: { leaveType: 'SICK', startDate: '2025-05-05', endDate: '2025-05-06' } },
        self,
      ),
      tp.graphql(op('CheckIn'), { input: { location: 'Ward 5', device: 'kiosk-1' } }, self),
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
