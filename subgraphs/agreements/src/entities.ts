import { EntitySchema } from '@mikro-orm/core';

/** The accrual types (docs/domain.md#accruals), in the order every subgraph declares them. */
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

/** Types measured in hours; the others are counted. */
export const HOUR_TYPES: ReadonlySet<AccrualType> = new Set([
  'ANNUAL_TARGET_HOURS',
  'NIGHT_HOURS',
  'WEEKEND_HOURS',
  'PUBLIC_HOLIDAY_HOURS',
]);

export const TERMS_AND_CONDITIONS = ['MODERNISED', 'PRE_MODERNISED'] as const;
export type TermsAndConditions = (typeof TERMS_AND_CONDITIONS)[number];

export const SALARY_BASES = ['NATIONAL', 'LONDON', 'LONDON_PROVINCIAL'] as const;
export type SalaryBasis = (typeof SALARY_BASES)[number];

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A total per accrual type. Hours keep two decimals at most; counts are whole. */
export type AccrualTotals = Partial<Record<AccrualType, number>>;

/** The terms an agreement version holds, normalised (exact integers where a float would round). */
export interface AgreementTerms {
  agreementType: string;
  startDate: string;
  endDate: string;
  /** FTE in ten-thousandths: 1 is 10000, 0.8 is 8000. */
  fteUnits: number;
  termsAndConditions: TermsAndConditions;
  salaryBasis: SalaryBasis;
  /** Weekly contracted hours in hundredths. */
  weeklyHundredths: number;
  /** Week order, no duplicates. */
  workingDays: Weekday[];
  /** Annual leave entitlement in hundredths of a day. */
  leaveHundredths: number;
  targets: AccrualTotals;
  openings: AccrualTotals;
}

/** The current state of an agreement: one row per agreement, moved on every amendment. */
export interface Agreement extends AgreementTerms {
  id: string;
  employeeId: string;
  version: number;
  /** The date the current version takes effect. */
  effectiveFrom: string;
  createdAt: Date;
  updatedAt: Date;
}

const termsProperties = {
  agreementType: { type: 'string', length: 20 },
  startDate: { type: 'string', length: 10 },
  endDate: { type: 'string', length: 10 },
  fteUnits: { type: 'integer' },
  termsAndConditions: { type: 'string', length: 20 },
  salaryBasis: { type: 'string', length: 20 },
  weeklyHundredths: { type: 'integer' },
  workingDays: { type: 'json' },
  leaveHundredths: { type: 'integer' },
  targets: { type: 'json' },
  openings: { type: 'json' },
} as const;

export const AgreementSchema = new EntitySchema<Agreement>({
  name: 'Agreement',
  tableName: 'agreements',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    ...termsProperties,
    version: { type: 'integer' },
    effectiveFrom: { type: 'string', length: 10 },
    createdAt: { type: Date },
    updatedAt: { type: Date },
  },
  // One employee's agreements are read together (overlap checks, loaders, imports).
  indexes: [{ name: 'agreements_employee_start', properties: ['employeeId', 'startDate'] }],
});

/** One version of an agreement as it was: history is never rewritten. */
export interface AgreementVersion extends AgreementTerms {
  /** `<agreement id>:<version>`. */
  id: string;
  agreementId: string;
  employeeId: string;
  version: number;
  effectiveFrom: string;
  createdAt: Date;
}

export const AgreementVersionSchema = new EntitySchema<AgreementVersion>({
  name: 'AgreementVersion',
  tableName: 'agreement_versions',
  properties: {
    id: { type: 'string', primary: true, length: 50 },
    agreementId: { type: 'string', length: 36, index: true },
    employeeId: { type: 'string', length: 36 },
    ...termsProperties,
    version: { type: 'integer' },
    effectiveFrom: { type: 'string', length: 10 },
    createdAt: { type: Date },
  },
});

/**
 * The local copy of an employee, fed by employees events: enough to match an
 * import's employee number and to know who manages whom.
 */
export interface KnownEmployee {
  id: string;
  employeeNumber: string;
  managerId: string | null;
  terminated: boolean;
  /** The newest employee version applied. */
  version: number;
  /** The employee version the manager came from (not every event carries one). */
  managerVersion: number;
}

export const KnownEmployeeSchema = new EntitySchema<KnownEmployee>({
  name: 'KnownEmployee',
  tableName: 'known_employees',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeNumber: { type: 'string', length: 50, index: true },
    managerId: { type: 'string', length: 36, nullable: true, index: true },
    terminated: { type: 'boolean' },
    version: { type: 'integer' },
    managerVersion: { type: 'integer' },
  },
});

/** Where an import started by `startAgreementsImport` is. */
export type ImportJobStatus = 'RUNNING' | 'DONE' | 'FAILED';

/** What an import job did: the report `importAgreements` answers with. */
export interface ImportJobReport {
  correlationId: string;
  created: number;
  amended: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string | null; message: string }[];
}

/**
 * An import run in the background, its progress recorded after every batch, so any
 * replica can answer how far it is.
 */
export interface ImportJob {
  id: string;
  status: ImportJobStatus;
  dryRun: boolean;
  /** The file's rows, counted before the import starts. */
  rowsTotal: number;
  /** Rows settled (taken or rejected) so far. */
  rowsDone: number;
  /** The report, once DONE. */
  report: ImportJobReport | null;
  /** Why it stopped, once FAILED. */
  failure: string | null;
  startedBy: string;
  startedAt: Date;
  /** Moved on every batch: a RUNNING job that has not moved for long lost its process. */
  updatedAt: Date;
  finishedAt: Date | null;
}

export const ImportJobSchema = new EntitySchema<ImportJob>({
  name: 'ImportJob',
  tableName: 'agreement_imports',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    status: { type: 'string', length: 10 },
    dryRun: { type: 'boolean' },
    rowsTotal: { type: 'integer' },
    rowsDone: { type: 'integer' },
    report: { type: 'json', nullable: true },
    failure: { type: 'text', nullable: true },
    startedBy: { type: 'string', length: 200 },
    startedAt: { type: Date },
    updatedAt: { type: Date },
    finishedAt: { type: Date, nullable: true, index: true },
  },
});

export const entities = [
  AgreementSchema,
  AgreementVersionSchema,
  KnownEmployeeSchema,
  ImportJobSchema,
];
