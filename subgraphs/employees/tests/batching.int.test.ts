import { batchedReads, employeeReps, withRequestSql } from '../../../test-support/batchedReads';
import { managerChainsSql, requestSql } from '../../../test-support/sqlShape';
import { EmployeeSchema } from '../src/entities';
import { employeeRow, hr, startEmployees, type Caller } from './support';

const ENTITIES = (fields: string) => `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Employee { ${fields} } }
}`;

describe('employees: batched reads', () => {
  const suite = batchedReads(
    startEmployees,
    async (em, { ids, managerId, now }) => {
      await em.insertMany(
        EmployeeSchema,
        ids.map((id, i) =>
          employeeRow(now, {
            id,
            employeeNumber: `B${i}`,
            firstName: 'Batch',
            lastName: `Person ${String(i).padStart(2, '0')}`,
            email: `batch.${i}@example.com`,
            department: 'Batch',
            jobTitle: 'Tester',
            grade: 'BAND_3',
            managerId,
          }),
        ),
      );
    },
    (h) => h.hire({ lastName: 'Lead' }),
  );

  const resolve = (fields: string, caller: Caller) =>
    suite.h.gql(ENTITIES(fields), { representations: employeeReps(suite.ids) }, caller);

  it('resolves 50 references with one query', async () => {
    const { reply, sql } = await withRequestSql(suite.h, () =>
      resolve('id firstName lastName email department status hireDate', hr),
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data!._entities).toHaveLength(50);
    expect(reply.data!._entities[49]).toMatchObject({ id: suite.ids[49], lastName: 'Person 49' });
    expect(sql).toEqual(['select e0.* from employees as e0 where e0.id in (50 values)']);
  });

  it('adds one query for the managers of all 50, and one for the reporting lines of all 50', async () => {
    const { managerId } = suite;
    const manager: Caller = { role: 'MANAGER', sub: managerId };
    const { reply, sql } = await withRequestSql(suite.h, () =>
      resolve('id manager { id lastName } phone', manager),
    );
    expect(reply.errors).toBeUndefined();
    expect(
      reply.data!._entities.every((e: { manager: { id: string } }) => e.manager.id === managerId),
    ).toBe(true);
    // The employees, the managers above all 50 (for the personal field), their one manager.
    expect(sql).toEqual([
      'select e0.* from employees as e0 where e0.id in (50 values)',
      managerChainsSql('employees', 50),
      'select e0.* from employees as e0 where e0.id in (1 value)',
    ]);
  });

  it('lists a page with its direct reports in a fixed number of queries', async () => {
    const sql = await suite.h.countQueries(() =>
      suite.h.gql(`{ employees(first: 30, filter: { department: "Batch" }) {
        nodes { id manager { id } directReports { id } } } }`),
    );
    // Page, count, the direct reports of all 30, their one manager.
    const page = "from employees as e where e.status != 'TERMINATED' and e.department = 'Batch'";
    const byName = 'order by e0.last_name asc, e0.first_name asc, e0.id asc';
    expect(requestSql(sql)).toEqual([
      `select e.* ${page} order by e.last_name asc, e.first_name asc, e.id asc limit 31`,
      `select count(*) as count ${page}`,
      `select e0.* from employees as e0 where e0.manager_id in (30 values) and e0.status != 'TERMINATED' ${byName}`,
      'select e0.* from employees as e0 where e0.id in (1 value)',
    ]);
  });
});
