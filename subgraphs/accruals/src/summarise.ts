import { ACCRUAL_TYPES, isCounted, type AccrualType, type AgreementCopy } from './entities';
import { toStored, unitValue } from './ledger';
import { daysBetween } from '../../../runtime';
import { statusOf, type AccrualStatus } from './rules';

export interface AccrualSummary {
  accrualType: AccrualType;
  measurementUnit: 'HOURS' | 'COUNT';
  target: number;
  worked: number;
  remaining: number;
  expectedToDate: number;
  status: AccrualStatus;
  agreement: { id: string; startDate: string; endDate: string };
}

/** The day-row fields a summary reads. */
export interface CumulativeRow {
  accrualType: AccrualType;
  date: string;
  cumulativeTotal: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One summary per type the agreement names, in the enum's order, on `on` (a day of the
 * agreement): worked is the last cumulative total up to that day (`rows` oldest first, none
 * after `on`), expected the target pro rata over the days elapsed. The one place the
 * status is worked out, for queries and for the status changes alike.
 */
export function summarise(
  agreement: AgreementCopy,
  rows: readonly CumulativeRow[],
  on: string,
): AccrualSummary[] {
  const named = new Set(
    [...agreement.targets, ...agreement.openingBalances].map((t) => t.accrualType),
  );
  const elapsed = daysBetween(agreement.startDate, on) + 1;
  const length = daysBetween(agreement.startDate, agreement.endDate) + 1;
  return ACCRUAL_TYPES.filter((type) => named.has(type)).map((type) => {
    const target = agreement.targets.find((t) => t.accrualType === type)?.total ?? 0;
    const opening = agreement.openingBalances.find((o) => o.accrualType === type)?.total ?? 0;
    const last = rows.filter((r) => r.accrualType === type).pop();
    const worked = last
      ? unitValue(type, last.cumulativeTotal)
      : unitValue(type, toStored(type, opening));
    const expectedToDate = round2((target * elapsed) / length);
    return {
      accrualType: type,
      measurementUnit: isCounted(type) ? 'COUNT' : 'HOURS',
      target,
      worked,
      remaining: round2(target - worked),
      expectedToDate,
      status: statusOf(worked, expectedToDate),
      agreement: { id: agreement.id, startDate: agreement.startDate, endDate: agreement.endDate },
    };
  });
}
