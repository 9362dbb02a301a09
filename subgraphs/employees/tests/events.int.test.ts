import { hr, personInput, startEmployees } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('employees: events in the outbox and data at rest', () => {
  const h = suiteHarness(startEmployees);

  it('records created with the core record and the envelope of the request', async () => {
    const managerId = await h.hire();
    const input = personInput({ managerId, grade: 'BAND_6', location: 'SCOTLAND' });
    const reply = await h.gql(
      `mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }`,
      { input },
    );
    const id = reply.data!.createEmployee.id;
    const [event, ...more] = await h.eventsAbout(id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      type: 'employees.employee.created',
      source: '/subgraphs/employees',
      subject: id,
      dataversion: 1,
      actor: hr.sub,
      data: {
        employeeId: id,
        employeeNumber: input.employeeNumber,
        version: 1,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        department: 'Emergency Medicine',
        jobTitle: 'Staff Nurse',
        grade: 'BAND_6',
        employmentType: 'FULL_TIME',
        status: 'ACTIVE',
        hireDate: '2021-04-01',
        managerId,
        location: 'SCOTLAND',
        timeZone: 'Europe/London',
      },
    });
    // The exact values: a random id or tag may well hold a few of the same digits.
    expect(JSON.stringify(event)).not.toMatch(/7946 0958|\b3500000\b|salary|phone/);
  });

  it('records updated with old and new values, phone and salary masked', async () => {
    const id = await h.hire({ jobTitle: 'Staff Nurse' });
    await h.op('UpdateEmployee', {
      input: {
        id,
        expectedVersion: 1,
        jobTitle: 'Sister',
        phone: '+44 7700 900456',
        salary: { amountMinor: 4_200_000, currency: 'GBP' },
      },
    });
    await h.op('UpdateEmployee', { input: { id, phone: null } });
    const [, changed, cleared] = await h.eventsAbout(id);
    expect(changed).toMatchObject({
      type: 'employees.employee.updated',
      data: {
        employeeId: id,
        version: 2,
        changes: {
          jobTitle: { old: 'Staff Nurse', new: 'Sister' },
          phone: { old: '***', new: '***' },
          salary: { old: '***', new: '***' },
        },
      },
    });
    expect(Object.keys(changed.data.changes as object).sort()).toEqual([
      'jobTitle',
      'phone',
      'salary',
    ]);
    expect(cleared.data).toMatchObject({
      version: 3,
      changes: { phone: { old: '***', new: null } },
    });
    expect(JSON.stringify([changed, cleared])).not.toMatch(/7700 900456|\b4200000\b/);
  });

  it('records a corrected employee number under its new number', async () => {
    const id = await h.hire({ employeeNumber: 'OLD-1' });
    await h.op('UpdateEmployee', { input: { id, employeeNumber: 'NEW-1' } });
    const [, changed] = await h.eventsAbout(id);
    expect(changed.data).toEqual({
      employeeId: id,
      employeeNumber: 'NEW-1',
      version: 2,
      changes: { employeeNumber: { old: 'OLD-1', new: 'NEW-1' } },
    });
  });

  it('records status_changed, manager.assigned and terminated with the new version', async () => {
    const managerId = await h.hire();
    const id = await h.hire();
    await h.op('ChangeEmployeeStatus', { input: { id, status: 'ON_LEAVE' } });
    await h.op('AssignManager', { input: { id, managerId } });
    await h.op('AssignManager', { input: { id, managerId: null } });
    await h.op('TerminateEmployee', { input: { id, terminationDate: '2025-03-31' } });
    const events = (await h.eventsAbout(id)).map((e) => [e.type, e.data]);
    const number = (await h.rows()).find((r) => r.id === id)!.employee_number;
    const base = { employeeId: id, employeeNumber: number };
    expect(events.slice(1)).toEqual([
      [
        'employees.employee.status_changed',
        { ...base, version: 2, from: 'ACTIVE', to: 'ON_LEAVE' },
      ],
      ['employees.manager.assigned', { ...base, version: 3, managerId, previousManagerId: null }],
      [
        'employees.manager.assigned',
        { ...base, version: 4, managerId: null, previousManagerId: managerId },
      ],
      ['employees.employee.terminated', { ...base, version: 5, terminationDate: '2025-03-31' }],
    ]);
  });

  it('carries the correlation id of the request that caused the event', async () => {
    const id = await h.hire();
    const correlationId = 'import-2025-04-01';
    await h.runtime.execute(
      {
        query: `mutation ($input: ChangeEmployeeStatusInput!) { changeEmployeeStatus(input: $input) { id } }`,
        variables: { input: { id, status: 'INACTIVE' } },
      },
      { authorization: `Bearer ${await h.issuer.issue(hr)}`, 'x-correlation-id': correlationId },
    );
    const events = await h.eventsAbout(id);
    expect(events.at(-1)).toMatchObject({
      type: 'employees.employee.status_changed',
      correlationid: correlationId,
    });
  });

  it('keeps phone and salary encrypted at rest', async () => {
    const id = await h.hire({
      phone: '+44 20 7946 0123',
      salary: { amountMinor: 5_123_456, currency: 'EUR' },
    });
    const row = (await h.rows()).find((r) => r.id === id)!;
    expect(row.phone_sealed).toMatch(/^v2:[\w-]{11}:/);
    expect(row.salary_sealed).toMatch(/^v2:[\w-]{11}:/);
    const stored = JSON.stringify(row);
    expect(stored).not.toMatch(/7946 0123|\b5123456\b|"EUR"/);
  });
});
