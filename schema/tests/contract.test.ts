import fs from 'node:fs';
import path from 'node:path';
import { createOperationCheck, readCostDirectives } from '../../runtime';
import { SUPERGRAPH_FILE } from '../compose';
import { apiSchemaOf, loadContract, validateOperation } from '../src/contract';

const pending = new Set(
  fs
    .readFileSync(path.join(__dirname, '../pending-operations.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);
const supergraphSdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
const schema = apiSchemaOf(supergraphSdl);
const operations = loadContract();

describe('the front end contract against the supergraph', () => {
  it('lists only operations that exist in the contract', () => {
    const names = new Set(operations.map((o) => o.name));
    expect([...pending].filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(operations.filter((o) => !pending.has(o.name)).map((o) => [o.name, o] as const))(
    '%s validates',
    (_name, operation) => {
      expect(validateOperation(schema, operation)).toEqual([]);
    },
  );

  // A pending operation that already validates must leave the list, so it only shrinks.
  // Jest refuses an empty table, so the check runs as one test once the list is empty.
  it('leaves on the list only operations that do not validate yet', () => {
    const validating = operations
      .filter((o) => pending.has(o.name))
      .filter((o) => validateOperation(schema, o).length === 0)
      .map((o) => o.name);
    expect(validating).toEqual([]);
  });
});

// The largest variables the front end sends: full pages and a year where it takes a period.
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const LARGEST: Record<string, Record<string, unknown>> = {
  EmployeeDirectory: { first: 100 },
  AuditLogs: { first: 500 },
  MyNotifications: { first: 100 },
  AccrualDays: { ...YEAR, type: 'ANNUAL_TARGET_HOURS' },
  AttendanceMonth: { ...YEAR, month: '2025-01' },
  LateArrivals: YEAR,
  Schedule: YEAR,
  AccountStatement: YEAR,
  EmployeeCost: YEAR,
  Timecard: { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
  VerifyAuditChain: { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
};

describe("the front end contract within the gateway's default operation limits", () => {
  const check = createOperationCheck();
  const costs = readCostDirectives(supergraphSdl);

  it('sizes only operations of the contract', () => {
    const names = new Set(operations.map((o) => o.name));
    expect(Object.keys(LARGEST).filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(operations.filter((o) => !pending.has(o.name)).map((o) => [o.name, o] as const))(
    '%s passes at its largest variables',
    (name, operation) => {
      const result = check({
        schema,
        costs,
        document: operation.document,
        variables: LARGEST[name] ?? {},
        identity: null,
      });
      expect('refusal' in result ? result.refusal.message : undefined).toBeUndefined();
    },
  );
});
