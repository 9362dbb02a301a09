import { contractOperation } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { employees } from '../../subgraphs/employees/src';
import { time } from '../../subgraphs/time/src';
import { EmployeeCopySchema } from '../../subgraphs/time/src/entities';
import { earlyShiftInput } from '../../test-support/timeEntries';

const modules = [employees, time];

describe('time through the gateway, fed by employees over NATS', () => {
  const p = platformSuite({ only: modules });

  const hire = async (managerId?: string) => {
    const { id } = await createPerson(p, 'Pat', 'Gateway', managerId ? { managerId } : {});
    // Time learns of the employee from employees.employee.created.
    await waitFor(
      async () =>
        (await p.platform.runtimes.time.orm.em.fork().findOne(EmployeeCopySchema, id)) ?? undefined,
    );
    return id;
  };

  it('records, reads the timecard, publishes and reads the schedule with the contract operations', async () => {
    const managerId = await hire();
    const id = await hire(managerId);
    const self = { role: 'EMPLOYEE' as const, sub: id };
    const recorded = await p.graphql(
      contractOperation('RecordTimeEntry'),
      {
        input: earlyShiftInput(id, '2025-05-01T07:00:00+01:00', '2025-05-01T15:00:00+01:00'),
      },
      self,
    );
    expect(recorded.errors).toBeUndefined();
    const entry = recorded.data!.recordTimeEntry;
    const amended = await p.graphql(
      contractOperation('AmendTimeEntry'),
      { input: { id: entry.id, expectedVersion: 1, endTime: '2025-05-01T15:30:00+01:00' } },
      self,
    );
    expect(amended.data!.amendTimeEntry).toMatchObject({
      version: 2,
      endTime: '2025-05-01T14:30:00.000Z',
    });

    const card = await p.graphql(
      contractOperation('Timecard'),
      { id, from: '2025-05-01T00:00:00Z', to: '2025-05-02T00:00:00Z' },
      { role: 'MANAGER', sub: managerId },
    );
    expect(card.errors).toBeUndefined();
    expect(card.data!.employee.timeEntries).toEqual([
      {
        id: entry.id,
        periodType: 'SHIFT',
        shiftType: 'Early',
        startTime: '2025-05-01T06:00:00.000Z',
        endTime: '2025-05-01T14:30:00.000Z',
        mealBreakMinutes: 30,
        version: 2,
      },
    ]);

    const published = await p.graphql(
      contractOperation('PublishSchedule'),
      {
        input: {
          employeeId: id,
          shifts: [
            {
              start: '2025-05-05T08:00:00+01:00',
              end: '2025-05-05T16:00:00+01:00',
              shiftType: 'Day',
            },
          ],
        },
      },
      { role: 'MANAGER', sub: managerId },
    );
    expect(published.errors).toBeUndefined();
    const schedule = await p.graphql(
      contractOperation('Schedule'),
      { id, from: '2025-05-05', to: '2025-05-05' },
      self,
    );
    expect(schedule.errors).toBeUndefined();
    expect(schedule.data!.employee.schedule).toEqual(published.data!.publishSchedule);

    const deleted = await p.graphql(
      contractOperation('DeleteTimeEntry'),
      { input: { id: entry.id, expectedVersion: 2 } },
      self,
    );
    expect(deleted.data!.deleteTimeEntry).toEqual({
      id: entry.id,
      correlationId: expect.any(String),
    });
  });
});
