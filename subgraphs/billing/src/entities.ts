import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { DEFAULT_LOCATION, DEFAULT_TIME_ZONE } from '../../../runtime';
import type { UncostedDay } from './costing';

/** A value of an employee field that holds from a local day on (grade, department). */
export interface Dated {
  /** First local day it holds (ISO date); `0001-01-01` for the hiring record. */
  from: string;
  /** The employee version that set it; the highest version whose `from` has come wins. */
  version: number;
  value: string;
}

/** Billing's copy of what it needs of an employee, fed by employees' events. */
export interface EmployeeCopy {
  id: string;
  employeeNumber: string | null;
  grades: Dated[];
  departments: Dated[];
  location: string;
  timeZone: string;
  managerId: string | null;
  /** The version that last set each single-valued field (location, timeZone, managerId, employeeNumber). */
  fieldVersions: Record<string, number>;
  /** The highest employee version seen. */
  version: number;
}

export const EmployeeCopySchema = new EntitySchema<EmployeeCopy>({
  name: 'BillingEmployee',
  tableName: 'billing_employees',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeNumber: { type: 'string', length: 50, nullable: true },
    grades: { type: 'json' },
    departments: { type: 'json' },
    location: { type: 'string', length: 30 },
    timeZone: { type: 'string', length: 64 },
    managerId: { type: 'string', length: 36, nullable: true },
    fieldVersions: { type: 'json' },
    version: { type: 'integer' },
  },
});

/** The copy of an employee billing has heard nothing of yet. */
export const blankEmployee = (id: string): EmployeeCopy => ({
  id,
  employeeNumber: null,
  grades: [],
  departments: [],
  location: DEFAULT_LOCATION,
  timeZone: DEFAULT_TIME_ZONE,
  managerId: null,
  fieldVersions: {},
  version: 0,
});

/** Billing's copy of a time entry (newest version); a deletion leaves a tombstone. */
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
  name: 'BillingEntry',
  tableName: 'billing_entries',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36, index: true },
    periodType: { type: 'string', length: 30 },
    startTime: { type: 'datetime' },
    endTime: { type: 'datetime', nullable: true },
    mealBreakMinutes: { type: 'integer' },
    version: { type: 'integer' },
    deleted: { type: 'boolean' },
  },
});

/** How a rate card came in: from today on, backdated over uncosted work, or as a correction. */
export const RATE_CARD_KINDS = ['SCHEDULED', 'BACKDATED', 'CORRECTION'] as const;
export type RateCardKind = (typeof RATE_CARD_KINDS)[number];

/**
 * A rate card of a grade from a day on. Append-only: setting the card of a grade and day
 * again adds a row, and the newest row of a (grade, day) is the card. A card from a past
 * day never edits what was costed: work costed since is reversed and posted again.
 */
export interface RateCard {
  id: string;
  grade: string;
  effectiveFrom: string;
  baseHourlyRateMinor: number;
  currency: string;
  /** Multipliers in ten-thousandths (15000 = 1.5), so they are exact. */
  overtimeMultiplier: number;
  nightMultiplier: number;
  publicHolidayMultiplier: number;
  setAt: Date;
  setBy: string;
  /** Null on cards set before kinds were recorded (all were SCHEDULED). */
  kind?: RateCardKind | null;
  /** Why a CORRECTION was made, as FINANCE gave it. */
  correctionReason?: string | null;
  /** Costed transactions the card reversed, and transactions it posted (null on old cards). */
  reversedCount?: number | null;
  postedCount?: number | null;
  /** Entries waiting for a rate that the card costed. */
  costedWaitingCount?: number | null;
}

export const RateCardSchema = new EntitySchema<RateCard>({
  name: 'BillingRateCard',
  tableName: 'billing_rate_cards',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    grade: { type: 'string', length: 50, index: true },
    effectiveFrom: { type: 'string', length: 10 },
    baseHourlyRateMinor: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    overtimeMultiplier: { type: 'integer' },
    nightMultiplier: { type: 'integer' },
    publicHolidayMultiplier: { type: 'integer' },
    setAt: { type: 'datetime' },
    setBy: { type: 'string', length: 200 },
    kind: { type: 'string', length: 20, nullable: true },
    correctionReason: { type: 'string', length: 500, nullable: true },
    reversedCount: { type: 'integer', nullable: true },
    postedCount: { type: 'integer', nullable: true },
    costedWaitingCount: { type: 'integer', nullable: true },
  },
});

