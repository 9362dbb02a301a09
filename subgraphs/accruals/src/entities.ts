import type { InferEntity } from '@mikro-orm/core';
import {
  type AccrualType,
  agreementCopySchema,
  tableEntity,
  timeEntryCopySchema,
  uuidEntity,
} from '../../../runtime';

export { ACCRUAL_TYPES, type AccrualType } from '../../../runtime';

/** The ON_CALL types are counted; the others are kept in minutes and shown in hours. */
export const isCounted = (type: AccrualType) => type.startsWith('ON_CALL_');

export const EmployeeCopySchema = uuidEntity('AccrualsEmployee', 'accruals_employees', (p) => ({
  /** Region for public holidays: ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND or a country code. */
  location: p.string().length(30),
  timeZone: p.string().length(64),
  managerId: p.string().length(36).nullable(),
  version: p.integer(),
}));
/** Accruals' copy of what it needs of an employee, fed by employees' events. */
export type EmployeeCopy = InferEntity<typeof EmployeeCopySchema>;

export interface AccrualAmount {
  accrualType: AccrualType;
  total: number;
}

export const AgreementCopySchema = agreementCopySchema(
  'AccrualsAgreement',
  'accruals_agreements',
  (p) => ({ targets: p.json<AccrualAmount[]>(), openingBalances: p.json<AccrualAmount[]>() }),
);
/** Accruals' copy of an agreement (its newest version), fed by agreements' events. */
export type AgreementCopy = InferEntity<typeof AgreementCopySchema>;

export const EntryCopySchema = timeEntryCopySchema('AccrualsEntry', 'accruals_entries');
/** Accruals' copy of a time entry, fed by time's events; a deletion leaves it as a tombstone. */
export type EntryCopy = InferEntity<typeof EntryCopySchema>;

export const ContributionSchema = uuidEntity(
  'AccrualContribution',
  'accruals_contributions',
  (p) => ({
    employeeId: p.string().length(36).index(),
    agreementId: p.string().length(36).nullable().index(),
    entryId: p.string().length(36).index(),
    accrualType: p.string().$type<AccrualType>().length(30),
    date: p.string().length(10),
    amount: p.integer(),
  }),
);
/**
 * What one time entry adds to one accrual type on one local day: minutes for the hour
 * types, 1 for an ON_CALL period. `agreementId` is null while no agreement covers the day.
 */
export type Contribution = InferEntity<typeof ContributionSchema>;

export const AccrualDaySchema = uuidEntity(
  'AccrualDay',
  'accruals_days',
  (p) => ({
    employeeId: p.string().length(36),
    agreementId: p.string().length(36),
    accrualType: p.string().$type<AccrualType>().length(30),
    date: p.string().length(10),
    dayTotal: p.integer(),
    cumulativeTotal: p.integer(),
  }),
  {
    indexes: [
      {
        name: 'accruals_days_agreement_type_date',
        properties: ['agreementId', 'accrualType', 'date'],
      },
    ],
  },
);
/**
 * One agreement's accrual type on one day that has something: the day's total and the
 * cumulative total (opening balance included) from the agreement start. Every type the
 * agreement names has a row on its start date, so the balance is defined from day one;
 * a day without a row has the cumulative total of the last row before it.
 */
export type AccrualDayRow = InferEntity<typeof AccrualDaySchema>;

export const BalanceVersionSchema = tableEntity(
  'AccrualBalanceVersion',
  'accruals_balance_versions',
  (p) => ({
    id: p.string().primary().length(80),
    version: p.integer(),
  }),
);
/** Counts the balance.changed events of one employee and type, for their `version`. */
export type BalanceVersion = InferEntity<typeof BalanceVersionSchema>;

export const BalanceStatusSchema = tableEntity(
  'AccrualBalanceStatus',
  'accruals_balance_statuses',
  (p) => ({
    /** `agreementId|accrualType`. */
    id: p.string().primary().length(80),
    employeeId: p.string().length(36).index(),
    agreementId: p.string().length(36),
    accrualType: p.string().$type<AccrualType>().length(30),
    /** An AccrualStatus. */
    status: p.string().length(20),
    /** The local day it was seen on. */
    date: p.string().length(10),
    /** Changes so far; the version the last event carried (0 before any). */
    version: p.integer(),
  }),
);
/**
 * The status last seen of one agreement's accrual type (ON_TRACK or a BEHIND/AHEAD band):
 * a change from it is an `accruals.balance_status.changed` event, the same status again is
 * nothing, so replays and repeated checks say each change once.
 */
export type BalanceStatusRow = InferEntity<typeof BalanceStatusSchema>;

export const SeenCorrelationSchema = tableEntity(
  'AccrualsCorrelation',
  'accruals_correlations',
  (p) => ({
    correlationId: p.string().primary().length(200),
    eventType: p.string().length(100),
    appliedAt: p.datetime(),
  }),
);
/** A correlation id of an event accruals has applied. */
export type SeenCorrelation = InferEntity<typeof SeenCorrelationSchema>;

export const entities = [
  EmployeeCopySchema,
  AgreementCopySchema,
  EntryCopySchema,
  ContributionSchema,
  AccrualDaySchema,
  BalanceVersionSchema,
  BalanceStatusSchema,
  SeenCorrelationSchema,
];
