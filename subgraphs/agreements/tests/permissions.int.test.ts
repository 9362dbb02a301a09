import { v7 as uuidv7 } from 'uuid';
import { managerChainsSql, requestSql } from '../../../test-support/sqlShape';
import { agreementInput, startAgreements, type AgreementsHarness } from './support';

let h: AgreementsHarness;
const ids: Record<string, string> = {};

const READ = `query E($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee {
  agreements { id } currentAgreement(on: "2025-06-01") { id fte startDate endDate } } } }`;

const read = (
  employee: string,
  caller: { role: 'EMPLOYEE' | 'MANAGER' | 'HR' | 'FINANCE' | 'PARTNER'; sub?: string },
) => h.gql(READ, { reps: [{ __typename: 'Employee', id: ids[employee] }] }, caller);

beforeAll(async () => {
  h = await startAgreements();
  // boss -> lead -> worker; other has no manager.
  ids.boss = await h.knownEmployee('P0001');
  ids.lead = await h.knownEmployee('P0002', ids.boss);
  ids.worker = await h.knownEmployee('P0003', null);
  ids.other = await h.knownEmployee('P0004');
  await h.employeeEvent('employees.manager.assigned', {
    employeeId: ids.worker,
    employeeNumber: 'P0003',
    version: 3,
    managerId: ids.lead,
    previousManagerId: null,
  });
  for (const name of ['boss', 'lead', 'worker', 'other']) await h.create(agreementInput(ids[name]));
});
afterAll(() => h.stop());

const allowed = async (employee: string, caller: Parameters<typeof read>[1]) => {
  const reply = await read(employee, caller);
  if (reply.errors) {
    expect(reply.errors[0].extensions?.code).toBe('FORBIDDEN');
    return false;
  }
  expect(reply.data!._entities[0].agreements).toHaveLength(1);
  return true;
};

it('lets an EMPLOYEE read their own agreements only', async () => {
  const me = { role: 'EMPLOYEE' as const, sub: ids.worker };
  expect(await allowed('worker', me)).toBe(true);
  expect(await allowed('other', me)).toBe(false);
  expect(await allowed('lead', me)).toBe(false);
});

it('lets a MANAGER read direct and indirect reports from the local copy, not others', async () => {
  const boss = { role: 'MANAGER' as const, sub: ids.boss };
  expect(await allowed('lead', boss)).toBe(true);
  expect(await allowed('worker', boss)).toBe(true);
  expect(await allowed('boss', boss)).toBe(true);
  expect(await allowed('other', boss)).toBe(false);
  const lead = { role: 'MANAGER' as const, sub: ids.lead };
  expect(await allowed('boss', lead)).toBe(false);
});

it('lets HR read all, and refuses FINANCE and PARTNER', async () => {
  expect(await allowed('other', { role: 'HR', sub: uuidv7() })).toBe(true);
  expect(await allowed('other', { role: 'FINANCE', sub: uuidv7() })).toBe(false);
  expect(await allowed('other', { role: 'PARTNER', sub: 'service:p' })).toBe(false);
});

it('ignores an older employee version, so reordering cannot roll the reporting line back', async () => {
  // An older manager.assigned (v2) arrives after v3: the worker stays under lead.
  await h.employeeEvent('employees.manager.assigned', {
    employeeId: ids.worker,
    employeeNumber: 'P0003',
    version: 2,
    managerId: ids.other,
    previousManagerId: null,
  });
  expect(await allowed('worker', { role: 'MANAGER', sub: ids.other })).toBe(false);
  expect(await allowed('worker', { role: 'MANAGER', sub: ids.lead })).toBe(true);
  // A newer one moves them.
  await h.employeeEvent('employees.manager.assigned', {
    employeeId: ids.worker,
    employeeNumber: 'P0003',
    version: 4,
    managerId: ids.other,
    previousManagerId: ids.lead,
  });
  expect(await allowed('worker', { role: 'MANAGER', sub: ids.other })).toBe(true);
  expect(await allowed('worker', { role: 'MANAGER', sub: ids.lead })).toBe(false);
});

it('reads currentAgreement for 50 employees with one agreements query', async () => {
  const many: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < 50; i++) {
    many.push(await h.knownEmployee(`B${i}`, ids.boss));
    rows.push(
      JSON.stringify({
        employee_number: `B${i}`,
        agreement_type: 'AHA',
        start_date: '2025-04-01',
        end_date: '2026-03-31',
        fte: 1,
        terms_and_conditions: 'MODERNISED',
        salary_basis: 'NATIONAL',
        weekly_hours: 37.5,
        working_days: 'MON|TUE|WED|THU|FRI',
        annual_leave_days: 27,
        target_annual_target_hours: 1950,
      }),
    );
  }
  const imported = await h.gql(
    `mutation I($input: ImportAgreementsInput!) { importAgreements(input: $input) { created } }`,
    { input: { format: 'JSONL', content: rows.join('\n') } },
  );
  expect(imported.data!.importAgreements.created).toBe(50);
  let reply: Awaited<ReturnType<typeof h.gql>> = {};
  const sql = await h.countQueries(async () => {
    reply = await h.gql(
      READ,
      { reps: many.map((id) => ({ __typename: 'Employee', id })) },
      { role: 'MANAGER', sub: ids.boss },
    );
  });
  expect(reply.errors).toBeUndefined();
  expect(
    reply.data!._entities.map((e: { currentAgreement: unknown }) => e.currentAgreement),
  ).toEqual(
    many.map(() => ({
      id: expect.any(String),
      fte: 1,
      startDate: '2025-04-01',
      endDate: '2026-03-31',
    })),
  );
  // The manager check reads the reporting lines above all 50 in one query, not an employee
  // at a time; then one agreements query for all 50.
  expect(requestSql(sql)).toEqual([
    managerChainsSql('known_employees', 50),
    'select a0.* from agreements as a0 where a0.employee_id in (50 values) order by a0.start_date asc, a0.id asc',
  ]);
});