export const ACCOUNT_KINDS = ['COST_CENTRE', 'PAYROLL_LIABILITY'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** A ledger account: a department's cost centre or an employee's payroll liability, per currency. */
export interface Account {
  /** Derived from kind, owner and currency (UUIDv5), so every replica names it alike. */
  id: string;
  kind: AccountKind;
  /** The department (cost centre) or the employee id (liability). */
  ownerKey: string;
  currency: string;
  name: string;
  createdAt: Date;
}

export const AccountSchema = new EntitySchema<Account>({
  name: 'BillingAccount',
  tableName: 'billing_accounts',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    kind: { type: 'string', length: 20 },
    ownerKey: { type: 'string', length: 200 },
    currency: { type: 'string', length: 3 },
    name: { type: 'string', length: 300 },
    createdAt: { type: 'datetime' },
  },
  uniques: [{ name: 'billing_accounts_owner', properties: ['kind', 'ownerKey', 'currency'] }],
});

export type TransactionKind = 'COST' | 'REVERSAL';

/**
 * A ledger transaction: one entry's cost on one local work day, or the reversal of one.
 * Never updated or deleted (database triggers refuse it); its postings sum to zero
 * (checked in code and by a trigger).
 */
export interface LedgerTransaction {
  id: string;
  kind: TransactionKind;
  entryId: string;
  employeeId: string;
  /** The employee's local day the work was done. */
  workDate: string;
  /** The ledger day it is booked on: the work day, or the first day after the last close. */
  bookingDate: string;
  /** Booked after its work day was closed. */
  late: boolean;
  /** When the change that caused it happened (the event's time). */
  occurredAt: Date;
  /** The event that caused it; null for a re-costing caused by a rate card. */
  sourceEventId: string | null;
  /** The event type, or `billing.rate_card.set`. */
  cause: string;
  /** The COST transaction a REVERSAL cancels; unique, so nothing is reversed twice. */
  reversesId: string | null;
  /** The rate card used (COST only). */
  rateCardId: string | null;
  recordedAt: Date;
}

export const TransactionSchema = new EntitySchema<LedgerTransaction>({
  name: 'BillingTransaction',
  tableName: 'billing_transactions',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    kind: { type: 'string', length: 10 },
    entryId: { type: 'string', length: 36, index: true },
    employeeId: { type: 'string', length: 36 },
    workDate: { type: 'string', length: 10 },
    bookingDate: { type: 'string', length: 10, index: true },
    late: { type: 'boolean' },
    occurredAt: { type: 'datetime' },
    sourceEventId: { type: 'string', length: 36, nullable: true },
    cause: { type: 'string', length: 100 },
    reversesId: { type: 'string', length: 36, nullable: true, unique: true },
    rateCardId: { type: 'string', length: 36, nullable: true },
    recordedAt: { type: 'datetime' },
  },
  indexes: [{ name: 'billing_transactions_employee_day', properties: ['employeeId', 'workDate'] }],
});

/** One line of a transaction: a signed amount (debit positive) on one account. */
export interface Posting {
  id: string;
  transactionId: string;
  accountId: string;
  amountMinor: number;
  currency: string;
  /** Copied from the transaction, so balances on a day need no join. */
  bookingDate: string;
}

export const PostingSchema = new EntitySchema<Posting>({
  name: 'BillingPosting',
  tableName: 'billing_postings',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    transactionId: { type: 'string', length: 36, index: true },
    accountId: { type: 'string', length: 36 },
    amountMinor: { type: new BigIntType('number') },
    currency: { type: 'string', length: 3 },
    bookingDate: { type: 'string', length: 10 },
  },
  indexes: [{ name: 'billing_postings_account_day', properties: ['accountId', 'bookingDate'] }],
});

/** A closed ledger day: once stored, nothing can be booked on it or before it. */
export interface DayClose {
  date: string;
  closedAt: Date;
  transactionCount: number;
  lateTransactionCount: number;
  /** Per currency: debits and credits booked that day, and the closing debit balance total. */
  totals: DayTotal[];
  jobId: string | null;
}

