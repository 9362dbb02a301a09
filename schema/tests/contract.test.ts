import fs from 'node:fs';
import path from 'node:path';
import { SUPERGRAPH_FILE } from '../compose';
import { apiSchemaOf, loadContract, validateOperation } from '../src/contract';

const pending = new Set(
  fs
    .readFileSync(path.join(__dirname, '../pending-operations.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);
const schema = apiSchemaOf(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'));
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
