import type { EntityManager } from '@mikro-orm/knex';
import { createPolicyCopies } from '../src/policies/policyCopies';
import { policyCopyId, policyCopySchema } from '../src/policies/policyCopySchema';
import type { AnyRules, PolicyKind } from '../src/policies/policyRules';
import { ormPerTest } from '../../test-support/ormPerTest';
import { onPostgres } from '../../test-support/onPostgres';
import { sentQueries } from '../../test-support/sqlShape';

const PolicyCopySchema = policyCopySchema('InForcePolicyCopy', 'in_force_policy_copy');
const copies = createPolicyCopies({ schema: PolicyCopySchema, kinds: ['LEAVE', 'RETENTION'] });

/** Rules of any shape: the copy keeps and gives back whatever JSON the version held. */
const rulesOf = (days: number) =>
  ({ noticeDays: days, nested: { list: [days, 'x'] } }) as unknown as AnyRules;

const JAN = new Date('2026-01-01T00:00:00.000Z');
const MAR = new Date('2026-03-01T00:00:00.000Z');

describe('a policy version in force', () => {
  const test = ormPerTest('policy_in_force', [PolicyCopySchema]);
  const em = () => test.orm.em.fork() as EntityManager;

  /** Stores a version as the copy's consumer would. */
  async function store(kind: PolicyKind, key: string, version: number, from: Date, days: number) {
    const fork = em();
    fork.create(PolicyCopySchema, {
      id: policyCopyId(kind, key, version),
      kind,
      key,
      version,
      effectiveFrom: from,
      rules: rulesOf(days),
      receivedAt: new Date(),
    });
    await fork.flush();
  }

  beforeEach(async () => {
    await store('LEAVE', 'ANNUAL', 2, JAN, 10);
    await store('LEAVE', 'ANNUAL', 3, MAR, 20);
    // A later number from the same moment wins over the earlier one.
    await store('LEAVE', 'ANNUAL', 4, MAR, 30);
    await store('LEAVE', 'SICK', 2, JAN, 99);
    await store('RETENTION', 'ANNUAL', 2, JAN, 77);
  });

  it('is the newest begun by then, its rules and instant read back as stored', async () => {
    const before = new Date(MAR.getTime() - 1);
    expect(await copies.inForce(em(), 'LEAVE', 'ANNUAL', before)).toEqual({
      kind: 'LEAVE',
      key: 'ANNUAL',
      version: 2,
      effectiveFrom: JAN,
      rules: rulesOf(10),
    });
    const atMarch = await copies.inForce(em(), 'LEAVE', 'ANNUAL', MAR);
    expect(atMarch).toEqual({
      kind: 'LEAVE',
      key: 'ANNUAL',
      version: 4,
      effectiveFrom: MAR,
      rules: rulesOf(30),
    });
    expect(atMarch.effectiveFrom).toBeInstanceOf(Date);
    expect((await copies.inForce(em(), 'LEAVE', 'SICK', MAR)).rules).toEqual(rulesOf(99));
  });

  it('is version 1, the defaults, before any stored version and for a key never stored', async () => {
    const early = await copies.inForce(em(), 'LEAVE', 'ANNUAL', new Date('2025-12-31T23:59:59Z'));
    expect(early).toMatchObject({ kind: 'LEAVE', key: 'ANNUAL', version: 1 });
    expect(await copies.inForce(em(), 'LEAVE', 'UNPAID', MAR)).toMatchObject({ version: 1 });
  });

  it('is read by one bound statement, the same text for every policy and moment', async () => {
    const queries = await sentQueries(em(), async () => {
      await copies.inForce(em(), 'LEAVE', 'ANNUAL', MAR);
      await copies.inForce(em(), 'RETENTION', 'ANNUAL', JAN);
    });
    expect(queries).toHaveLength(2);
    expect(queries[1]!.sql).toBe(queries[0]!.sql);
    const instant = (at: Date) => (onPostgres ? at : BigInt(at.getTime()));
    expect(queries.map((query) => query.bindings)).toEqual([
      ['LEAVE', 'ANNUAL', instant(MAR)],
      ['RETENTION', 'ANNUAL', instant(JAN)],
    ]);
  });

  it('sees a version the transaction has stored and not yet committed', async () => {
    await em().transactional(async (tx) => {
      tx.create(PolicyCopySchema, {
        id: policyCopyId('LEAVE', 'ANNUAL', 5),
        kind: 'LEAVE',
        key: 'ANNUAL',
        version: 5,
        effectiveFrom: MAR,
        rules: rulesOf(50),
        receivedAt: new Date(),
      });
      // Not flushed yet: the read flushes it first, as findOne would.
      expect(await copies.inForce(tx, 'LEAVE', 'ANNUAL', MAR)).toMatchObject({ version: 5 });
    });
    expect(await copies.inForce(em(), 'LEAVE', 'ANNUAL', MAR)).toMatchObject({ version: 5 });
  });
});
