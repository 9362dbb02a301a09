import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { EmployeeSchema, type Employee } from '../src/entities';
import { employeeRow, startEmployees, type EmployeesHarness } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const PAGE = `query ($first: Int, $after: String, $filter: EmployeeFilter) {
  employees(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { id lastName firstName }
  }
}`;

const LAST_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Khan'];
const FIRST_NAMES = ['Amy', 'Ben', 'Cal', 'Dee', 'Eli'];

/** `count` rows of one department straight into the table, many with equal names. */
async function insertEmployees(h: EmployeesHarness, department: string, count: number) {
  const em = h.runtime.orm.em.fork() as EntityManager;
  const now = new Date();
  const rows: Employee[] = Array.from({ length: count }, (_, i) => {
    const id = uuidv7();
    return employeeRow(now, {
      id,
      employeeNumber: `P${id.slice(-12)}`,
      firstName: FIRST_NAMES[i % FIRST_NAMES.length],
      lastName: LAST_NAMES[(i * 7) % LAST_NAMES.length],
      email: `${id}@example.com`,
      department,
      jobTitle: 'Nurse',
      grade: 'BAND_5',
      status: i % 10 === 9 ? 'TERMINATED' : 'ACTIVE',
      terminationDate: i % 10 === 9 ? '2024-01-01' : null,
    });
  });
  for (let i = 0; i < rows.length; i += 500) {
    await em.insertMany(EmployeeSchema, rows.slice(i, i + 500));
  }
  return rows;
}

const byKey = (a: Employee, b: Employee) =>
  a.lastName.localeCompare(b.lastName, 'en') ||
  a.firstName.localeCompare(b.firstName, 'en') ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('employees: keyset pages', () => {
  const h = suiteHarness(startEmployees);

  it('walks every page without duplicates or gaps, in name order', async () => {
    const department = 'Pages';
    const rows = await insertEmployees(h, department, 95);
    const expected = rows.filter((r) => r.status !== 'TERMINATED').sort(byKey);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const reply = await h.gql(PAGE, { first: 10, after, filter: { department } });
      expect(reply.errors).toBeUndefined();
      const page = reply.data!.employees;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) {
        expect(pages).toBe(Math.ceil(expected.length / 10));
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  it('keeps its place when rows are added before the cursor', async () => {
    const department = 'Moving';
    await insertEmployees(h, department, 20);
    const first = (await h.gql(PAGE, { first: 5, filter: { department } })).data!.employees;
    await insertEmployees(h, department, 5);
    const second = (
      await h.gql(PAGE, { first: 5, after: first.pageInfo.endCursor, filter: { department } })
    ).data!.employees;
    const last = first.nodes.at(-1);
    for (const node of second.nodes) {
      expect(byKey(node, last) > 0).toBe(true);
    }
  });

  it('returns an empty page with no cursor', async () => {
    const reply = await h.gql(PAGE, { first: 0, filter: { department: 'Pages' } });
    expect(reply.data!.employees).toMatchObject({
      nodes: [],
      pageInfo: { endCursor: null, hasNextPage: true },
    });
  });

  it('stays fast on 10,000 employees: pages are index range scans', async () => {
    const department = 'Large';
    const rows = await insertEmployees(h, department, 10_000);
    const active = rows.filter((r) => r.status !== 'TERMINATED').sort(byKey);
    const deep = active[8_000];
    const cursor = Buffer.from(JSON.stringify([deep.lastName, deep.firstName, deep.id])).toString(
      'base64url',
    );
    const connection = h.runtime.orm.em.getConnection();
    if (h.db.url) await connection.execute('analyze "employees"."employees"');
    for (const after of [null, cursor]) {
      const started = performance.now();
      const sql = await h.countQueries(async () => {
        const reply = await h.gql(PAGE, { first: 20, after });
        expect(reply.data!.employees.nodes).toHaveLength(20);
      });
      expect(performance.now() - started).toBeLessThan(1_000);
      const plan = JSON.stringify(
        await connection.execute(`${h.db.url ? 'explain' : 'explain query plan'} ${sql[0]}`),
      );
      expect(plan).toContain('employees_name_order');
    }
    const page = await h.gql(PAGE, { first: 2, after: cursor, filter: { department } });
    expect(page.data!.employees.nodes.map((n: { id: string }) => n.id)).toEqual([
      active[8_001].id,
      active[8_002].id,
    ]);
    expect(page.data!.employees.totalCount).toBe(active.length);
  });
});
