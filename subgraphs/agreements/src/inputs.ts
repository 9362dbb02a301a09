import { type DomainError, refuseAll, readIdempotencyKey } from '../../../runtime';
import { ACCRUAL_TYPES, type AccrualType, type AgreementTerms } from './entities';
import { invalid } from './errors';
import type { ImportFormat } from './importer';
import { parseTerms, type FieldNames, type RawTerms } from './terms';

export interface TotalInput {
  accrualType: AccrualType;
  total: number;
}

interface TermsInput {
  agreementType?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  fte?: number | null;
  termsAndConditions?: string | null;
  salaryBasis?: string | null;
  weeklyHours?: number | null;
  workingDays?: string[] | null;
  annualLeaveDays?: number | null;
  targets?: TotalInput[] | null;
  openingBalances?: TotalInput[] | null;
}

export interface CreateAgreementInput extends TermsInput {
  employeeId: string;
  idempotencyKey?: string | null;
}

export interface AmendAgreementInput extends TermsInput {
  id: string;
  effectiveFrom: string;
  expectedVersion?: number | null;
}

export interface ImportAgreementsInput {
  format: ImportFormat;
  content: string;
  dryRun?: boolean | null;
}

/** Input field names, for errors that name the field at fault. */
const INPUT_NAMES: FieldNames = {
  field: (key) => key,
  target: () => 'targets',
  opening: () => 'openingBalances',
};

/** A list of totals as the terms hold them; an unknown or repeated type is bad input. */
export function totalsOf(field: string, list: TotalInput[] | null | undefined) {
  const totals: Partial<Record<AccrualType, unknown>> = {};
  for (const { accrualType, total } of list ?? []) {
    if (!ACCRUAL_TYPES.includes(accrualType))
      throw invalid(field, `${field}: unknown accrual type ${accrualType}.`);
    if (accrualType in totals) throw invalid(field, `${field}: ${accrualType} is given twice.`);
    totals[accrualType] = total;
  }
  return totals;
}

/** Checks terms, refusing every bad field together, each as BAD_USER_INPUT naming it. */
export function termsOf(raw: RawTerms): AgreementTerms {
  const faults: DomainError[] = [];
  const terms = parseTerms(raw, INPUT_NAMES, (field, message) => {
    if (!faults.some((fault) => fault.field === field)) faults.push(invalid(field, message));
  });
  refuseAll(faults);
  return terms!;
}

/** The terms an input gives, without the totals (which come as lists). */
export function scalarsOf(input: TermsInput): Omit<RawTerms, 'targets' | 'openings'> {
  const keys = [
    'agreementType',
    'startDate',
    'endDate',
    'fte',
    'termsAndConditions',
    'salaryBasis',
    'weeklyHours',
    'workingDays',
    'annualLeaveDays',
  ] as const;
  return Object.fromEntries(
    keys.filter((key) => input[key] !== undefined && input[key] !== null).map((k) => [k, input[k]]),
  );
}

/** A create's idempotency key, as the kit reads it. */
export const idempotencyKey = (value: unknown): string | null => readIdempotencyKey(value, invalid);

/** An import's format and content, checked before the file is read. */
export function checkImport(input: ImportAgreementsInput): void {
  if (input.format !== 'CSV' && input.format !== 'JSONL')
    throw invalid('format', 'format must be CSV or JSONL.');
  if (typeof input.content !== 'string' || input.content.trim() === '')
    throw invalid('content', 'content must not be empty.');
}
