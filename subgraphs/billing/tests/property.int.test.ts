import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../../../messaging';
import { assessEntry, RateBook } from '../src';
import {
  costOf,
  employeeCreated,
  finance,
  entryEvent,
  ledgerSums,
  rateCardRow,
  startBilling,
  type CardFields,
  type EntryFields,
} from './support';
import { seededRandom } from '../../../test-support/seededRandom';
import { suiteHarness } from '../../../test-support/suiteHarness';

const RUNS = 50;
const PERIOD_TYPES = ['SHIFT', 'SHIFT', 'OVERTIME', 'TRAINING', 'ON_CALL'];
const ZONES = [
  ['Europe/London', 'ENGLAND_AND_WALES'],
  ['Europe/London', 'SCOTLAND'],
  ['Europe/Paris', 'FR'],
] as const;

type Step =
  | { kind: 'event'; event: EventEnvelope; twice: 'no' | 'again' | 'concurrent' }
  | { kind: 'card'; card: CardFields };

interface Final {
  fields: EntryFields;
  deleted: boolean;
}

describe('billing: property — the ledger always balances and equals the entries costed from scratch', () => {
  const h = suiteHarness(() => startBilling('2026-03-02T12:00:00Z'));

  it(`holds over ${RUNS} random runs of record, amend, delete, duplicates, reordering and rate changes`, async () => {
    for (let run = 1; run <= RUNS; run += 1) {
      const seed = 0x5eed + run;
      const random = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
      const grade = `P${run}`;
      const steps: Step[] = [];
      const cards: CardFields[] = [];
      const employees: { id: string; zone: string; location: string; department: string }[] = [];
      const finals = new Map<string, Final>();

      // Employees: their created event goes into the shuffle too (may come after their time).
      for (let e = 0; e < int(2, 3); e += 1) {
        const [zone, location] = pick(ZONES);
        const employee = { id: uuidv7(), zone, location, department: `Dept${run}-${e % 2}` };
        employees.push(employee);
        const created = employeeCreated(employee.id, {
          grade,
          department: employee.department,
          timeZone: zone,
          location,
        });
        steps.push({ kind: 'event', event: created, twice: 'no' });
      }
      // The grade must be known before its first card: hire the first employee up front.
      const first = steps.shift()!;

      const card = (effectiveFrom: string): CardFields => ({
        grade,
        effectiveFrom,
        rate: int(900, 3000),
        overtime: int(100, 200) / 100,
        night: int(100, 150) / 100,
        holiday: int(100, 300) / 100,
      });

      for (const employee of employees) {
        for (let n = 0; n < int(1, 4); n += 1) {
          const entryId = uuidv7();
          const versions = int(1, 4);
          let fields: EntryFields | null = null;
          for (let v = 1; v <= versions; v += 1) {
            const day = 4 + int(0, 34); // 4 March .. 7 April (Good Friday, Easter Monday)
            const start = new Date(Date.UTC(2026, 2, day, 0, int(0, 1439), int(0, 1) * 30));
            const minutes = int(30, 840);
            fields = {
              entryId,
              employeeId: employee.id,
              version: v,
              periodType: pick(PERIOD_TYPES),
              startTime: start.toISOString(),
              endTime:
                random() < 0.1 ? null : new Date(start.getTime() + minutes * 60000).toISOString(),
              mealBreakMinutes: pick([0, 0, 15, 30, 45, 60]),
            };
            const twice = pick(['no', 'no', 'no', 'again', 'concurrent'] as const);
            steps.push({
              kind: 'event',
              event: entryEvent(v === 1 ? 'recorded' : 'amended', fields),
              twice,
            });
          }
          let deleted = false;
          if (random() < 0.25) {
            deleted = true;
            fields = { ...fields!, version: versions + 1 };
            steps.push({ kind: 'event', event: entryEvent('deleted', fields), twice: 'again' });
          }
          finals.set(entryId, { fields: fields!, deleted });
        }
      }
      for (let c = 0; c < int(0, 3); c += 1) {
        const day = String(int(3, 31)).padStart(2, '0');
        steps.push({ kind: 'card', card: card(`2026-03-${day}`) });
      }
      // Out of order: a partial shuffle (each step swaps with one at most 6 places away).
      for (let i = steps.length - 1; i > 0; i -= 1) {
        const j = Math.max(0, i - int(0, 6));
        [steps[i], steps[j]] = [steps[j]!, steps[i]!];
      }

      await h.apply((first as { event: EventEnvelope }).event);
      // The first card may start after some work: that work waits, uncosted, not at 0.
      const initial = card(`2026-03-${String(int(3, 12)).padStart(2, '0')}`);
      cards.push(initial);
      await h.setCard(initial);
      for (const step of steps) {
        if (step.kind === 'card') {
          cards.push(step.card);
          await h.setCard(step.card);
          continue;
        }
        if (step.twice === 'concurrent')
          await Promise.all([h.apply(step.event), h.apply(step.event)]);
        else await h.apply(step.event);
        if (step.twice === 'again') await h.apply(step.event);
      }

      // From scratch: the final version of every entry, the cards in the order they were set.
      const book = new RateBook(
        cards.map((c, i) => rateCardRow(`${String(i).padStart(4, '0')}`, c)),
      );
      const waiting: string[] = [];
      for (const employee of employees) {
        let expected = 0;
        for (const final of finals.values()) {
          if (final.fields.employeeId !== employee.id) continue;
          const { costs, uncosted } = assessEntry(
            {
              periodType: final.fields.periodType!,
              startTime: new Date(final.fields.startTime),
              endTime: final.fields.endTime ? new Date(final.fields.endTime) : null,
              mealBreakMinutes: final.fields.mealBreakMinutes ?? 0,
              deleted: final.deleted,
            },
            {
              timeZone: employee.zone,
              location: employee.location,
              grades: [{ from: '0001-01-01', version: 1, value: grade }],
              departments: [{ from: '0001-01-01', version: 1, value: employee.department }],
            },
            book,
          );
          expected += costs.reduce((sum, c) => sum + c.amountMinor, 0);
          if (uncosted.length) waiting.push(final.fields.entryId);
        }
        const actual = await costOf(h, employee.id, '2026-03-01', '2026-04-30');
        if (actual.amountMinor !== expected)
          throw new Error(
            `seed ${seed}: employee cost ${actual.amountMinor}, expected ${expected}`,
          );
      }
      // Every employee of the run is known by now, so each waiting entry is of the grade.
      const listed = await h.gql(
        `query ($grade: String!) { uncostedEntries(first: 500, filter: { grade: $grade }) {
          nodes { entryId } } }`,
        { grade },
        finance,
      );
      const ids = listed.data!.uncostedEntries.nodes.map((n: { entryId: string }) => n.entryId);
      if (JSON.stringify(ids.sort()) !== JSON.stringify(waiting.sort()))
        throw new Error(`seed ${seed}: uncosted ${ids}, expected ${waiting}`);
      const sums = ledgerSums((await h.ledger()).postings);
      for (const [currency, sum] of sums)
        if (sum !== 0) throw new Error(`seed ${seed}: ledger sums to ${sum} ${currency}`);
    }
    const trial = await h.op('TrialBalance', { on: '2026-12-31' });
    expect(trial.data!.trialBalance.balanced).toBe(true);
    // Fifty runs of real writes: a minute was not enough on a loaded PostgreSQL.
  }, 600_000);
});
