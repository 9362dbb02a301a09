import { v7 as uuidv7 } from 'uuid';
import {
  connectNats,
  createTestNamespace,
  deleteStreams,
  ensureStreams,
  subjectFor,
  type NatsClients,
} from '../../../messaging/src';
import type { Namespace } from '../../../messaging/src/types';
import {
  foreignEvent,
  startSubgraph,
  type SubgraphHarness,
} from '../../../test-support/startSubgraph';
import { waitFor } from '../../../test-support/waitFor';
import { attendance } from '../src';
import { AttendanceDaySchema, EmployeeCopySchema, LeaveCopySchema } from '../src/entities';
import { DAY, PROCESS, createdData, hr, leaveData } from './support';

describe('attendance: copies fed through NATS by its durable consumers', () => {
  let nats: NatsClients;
  let namespace: Namespace;
  let h: SubgraphHarness;

  beforeAll(async () => {
    nats = await connectNats({
      servers: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
      name: 'attendance-test',
    });
    namespace = createTestNamespace();
    await ensureStreams(nats.jsm, namespace);
    h = await startSubgraph(attendance, { messaging: { js: nats.js, jsm: nats.jsm, namespace } });
  });
  afterAll(async () => {
    await h.stop();
    await deleteStreams(nats.jsm, namespace);
    await nats.nc.drain();
  });

  const publish = async (event: ReturnType<typeof foreignEvent>, times = 1) => {
    for (let i = 0; i < times; i++)
      await nats.js.publish(subjectFor(event.type, namespace), JSON.stringify(event), {
        msgID: `${event.id}-${i}`,
      });
  };

  it('applies employees and leave events once each, and reverses leave on cancellation', async () => {
    const id = uuidv7();
    await publish(foreignEvent('employees.employee.created', createdData(id)), 2);
    await waitFor(
      async () => (await h.runtime.orm.em.fork().findOne(EmployeeCopySchema, id)) ?? undefined,
    );
    const { approvedBy, approvedAt, ...common } = leaveData(id);
    await publish(foreignEvent('leave.request.approved', { ...common, approvedBy, approvedAt }));
    const dayOf = () =>
      h.runtime.orm.em.fork().findOne(AttendanceDaySchema, { employeeId: id, date: DAY });
    await waitFor(
      async () =>
        (await h.runtime.orm.em.fork().findOne(LeaveCopySchema, common.requestId)) ?? undefined,
    );
    await h.gql(PROCESS, { input: { date: DAY, employeeIds: [id] } }, hr);
    expect(await dayOf()).toMatchObject({ status: 'ON_LEAVE', version: 1 });
    await publish(
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
    const absences = (await h.events('attendance.absence.detected')).filter(
      (e) => e.data.employeeId === id,
    );
    expect(absences).toHaveLength(1);
  });
});
