import type { LeaveStatus } from './entities';
import { invalid } from './errors';
import { isIsoDate } from '../../../runtime/src/calendar';
import { LEAVE_TYPES, type LeaveType } from './policies';

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

export function leaveType(value: unknown): LeaveType {
  if (!LEAVE_TYPES.includes(value as LeaveType))
    throw invalid('leaveType', `leaveType must be one of ${LEAVE_TYPES.join(', ')}.`);
  return value as LeaveType;
}

export function status(value: unknown): LeaveStatus | null {
  return value === null || value === undefined ? null : (value as LeaveStatus);
}

/** Free text, trimmed, at most 500 characters; blank or null means none. */
export function text(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalid(field, `${field} must be text.`);
  const trimmed = value.trim();
  if (trimmed.length > MAX_REASON)
    throw invalid(field, `${field} must be at most ${MAX_REASON} characters.`);
  return trimmed || null;
}

export function version(field: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw invalid(field, `${field} must be 1 or more.`);
  return value;
}

export function idempotencyKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length > 200)
    throw invalid('idempotencyKey', 'idempotencyKey must be at most 200 characters.');
  return trimmed || null;
}

export function first(value: number | null | undefined): number {
  if (value === null || value === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE)
    throw invalid('first', `first must be from 1 to ${MAX_PAGE}.`);
  return value;
}

/** Cursors are opaque: the sort key of the last node of a page. */
export const cursorOf = (request: { startDate: string; id: string }) =>
  Buffer.from(`${request.startDate}|${request.id}`).toString('base64url');

export function after(value: string | null | undefined): { startDate: string; id: string } | null {
  if (value === null || value === undefined) return null;
  const [startDate, id] = Buffer.from(String(value), 'base64url').toString('utf8').split('|');
  if (!startDate || !id || !isIsoDate(startDate))
    throw invalid('after', 'after must be an endCursor this API returned.');
  return { startDate, id };
}
