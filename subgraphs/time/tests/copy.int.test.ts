import { v7 as uuidv7 } from 'uuid';
import { waitFor } from '../../../test-support/waitFor';
import { EmployeeCopySchema } from '../src/entities';
import { createdData, employeeEvent, startTime, type TimeHarness } from './support';
import { statusChangedData, terminatedData } from '../../../test-support/employeeEvents';
import { employeeUpdatedData } from '../../../test-support/employeeUpdatedData';
import { openTestStreams, type TestStreams } from '../../../test-support/openTestStreams';
import { suiteHarness } from '../../../test-support/suiteHarness';

const copyOf = (h: TimeHarness, id: string) =>
  h.runtime.orm.em.fork().findOne(EmployeeCopySchema, id);

describe('time: local copy of employees', () => {
  const h = suiteHarness(startTime);

  it('builds the copy from every employees event and ignores older versions', async () => {
    const id = uuidv7();
    const manager = uuidv7();
    await h.employeeEvent(
      'employees.employee.created',
      createdData(id, { timeZone: 'Europe/Paris' }),
    );
    await h.employeeEvent('employees.manager.assigned', {
      employeeId: id,
      employeeNumber: 'E1',
      version: 3,
      managerId: manager,
      previousManagerId: null,
    });
    // Version 2 arrives after 3: it is older than the copy and changes nothing.
    await h.employeeEvent(
      'employees.employee.status_changed',
      statusChangedData(id, 2, 'ON_LEAVE'),
    );
    expect(await copyOf(h, id)).toMatchObject({
      status: 'ACTIVE',
      managerId: manager,
      timeZone: 'Europe/Paris',
      version: 3,
    });
    await h.employeeEvent(
      'employees.employee.updated',
      employeeUpdatedData(id, 4, { timeZone: { old: 'Europe/Paris', new: 'Europe/London' } }),
    );
    await h.employeeEvent(
      'employees.employee.status_changed',
      statusChangedData(id, 5, 'ON_LEAVE'),
    );
    expect(await copyOf(h, id)).toMatchObject({
      status: 'ON_LEAVE',
      timeZone: 'Europe/London',
      version: 5,
    });
    // A redelivered created (version 1) does not roll anything back.
    await h.employeeEvent('employees.employee.created', createdData(id));
    expect(await copyOf(h, id)).toMatchObject({
      status: 'ON_LEAVE',
      managerId: manager,
      version: 5,
    });
    await h.employeeEvent('employees.employee.terminated', {
      employeeId: id,
      employeeNumber: 'E1',
      version: 6,
      terminationDate: '2025-03-31',
    });
    expect(await copyOf(h, id)).toMatchObject({ status: 'TERMINATED', version: 6 });
  });
});

describe('time: local copy fed through NATS', () => {
  let streams: TestStreams;
  let h: TimeHarness;

  beforeAll(async () => {
    streams = await openTestStreams('time-test');
    const { js, jsm } = streams.nats;
    h = await startTime({ messaging: { js, jsm, namespace: streams.namespace } });
  });
  afterAll(async () => {
    await h.stop();
    await streams.close();
  });

  it('applies each event once through the inbox, even when published twice', async () => {
    const id = uuidv7();
    const created = employeeEvent('employees.employee.created', createdData(id));
    const terminated = employeeEvent(
      'employees.employee.terminated',
      terminatedData(id, 2, '2025-03-31'),
    );
    for (const event of [created, terminated, created]) await streams.publish(event);
    const copy = await waitFor(async () => {
      const found = await copyOf(h, id);
      return found?.status === 'TERMINATED' ? found : undefined;
    });
    expect(copy.version).toBe(2);
    const recorded = await h.op('RecordTimeEntry', {
      input: { employeeId: id, periodType: 'SHIFT', startTime: '2025-04-01T08:00:00Z' },
    });
    expect(recorded.errors![0].extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'EMPLOYEE_TERMINATED',
    });
  });
});
