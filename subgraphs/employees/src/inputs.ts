import {
  DEFAULT_LOCATION,
  DEFAULT_TIME_ZONE,
  isIsoDate,
  longerThan,
  readIdempotencyKey,
} from '../../../runtime';
import { ISO_COUNTRIES } from './countries';
import { EMPLOYMENT_TYPES, type EmployeeStatus, type EmploymentType } from './entities';
import { invalid } from './errors';

export { DEFAULT_LOCATION, DEFAULT_TIME_ZONE };

/** Regions with their own public holidays inside the United Kingdom. */
export const UK_REGIONS = ['ENGLAND_AND_WALES', 'SCOTLAND', 'NORTHERN_IRELAND'] as const;

export interface Money {
  amountMinor: number;
  currency: string;
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
// The address form JSON Schema's `email` format checks, so every stored address passes the event contracts.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const PHONE = /^\+?[0-9 ()-]+$/;
const EMPLOYEE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 100;

/** A required line of text: trimmed, not empty, at most `max` characters. */
export function text(field: string, value: unknown, max = MAX_TEXT): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) throw invalid(field, `${field} must not be empty.`);
  if (longerThan(trimmed, max)) throw invalid(field, `${field} must be at most ${max} characters.`);
  return trimmed;
}

/** Like {@link text}, but null or blank clears the value. */
export function optionalText(field: string, value: unknown, max = MAX_TEXT): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && !value.trim()) return null;
  return text(field, value, max);
}

export function email(value: unknown): string {
  const trimmed = text('email', value, 254);
  const local = trimmed.split('@')[0];
  if (!EMAIL.test(trimmed) || local.length > 64)
    throw invalid('email', 'email is not a valid email address.');
  return trimmed;
}

export const emailKey = (value: string): string => value.toLowerCase();

export function phone(value: unknown): string | null {
  const trimmed = optionalText('phone', value, 30);
  if (trimmed === null) return null;
  const digits = trimmed.replace(/\D/g, '').length;
  if (!PHONE.test(trimmed) || digits < 7 || digits > 15)
    throw invalid('phone', 'phone must be a telephone number of 7 to 15 digits.');
  return trimmed;
}

export function employeeNumber(value: unknown): string {
  const trimmed = text('employeeNumber', value, 20);
  if (!EMPLOYEE_NUMBER.test(trimmed))
    throw invalid('employeeNumber', 'employeeNumber may hold only letters, digits and dashes.');
  return trimmed;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-29), in the platform's window. */
export function isoDate(field: string, value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value))
    throw invalid(field, `${field} must be a date as YYYY-MM-DD.`);
  if (!isIsoDate(value))
    throw invalid(field, `${field} ${value} is not a calendar date from 1900 to 2199.`);
  return value;
}

export function employmentType(value: unknown): EmploymentType {
  if (!EMPLOYMENT_TYPES.includes(value as EmploymentType))
    throw invalid(
      'employmentType',
      `employmentType must be one of ${EMPLOYMENT_TYPES.join(', ')}.`,
    );
  return value as EmploymentType;
}

/** A UK holiday region, or an ISO 3166-1 alpha-2 country. */
export function location(value: unknown): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if ((UK_REGIONS as readonly string[]).includes(code) || ISO_COUNTRIES.has(code)) return code;
  throw invalid(
    'location',
    `location must be ${UK_REGIONS.join(', ')} or an ISO 3166 alpha-2 country code.`,
  );
}

/**
 * Zones already resolved, by what was sent. Building a formatter costs a tenth of a
 * millisecond or so, on every create; the bound keeps spellings sent to fill it out.
 */
const resolvedZones = new Map<string, string>();
const MAX_RESOLVED_ZONES = 2_000;

function resolveZone(zone: string): string | undefined {
  const known = resolvedZones.get(zone);
  if (known) return known;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    if (resolvedZones.size < MAX_RESOLVED_ZONES) resolvedZones.set(zone, resolved);
    return resolved;
  } catch {
    return undefined;
  }
}

/** An IANA time zone, stored in the name the platform's Intl knows it by. */
export function timeZone(value: unknown): string {
  const zone = typeof value === 'string' ? value.trim() : '';
  // Offsets such as +01:00 are not zones: they ignore daylight saving.
  const resolved = /^[A-Za-z]/.test(zone) ? resolveZone(zone) : undefined;
  if (resolved) return resolved;
  throw invalid('timeZone', 'timeZone must be an IANA time zone such as Europe/London.');
}

export function salary(value: Money | null | undefined): Money | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value.amountMinor) || value.amountMinor < 0)
    throw invalid('salary', 'salary.amountMinor must be a whole number of minor units, 0 or more.');
  const currency = typeof value.currency === 'string' ? value.currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency))
    throw invalid('salary', 'salary.currency must be an ISO 4217 currency code such as GBP.');
  return { amountMinor: value.amountMinor, currency };
}

export function notBefore(field: string, date: string, earliest: string, what: string): void {
  if (date < earliest) throw invalid(field, `${field} ${date} is before ${what} ${earliest}.`);
}

export function notAfter(field: string, date: string, latest: string, what: string): void {
  if (date > latest) throw invalid(field, `${field} ${date} is after ${what} ${latest}.`);
}

/** A create's idempotency key, as the kit reads it. */
export const idempotencyKey = (value: unknown): string | null => readIdempotencyKey(value, invalid);

/** The mutations' inputs, as GraphQL hands them over (not yet checked). */
export interface CreateEmployeeInput {
  idempotencyKey?: string | null;
  employeeNumber?: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  department: string;
  jobTitle: string;
  grade: string;
  employmentType: EmploymentType;
  status?: EmployeeStatus | null;
  hireDate: string;
  managerId?: string | null;
  location?: string | null;
  timeZone?: string | null;
  salary?: Money | null;
}

/** Every field but `id` and `expectedVersion` is optional: absent means unchanged. */
export interface UpdateEmployeeInput {
  id: string;
  expectedVersion?: number | null;
  employeeNumber?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  grade?: string | null;
  employmentType?: EmploymentType | null;
  hireDate?: string | null;
  location?: string | null;
  timeZone?: string | null;
  salary?: Money | null;
}

export interface ChangeEmployeeStatusInput {
  id: string;
  status: EmployeeStatus;
  expectedVersion?: number | null;
}

export interface AssignManagerInput {
  id: string;
  managerId?: string | null;
  expectedVersion?: number | null;
}

export interface TerminateEmployeeInput {
  id: string;
  terminationDate: string;
  expectedVersion?: number | null;
}

export interface WithdrawTerminationInput {
  id: string;
  expectedVersion?: number | null;
}
