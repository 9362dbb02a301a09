import {
  connectNats,
  createTestNamespace,
  deleteStreams,
  ensureStreams,
  subjectFor,
  type NatsClients,
} from '../../../messaging/src';
import type { Namespace } from '../../../messaging/src/types';
import { createOwnerAsker } from '../../../runtime/src/ownerRequests';
import {
  COMPLIANCE_CHECKS,
  DEFAULT_ATTENDANCE_RULES,
  type ComplianceAnswer,
} from '../../../runtime/src/policies';
import {
  foreignEvent,
  startSubgraph,
  type SubgraphHarness,
} from '../../../test-support/startSubgraph';
import { waitFor } from '../../../test-support/waitFor';
import { attendance } from '../src';
import { EmployeeCopySchema, PolicyCopySchema } from '../src/entities';
import { at, createdData } from './support';
import { v7 as uuidv7 } from 'uuid';

describe('attendance: compliance’s policy over NATS, and its question answered there', () => {
  let nats: NatsClients;
  let namespace: Namespace;
  let h: SubgraphHarness;

  beforeAll(async () => {
    nats = await connectNats({
      servers: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
      name: 'attendance-policy-test',
    });
    namespace = createTestNamespace();
    await ensureStreams(nats.jsm, namespace);
    h = await startSubgraph(attendance, {
      messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
    });
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

  it('keeps a version delivered twice once, and judges by it when asked', async () => {
    const policy = {
      kind: 'ATTENDANCE',
      key: 'DEFAULT',
      version: 2,
      effectiveFrom: '2025-06-11T00:00:00.000Z',
      rules: { ...DEFAULT_ATTENDANCE_RULES, graceMinutes: 5 },
      previous: DEFAULT_ATTENDANCE_RULES,
      reason: null,
    };
    await publish(foreignEvent('compliance.policy.updated', policy, 'ATTENDANCE:DEFAULT'), 2);
    const employeeId = uuidv7();
    // Published after the policy: once the employee is in, the policy was handled too.
    await publish(foreignEvent('employees.employee.created', createdData(employeeId)));
    const em = () => h.runtime.orm.em.fork();
    await waitFor(async () => (await em().findOne(EmployeeCopySchema, employeeId)) ?? undefined);
    await waitFor(async () => ((await em().count(PolicyCopySchema, {})) > 0 ? true : undefined));
    expect(await em().find(PolicyCopySchema, {})).toEqual([
      expect.objectContaining({ kind: 'ATTENDANCE', version: 2 }),
    ]);

    const ask = createOwnerAsker(nats.nc, namespace);
    const answer = (await ask(COMPLIANCE_CHECKS.attendanceDay, {
      caller: { subject: 'hr-1', role: 'HR', employeeId: null },
      input: {
        employeeId,
        date: '2025-06-12',
        checkIn: at('2025-06-12', '09:07'),
        checkOut: at('2025-06-12', '17:00'),
      },
    })) as ComplianceAnswer;
    expect(answer).toEqual({
      allowed: true,
      findings: [
        expect.objectContaining({
          rule: 'LATE_ARRIVAL',
          severity: 'WARNING',
          policy: { kind: 'ATTENDANCE', key: 'DEFAULT', version: 2 },
        }),
      ],
    });
  });
});
