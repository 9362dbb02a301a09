import {
  defineEntity,
  type InferEntity,
  type InferEntityFromProperties,
  type PrimaryKeyProp,
} from '@mikro-orm/core';
import { type AccrualType, tableEntity, timestamps, uuidEntity } from '../../../runtime';

export { ACCRUAL_TYPES, type AccrualType } from '../../../runtime';

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

type PropertyBuilders = typeof defineEntity.properties;

/** The columns of the terms; `Agreement` and `AgreementVersion` each have their own. */
const termsProperties = (p: PropertyBuilders) => ({
  agreementType: p.string().length(20),
  startDate: p.string().length(10),
  endDate: p.string().length(10),
  /** FTE in ten-thousandths: 1 is 10000, 0.8 is 8000. */
  fteUnits: p.integer(),
  termsAndConditions: p.string().$type<TermsAndConditions>().length(20),
  salaryBasis: p.string().$type<SalaryBasis>().length(20),
  /** Weekly contracted hours in hundredths. */
  weeklyHundredths: p.integer(),
  /** Week order, no duplicates. */
  workingDays: p.json<Weekday[]>(),
  /** Annual leave entitlement in hundredths of a day. */
  leaveHundredths: p.integer(),
  targets: p.json<AccrualTotals>(),
  openings: p.json<AccrualTotals>(),
});

/** The terms an agreement version holds, normalised (exact integers where a float would round). */
export type AgreementTerms = Omit<
  InferEntityFromProperties<ReturnType<typeof termsProperties>>,
  typeof PrimaryKeyProp
>;

export const AgreementSchema = uuidEntity(
  'Agreement',
  'agreements',
  (p) => ({
    employeeId: p.string().length(36),
    ...termsProperties(p),
    version: p.integer(),
    /** The date the current version takes effect. */
    effectiveFrom: p.string().length(10),
    ...timestamps(p),
  }),
  {
    // One employee's agreements are read together (overlap checks, loaders, imports).
    indexes: [{ name: 'agreements_employee_start', properties: ['employeeId', 'startDate'] }],
  },
);
/** The current state of an agreement: one row per agreement, moved on every amendment. */
export type Agreement = InferEntity<typeof AgreementSchema>;

export const AgreementVersionSchema = tableEntity(
  'AgreementVersion',
  'agreement_versions',
  (p) => ({
    /** `<agreement id>:<version>`. */
    id: p.string().primary().length(50),
    agreementId: p.string().length(36).index(),
    employeeId: p.string().length(36),
    ...termsProperties(p),
    version: p.integer(),
    effectiveFrom: p.string().length(10),
    createdAt: p.datetime(),
  }),
);
/** One version of an agreement as it was: history is never rewritten. */
export type AgreementVersion = InferEntity<typeof AgreementVersionSchema>;

export const KnownEmployeeSchema = uuidEntity('KnownEmployee', 'known_employees', (p) => ({
  employeeNumber: p.string().length(50).index(),
  managerId: p.string().length(36).nullable().index(),
  terminated: p.boolean(),
  /** The newest employee version applied. */
  version: p.integer(),
  /** The employee version the manager came from (not every event carries one). */
  managerVersion: p.integer(),
}));
/**
 * The local copy of an employee, fed by employees events: enough to match an
 * import's employee number and to know who manages whom.
 */
export type KnownEmployee = InferEntity<typeof KnownEmployeeSchema>;

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

export const ImportJobSchema = uuidEntity('ImportJob', 'agreement_imports', (p) => ({
  status: p.string().$type<ImportJobStatus>().length(10),
  dryRun: p.boolean(),
  /** The file's rows, counted before the import starts. */
  rowsTotal: p.integer(),
  /** Rows settled (taken or rejected) so far. */
  rowsDone: p.integer(),
  /** The report, once DONE. */
  report: p.json<ImportJobReport>().nullable(),
  /** Why it stopped, once FAILED. */
  failure: p.text().nullable(),
  startedBy: p.string().length(200),
  startedAt: p.datetime(),
  /** Moved on every batch: a RUNNING job that has not moved for long lost its process. */
  updatedAt: p.datetime(),
  finishedAt: p.datetime().nullable().index(),
}));
/**
 * An import run in the background, its progress recorded after every batch, so any
 * replica can answer how far it is.
 */
export type ImportJob = InferEntity<typeof ImportJobSchema>;

export const entities = [
  AgreementSchema,
  AgreementVersionSchema,
  KnownEmployeeSchema,
  ImportJobSchema,
];
