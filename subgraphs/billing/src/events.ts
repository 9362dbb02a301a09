import { draftOf } from '../../../messaging';
import type { DayClose, Grade, RateCard } from './entities';
import { fromScaled } from './money';

export const RATE_CARD_SET = 'billing.rate_card.set';
export const GRADE_CREATED = 'billing.grade.created';
export const GRADE_UPDATED = 'billing.grade.updated';
export const DAY_CLOSED = 'billing.day.closed';

/** A card was set: what it is, and what putting it into effect did. */
export const rateCardSet = (card: RateCard) =>
  draftOf(RATE_CARD_SET, card.id, {
    rateCardId: card.id,
    grade: card.grade,
    effectiveFrom: card.effectiveFrom,
    baseHourlyRate: { amountMinor: card.baseHourlyRateMinor, currency: card.currency },
    overtimeMultiplier: fromScaled(card.overtimeMultiplier),
    nightMultiplier: fromScaled(card.nightMultiplier),
    publicHolidayMultiplier: fromScaled(card.publicHolidayMultiplier),
    kind: card.kind ?? 'SCHEDULED',
    ...(card.correctionReason && { correctionReason: card.correctionReason }),
    reversedTransactions: card.reversedCount ?? 0,
    postedTransactions: card.postedCount ?? 0,
    costedWaitingEntries: card.costedWaitingCount ?? 0,
    version: 1,
  });

/**
 * A grade's events name it by its code, which may hold spaces and any letter ("Band 5"), but
 * an event's subject is an opaque id of visible ASCII: the code goes in percent-encoded.
 */
export const gradeSubject = (code: string): string => encodeURIComponent(code);

export const gradeCreated = (grade: Grade) =>
  draftOf(GRADE_CREATED, gradeSubject(grade.code), {
    grade: grade.code,
    description: grade.description ?? null,
    retired: grade.retired,
    version: grade.version,
  });

type GradeState = Pick<Grade, 'description' | 'retired'>;

export const gradeUpdated = (
  code: string,
  next: GradeState,
  previous: GradeState,
  version: number,
) =>
  draftOf(GRADE_UPDATED, gradeSubject(code), {
    grade: code,
    description: next.description ?? null,
    retired: next.retired,
    previous: { description: previous.description ?? null, retired: previous.retired },
    version,
  });

export const dayClosed = (close: DayClose, accountCount: number) =>
  draftOf(DAY_CLOSED, close.date, {
    date: close.date,
    transactionCount: close.transactionCount,
    lateTransactionCount: close.lateTransactionCount,
    accountCount,
    totals: close.totals,
    version: 1,
  });
