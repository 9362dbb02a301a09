import { v7 as uuidv7 } from 'uuid';
import { hr, personInput, startEmployees } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const CREATE = `mutation ($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id employeeNumber location timeZone status version }
}`;
const REPORTS = `query ($id: ID!) {
  employee(id: $id) {
    directReports { id }
    reports(first: 50) { totalCount nodes { id } }
  }
}`;
const LIST = `query ($filter: EmployeeFilter, $first: Int) {
  employees(first: $first, filter: $filter) { totalCount nodes { id } }
}`;

describe('employees: create, read, reports, lifecycle', () => {
  const h = suiteHarness(startEmployees);

  it('creates an employee and reads the whole profile back as HR', async () => {
    const input = personInput({ firstName: 'Ada', lastName: 'Lovelace' });
    const created = await h.op('CreateEmployee', { input });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEmployee).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
      employeeNumber: input.employeeNumber,
      status: 'ACTIVE',
      version: 1,
    });
    const id = created.data!.createEmployee.id;
    const profile = await h.op('EmployeeProfile', { id }, hr);
    expect(profile.errors).toBeUndefined();
    // Every field given at creation reads back as given.
    expect(profile.data!.employee).toEqual({
      id,
      ...input,
      status: 'ACTIVE',
      terminationDate: null,
      version: 1,
      manager: null,
      directReports: [],
    });
  });

  // Lists read plain rows while a single read loads the entity: both must show the same values.
  it('shows every field the same in the directory, in reports and in the profile', async () => {
    const fields = `id employeeNumber firstName lastName email phone department jobTitle grade
      employmentType status hireDate terminationDate location timeZone version createdAt updatedAt
      salary { amountMinor currency } manager { id }`;
    const boss = (await h.op('CreateEmployee', { input: personInput({ lastName: 'Zzboss' }) }))
      .data!.createEmployee.id;
    const input = personInput({ lastName: 'Zzrow', managerId: boss });
    const id = (await h.op('CreateEmployee', { input })).data!.createEmployee.id;
    const read = await h.gql(
      `query ($id: ID!, $boss: ID!) {
        one: employee(id: $id) { ${fields} }
        list: employees(first: 1, filter: { search: "Zzrow" }) { nodes { ${fields} } }
        boss: employee(id: $boss) { directReports { ${fields} } }
      }`,
      { id, boss },
      hr,
    );
    expect(read.errors).toBeUndefined();
    const { one, list, boss: manager } = read.data!;
    expect(one).toMatchObject({
      hireDate: '2021-04-01',
      createdAt: expect.stringMatching(/T.*(Z|[+-]\d\d:\d\d)$/),
    });
    expect(list.nodes).toEqual([one]);
    expect(manager.directReports).toEqual([one]);
  });

  it('defaults location and time zone, and keeps a country code and an IANA zone', async () => {
    const { location: _l, timeZone: _t, ...rest } = personInput();
    const defaults = await h.gql(CREATE, { input: rest });
    expect(defaults.data!.createEmployee).toMatchObject({
      location: 'ENGLAND_AND_WALES',
      timeZone: 'Europe/London',
    });
    const abroad = await h.gql(CREATE, {
      input: personInput({ location: 'de', timeZone: 'Europe/Berlin' }),
    });
    expect(abroad.data!.createEmployee).toMatchObject({
      location: 'DE',
      timeZone: 'Europe/Berlin',
    });
  });

  it('numbers employees E000001, E000002, ... when no number is given, skipping taken ones', async () => {
    const numberOf = async (overrides: Record<string, unknown>) => {
      const reply = await h.gql(CREATE, { input: personInput(overrides) });
      expect(reply.errors).toBeUndefined();
      return reply.data!.createEmployee.employeeNumber as string;
    };
    const first = await numberOf({ employeeNumber: null });
    expect(first).toMatch(/^E\d{6}$/);
    const next = Number(first.slice(1)) + 1;
    const taken = `E${String(next).padStart(6, '0')}`;
    expect(await numberOf({ employeeNumber: taken })).toBe(taken);
    expect(await numberOf({ employeeNumber: null })).toBe(`E${String(next + 1).padStart(6, '0')}`);
  });

  it('creates once for a repeated idempotency key and returns the first employee', async () => {
    const input = personInput({ idempotencyKey: `hire-${uuidv7()}` });
    const first = await h.gql(CREATE, { input });
    const again = await h.gql(CREATE, { input });
    expect(again.errors).toBeUndefined();
    expect(again.data!.createEmployee.id).toBe(first.data!.createEmployee.id);
    const rows = await h.rows();
    expect(rows.filter((row) => row.employee_number === input.employeeNumber)).toHaveLength(1);
    const created = await h.eventsAbout(
      first.data!.createEmployee.id,
      'employees.employee.created',
    );
    expect(created).toHaveLength(1);
  });

  it('answers me for the signed-in employee, with their manager', async () => {
    const managerId = await h.hire({ firstName: 'Maya', lastName: 'Okafor' });
    const id = await h.hire({ firstName: 'Ben', lastName: 'Walsh', managerId });
    const me = await h.op('Me', {}, { role: 'EMPLOYEE', sub: id });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({
      id,
      firstName: 'Ben',
      status: 'ACTIVE',
      manager: { id: managerId, firstName: 'Maya', lastName: 'Okafor' },
    });
    const service = await h.op('Me', {}, { role: 'SYSTEM' });
    expect(service.data!.me).toBeNull();
  });

  it('lists direct reports, and direct with indirect reports', async () => {
    const boss = await h.hire({ lastName: 'Boss' });
    const a = await h.hire({ lastName: 'Alpha', managerId: boss });
    const b = await h.hire({ lastName: 'Bravo', managerId: boss });
    const c = await h.hire({ lastName: 'Charlie', managerId: a });
    const d = await h.hire({ lastName: 'Delta', managerId: c });
    const gone = await h.hire({ lastName: 'Echo', managerId: boss });
    await h.op('TerminateEmployee', { input: { id: gone, terminationDate: '2024-01-31' } });

    const top = await h.gql(REPORTS, { id: boss });
    expect(top.data!.employee.directReports).toEqual([{ id: a }, { id: b }]);
    expect(top.data!.employee.reports).toEqual({
      totalCount: 4,
      nodes: [{ id: a }, { id: b }, { id: c }, { id: d }],
    });
    const middle = await h.gql(REPORTS, { id: a });
    expect(middle.data!.employee.directReports).toEqual([{ id: c }]);
    expect(middle.data!.employee.reports.nodes).toEqual([{ id: c }, { id: d }]);
    const filtered = await h.gql(LIST, { filter: { reportsTo: boss, includeTerminated: true } });
    expect(filtered.data!.employees.totalCount).toBe(5);
    const direct = await h.gql(LIST, { filter: { managerId: boss } });
    expect(direct.data!.employees.nodes).toEqual([{ id: a }, { id: b }]);
  });

  it('lists the departments people work in, each once, alphabetically, without those only the terminated were in', async () => {
    const departments = async (caller: Parameters<typeof h.gql>[2] = hr) => {
      const reply = await h.gql('{ departments }', {}, caller);
      return reply;
    };
    await h.hire({ department: 'Zz Wards' });
    await h.hire({ department: 'Zz Wards' });
    await h.hire({ department: 'Zz Labs' });
    const gone = await h.hire({ department: 'Zz Closed' });
    await h.op('TerminateEmployee', { input: { id: gone, terminationDate: '2024-01-31' } });
    const reply = await departments({ role: 'EMPLOYEE', sub: gone });
    expect(reply.errors).toBeUndefined();
    const listed: string[] = reply.data!.departments;
    expect(listed.filter((d) => d.startsWith('Zz'))).toEqual(['Zz Labs', 'Zz Wards']);
    expect(new Set(listed).size).toBe(listed.length);
    const partner = await departments({ role: 'PARTNER', sub: 'partner-1' });
    expect(partner.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('verifies an employee for other systems', async () => {
    const id = await h.hire({ department: 'Radiology' });
    const found = await h.op('VerifyEmployee', { id }, { role: 'SYSTEM' });
    expect(found.data!.verifyEmployee).toEqual({
      exists: true,
      status: 'ACTIVE',
      department: 'Radiology',
    });
    const missing = await h.op('VerifyEmployee', { id: uuidv7() }, { role: 'SYSTEM' });
    expect(missing.data!.verifyEmployee).toEqual({ exists: false, status: null, department: null });
    await h.op('TerminateEmployee', { input: { id, terminationDate: '2024-06-30' } });
    const ended = await h.op('VerifyEmployee', { id }, { role: 'SYSTEM' });
    expect(ended.data!.verifyEmployee.status).toBe('TERMINATED');
  });

  it('terminates: hidden from the default list, kept as history', async () => {
    const department = `Ward ${uuidv7()}`;
    const stays = await h.hire({ department });
    const leaves = await h.hire({ department });
    const terminated = await h.op('TerminateEmployee', {
      input: { id: leaves, terminationDate: '2024-03-31', expectedVersion: 1 },
    });
    expect(terminated.data!.terminateEmployee).toEqual({
      id: leaves,
      status: 'TERMINATED',
      terminationDate: '2024-03-31',
    });
    const ids = async (filter: Record<string, unknown>) =>
      (await h.gql(LIST, { filter: { department, ...filter } })).data!.employees;
    expect(await ids({})).toEqual({ totalCount: 1, nodes: [{ id: stays }] });
    expect((await ids({ includeTerminated: true })).totalCount).toBe(2);
    expect(await ids({ status: 'TERMINATED' })).toEqual({ totalCount: 1, nodes: [{ id: leaves }] });
    const profile = await h.op('EmployeeProfile', { id: leaves });
    expect(profile.data!.employee).toMatchObject({ status: 'TERMINATED', version: 2 });
  });

  it('searches by name in either order and by employee number, in any case', async () => {
    const department = `Search ${uuidv7()}`;
    const grace = await h.hire({ department, firstName: 'Grace', lastName: 'Hopper' });
    const alan = await h.hire({ department, firstName: 'Alan', lastName: 'Turing' });
    const search = async (text: string) =>
      (await h.gql(LIST, { filter: { department, search: text } })).data!.employees.nodes;
    expect(await search('grace hop')).toEqual([{ id: grace }]);
    expect(await search('TURING alan')).toEqual([{ id: alan }]);
    expect(await search('%')).toEqual([]);
    const number = (await h.rows()).find((r) => r.id === alan)!.employee_number as string;
    expect(await search(number.toLowerCase())).toEqual([{ id: alan }]);
  });

  it('updates fields and moves through statuses and managers, one version each', async () => {
    const id = await h.hire({ email: `Mixed.${uuidv7()}@Example.com` });
    const managerId = await h.hire();
    const update = await h.gql(
      `mutation ($input: UpdateEmployeeInput!) {
        updateEmployee(input: $input) { id version jobTitle phone grade salary { amountMinor currency } }
      }`,
      {
        input: {
          id,
          expectedVersion: 1,
          jobTitle: 'Charge Nurse',
          phone: null,
          salary: { amountMinor: 4_000_000, currency: 'gbp' },
        },
      },
    );
    expect(update.errors).toBeUndefined();
    expect(update.data!.updateEmployee).toEqual({
      id,
      version: 2,
      jobTitle: 'Charge Nurse',
      phone: null,
      grade: 'BAND_5',
      salary: { amountMinor: 4_000_000, currency: 'GBP' },
    });
    const status = await h.op('ChangeEmployeeStatus', {
      input: { id, status: 'ON_LEAVE', expectedVersion: 2 },
    });
    expect(status.data!.changeEmployeeStatus).toEqual({ id, status: 'ON_LEAVE', version: 3 });
    const back = await h.op('ChangeEmployeeStatus', { input: { id, status: 'INACTIVE' } });
    expect(back.data!.changeEmployeeStatus.version).toBe(4);
    const assigned = await h.op('AssignManager', { input: { id, managerId, expectedVersion: 4 } });
    expect(assigned.data!.assignManager).toEqual({ id, manager: { id: managerId }, version: 5 });
    const removed = await h.op('AssignManager', { input: { id, managerId: null } });
    expect(removed.data!.assignManager).toEqual({ id, manager: null, version: 6 });
  });

  it('changes nothing, and keeps the version, when a change repeats the current values', async () => {
    const id = await h.hire({ jobTitle: 'Porter' });
    const same = await h.op('UpdateEmployee', {
      input: { id, jobTitle: 'Porter', phone: '+44 20 7946 0958' },
    });
    expect(same.data!.updateEmployee).toEqual({ id, version: 1 });
    const status = await h.op('ChangeEmployeeStatus', { input: { id, status: 'ACTIVE' } });
    expect(status.data!.changeEmployeeStatus.version).toBe(1);
    expect(await h.eventsAbout(id)).toHaveLength(1);
  });

  it('lets an email change its letter case only', async () => {
    const tag = uuidv7();
    const id = await h.hire({ email: `case.${tag}@example.com` });
    const reply = await h.op('UpdateEmployee', {
      input: { id, email: `Case.${tag}@Example.com` },
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.updateEmployee.version).toBe(2);
  });
});
