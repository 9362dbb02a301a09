import { draftOf, type EventData } from '../../../messaging';
import { ACCRUAL_TYPES, type AccrualTotals, type Agreement } from './entities';

/** What the three agreements events share: the agreement as it now stands. */
type AgreementData = EventData<'agreements.agreement.created'>;

const totalsList = (totals: AccrualTotals) =>
  ACCRUAL_TYPES.filter((type) => totals[type] !== undefined).map((accrualType) => ({
    accrualType,
    total: totals[accrualType]!,
  }));

/** The data every agreements event carries. */
function agreementData(agreement: Agreement, correlationId: string): AgreementData {
  return {
    agreementId: agreement.id,
    employeeId: agreement.employeeId,
    version: agreement.version,
    effectiveFrom: agreement.effectiveFrom,
    agreementType: agreement.agreementType,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    fte: agreement.fteUnits / 10_000,
    weeklyHours: agreement.weeklyHundredths / 100,
    workingDays: agreement.workingDays,
    annualLeaveDays: agreement.leaveHundredths / 100,
    targets: totalsList(agreement.targets),
    openingBalances: totalsList(agreement.openings),
    correlationId,
  };
}

export const agreementCreated = (agreement: Agreement, correlationId: string) =>
  draftOf('agreements.agreement.created', agreement.id, agreementData(agreement, correlationId));

export const agreementAmended = (agreement: Agreement, correlationId: string) =>
  draftOf('agreements.agreement.amended', agreement.id, agreementData(agreement, correlationId));

/** An amendment that brought the end date forward: the agreement ends earlier. */
export const agreementEnded = (
  agreement: Agreement,
  correlationId: string,
  previousEndDate: string,
) =>
  draftOf('agreements.agreement.ended', agreement.id, {
    ...agreementData(agreement, correlationId),
    previousEndDate,
  });
