import crypto from 'node:crypto';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { type Cipher, createCipher, dataKeyId } from '../../runtime';
import { subgraphs } from '../../subgraphs';
import { startAccounts } from '../../subgraphs/accounts/tests/support';
import { startEmployees } from '../../subgraphs/employees/tests/support';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { runScript, runScriptOk } from '../../test-support/runScript';
import { sealV1 } from '../../test-support/sealV1';
import type { SubgraphHarness } from '../../test-support/startSubgraph';

const EMPLOYEE = `query ($id: ID!) {
  employee(id: $id) { id firstName phone salary { amountMinor currency } }
}`;
const INVITATION = `query ($id: ID!) {
  _entities(representations: [{ __typename: "Employee", id: $id }]) {
    ... on Employee { invitation { url expiresAt } }
  }
}`;

type Row = Record<string, unknown>;

/** Every row of a subgraph's table, as the database holds it. */
async function rowsOf(h: SubgraphHarness, subgraph: string, table: string): Promise<Row[]> {
  const name = h.db.url ? `"${subgraph}"."${table}"` : `"${table}"`;
  const connection = h.runtime.orm.em.getConnection() as AbstractSqlConnection;
  return connection.execute(`select * from ${name} order by id`);
}

/** Writes one value straight into the table, as an older release left it. */
async function setColumn(
  h: SubgraphHarness,
  [subgraph, table, column]: [string, string, string],
  id: string,
  value: string,
) {
  const knex = (h.runtime.orm.em.getConnection() as AbstractSqlConnection).getKnex();
  const query = h.db.url ? knex(table).withSchema(subgraph) : knex(table);
  await query.where({ id }).update({ [column]: value });
}

const without = (rows: Row[], columns: string[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !columns.includes(k))));

