import type { EntitySchema, InferEntity } from '@mikro-orm/core';
import {
  DEFAULT_LOCATION,
  DEFAULT_TIME_ZONE,
  tableEntity,
  timeEntryCopySchema,
  uuidEntity,
} from '../../../runtime';
import type { UncostedDay } from './costing';

/** A value of an employee field that holds from a local day on (grade, department). */
export interface Dated {
  /** First local day it holds (ISO date); `0001-01-01` for the hiring record. */
  from: string;
  /** The employee version that set it; the highest version whose `from` has come wins. */
  version: number;
  value: string;
}

export const EmployeeCopySchema = uuidEntity('BillingEmployee', 'billing_employees', (p) => ({
  employeeNumber: p.string().length(50).nullable(),
  grades: p.json<Dated[]>(),
  departments: p.json<Dated[]>(),
  location: p.string().length(30),
  timeZone: p.string().length(64),
  managerId: p.string().length(36).nullable(),
  /** The version that last set each single-valued field (location, timeZone, managerId, employeeNumber). */
  fieldVersions: p.json<Record<string, number>>(),
  /** The highest employee version seen. */
  version: p.integer(),
}));
/** Billing's copy of what it needs of an employee, fed by employees' events. */
export type EmployeeCopy = InferEntity<typeof EmployeeCopySchema>;

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

export const EntryCopySchema = timeEntryCopySchema('BillingEntry', 'billing_entries');
/** Billing's copy of a time entry (newest version); a deletion leaves a tombstone. */
export type EntryCopy = InferEntity<typeof EntryCopySchema>;

/** How a rate card came in: from today on, backdated over uncosted work, or as a correction. */
export const RATE_CARD_KINDS = ['SCHEDULED', 'BACKDATED', 'CORRECTION'] as const;
export type RateCardKind = (typeof RATE_CARD_KINDS)[number];

export const RateCardSchema = uuidEntity('BillingRateCard', 'billing_rate_cards', (p) => ({
  grade: p.string().length(50).index(),
  effectiveFrom: p.string().length(10),
  baseHourlyRateMinor: p.integer(),
  currency: p.string().length(3),
  /** Multipliers in ten-thousandths (15000 = 1.5), so they are exact. */
  overtimeMultiplier: p.integer(),
  nightMultiplier: p.integer(),
  publicHolidayMultiplier: p.integer(),
  setAt: p.datetime(),
  setBy: p.string().length(200),
  /** Null on cards set before kinds were recorded (all were SCHEDULED). */
  kind: p.string().$type<RateCardKind>().length(20).nullable(),
  /** Why a CORRECTION was made, as FINANCE gave it. */
  correctionReason: p.string().length(500).nullable(),
  /** Costed transactions the card reversed, and transactions it posted (null on old cards). */
  reversedCount: p.integer().nullable(),
  postedCount: p.integer().nullable(),
  /** Entries waiting for a rate that the card costed. */
  costedWaitingCount: p.integer().nullable(),
}));
/**
 * A rate card of a grade from a day on. Append-only: setting the card of a grade and day
 * again adds a row, and the newest row of a (grade, day) is the card. A card from a past
 * day never edits what was costed: work costed since is reversed and posted again.
 */
export type RateCard = InferEntity<typeof RateCardSchema>;

