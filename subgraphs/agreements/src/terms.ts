import {
  ACCRUAL_TYPES,
  HOUR_TYPES,
  SALARY_BASES,
  TERMS_AND_CONDITIONS,
  WEEKDAYS,
  type AccrualTotals,
  type AccrualType,
  type AgreementTerms,
  type SalaryBasis,
  type TermsAndConditions,
  type Weekday,
} from './entities';
import { isIsoDate } from '../../../runtime';
import { invalid } from './errors';

/** Terms as a client or a file gives them, before any check. */
export interface RawTerms {
  agreementType?: unknown;
  startDate?: unknown;
  endDate?: unknown;
  fte?: unknown;
  termsAndConditions?: unknown;
  salaryBasis?: unknown;
  weeklyHours?: unknown;
  workingDays?: unknown;
  annualLeaveDays?: unknown;
  targets: Partial<Record<AccrualType, unknown>>;
  openings: Partial<Record<AccrualType, unknown>>;
}

type ScalarKey = Exclude<keyof RawTerms, 'targets' | 'openings'>;

/** What a field is called where it came from: an input field or a file column. */
export interface FieldNames {
  field(key: ScalarKey): string;
  target(type: AccrualType): string;
  opening(type: AccrualType): string;
}

/** Reports one bad field; the check goes on so a file row lists all of its faults. */
export type Report = (field: string, message: string) => void;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** Longest value quoted back in a message: a file's cell may be megabytes long. */
const SHOWN_CHARS = 40;

/** A value as a message quotes it: JSON-like, cut short, and numbers as given (1e309 is Infinity). */
export function shown(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

export function isoDate(field: string, value: unknown): string {
  const day = typeof value === 'string' ? value.trim() : '';
  if (isIsoDate(day)) return day;
  throw invalid(
    field,
    `${field} must be a date as YYYY-MM-DD from 1900 to 2199, got ${shown(value)}.`,
  );
}

/** A decimal with at most `decimals` places, as an exact integer of 10^-decimals units. */
export function decimalUnits(field: string, value: unknown, decimals: number): number {
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{1,7})(?:\.(\d+))?$/.exec(text);
  const fraction = (match?.[2] ?? '').replace(/0+$/, '');
  if (!match || fraction.length > decimals)
    throw invalid(
      field,
      `${field} must be a number ≥ 0 with at most ${decimals} decimal places, got ${shown(value)}.`,
    );
  return Number(match[1]) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
}

function oneOf<T extends string>(field: string, value: unknown, values: readonly T[]): T {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : value;
  if (!values.includes(text as T))
    throw invalid(field, `${field} must be one of ${values.join(', ')}, got ${shown(value)}.`);
  return text as T;
}

export function agreementType(field: string, value: unknown): string {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z][A-Z0-9_]{0,19}$/.test(text))
    throw invalid(field, `${field} must be a code of letters, digits and _ (e.g. AHA), up to 20.`);
  return text;
}

export function workingDays(field: string, value: unknown): Weekday[] {
  const items = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[\s|;,]+/).filter(Boolean)
      : [];
  const days = new Set(items.map((item) => oneOf(field, item, WEEKDAYS)));
  if (days.size === 0) throw invalid(field, `${field} must name at least one day, e.g. MON|TUE.`);
  return WEEKDAYS.filter((day) => days.has(day));
}

/** FTE: 0 < fte ≤ 1 with four decimals, in ten-thousandths. */
export function fteUnits(field: string, value: unknown): number {
  const units = decimalUnits(field, value, 4);
  if (units <= 0 || units > 10_000)
    throw invalid(field, `${field} must be more than 0 and at most 1, got ${shown(value)}.`);
  return units;
}

/** Hours keep two decimals; counted types are whole numbers. Stored as plain numbers. */
export function accrualTotal(field: string, type: AccrualType, value: unknown): number {
  if (HOUR_TYPES.has(type)) return decimalUnits(field, value, 2) / 100;
  return decimalUnits(field, value, 0);
}