describe('npm run reencrypt', () => {
  const [oldKey, newKey] = [crypto.randomBytes(32), crypto.randomBytes(32)];
  let db: TestDatabase;
  const employeeIds: string[] = [];
  const hiredIds: string[] = [];
  // What the service answers before the rotation, and the rows and events as stored.
  let employeesRead: unknown[];
  let invitationsRead: unknown[];
  let employeesBefore: { employees: Row[]; events: unknown[] };
  let ticketsBefore: Row[];

  /** The command's environment: the database of this suite, `keys` as the ring. */
  const reencryptEnv = (keys: { current: Buffer; previous?: Buffer[] }) => {
    const { DATABASE_URL: _url, DATA_ENCRYPTION_KEY: _key, ...env } = process.env;
    return {
      ...env,
      DATA_DIR: db.dataDir,
      ...(db.url ? { DATABASE_URL: db.url } : {}),
      DATA_ENCRYPTION_KEY: keys.current.toString('base64'),
      DATA_ENCRYPTION_PREVIOUS_KEYS: (keys.previous ?? [])
        .map((k) => k.toString('base64'))
        .join(','),
    };
  };
  const reencrypt = (keys: { current: Buffer; previous?: Buffer[] }) =>
    runScriptOk('bin/reencrypt.ts', ['--batch-size', '2'], { env: reencryptEnv(keys) });

  /** What employees and accounts answer through GraphQL with `cipher` as the ring. */
  async function readWith(cipher: Cipher) {
    const employees = await startEmployees({ db, cipher });
    const accounts = await startAccounts({}, { db, cipher });
    try {
      const people = await Promise.all(employeeIds.map((id) => employees.gql(EMPLOYEE, { id })));
      const links = await Promise.all(hiredIds.map((id) => accounts.gql(INVITATION, { id })));
      return {
        people,
        links,
        employees: { employees: await employees.rows(), events: await employees.events() },
        tickets: await rowsOf(accounts, 'accounts', 'account_tickets'),
      };
    } finally {
      await accounts.stop();
      await employees.stop();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    // Written under the old key, one value of each table in the v1 format of before key ids.
    const employees = await startEmployees({ db, cipher: createCipher(oldKey) });
    const accounts = await startAccounts({}, { db, cipher: createCipher(oldKey) });
    try {
      for (let i = 0; i < 3; i++) employeeIds.push(await employees.hire());
      employeeIds.push(await employees.hire({ phone: null }));
      await setColumn(
        employees,
        ['employees', 'employees', 'phone_sealed'],
        employeeIds[0]!,
        sealV1(oldKey, '+44 20 7946 0001'),
      );
      for (let i = 0; i < 2; i++) hiredIds.push(await accounts.hire());
      const [ticket] = await rowsOf(accounts, 'accounts', 'account_tickets');
      const token = createCipher(oldKey).decrypt(String(ticket!.sealed_token));
      await setColumn(
        accounts,
        ['accounts', 'account_tickets', 'sealed_token'],
        String(ticket!.id),
        sealV1(oldKey, token),
      );
    } finally {
      await accounts.stop();
      await employees.stop();
    }
    const before = await readWith(createCipher(oldKey));
    employeesRead = before.people;
    invitationsRead = before.links;
    employeesBefore = before.employees;
    ticketsBefore = before.tickets;
  });
  afterAll(() => db?.drop());

  it('reads what the old key sealed, including v1 values', () => {
    expect(employeesRead).toHaveLength(4);
    for (const reply of employeesRead)
      expect((reply as { errors?: unknown }).errors).toBeUndefined();
    expect(employeesRead[0]).toMatchObject({ data: { employee: { phone: '+44 20 7946 0001' } } });
    expect(employeesRead[3]).toMatchObject({ data: { employee: { phone: null } } });
    expect(employeesRead[1]).toMatchObject({
      data: { employee: { salary: { amountMinor: 3_500_000, currency: 'GBP' } } },
    });
    for (const reply of invitationsRead)
      expect(reply).toMatchObject({
        data: { _entities: [{ invitation: { url: expect.any(String) } }] },
      });
    expect(ticketsBefore.map((t) => String(t.sealed_token).slice(0, 3)).sort()).toEqual([
      'v1:',
      'v2:',
    ]);
  });

  it('without the old key, a sealed field fails alone, as INTERNAL, and the command changes nothing', async () => {
    const newOnly = await readWith(createCipher(newKey));
    const [reply] = newOnly.people as {
      data: { employee: Row };
      errors: { message: string; extensions: Row }[];
    }[];
    expect(reply!.data.employee.firstName).toBeTruthy();
    expect(reply!.errors.map((e) => [e.message, e.extensions])).toEqual([
      ['Internal error.', { code: 'INTERNAL' }],
      ['Internal error.', { code: 'INTERNAL' }],
    ]);

    const failure = await runScript('bin/reencrypt.ts', ['--batch-size', '2'], {
      env: reencryptEnv({ current: newKey }),
    });
    expect(failure.code).toBe(1);
    expect(failure.stdout).toContain(
      `employees.employees: re-encrypted 0, already current 0, unreadable 7 (missing data keys: ${dataKeyId(oldKey)})`,
    );
    const after = await readWith(createCipher(oldKey));
    expect(after.employees).toEqual(employeesBefore);
    expect(after.tickets).toEqual(ticketsBefore);
  });

  it('seals every value again with the new key, reading the same and changing nothing else', async () => {
    const { stdout } = await reencrypt({ current: newKey, previous: [oldKey] });
    expect(stdout.split('\n')).toEqual([
      `sealing with data key ${dataKeyId(newKey)}`,
      'employees.employees: re-encrypted 7, already current 0',
      'accounts.account_tickets: re-encrypted 2, already current 0',
      '',
    ]);

    const after = await readWith(createCipher(newKey, [oldKey]));
    expect(after.people).toEqual(employeesRead);
    expect(after.links).toEqual(invitationsRead);
    const sealed = [
      ...after.employees.employees.flatMap((row) => [row.phone_sealed, row.salary_sealed]),
      ...after.tickets.map((row) => row.sealed_token),
    ].filter((value) => value !== null);
    expect(sealed).toHaveLength(9);
    for (const value of sealed) expect(value).toMatch(new RegExp(`^v2:${dataKeyId(newKey)}:`));
    // No version, updatedAt or event moved: to the audit trail, nothing happened.
    const sealedColumns = ['phone_sealed', 'salary_sealed', 'sealed_token'];
    expect(without(after.employees.employees, sealedColumns)).toEqual(
      without(employeesBefore.employees, sealedColumns),
    );
    expect(after.employees.events).toEqual(employeesBefore.events);
    expect(without(after.tickets, sealedColumns)).toEqual(without(ticketsBefore, sealedColumns));
  });

  it('finds everything current when run again', async () => {
    const { stdout } = await reencrypt({ current: newKey, previous: [oldKey] });
    expect(stdout).toContain('employees.employees: re-encrypted 0, already current 7\n');
    expect(stdout).toContain('accounts.account_tickets: re-encrypted 0, already current 2\n');
  });

  it('reads everything with the old key gone from the ring', async () => {
    const after = await readWith(createCipher(newKey));
    expect(after.people).toEqual(employeesRead);
    expect(after.links).toEqual(invitationsRead);
  });

  it("covers every subgraph's sealed columns", () => {
    for (const module of subgraphs) {
      for (const entity of module.entities) {
        const sealed = Object.keys(entity.meta.properties).filter((p) => /sealed/i.test(p));
        expect(module.sealedColumns?.[entity.meta.className] ?? []).toEqual(sealed);
      }
    }
  });
});