export const ACCOUNT_KINDS = ['COST_CENTRE', 'PAYROLL_LIABILITY'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const AccountSchema = uuidEntity(
  'BillingAccount',
  'billing_accounts',
  (p) => ({
    // The id derives from kind, owner and currency (UUIDv5), so every replica names it alike.
    kind: p.string().$type<AccountKind>().length(20),
    /** The department (cost centre) or the employee id (liability). */
    ownerKey: p.string().length(200),
    currency: p.string().length(3),
    name: p.string().length(300),
    createdAt: p.datetime(),
  }),
  {
    uniques: [{ name: 'billing_accounts_owner', properties: ['kind', 'ownerKey', 'currency'] }],
  },
);
/** A ledger account: a department's cost centre or an employee's payroll liability, per currency. */
export type Account = InferEntity<typeof AccountSchema>;

export type TransactionKind = 'COST' | 'REVERSAL';

export const TransactionSchema = uuidEntity(
  'BillingTransaction',
  'billing_transactions',
  (p) => ({
    kind: p.string().$type<TransactionKind>().length(10),
    entryId: p.string().length(36).index(),
    employeeId: p.string().length(36),
    /** The employee's local day the work was done. */
    workDate: p.string().length(10),
    /** The ledger day it is booked on: the work day, or the first day after the last close. */
    bookingDate: p.string().length(10).index(),
    /** Booked after its work day was closed. */
    late: p.boolean(),
    /** When the change that caused it happened (the event's time). */
    occurredAt: p.datetime(),
    /** The event that caused it; null for a re-costing caused by a rate card. */
    sourceEventId: p.string().length(36).nullable(),
    /** The event type, or `billing.rate_card.set`. */
    cause: p.string().length(100),
    /** The COST transaction a REVERSAL cancels; unique, so nothing is reversed twice. */
    reversesId: p.string().length(36).nullable().unique(),
    /** The rate card used (COST only). */
    rateCardId: p.string().length(36).nullable(),
    recordedAt: p.datetime(),
  }),
  {
    indexes: [
      { name: 'billing_transactions_employee_day', properties: ['employeeId', 'workDate'] },
    ],
  },
);
/**
 * A ledger transaction: one entry's cost on one local work day, or the reversal of one.
 * Never updated or deleted (database triggers refuse it); its postings sum to zero
 * (checked in code and by a trigger).
 */
export type LedgerTransaction = InferEntity<typeof TransactionSchema>;

export const PostingSchema = uuidEntity(
  'BillingPosting',
  'billing_postings',
  (p) => ({
    transactionId: p.string().length(36).index(),
    accountId: p.string().length(36),
    amountMinor: p.bigint('number'),
    currency: p.string().length(3),
    /** Copied from the transaction, so balances on a day need no join. */
    bookingDate: p.string().length(10),
  }),
  {
    indexes: [{ name: 'billing_postings_account_day', properties: ['accountId', 'bookingDate'] }],
  },
);
/** One line of a transaction: a signed amount (debit positive) on one account. */
export type Posting = InferEntity<typeof PostingSchema>;

export interface DayTotal {
  currency: string;
  debitMinor: number;
  creditMinor: number;
  closingDebitBalanceMinor: number;
}

export const DayCloseSchema = tableEntity('BillingDayClose', 'billing_day_closes', (p) => ({
  date: p.string().primary().length(10),
  closedAt: p.datetime(),
  transactionCount: p.integer(),
  lateTransactionCount: p.integer(),
  /** Per currency: debits and credits booked that day, and the closing debit balance total. */
  totals: p.json<DayTotal[]>(),
  jobId: p.string().length(200).nullable(),
}));
/** A closed ledger day: once stored, nothing can be booked on it or before it. */
export type DayClose = InferEntity<typeof DayCloseSchema>;

export const ClosingBalanceSchema = tableEntity(
  'BillingClosingBalance',
  'billing_closing_balances',
  (p) => ({
    id: p.string().primary().length(80),
    date: p.string().length(10).index(),
    accountId: p.string().length(36),
    balanceMinor: p.bigint('number'),
    currency: p.string().length(3),
  }),
);
/** An account's balance at the end of a closed day. */
export type ClosingBalance = InferEntity<typeof ClosingBalanceSchema>;

export const EmployeeGradeSchema = tableEntity(
  'BillingEmployeeGrade',
  'billing_employee_grades',
  (p) => ({
    /** `<employeeId>|<grade>` */
    id: p.string().primary().length(100),
    employeeId: p.string().length(36),
    grade: p.string().length(50).index(),
  }),
);
/** A grade an employee has had, so rate cards are set only for grades that exist. */
export type EmployeeGrade = InferEntity<typeof EmployeeGradeSchema>;

export const GradeSchema = tableEntity('BillingGrade', 'billing_grades', (p) => ({
  /** The grade as the employees domain names it, e.g. `G7`. */
  code: p.string().primary().length(50),
  description: p.string().length(500).nullable(),
  /** Retired: nobody should be given it any more; holders are still costed. */
  retired: p.boolean(),
  version: p.integer(),
  createdAt: p.datetime(),
  createdBy: p.string().length(200),
  updatedAt: p.datetime(),
}));
/**
 * A grade as reference data, kept by HR and FINANCE, so it exists before anyone holds it.
 * Grades that employees hold are known too, without a row here.
 */
export type Grade = InferEntity<typeof GradeSchema>;

export const UncostedEntrySchema = tableEntity(
  'BillingUncostedEntry',
  'billing_uncosted_entries',
  (p) => ({
    entryId: p.string().primary().length(36),
    employeeId: p.string().length(36).index(),
    periodType: p.string().length(30),
    startTime: p.datetime(),
    endTime: p.datetime(),
    /** The first uncosted day, for ordering and paging. */
    firstDay: p.string().length(10),
    /** The reason of the first uncosted day. */
    reason: p.string().length(30),
    /** The employee's grade on the first uncosted day, if any. */
    grade: p.string().length(50).nullable(),
    days: p.json<UncostedDay[]>(),
    /** When billing last found it uncosted. */
    checkedAt: p.datetime(),
  }),
  {
    indexes: [{ name: 'billing_uncosted_day', properties: ['firstDay', 'entryId'] }],
  },
);
/**
 * A time entry with paid days that could not be costed, and why. Kept in line with the
 * ledger by every re-costing of the entry: the row goes once every paid day is costed.
 */
export type UncostedEntry = InferEntity<typeof UncostedEntrySchema>;

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