/** Runs one check, reporting a fault instead of throwing. */
function attempt<T>(report: Report, field: string, check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    const fault = error as { field?: string; message: string };
    report(fault.field ?? field, fault.message);
    return undefined;
  }
}

/** Checks every term; returns them normalised, or null after reporting each fault. */
export function parseTerms(
  raw: RawTerms,
  names: FieldNames,
  report: Report,
): AgreementTerms | null {
  let ok = true;
  const fail: Report = (field, message) => {
    ok = false;
    report(field, message);
  };
  const required = <T>(key: ScalarKey, check: (field: string, value: unknown) => T) => {
    const field = names.field(key);
    if (isBlank(raw[key])) return void fail(field, `${field} is required.`);
    return attempt(fail, field, () => check(field, raw[key]));
  };
  const startDate = required('startDate', isoDate);
  const endDate = required('endDate', isoDate);
  const terms = {
    agreementType: required('agreementType', agreementType),
    startDate,
    endDate,
    fteUnits: required('fte', fteUnits),
    termsAndConditions: required('termsAndConditions', (f, v) => oneOf(f, v, TERMS_AND_CONDITIONS)),
    salaryBasis: required('salaryBasis', (f, v) => oneOf(f, v, SALARY_BASES)),
    weeklyHundredths: required('weeklyHours', (f, v) => decimalUnits(f, v, 2)),
    workingDays: required('workingDays', workingDays),
    leaveHundredths: required('annualLeaveDays', (f, v) => decimalUnits(f, v, 2)),
    targets: totals(raw.targets, names.target, fail),
    openings: totals(raw.openings, names.opening, fail),
  };
  if (startDate && endDate && endDate < startDate)
    fail(names.field('endDate'), `${names.field('endDate')} must not be before the start date.`);
  if (terms.weeklyHundredths !== undefined && terms.weeklyHundredths > 168_00)
    fail(names.field('weeklyHours'), `${names.field('weeklyHours')} must be at most 168.`);
  if (terms.leaveHundredths !== undefined && terms.leaveHundredths > 366_00)
    fail(names.field('annualLeaveDays'), `${names.field('annualLeaveDays')} must be at most 366.`);
  const annual = names.target('ANNUAL_TARGET_HOURS');
  if (isBlank(raw.targets.ANNUAL_TARGET_HOURS)) fail(annual, `${annual} is required.`);
  return ok ? (terms as AgreementTerms) : null;
}

function totals(
  raw: Partial<Record<AccrualType, unknown>>,
  nameOf: (type: AccrualType) => string,
  report: Report,
): AccrualTotals {
  const result: AccrualTotals = {};
  for (const type of ACCRUAL_TYPES) {
    if (isBlank(raw[type])) continue;
    const value = attempt(report, nameOf(type), () => accrualTotal(nameOf(type), type, raw[type]));
    if (value !== undefined) result[type] = value;
  }
  return result;
}

/** A stable text of the terms, to tell whether an import row changes anything. */
export function termsKey(terms: AgreementTerms): string {
  const ordered = (totals: AccrualTotals) => ACCRUAL_TYPES.map((type) => totals[type] ?? null);
  return JSON.stringify([
    terms.agreementType,
    terms.startDate,
    terms.endDate,
    terms.fteUnits,
    terms.termsAndConditions,
    terms.salaryBasis,
    terms.weeklyHundredths,
    terms.workingDays,
    terms.leaveHundredths,
    ordered(terms.targets),
    ordered(terms.openings),
  ]);
}

export const pickTerms = (from: AgreementTerms): AgreementTerms => ({
  agreementType: from.agreementType,
  startDate: from.startDate,
  endDate: from.endDate,
  fteUnits: from.fteUnits,
  termsAndConditions: from.termsAndConditions as TermsAndConditions,
  salaryBasis: from.salaryBasis as SalaryBasis,
  weeklyHundredths: from.weeklyHundredths,
  workingDays: [...from.workingDays],
  leaveHundredths: from.leaveHundredths,
  targets: { ...from.targets },
  openings: { ...from.openings },
});
