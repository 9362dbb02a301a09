import { invalid } from '../errors';

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Whether the parts name a real day and time (Date would roll 31 April into May). */
function isReal(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59) return false;
  return day! >= 1 && day! <= new Date(Date.UTC(year!, month!, 0)).getUTCDate();
}

/** An RFC 3339 instant with an offset, or a BAD_USER_INPUT naming `field`. */
export function parseInstant(value: unknown, field: string): Date {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  const instant = new Date(String(value));
  if (!match || !isReal(match) || Number.isNaN(instant.getTime()))
    throw invalid(
      field,
      `${field} must be an RFC 3339 date-time with an offset, e.g. 2026-04-01T00:00:00Z.`,
    );
  return instant;
}
