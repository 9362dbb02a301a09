import type { InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import fc from 'fast-check';
import { findOverlapping, type Period } from '../src/findOverlapping';
import { uuidEntity } from '../src/uuidEntity';
import { onPostgres } from '../../test-support/onPostgres';
import { ormPerTest } from '../../test-support/ormPerTest';
import { sentQueries } from '../../test-support/sqlShape';

const SpellSchema = uuidEntity(
  'OverlapSpell',
  'overlap_spells',
  (p) => ({
    ownerId: p.string().length(36),
    startsAt: p.datetime(),
    endsAt: p.datetime().nullable(),
    removedAt: p.datetime().nullable(),
  }),
  {
    indexes: [
      { name: 'overlap_spells_owner_start', properties: ['ownerId', 'startsAt'] },
      { name: 'overlap_spells_owner_end', properties: ['ownerId', 'endsAt'] },
    ],
  },
);
type Spell = InferEntity<typeof SpellSchema>;

const OWNER = '01900000-0000-7000-8000-0000000000a1';
const OTHER = '01900000-0000-7000-8000-0000000000b2';
const HOUR = 3_600_000;
const BASE = Date.UTC(2025, 0, 1);
const at = (hour: number) => new Date(BASE + hour * HOUR);
const columns = { start: 'startsAt', end: 'endsAt' } as const;
const live = { ownerId: OWNER, removedAt: null };

let serial = 0;
const spell = (from: number, to: number | null, extra: Partial<Spell> = {}): Spell => ({
  id: `01900000-0000-7000-8000-${String(++serial).padStart(12, '0')}`,
  ownerId: OWNER,
  startsAt: at(from),
  endsAt: to === null ? null : at(to),
  removedAt: null,
  ...extra,
});

/** What overlapping means, written out: `[start, end)` against each row, open ends forever. */
function expected(rows: Spell[], period: Period, exceptId?: string): string[] {
  const end = (date?: Date | null) => date?.getTime() ?? Infinity;
  return rows
    .filter((row) => row.ownerId === OWNER && row.removedAt === null && row.id !== exceptId)
    .filter((row) => row.startsAt.getTime() < end(period.end))
    .filter((row) => end(row.endsAt) > period.start.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((row) => row.id);
}

describe('findOverlapping', () => {
  const test = ormPerTest('find_overlapping', [SpellSchema]);
  const em = () => test.orm.em.fork() as EntityManager;

  const store = async (rows: Spell[]) => {
    const fork = em();
    await fork.nativeDelete(SpellSchema, {});
    rows.forEach((row) => fork.create(SpellSchema, row));
    await fork.flush();
  };
  const find = (period: Period, exceptId?: string, fork = em()) =>
    findOverlapping(fork, SpellSchema, columns, live, period, exceptId);

  it('finds every row sharing an instant with the period, and only those, earliest first', async () => {
    const row = fc.record({
      from: fc.integer({ min: 0, max: 40 }),
      length: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      other: fc.boolean(),
      removed: fc.boolean(),
    });
    const query = fc.record({
      from: fc.integer({ min: 0, max: 50 }),
      length: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
      except: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), query, async (drawn, q) => {
        const rows = drawn.map((r) =>
          spell(r.from, r.length === null ? null : r.from + r.length, {
            ...(r.other && { ownerId: OTHER }),
            ...(r.removed && { removedAt: at(99) }),
          }),
        );
        await store(rows);
        const period = { start: at(q.from), end: q.length === null ? null : at(q.from + q.length) };
        const exceptId = rows.length ? rows[q.except % rows.length]!.id : undefined;
        const found = (await find(period, exceptId)).map((r) => r.id);
        expect(found).toEqual(expected(rows, period, exceptId));
      }),
      { numRuns: 150 },
    );
  });

  it('gives managed rows, read back as their types', async () => {
    const open = spell(5, null);
    await store([spell(1, 3), open]);
    const fork = em();
    const [found] = await find({ start: at(6), end: at(7) }, undefined, fork);
    expect(found).toEqual(open);
    expect(found!.startsAt).toBeInstanceOf(Date);
    expect(fork.getUnitOfWork().getById(SpellSchema.meta.className, open.id)).toBe(found);
  });

  it('flushes first, as find does, while the manager holds changes of the table', async () => {
    const moved = spell(1, 3);
    await store([moved]);
    const fork = em();
    const held = await fork.findOneOrFail(SpellSchema, { id: moved.id });
    held.endsAt = at(10);
    expect((await find({ start: at(8), end: at(9) }, undefined, fork)).map((r) => r.id)).toEqual([
      moved.id,
    ]);
  });

  // The plan PostgreSQL takes depends on its statistics; SQLite keeps none here, so its plan
  // is the one every read takes.
  (onPostgres ? it.skip : it)(
    'reads by the end index, so a long history before the period is not walked',
    async () => {
      await store(Array.from({ length: 50 }, (_, i) => spell(i * 2, i * 2 + 1)));
      const fork = em();
      const [sent] = await sentQueries(fork, () => find({ start: at(200), end: at(201) }));
      const plan = await fork
        .getConnection()
        .execute<{ detail: string }[]>(`explain query plan ${sent!.sql}`, [...sent!.bindings!]);
      const searches = plan.map((step) => step.detail).filter((d) => /SEARCH|SCAN/.test(d));
      expect(searches).toEqual([
        expect.stringContaining('USING INDEX overlap_spells_owner_end (owner_id=? AND ends_at>?)'),
        expect.stringContaining('USING INDEX overlap_spells_owner_end (owner_id=? AND ends_at=?)'),
      ]);
    },
  );
});
