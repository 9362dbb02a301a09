import { loadContract } from '../../../schema/src/contract';
import { contractEntityQuery } from '../../../test-support/contractOperation';
import { hr, suiteWithEmployee } from './support';
import { earlyShiftInput } from '../../../test-support/timeEntries';

/**
 * Every operation of schema/contract/time.graphql against this subgraph alone: the mutations
 * as the front end sends them, the queries rooted at `employee(id:)` as the gateway's query
 * plan asks time for its part. (Validation against the supergraph is schema/tests'.)
 */
describe('time: the contract operations', () => {
  const { h, employee } = suiteWithEmployee();

  it('names the operations this suite runs', () => {
    const ours = loadContract().filter((o) => o.file === 'time.graphql');
    expect(ours.map((o) => o.name).sort()).toEqual([
      'AmendTimeEntry',
      'DeleteTimeEntry',
      'PublishSchedule',
      'RecordTimeEntry',
      'Schedule',
      'Timecard',
    ]);
  });

  const timecard = (from: string, to: string) =>
    h.gql(
      contractEntityQuery('Timecard'),
      { representations: [{ __typename: 'Employee', id: employee.id }], from, to },
      employee.self,
    );

  it('RecordTimeEntry, AmendTimeEntry, DeleteTimeEntry, and the Timecard between them', async () => {
    const recorded = await h.op(
      'RecordTimeEntry',
      {
        input: earlyShiftInput(
          employee.id,
          '2025-03-03T08:00:00+01:00',
          '2025-03-03T16:00:00+01:00',
        ),
      },
      employee.self,
    );
    expect(recorded.errors).toBeUndefined();
    const entry = recorded.data!.recordTimeEntry;
    expect(entry).toEqual({
      id: expect.any(String),
      version: 1,
      correlationId: expect.any(String),
      periodType: 'SHIFT',
      shiftType: 'Early',
      startTime: '2025-03-03T07:00:00.000Z',
      endTime: '2025-03-03T15:00:00.000Z',
      mealBreakMinutes: 30,
    });

    const amended = await h.op(
      'AmendTimeEntry',
      { input: { id: entry.id, expectedVersion: 1, endTime: '2025-03-03T14:00:00Z' } },
      employee.self,
    );
    expect(amended.errors).toBeUndefined();
    expect(amended.data!.amendTimeEntry).toEqual({
      id: entry.id,
      version: 2,
      correlationId: expect.any(String),
      startTime: '2025-03-03T07:00:00.000Z',
      endTime: '2025-03-03T14:00:00.000Z',
    });

    const card = await timecard('2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z');
    expect(card.errors).toBeUndefined();
    expect(card.data!._entities).toEqual([
      {
        timeEntries: [
          {
            id: entry.id,
            periodType: 'SHIFT',
            shiftType: 'Early',
            startTime: '2025-03-03T07:00:00.000Z',
            endTime: '2025-03-03T14:00:00.000Z',
            mealBreakMinutes: 30,
            version: 2,
          },
        ],
      },
    ]);

    const deleted = await h.op(
      'DeleteTimeEntry',
      { input: { id: entry.id, expectedVersion: 2 } },
      employee.self,
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteTimeEntry).toEqual({
      id: entry.id,
      correlationId: expect.any(String),
    });
    const after = await timecard('2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z');
    expect(after.data!._entities).toEqual([{ timeEntries: [] }]);
  });

  it('PublishSchedule, then the Schedule of the days it covers', async () => {
    const published = await h.op(
      'PublishSchedule',
      {
        input: {
          employeeId: employee.id,
          shifts: [
            {
              start: '2025-07-02T08:00:00+01:00',
              end: '2025-07-02T16:00:00+01:00',
              shiftType: 'Day',
            },
          ],
        },
      },
      hr,
    );
    expect(published.errors).toBeUndefined();
    const [shift] = published.data!.publishSchedule;
    expect(published.data!.publishSchedule).toEqual([
      {
        id: expect.any(String),
        start: '2025-07-02T07:00:00.000Z',
        end: '2025-07-02T15:00:00.000Z',
        shiftType: 'Day',
      },
    ]);
    const schedule = await h.gql(
      contractEntityQuery('Schedule'),
      {
        representations: [{ __typename: 'Employee', id: employee.id }],
        from: '2025-07-01',
        to: '2025-07-03',
      },
      employee.self,
    );
    expect(schedule.errors).toBeUndefined();
    expect(schedule.data!._entities).toEqual([{ schedule: [shift] }]);
  });
});
