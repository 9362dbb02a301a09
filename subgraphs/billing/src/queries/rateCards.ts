import type { EntityManager } from '@mikro-orm/knex';
import { DayCloseSchema, RateCardSchema, type DayClose, type RateCard } from '../entities';
import { fromScaled } from '../money';
import { money } from './accounts';

export const rateCardView = (card: RateCard) => ({
  id: card.id,
  grade: card.grade,
  effectiveFrom: card.effectiveFrom,
  baseHourlyRate: money(card.baseHourlyRateMinor, card.currency),
  overtimeMultiplier: fromScaled(card.overtimeMultiplier),
  nightMultiplier: fromScaled(card.nightMultiplier),
  publicHolidayMultiplier: fromScaled(card.publicHolidayMultiplier),
  setAt: card.setAt,
  kind: card.kind ?? 'SCHEDULED',
  correctionReason: card.correctionReason ?? null,
  reversedTransactions: card.reversedCount ?? 0,
  postedTransactions: card.postedCount ?? 0,
  costedWaitingEntries: card.costedWaitingCount ?? 0,
});

export const closeView = (close: DayClose) => ({ ...close, closed: true });

/** The cards in force (the newest per grade and day), by grade and day. */
export async function rateCards(em: EntityManager, grade?: string | null) {
  const cards = await em.find(RateCardSchema, grade ? { grade } : {}, {
    orderBy: { grade: 'asc', effectiveFrom: 'asc', id: 'asc' },
  });
  const newest = new Map<string, RateCard>();
  for (const card of cards) newest.set(`${card.grade}|${card.effectiveFrom}`, card);
  return [...newest.values()].map(rateCardView);
}

export async function rateCard(em: EntityManager, id: string) {
  return rateCardView(await em.findOneOrFail(RateCardSchema, { id }));
}

/** A day's close, or null while it is open. */
export async function dayClose(em: EntityManager, date: string) {
  const close = await em.findOne(DayCloseSchema, { date });
  return close ? closeView(close) : null;
}
