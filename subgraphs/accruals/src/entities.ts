import { EntitySchema } from '@mikro-orm/core';

export const ACCRUAL_TYPES = [
  'ANNUAL_TARGET_HOURS',
  'NIGHT_HOURS',
  'WEEKEND_HOURS',
  'PUBLIC_HOLIDAY_HOURS',
  'ON_CALL_WEEKDAY',
  'ON_CALL_WEEKEND',
  'ON_CALL_PUBLIC_HOLIDAY',
] as const;
export type AccrualType = (typeof ACCRUAL_TYPES)[number];

/** The ON_CALL types are counted; the others are kept in minutes and shown in hours. */
export const isCounted = (type: AccrualType) => type.startsWith('ON_CALL_');

/** Accruals' copy of what it needs of an employee, fed by employees' events. */
export interface EmployeeCopy {
  id: string;
  /** Region for public holidays: ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND or a country code. */
  location: string;
  timeZone: string;
  managerId: string | null;
  version: number;
}

export const EmployeeCopySchema = new EntitySchema<EmployeeCopy>({
  name: 'AccrualsEmployee',
  tableName: 'accruals_employees',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    location: { type: 'string', length: 30 },
    timeZone: { type: 'string', length: 64 },
    managerId: { type: 'string', length: 36, nullable: true },
    version: { type: 'integer' },
  },
});

export interface AccrualAmount {
  accrualType: AccrualType;
  total: number;
}

/** Accruals' copy of an agreement (its newest version), fed by agreements' events. */
export interface AgreementCopy {
  id: string;
  employeeId: string;
  startDate: string;
  /** Inclusive. */
  endDate: string;
  targets: AccrualAmount[];
  openingBalances: AccrualAmount[];
  version: number;
}

export const AgreementCopySchema = new EntitySchema<AgreementCopy>({
  name: 'AccrualsAgreement',
  tableName: 'accruals_agreements',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36, index: true },
    startDate: { type: 'string', length: 10 },
    endDate: { type: 'string', length: 10 },
    targets: { type: 'json' },
    openingBalances: { type: 'json' },
    version: { type: 'integer' },
  },
});

/** Accruals' copy of a time entry, fed by time's events; a deletion leaves it as a tombstone. */
export interface EntryCopy {
  id: string;
  employeeId: string;
  periodType: string;
  startTime: Date;
  endTime: Date | null;
  mealBreakMinutes: number;
  version: number;
  deleted: boolean;
}

export const EntryCopySchema = new EntitySchema<EntryCopy>({
  name: 'AccrualsEntry',
  tableName: 'accruals_entries',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36, index: true },
    periodType: { type: 'string', length: 30 },
    startTime: { type: Date },
    endTime: { type: Date, nullable: true },
    mealBreakMinutes: { type: 'integer' },
    version: { type: 'integer' },
    deleted: { type: 'boolean' },
  },
});

/**
 * What one time entry adds to one accrual type on one local day: minutes for the hour
 * types, 1 for an ON_CALL period. `agreementId` is null while no agreement covers the day.
 */
export interface Contribution {
  id: string;
  employeeId: string;
  agreementId: string | null;
  entryId: string;
  accrualType: AccrualType;
  date: string;
  amount: number;
}

export const ContributionSchema = new EntitySchema<Contribution>({
  name: 'AccrualContribution',
  tableName: 'accruals_contributions',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36, index: true },
    agreementId: { type: 'string', length: 36, nullable: true, index: true },
    entryId: { type: 'string', length: 36, index: true },
    accrualType: { type: 'string', length: 30 },
    date: { type: 'string', length: 10 },
    amount: { type: 'integer' },
  },
});

/**
 * One agreement's accrual type on one day that has something: the day's total and the
 * cumulative total (opening balance included) from the agreement start. Every type the
 * agreement names has a row on its start date, so the balance is defined from day one;
 * a day without a row has the cumulative total of the last row before it.
 */
export interface AccrualDayRow {
  id: string;
  employeeId: string;
  agreementId: string;
  accrualType: AccrualType;
  date: string;
  dayTotal: number;
  cumulativeTotal: number;
}

export const AccrualDaySchema = new EntitySchema<AccrualDayRow>({
  name: 'AccrualDay',
  tableName: 'accruals_days',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    agreementId: { type: 'string', length: 36 },
    accrualType: { type: 'string', length: 30 },
    date: { type: 'string', length: 10 },
    dayTotal: { type: 'integer' },
    cumulativeTotal: { type: 'integer' },
  },
  indexes: [
    {
      name: 'accruals_days_agreement_type_date',
      properties: ['agreementId', 'accrualType', 'date'],
    },
  ],
});

/** Counts the balance.changed events of one employee and type, for their `version`. */
export interface BalanceVersion {
  id: string;
  version: number;
}

export const BalanceVersionSchema = new EntitySchema<BalanceVersion>({
  name: 'AccrualBalanceVersion',
  tableName: 'accruals_balance_versions',
  properties: {
    id: { type: 'string', primary: true, length: 80 },
    version: { type: 'integer' },
  },
});

/**
 * The status last seen of one agreement's accrual type (ON_TRACK or a BEHIND/AHEAD band):
 * a change from it is an `accruals.balance_status.changed` event, the same status again is
 * nothing, so replays and repeated checks say each change once.
 */
export interface BalanceStatusRow {
  /** `agreementId|accrualType`. */
  id: string;
  employeeId: string;
  agreementId: string;
  accrualType: AccrualType;
  /** An AccrualStatus. */
  status: string;
  /** The local day it was seen on. */
  date: string;
  /** Changes so far; the version the last event carried (0 before any). */
  version: number;
}

export const BalanceStatusSchema = new EntitySchema<BalanceStatusRow>({
  name: 'AccrualBalanceStatus',
  tableName: 'accruals_balance_statuses',
  properties: {
    id: { type: 'string', primary: true, length: 80 },
    employeeId: { type: 'string', length: 36, index: true },
    agreementId: { type: 'string', length: 36 },
    accrualType: { type: 'string', length: 30 },
    status: { type: 'string', length: 20 },
    date: { type: 'string', length: 10 },
    version: { type: 'integer' },
  },
});

/** A correlation id of an event accruals has applied. */
export interface SeenCorrelation {
  correlationId: string;
  eventType: string;
  appliedAt: Date;
}

export const SeenCorrelationSchema = new EntitySchema<SeenCorrelation>({
  name: 'AccrualsCorrelation',
  tableName: 'accruals_correlations',
  properties: {
    correlationId: { type: 'string', primary: true, length: 200 },
    eventType: { type: 'string', length: 100 },
    appliedAt: { type: Date },
  },
});

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
