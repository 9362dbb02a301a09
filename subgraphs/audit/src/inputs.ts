import { requireDateTime } from '../../../runtime';
import { AuditReason, badField } from './errors';

/** The text criteria of the log, each matched exactly. */
export const TEXT_FIELDS = [
  'actorId',
  'logType',
  'entityType',
  'entityId',
  'correlationId',
] as const;

export interface AuditFilter {
  actorId?: string;
  logType?: string;
  entityType?: string;
  entityId?: string;
  correlationId?: string;
  from?: Date;
  to?: Date;
}

/** AuditLogFilter as GraphQL gives it; the date-times are checked here. */
export interface FilterInput {
  actorId?: string | null;
  logType?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  correlationId?: string | null;
  from?: unknown;
  to?: unknown;
}

/** An RFC 3339 date-time with an offset, or a BAD_USER_INPUT naming `field`. */
export const parseDateTime = (value: unknown, field: string): Date =>
  requireDateTime(value, field, (name, message) =>
    badField(AuditReason.INVALID_DATE_TIME, name, message),
  );

/** Checks a time range whose ends were given as `<prefix>from` and `<prefix>to`. */
function checkRange(range: { from?: Date; to?: Date }, prefix: string): void {
  if (range.from && range.to && range.from > range.to) {
    throw badField(
      AuditReason.INVALID_RANGE,
      `${prefix}to`,
      `${prefix}to must not be before ${prefix}from.`,
    );
  }
}

/** Optional date-time arguments, checked; `prefix` places them in the input (`filter.`). */
export function readRange(args: { from?: unknown; to?: unknown }, prefix = '') {
  const range = {
    from: args.from == null ? undefined : parseDateTime(args.from, `${prefix}from`),
    to: args.to == null ? undefined : parseDateTime(args.to, `${prefix}to`),
  };
  checkRange(range, prefix);
  return range;
}

/** The log's filter from its GraphQL input: the range checked, the texts as given. */
export function readFilter(input: FilterInput | null | undefined): AuditFilter {
  const filter: AuditFilter = readRange(input ?? {}, 'filter.');
  for (const key of TEXT_FIELDS) {
    const value = input?.[key];
    if (value != null) filter[key] = value;
  }
  return filter;
}

/** Why a dead letter is discarded, trimmed; blank is refused. */
export function checkDiscardReason(reason: string): string {
  const text = reason.trim();
  if (!text)
    throw badField(AuditReason.INVALID_PARAMETER, 'input.reason', 'Say why it is discarded.');
  return text;
}
