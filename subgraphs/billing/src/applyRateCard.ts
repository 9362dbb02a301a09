import type { EntityManager } from '@mikro-orm/knex';
import { addDays } from '../../../runtime';
import { RateBook } from './costing';
import {
  EmployeeCopySchema,
  EmployeeGradeSchema,
  RateCardSchema,
  UncostedEntrySchema,
  type RateCard,
  type RateCardKind,
} from './entities';
import { correctionReasonRequired } from './errors';
import { RATE_CARD_SET } from './events';
import { table } from './guards';
import { entriesOf, lockForPosting } from './ledger';
import { repost } from './repost';

/** What setting a card did, stored on the card and told in its event. */
export type RateCardOutcome = Required<
  Pick<RateCard, 'kind' | 'reversedCount' | 'postedCount' | 'costedWaitingCount'>
>;

/** Live (not reversed) COST transactions of a grade on work days from `from` on. */
async function costedFrom(em: EntityManager, grade: string, from: string): Promise<number> {
  const transactions = table(em, 'billing_transactions');
  const rows = await em.execute<{ n: string | number }[]>(
    `select count(*) as n from ${transactions} t
     join ${table(em, 'billing_rate_cards')} c on c.id = t.rate_card_id
     where c.grade = ? and t.kind = 'COST' and t.work_date >= ?
       and not exists (select 1 from ${transactions} r where r.reverses_id = t.id)`,
    [grade, from],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Puts a new card into effect in the caller's transaction, before the card row is stored:
 * the grade's holders are locked, the card's kind decided (from today on: SCHEDULED; from a
 * past day: BACKDATED when nothing of the grade was costed on or after it, else a
 * CORRECTION, which needs a reason), then the holders' work from the card's day on is
 * re-costed: costs that change are reversed and posted again, and waiting entries the
 * card covers are costed.
 */
export async function applyRateCard(
  tx: EntityManager,
  card: RateCard,
  today: string,
): Promise<RateCardOutcome> {
  const holders = await tx.find(EmployeeGradeSchema, { grade: card.grade });
  const ids = [...new Set(holders.map((h) => h.employeeId))];
  await lockForPosting(tx, ids);
  let kind: RateCardKind = 'SCHEDULED';
  if (card.effectiveFrom < today) {
    const costed = await costedFrom(tx, card.grade, card.effectiveFrom);
    kind = costed ? 'CORRECTION' : 'BACKDATED';
    if (costed && !card.correctionReason)
      throw correctionReasonRequired(
        `${costed} cost(s) of grade ${card.grade} on or after ${card.effectiveFrom} are booked at the card then in effect. ` +
          'Give a correctionReason to reverse them and post them again at this card (a dated correction).',
      );
  }
  const outcome: RateCardOutcome = {
    kind,
    reversedCount: 0,
    postedCount: 0,
    costedWaitingCount: 0,
  };
  if (!ids.length) return outcome;
  // Two days' margin covers any zone's local day.
  const entries = await entriesOf(
    tx,
    ids,
    new Date(`${addDays(card.effectiveFrom, -2)}T00:00:00Z`),
  );
  if (!entries.length) return outcome;
  const waiting = await tx.find(
    UncostedEntrySchema,
    { entryId: { $in: entries.map((e) => e.id) } },
    { fields: ['entryId'], disableIdentityMap: true },
  );
  const employees = await tx.find(
    EmployeeCopySchema,
    { id: { $in: ids } },
    { disableIdentityMap: true },
  );
  const byId = new Map(employees.map((e) => [e.id, e]));
  const grades = [...new Set(employees.flatMap((e) => e.grades.map((g) => g.value)))];
  const cards = await tx.find(
    RateCardSchema,
    { grade: { $in: grades } },
    { disableIdentityMap: true },
  );
  const result = await repost(
    tx,
    entries.map((entry) => ({ entry, employee: byId.get(entry.employeeId) ?? null })),
    'diff',
    { eventId: null, type: RATE_CARD_SET, occurredAt: card.setAt },
    new RateBook([...cards, card]),
  );
  const stillWaiting = waiting.length
    ? await tx.count(UncostedEntrySchema, { entryId: { $in: waiting.map((w) => w.entryId) } })
    : 0;
  return {
    kind,
    reversedCount: result.reversed,
    postedCount: result.posted,
    costedWaitingCount: waiting.length - stillWaiting,
  };
}
