import { v7 as uuidv7 } from 'uuid';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { waitFor } from '../../../test-support/waitFor';
import { AttendanceDaySchema, EmployeeCopySchema, LeaveCopySchema } from '../src/entities';
import { DAY, PROCESS, createdData, hr, leaveData, startOverNats } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('attendance: copies fed through NATS by its durable consumers', () => {
  const served = suiteHarness(() => startOverNats('attendance-test'));

  it('applies employees and leave events once each, and reverses leave on cancellation', async () => {
    const id = uuidv7();
    await served.publish(foreignEvent('employees.employee.created', createdData(id)), 2);
    await waitFor(
      async () =>
        (await served.h.runtime.orm.em.fork().findOne(EmployeeCopySchema, id)) ?? undefined,
    );
    const { approvedBy, approvedAt, ...common } = leaveData(id);
    await served.publish(
      foreignEvent('leave.request.approved', { ...common, approvedBy, approvedAt }),
    );
    const dayOf = () =>
      served.h.runtime.orm.em.fork().findOne(AttendanceDaySchema, { employeeId: id, date: DAY });
    await waitFor(
      async () =>
        (await served.h.runtime.orm.em.fork().findOne(LeaveCopySchema, common.requestId)) ??
        undefined,
    );
    await served.h.gql(PROCESS, { input: { date: DAY, employeeIds: [id] } }, hr);
    expect(await dayOf()).toMatchObject({ status: 'ON_LEAVE', version: 1 });
    await served.publish(
      foreignEvent('leave.request.cancelled', {
        ...common,
        version: 3,
        status: 'CANCELLED',
        previousStatus: 'APPROVED',
        cancelledBy: id,
        cancelledAt: '2025-06-11T10:00:00.000Z',
      }),
      2,
    );
    const absent = await waitFor(async () => {
      const day = await dayOf();
      return day?.status === 'ABSENT' ? day : undefined;
    });
    expect(absent.version).toBe(2);
    const absences = (await served.h.events('attendance.absence.detected')).filter(
      (e) => e.data.employeeId === id,
    );
    expect(absences).toHaveLength(1);
  });
});
