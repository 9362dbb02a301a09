import { draftOf, type CataloguedDraft } from '../../../messaging';
import type { AccrualType, AgreementCopy } from './entities';
import { bandOf, type AccrualStatus } from './rules';
import type { AccrualSummary } from './summarise';

export const BALANCE_CHANGED = 'accruals.balance.changed';
export const BALANCE_STATUS_CHANGED = 'accruals.balance_status.changed';

/** An event accruals emits. */
export type AccrualsDraft = CataloguedDraft<typeof BALANCE_CHANGED | typeof BALANCE_STATUS_CHANGED>;

/** Records an event in the caller's transaction. */
export type Emit = (draft: AccrualsDraft) => void;

/** The emit of a consumer or job, for the typed drafts above. */
export const emitting =
  (emit: (draft: CataloguedDraft) => void): Emit =>
  (draft) =>
    emit(draft);

/** One type's balance changed from `date` on; `cumulative` is in hours (or a count). */
export const balanceChanged = (
  employeeId: string,
  accrualType: AccrualType,
  date: string,
  cumulative: number,
  version: number,
) => draftOf(BALANCE_CHANGED, employeeId, { employeeId, accrualType, date, cumulative, version });

const round1 = (n: number) => Math.round(n * 10) / 10;

/** What a status change says: the new status on `on`, the one before, and the figures. */
export interface StatusChanged {
  agreement: AgreementCopy;
  summary: AccrualSummary;
  previous: AccrualStatus;
  on: string;
  /** Of the gap, in per cent of expected; null when nothing is expected yet. */
  deviation: number | null;
  version: number;
}

export const balanceStatusChanged = ({
  agreement,
  summary,
  previous,
  on,
  deviation,
  version,
}: StatusChanged) =>
  draftOf(BALANCE_STATUS_CHANGED, agreement.employeeId, {
    employeeId: agreement.employeeId,
    agreementId: agreement.id,
    accrualType: summary.accrualType,
    measurementUnit: summary.measurementUnit,
    date: on,
    status: summary.status,
    band: bandOf(summary.status),
    previousStatus: previous,
    previousBand: bandOf(previous),
    worked: summary.worked,
    expectedToDate: summary.expectedToDate,
    target: summary.target,
    deviationPercent: deviation === null ? null : round1(deviation),
    version,
  });
