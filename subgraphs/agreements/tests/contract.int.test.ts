import { parse } from 'graphql';
import { composeSupergraph } from '../../../schema/src/composeSupergraph';
import { apiSchemaOf, loadContract, validateOperation } from '../../../schema/src/contract';
import { typeDefs } from '../src';
import { agreementInput, startAgreements, type AgreementsHarness } from './support';

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

describe('the front end contract', () => {
  it('composes with the employees subgraph and every agreements operation validates', () => {
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

  describe('the mutations, as the front end sends them', () => {
    let h: AgreementsHarness;
    let employeeId: string;
    beforeAll(async () => {
      h = await startAgreements();
      employeeId = await h.knownEmployee('K0001');
    });
    afterAll(() => h.stop());

    it('CreateAgreement, AmendAgreement and ImportAgreements do what they say', async () => {
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
    });
  });
});
