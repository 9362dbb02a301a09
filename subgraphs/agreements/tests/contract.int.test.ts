import { parse } from 'graphql';
import { composeSupergraph } from '../../../schema/src/composeSupergraph';
import { apiSchemaOf, loadContract, validateOperation } from '../../../schema/src/contract';
import { contractEntityQuery } from '../../../test-support/contractOperation';
import { ACCRUAL_TYPES } from '../../../runtime';
import { typeDefs } from '../src';
import { agreementInput, startAgreements } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

/** The part of the employees SDL the contract operations go through. */
const EMPLOYEES_STUB = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { employee(id: ID!): Employee }
  type Employee @key(fields: "id") {
    id: ID!
    firstName: String!
    lastName: String!
    jobTitle: String!
    directReports: [Employee!]!
  }
`);

const OPERATIONS = ['EmployeeAgreements', 'CreateAgreement', 'AmendAgreement', 'ImportAgreements'];

/** TeamDashboard's agreements part: what the gateway asks here for each direct report. */
const DASHBOARD_PART = `query ($representations: [_Any!]!, $today: Date!) {
  _entities(representations: $representations) {
    ... on Employee { currentAgreement(on: $today) { id fte startDate endDate } }
  }
}`;

describe('the front end contract', () => {
  // A schema check only: the stub stands in for the employees subgraph, which a subgraph's
  // tests may not import. The real composition is schema/tests/supergraph.test.ts's, and the
  // operations run on the real subgraph below.
  it('composes agreements with a stub of employees, and every agreements operation validates against it', () => {
    const schema = apiSchemaOf(
      composeSupergraph([
        { name: 'employees', typeDefs: EMPLOYEES_STUB },
        { name: 'agreements', typeDefs },
      ]),
    );
    const operations = loadContract().filter((o) => OPERATIONS.includes(o.name));
    expect(operations.map((o) => o.name).sort()).toEqual([...OPERATIONS].sort());
    for (const operation of operations) expect(validateOperation(schema, operation)).toEqual([]);
    const dashboard = parse(`query D($managerId: ID!, $today: Date!) { employee(id: $managerId) {
      id firstName directReports { id firstName lastName jobTitle
        currentAgreement(on: $today) { id fte startDate endDate } } } }`);
    expect(validateOperation(schema, { name: 'D', file: 'test', document: dashboard })).toEqual([]);
  });

  describe('the operations, run on the real subgraph', () => {
    const h = suiteHarness(startAgreements);
    let employeeId: string;
    beforeAll(async () => {
      employeeId = await h.knownEmployee('K0001');
    });

    it('CreateAgreement, AmendAgreement and ImportAgreements do what they say, and the reads show it', async () => {
      const created = await h.op('CreateAgreement', { input: agreementInput(employeeId) });
      expect(created.errors).toBeUndefined();
      const { id } = created.data!.createAgreement;
      expect(created.data!.createAgreement.version).toBe(1);
      const amended = await h.op('AmendAgreement', {
        input: { id, effectiveFrom: '2025-09-01', weeklyHours: 22.5, expectedVersion: 1 },
      });
      expect(amended.data!.amendAgreement).toEqual({ id, version: 2 });
      const content =
        'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,' +
        'salary_basis,weekly_hours,working_days,annual_leave_days,target_annual_target_hours\n' +
        'K0001,AHA,2026-04-01,2027-03-31,1,MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950\n';
      const imported = await h.op('ImportAgreements', { input: { format: 'CSV', content } });
      expect(imported.data!.importAgreements).toMatchObject({
        created: 1,
        amended: 0,
        unchanged: 0,
        rejected: 0,
        errors: [],
      });

      // EmployeeAgreements, as the gateway's plan asks agreements for its part.
      const representations = [{ __typename: 'Employee', id: employeeId }];
      const read = await h.gql(contractEntityQuery('EmployeeAgreements'), { representations });
      expect(read.errors).toBeUndefined();
      // Every accrual type, in the schema's order; those the agreement leaves out at 0.
      const targets = (totals: Record<string, number>) =>
        ACCRUAL_TYPES.map((accrualType) => ({ accrualType, total: totals[accrualType] ?? 0 }));
      // The created agreement's fields as sent, but for the amended weekly hours.
      const {
        employeeId: _employee,
        targets: _targets,
        ...asAmended
      } = agreementInput(employeeId, { weeklyHours: 22.5 });
      expect(read.data!._entities).toEqual([
        {
          agreements: [
            {
              id,
              ...asAmended,
              version: 2,
              targets: targets({
                ANNUAL_TARGET_HOURS: 1252.5,
                NIGHT_HOURS: 100,
                ON_CALL_WEEKDAY: 12,
              }),
            },
            {
              id: expect.any(String),
              agreementType: 'AHA',
              startDate: '2026-04-01',
              endDate: '2027-03-31',
              fte: 1,
              termsAndConditions: 'MODERNISED',
              salaryBasis: 'NATIONAL',
              weeklyHours: 37.5,
              workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
              annualLeaveDays: 27,
              version: 1,
              targets: targets({ ANNUAL_TARGET_HOURS: 1950 }),
            },
          ],
        },
      ]);

      // The dashboard's part: the agreement in force on the day, one per report.
      const today = await h.gql(DASHBOARD_PART, { representations, today: '2026-05-01' });
      expect(today.errors).toBeUndefined();
      expect(today.data!._entities).toEqual([
        {
          currentAgreement: {
            id: read.data!._entities[0].agreements[1].id,
            fte: 1,
            startDate: '2026-04-01',
            endDate: '2027-03-31',
          },
        },
      ]);
    });
  });
});