export interface DayTotal {
  currency: string;
  debitMinor: number;
  creditMinor: number;
  closingDebitBalanceMinor: number;
}

export const DayCloseSchema = new EntitySchema<DayClose>({
  name: 'BillingDayClose',
  tableName: 'billing_day_closes',
  properties: {
    date: { type: 'string', primary: true, length: 10 },
    closedAt: { type: 'datetime' },
    transactionCount: { type: 'integer' },
    lateTransactionCount: { type: 'integer' },
    totals: { type: 'json' },
    jobId: { type: 'string', length: 200, nullable: true },
  },
});

/** An account's balance at the end of a closed day. */
export interface ClosingBalance {
  id: string;
  date: string;
  accountId: string;
  balanceMinor: number;
  currency: string;
}

export const ClosingBalanceSchema = new EntitySchema<ClosingBalance>({
  name: 'BillingClosingBalance',
  tableName: 'billing_closing_balances',
  properties: {
    id: { type: 'string', primary: true, length: 80 },
    date: { type: 'string', length: 10, index: true },
    accountId: { type: 'string', length: 36 },
    balanceMinor: { type: new BigIntType('number') },
    currency: { type: 'string', length: 3 },
  },
});

/** A grade an employee has had, so rate cards are set only for grades that exist. */
export interface EmployeeGrade {
  /** `<employeeId>|<grade>` */
  id: string;
  employeeId: string;
  grade: string;
}

export const EmployeeGradeSchema = new EntitySchema<EmployeeGrade>({
  name: 'BillingEmployeeGrade',
  tableName: 'billing_employee_grades',
  properties: {
    id: { type: 'string', primary: true, length: 100 },
    employeeId: { type: 'string', length: 36 },
    grade: { type: 'string', length: 50, index: true },
  },
});

/**
 * A grade as reference data, kept by HR and FINANCE, so it exists before anyone holds it.
 * Grades that employees hold are known too, without a row here.
 */
export interface Grade {
  /** The grade as the employees domain names it, e.g. `G7`. */
  code: string;
  description: string | null;
  /** Retired: nobody should be given it any more; holders are still costed. */
  retired: boolean;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export const GradeSchema = new EntitySchema<Grade>({
  name: 'BillingGrade',
  tableName: 'billing_grades',
  properties: {
    code: { type: 'string', primary: true, length: 50 },
    description: { type: 'string', length: 500, nullable: true },
    retired: { type: 'boolean' },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    createdBy: { type: 'string', length: 200 },
    updatedAt: { type: 'datetime' },
  },
});

/**
 * A time entry with paid days that could not be costed, and why. Kept in line with the
 * ledger by every re-costing of the entry: the row goes once every paid day is costed.
 */
export interface UncostedEntry {
  entryId: string;
  employeeId: string;
  periodType: string;
  startTime: Date;
  endTime: Date;
  /** The first uncosted day, for ordering and paging. */
  firstDay: string;
  /** The reason of the first uncosted day. */
  reason: string;
  /** The employee's grade on the first uncosted day, if any. */
  grade: string | null;
  days: UncostedDay[];
  /** When billing last found it uncosted. */
  checkedAt: Date;
}

export const UncostedEntrySchema = new EntitySchema<UncostedEntry>({
  name: 'BillingUncostedEntry',
  tableName: 'billing_uncosted_entries',
  properties: {
    entryId: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36, index: true },
    periodType: { type: 'string', length: 30 },
    startTime: { type: 'datetime' },
    endTime: { type: 'datetime' },
    firstDay: { type: 'string', length: 10 },
    reason: { type: 'string', length: 30 },
    grade: { type: 'string', length: 50, nullable: true },
    days: { type: 'json' },
    checkedAt: { type: 'datetime' },
  },
  indexes: [{ name: 'billing_uncosted_day', properties: ['firstDay', 'entryId'] }],
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntitySchema<any, any>[] = [
  EmployeeCopySchema,
  EntryCopySchema,
  RateCardSchema,
  AccountSchema,
  TransactionSchema,
  PostingSchema,
  DayCloseSchema,
  ClosingBalanceSchema,
  EmployeeGradeSchema,
  GradeSchema,
  UncostedEntrySchema,
];
