import {
  checkText,
  createInputCheck,
  daysBetween,
  decodeCursor,
  DEFAULT_BOUNDS,
  isIsoDate,
  LEAVE_TYPES,
  type LeaveType,
  longerThan,
  readIdempotencyKey,
} from '../../../runtime';
import type { Span } from './days';
import { invalid } from './errors';

/** The mutations' inputs, as GraphQL hands them over (not yet checked). */
export interface RequestLeaveInput {
  idempotencyKey?: string | null;
  employeeId?: string | null;
  leaveType: LeaveType;
  startDate: string;
  endDate: string;
  halfDayStart?: boolean | null;
  halfDayEnd?: boolean | null;
  reason?: string | null;
}

/** What `leaveRequestPreview` takes: a request without its reason and key. */
export type PreviewLeaveInput = Omit<RequestLeaveInput, 'reason' | 'idempotencyKey'>;

export interface DecideLeaveInput {
  id: string;
  expectedVersion?: number | null;
  reason?: string | null;
}

export type CancelLeaveInput = Omit<DecideLeaveInput, 'reason'>;

export const MAX_REASON = 500;
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
/** The longest span a request may cover, in calendar days. */
export const MAX_SPAN_DAYS = 366;

export function isoDate(field: string, value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value))
    throw invalid(field, `${field} must be a calendar date as YYYY-MM-DD.`);
  return value;
}

/** A period of days `from` to `to` (inclusive), at most {@link MAX_SPAN_DAYS} long. */
export function period(from: unknown, to: unknown): { from: string; to: string } {
  const first = isoDate('from', from);
  const last = isoDate('to', to);
  if (last < first) throw invalid('to', 'to must not be before from.');
  if (daysBetween(first, last) >= MAX_SPAN_DAYS)
    throw invalid('to', `to must be at most ${MAX_SPAN_DAYS - 1} days after from.`);
  return { from: first, to: last };
}

export function leaveType(value: unknown): LeaveType {
  if (!LEAVE_TYPES.includes(value as LeaveType))
    throw invalid('leaveType', `leaveType must be one of ${LEAVE_TYPES.join(', ')}.`);
  return value as LeaveType;
}

/** Free text, trimmed, at most 500 characters; blank or null means none. */
export function text(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalid(field, `${field} must be text.`);
  const trimmed = value.trim();
  if (longerThan(trimmed, MAX_REASON))
    throw invalid(field, `${field} must be at most ${MAX_REASON} characters.`);
  return trimmed || null;
}

/** A create's idempotency key, as the kit reads it. */
export const idempotencyKey = (value: unknown): string | null => readIdempotencyKey(value, invalid);

/** How many requests a page holds: leave's own bounds, 1 to {@link MAX_PAGE}. */
export function first(value: number | null | undefined): number {
  if (value === null || value === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE)
    throw invalid('first', `first must be from 1 to ${MAX_PAGE}.`);
  return value;
}

/** The sort key (start, id) of the last request of the page before, from its `endCursor`. */
export function after(value: string | null | undefined): { startDate: string; id: string } | null {
  if (value === null || value === undefined) return null;
  const [startDate, id] = decodeCursor(value, 2) as [string, string];
  if (!isIsoDate(startDate))
    throw invalid('after', 'after must be an endCursor this query returned.');
  return { startDate, id };
}

/** A leave request's input once checked: whose, which type, which days, why. */
export interface CheckedRequest {
  employeeId: string;
  leaveType: LeaveType;
  span: Span;
  reason: string | null;
}

/**
 * Checks what `requestLeave` (or a compliance question about it) was given: every bad
 * field is refused together, each naming itself.
 */
export function requestInput(input: RequestLeaveInput, callerId: string | null): CheckedRequest {
  const inputCheck = createInputCheck();
  const field = inputCheck.field;
  const employeeId = input.employeeId ?? callerId;
  if (!employeeId)
    field(() => {
      throw invalid('employeeId', 'employeeId is required when the caller is not an employee.');
    });
  const type = field(() => leaveType(input.leaveType));
  const startDate = field(() => isoDate('startDate', input.startDate));
  const endDate = field(() => isoDate('endDate', input.endDate));
  const halfDayStart = input.halfDayStart ?? false;
  const halfDayEnd = input.halfDayEnd ?? false;
  if (startDate && endDate) field(() => checkSpan(startDate, endDate, halfDayStart, halfDayEnd));
  const reason = field(() => text('reason', input.reason));
  inputCheck.done();
  const span = { startDate: startDate!, endDate: endDate!, halfDayStart, halfDayEnd };
  return { employeeId: employeeId!, leaveType: type!, span, reason: reason ?? null };
}

/** The end against the start: not before it, not too far, one half day on a one-day request. */
function checkSpan(startDate: string, endDate: string, halfDayStart: boolean, halfDayEnd: boolean) {
  if (endDate < startDate) throw invalid('endDate', 'endDate must not be before startDate.');
  if (daysBetween(startDate, endDate) >= MAX_SPAN_DAYS)
    throw invalid('endDate', `endDate must be less than ${MAX_SPAN_DAYS} days after startDate.`);
  if (startDate === endDate && halfDayStart && halfDayEnd)
    throw invalid(
      'halfDayEnd',
      'halfDayEnd cannot join halfDayStart on a one-day request: a day has one half day off at most.',
    );
}

const QUESTION_FIELDS: Record<string, 'ID' | 'String' | 'reason' | 'Boolean'> = {
  idempotencyKey: 'String',
  employeeId: 'ID',
  leaveType: 'String',
  startDate: 'String',
  endDate: 'String',
  halfDayStart: 'Boolean',
  halfDayEnd: 'Boolean',
  reason: 'reason',
};

/**
 * A compliance question's input, held to what GraphQL would let through for
 * `RequestLeaveInput`: known fields only, the right types, text within its bounds.
 */
export function questionInput(raw: unknown): RequestLeaveInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalid('input', 'input must be an object of RequestLeaveInput fields.');
  for (const [field, value] of Object.entries(raw)) {
    const kind = QUESTION_FIELDS[field];
    if (!kind) throw invalid(field, `RequestLeaveInput has no field ${field}.`);
    if (value === null || value === undefined) continue;
    if (kind === 'Boolean') {
      if (typeof value !== 'boolean') throw invalid(field, `${field} must be true or false.`);
      continue;
    }
    if (typeof value !== 'string') throw invalid(field, `${field} must be text.`);
    const bound =
      kind === 'reason'
        ? { maxLength: DEFAULT_BOUNDS.String.maxLength, multiline: true }
        : DEFAULT_BOUNDS[kind];
    const problem = checkText(value, bound, field);
    if (problem) throw invalid(field, problem.message);
  }
  return raw as RequestLeaveInput;
}
