import { createInputCheck, daysBetween, isIsoDate, longerThan } from '../../../runtime';
import type { UncostedReason } from './costing';
import { invalid } from './errors';
import { isCurrency, toScaled } from './money';

export const MAX_PERIOD_DAYS = 366;
const MAX_RATE_MINOR = 100_000_000;
export const MAX_GRADE_LENGTH = 50;
export const MAX_DESCRIPTION_LENGTH = 500;

export const UNCOSTED_REASONS: readonly UncostedReason[] = [
  'EMPLOYEE_UNKNOWN',
  'NO_GRADE',
  'NO_DEPARTMENT',
  'NO_RATE_CARD',
];

export interface SetRateCardInput {
  grade: string;
  effectiveFrom: string;
  baseHourlyRate: { amountMinor: number; currency: string };
  overtimeMultiplier: number;
  nightMultiplier: number;
  publicHolidayMultiplier: number;
  /** Required when the card corrects costs already booked. */
  correctionReason?: string | null;
  idempotencyKey?: string | null;
}

export interface CloseBillingDayInput {
  date: string;
  idempotencyKey?: string | null;
}

export interface CreateGradeInput {
  code: string;
  description?: string | null;
  idempotencyKey?: string | null;
}

export interface UpdateGradeInput {
  code: string;
  description?: string | null;
  retired?: boolean | null;
  expectedVersion?: number | null;
}

export interface UncostedFilter {
  employeeId?: string | null;
  reason?: string | null;
  grade?: string | null;
}

/** A rate card's fields as stored: the grade trimmed, multipliers in ten-thousandths. */
export interface RateCardFields {
  grade: string;
  overtime: number;
  night: number;
  holiday: number;
  reason: string | null;
}

/** The fields of a rate card, every bad one refused together, each naming itself. */
export function checkRateCardInput(input: SetRateCardInput): RateCardFields {
  const inputCheck = createInputCheck();
  const field = inputCheck.field;
  const grade = field(() => checkGradeCode('grade', input.grade));
  field(() => checkDate('effectiveFrom', input.effectiveFrom));
  field(() => checkRate(input.baseHourlyRate.amountMinor));
  field(() => checkCurrency('baseHourlyRate.currency', input.baseHourlyRate.currency));
  const overtime = field(() => checkMultiplier('overtimeMultiplier', input.overtimeMultiplier));
  const night = field(() => checkMultiplier('nightMultiplier', input.nightMultiplier));
  const holiday = field(() =>
    checkMultiplier('publicHolidayMultiplier', input.publicHolidayMultiplier),
  );
  const reason = input.correctionReason?.trim() || null;
  if (reason && longerThan(reason, MAX_DESCRIPTION_LENGTH))
    field(() => {
      throw invalid(
        'correctionReason',
        `correctionReason is at most ${MAX_DESCRIPTION_LENGTH} characters.`,
      );
    });
  inputCheck.done();
  return { grade: grade!, overtime: overtime!, night: night!, holiday: holiday!, reason };
}

function checkRate(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw invalid('baseHourlyRate.amountMinor', 'baseHourlyRate must not be negative.');
  if (amountMinor > MAX_RATE_MINOR)
    throw invalid('baseHourlyRate.amountMinor', `baseHourlyRate is at most ${MAX_RATE_MINOR}.`);
}

export function checkDate(field: string, value: string): void {
  if (typeof value !== 'string' || !isIsoDate(value))
    throw invalid(field, `${field} must be a date, YYYY-MM-DD.`);
}

/** A period of days: both dates valid, `to` not before `from`, at most MAX_PERIOD_DAYS. */
export function checkPeriod(from: string, to: string): void {
  checkDate('from', from);
  checkDate('to', to);
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw invalid('to', 'to must not be before from.');
  if (span > MAX_PERIOD_DAYS) throw invalid('to', `A period is at most ${MAX_PERIOD_DAYS} days.`);
}

export function checkCurrency(field: string, currency: string): void {
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency) || !isCurrency(currency))
    throw invalid(field, `${field} must be a known ISO 4217 currency code, e.g. GBP.`);
}

function checkMultiplier(field: string, value: number): number {
  const scaled = Number.isFinite(value) ? toScaled(value) : null;
  if (scaled === null || value < 1 || value > 10)
    throw invalid(field, `${field} must be between 1 and 10, with at most four decimals.`);
  return scaled;
}

/** A grade's code: trimmed, 1 to 50 characters. */
export function checkGradeCode(field: string, value: unknown): string {
  const code = typeof value === 'string' ? value.trim() : '';
  if (!code || code.length > MAX_GRADE_LENGTH)
    throw invalid(field, `${field} must be 1 to ${MAX_GRADE_LENGTH} characters.`);
  return code;
}

/** A grade's description: trimmed, at most 500 characters; blank is none. */
export function checkDescription(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (longerThan(text, MAX_DESCRIPTION_LENGTH))
    throw invalid('description', `description is at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  return text || null;
}

export function checkUncostedFilter(filter: UncostedFilter): void {
  if (filter.reason && !UNCOSTED_REASONS.includes(filter.reason as UncostedReason))
    throw invalid('filter.reason', `filter.reason must be one of ${UNCOSTED_REASONS.join(', ')}.`);
}
