import fc from 'fast-check';
import type { AuditEntry } from '../src/entities';
import { canonicalJson, hashEntry } from '../src/hashEntry';

/** An entry as a log written by earlier versions holds it; its hashes are pinned below. */
const entry = {
  id: '0193a4f2-7c1e-7a35-9d2b-4e8f1c6a2b90',
  chain: 0,
  seq: 41,
  occurredAt: new Date('2026-11-30T08:15:00.000Z'),
  recordedAt: new Date('2026-11-30T08:15:00.250Z'),
  actorId: '0193a4f2-0000-7000-8000-000000000001',
  action: 'employees.employee.updated',
  logType: 'DATA',
  entityType: 'Employee',
  entityId: '0193a4f2-0000-7000-8000-0000000000e1',
  subgraph: 'employees',
  status: 'SUCCESS',
  oldValues: { jobTitle: 'Nurse', fte: 1, address: { city: 'Leeds', lines: ['1 Park Row', null] } },
  newValues: {
    jobTitle: 'Senior nurse',
    fte: 0.8,
    address: { city: 'Leeds', lines: ['1 Park Row', null] },
    note: 'Zoë "Z" \u2028',
  },
  requestId: 'req-1',
  prevHash: 'ab'.repeat(32),
} as unknown as Omit<AuditEntry, 'hash'>;

/** Values as events carry them: JSON, with dates and fields left undefined. */
const eventValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: 'binary' }),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value')),
    fc.dictionary(fc.string({ unit: 'binary' }), tie('value')),
  ),
})).value;

describe('hashEntry', () => {
  it('gives an entry the hash earlier versions gave it, so stored chains still verify', () => {
    expect(hashEntry(entry)).toBe(
      'f64bca9f78e3aac893db638198a17dfa691d16874dbf2f01fa0b533c194c977f',
    );
    expect(hashEntry({ ...entry, chain: 3 })).toBe(
      '0efaf9158e13c1336156d380bd19daf4e129e7d77257ca9890fb346db1e22a8f',
    );
  });
});

describe('canonicalJson', () => {
  it('writes the same text whatever the order of keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), eventValue), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('writes JSON that reads back as the value, fields left undefined dropped', () => {
    fc.assert(
      fc.property(eventValue, (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value ?? null)));
      }),
    );
  });

  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"e":2,"f":1}]},"b":1}',
    );
  });
});
