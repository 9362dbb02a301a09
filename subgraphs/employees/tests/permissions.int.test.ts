import { hr, onlyError, startEmployees, type Caller, type GraphQLReply } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const PERSONAL = [
  'phone',
  'grade',
  'employmentType',
  'hireDate',
  'terminationDate',
  'location',
  'timeZone',
  'version',
];
const PROFILE = `query ($id: ID!) {
  employee(id: $id) {
    id employeeNumber firstName lastName email department jobTitle status
    manager { id } directReports { id }
    ${PERSONAL.join(' ')}
    salary { amountMinor currency }
  }
}`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Employee { id firstName phone salary { amountMinor } }
  }
}`;

const ALL_BUT_DIRECTORY = [...PERSONAL, 'salary'].sort();

/** The fields of the reply that carry a FORBIDDEN error, sorted. */
const forbiddenFields = (errors: GraphQLReply['errors'] = []) =>
  errors
    .map((e) => {
      expect(e.extensions?.code).toBe('FORBIDDEN');
      return String(e.path!.at(-1));
    })
    .sort();

describe('employees: who may read and change what', () => {
  const h = suiteHarness(startEmployees);
  let manager: string;
  let report: string;
  let indirect: string;
  let outsider: string;
  const as = (role: Caller['role'], sub?: string, scopes?: string[]): Caller => ({
    role,
    sub,
    scopes,
  });

  beforeAll(async () => {
    manager = await h.hire({ firstName: 'Maya' });
    report = await h.hire({ firstName: 'Aisha', managerId: manager });
    indirect = await h.hire({ firstName: 'Dev', managerId: report });
    outsider = await h.hire({ firstName: 'Owen' });
  });

  const read = (id: string, caller: Caller) => h.gql(PROFILE, { id }, caller);

  describe('reading', () => {
    it('lets HR read everything, salary included', async () => {
      const reply = await read(report, hr);
      expect(reply.errors).toBeUndefined();
      expect(reply.data!.employee).toMatchObject({
        phone: '+44 20 7946 0958',
        salary: { amountMinor: 3_500_000, currency: 'GBP' },
      });
    });

    it('lets an employee read all of their own record, salary included', async () => {
      const reply = await read(report, as('EMPLOYEE', report));
      expect(reply.errors).toBeUndefined();
      expect(reply.data!.employee.salary).toEqual({ amountMinor: 3_500_000, currency: 'GBP' });
    });

    it("shows an employee only another person's directory fields", async () => {
      const reply = await read(outsider, as('EMPLOYEE', report));
      expect(forbiddenFields(reply.errors)).toEqual(ALL_BUT_DIRECTORY);
      const employee = reply.data!.employee;
      expect(employee).toMatchObject({ id: outsider, firstName: 'Owen', status: 'ACTIVE' });
      for (const field of [...PERSONAL, 'salary']) expect(employee[field]).toBeNull();
      // The exact values: an id may well hold a few of the same digits.
      expect(JSON.stringify(reply)).not.toContain('7946 0958');
      expect(JSON.stringify(reply)).not.toMatch(/\b3500000\b/);
    });

    it("lets a manager read their direct and indirect reports' personal fields, not salary", async () => {
      for (const id of [report, indirect]) {
        const reply = await read(id, as('MANAGER', manager));
        expect(forbiddenFields(reply.errors)).toEqual(['salary']);
        expect(reply.data!.employee).toMatchObject({ phone: '+44 20 7946 0958', salary: null });
      }
    });

    it("keeps a manager from others' personal fields", async () => {
      const reply = await read(outsider, as('MANAGER', manager));
      expect(forbiddenFields(reply.errors)).toEqual(ALL_BUT_DIRECTORY);
    });

    it('keeps a report from their manager', async () => {
      const reply = await read(manager, as('MANAGER', report));
      expect(forbiddenFields(reply.errors)).toEqual(ALL_BUT_DIRECTORY);
    });

    it.each([
      ['ADMIN', as('ADMIN')],
      ['SYSTEM', as('SYSTEM')],
    ])('lets %s read personal fields but not salary', async (_role, caller) => {
      const reply = await read(report, caller);
      expect(forbiddenFields(reply.errors)).toEqual(['salary']);
    });

    it.each(['FINANCE', 'AUDITOR'] as const)('shows %s the directory only', async (role) => {
      const reply = await read(report, as(role, outsider));
      expect(forbiddenFields(reply.errors)).toEqual(ALL_BUT_DIRECTORY);
    });

    it('shows a partner with employees:read the directory only', async () => {
      const partner = as('PARTNER', 'partner-acme', ['employees:read']);
      const reply = await read(report, partner);
      expect(forbiddenFields(reply.errors)).toEqual(ALL_BUT_DIRECTORY);
      expect(reply.data!.employee.firstName).toBe('Aisha');
      const list = await h.op('EmployeeDirectory', { first: 2 }, partner);
      expect(list.errors).toBeUndefined();
    });

    it('refuses a partner without employees:read', async () => {
      const partner = as('PARTNER', 'partner-acme', ['leave:read']);
      for (const reply of [
        await read(report, partner),
        await h.op('EmployeeDirectory', {}, partner),
        await h.op('VerifyEmployee', { id: report }, partner),
      ]) {
        expect(onlyError(reply).extensions!.code).toBe('FORBIDDEN');
      }
    });

    it('applies the same rules to entity references from other subgraphs', async () => {
      const representations = [outsider, report].map((id) => ({ __typename: 'Employee', id }));
      const reply = await h.gql(ENTITIES, { representations }, as('EMPLOYEE', report));
      expect(reply.data!._entities).toEqual([
        { id: outsider, firstName: 'Owen', phone: null, salary: null },
        {
          id: report,
          firstName: 'Aisha',
          phone: '+44 20 7946 0958',
          salary: { amountMinor: 3_500_000 },
        },
      ]);
      expect(reply.errors!.map((e) => e.path!.join('.')).sort()).toEqual([
        '_entities.0.phone',
        '_entities.0.salary',
      ]);
      const partner = as('PARTNER', 'partner-acme', []);
      const refused = await h.gql(ENTITIES, { representations }, partner);
      expect(refused.errors!.every((e) => e.extensions!.code === 'FORBIDDEN')).toBe(true);
      expect(refused.data!._entities).toEqual([null, null]);
    });
  });

  describe('changing', () => {
    it('lets an employee change their own phone', async () => {
      const reply = await h.gql(
        `mutation ($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { phone version } }`,
        { input: { id: indirect, phone: '+44 7700 900123' } },
        as('EMPLOYEE', indirect),
      );
      expect(reply.errors).toBeUndefined();
      expect(reply.data!.updateEmployee).toEqual({ phone: '+44 7700 900123', version: 2 });
    });

    // Callers and ids are read in the test: the people are hired in beforeAll.
    const byReport = () => as('EMPLOYEE', report);
    const byManager = () => as('MANAGER', manager);
    it.each([
      ["an employee's own department", byReport, () => report, { department: 'Radiology' }],
      ["an employee's own phone and grade", byReport, () => report, { phone: '+441', grade: 'B9' }],
      ["a colleague's phone", byReport, () => outsider, { phone: '+44 7700 900999' }],
      ["a report's job title, by their manager", byManager, () => report, { jobTitle: 'Sister' }],
    ])('refuses a change to %s, and changes nothing', async (_name, caller, id, fields) => {
      const before = await h.snapshot();
      const reply = await h.op('UpdateEmployee', { input: { id: id(), ...fields } }, caller());
      expect(onlyError(reply).extensions!.code).toBe('FORBIDDEN');
      expect(await h.snapshot()).toEqual(before);
    });

    it.each([
      ['CreateEmployee', { input: { firstName: 'X' } }],
      ['ChangeEmployeeStatus', { input: { id: 'R', status: 'ON_LEAVE' } }],
      ['AssignManager', { input: { id: 'R', managerId: null } }],
      ['TerminateEmployee', { input: { id: 'R', terminationDate: '2025-01-01' } }],
      ['WithdrawTermination', { input: { id: 'R' } }],
    ])('refuses %s to anyone but HR and ADMIN', async (operation, variables) => {
      const input = JSON.parse(JSON.stringify(variables.input).replace('"R"', `"${report}"`));
      if (operation === 'CreateEmployee') Object.assign(input, { ...minimalCreate() });
      for (const caller of [
        as('EMPLOYEE', report),
        as('MANAGER', manager),
        as('FINANCE', outsider),
        as('SYSTEM'),
        as('PARTNER', 'partner-acme', ['employees:read']),
      ]) {
        const before = await h.snapshot();
        const reply = await h.op(operation, { input }, caller);
        expect(onlyError(reply).extensions!.code).toBe('FORBIDDEN');
        expect(await h.snapshot()).toEqual(before);
      }
    });

    it('lets ADMIN change employees', async () => {
      const reply = await h.op(
        'ChangeEmployeeStatus',
        { input: { id: outsider, status: 'ON_LEAVE' } },
        as('ADMIN'),
      );
      expect(reply.errors).toBeUndefined();
    });
  });
});

function minimalCreate() {
  return {
    firstName: 'New',
    lastName: 'Starter',
    email: 'new.starter@example.com',
    department: 'Pharmacy',
    jobTitle: 'Pharmacist',
    grade: 'BAND_6',
    employmentType: 'FULL_TIME',
    hireDate: '2025-01-06',
  };
}
