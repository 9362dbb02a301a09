import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { occurredIn } from './AuditLog';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { AuditReason, badField } from './errors';

/** The largest page a caller may ask for. */
export const MAX_PAGE = 500;

export interface AuditFilter {
  actorId?: string;
  logType?: string;
  entityType?: string;
  entityId?: string;
  correlationId?: string;
  from?: Date;
  to?: Date;
}

export interface Page {
  first: number;
  after?: string | null;
}

export interface AuditConnection {
  nodes: AuditEntry[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  /** Counted only when selected. */
  totalCount: () => Promise<number>;
}

const TEXT_FIELDS = ['actorId', 'logType', 'entityType', 'entityId', 'correlationId'] as const;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 date-time with an offset, or a BAD_USER_INPUT naming `field`. */
export function parseDateTime(value: unknown, field: string): Date {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  const date = match ? new Date(value as string) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || !isRealDay(match)) {
    throw badField(
      AuditReason.INVALID_DATE_TIME,
      field,
      `${field} must be an RFC 3339 date-time with an offset, e.g. 2024-05-01T09:00:00Z.`,
    );
  }
  return date;
}

function isRealDay([, year, month, day, hour, minute, second]: RegExpExecArray): boolean {
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return (
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59
  );
}

/** Checks a time range whose ends were given as `<prefix>from` and `<prefix>to`. */
export function checkRange(range: { from?: Date; to?: Date }, prefix = ''): void {
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

export function checkPageSize(first: number, field = 'first'): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw badField(
      AuditReason.INVALID_PAGE_SIZE,
      field,
      `${field} must be between 0 and ${MAX_PAGE}.`,
    );
  }
}

export function whereOf(filter: AuditFilter): FilterQuery<AuditEntry> {
  const where: Record<string, unknown> = occurredIn(filter);
  for (const key of TEXT_FIELDS) if (filter[key] != null) where[key] = filter[key];
  return where as FilterQuery<AuditEntry>;
}

/** Newest first (by the event's time, then the chain position), with a keyset cursor. */
export async function listEntries(
  em: EntityManager,
  filter: AuditFilter,
  page: Page,
): Promise<AuditConnection> {
  checkPageSize(page.first);
  const where = whereOf(filter);
  const cursor = page.after ? decodeCursor(page.after) : undefined;
  const rows =
    page.first === 0
      ? []
      : await em.find(AuditEntrySchema, cursor ? { $and: [where, before(cursor)] } : where, {
          orderBy: [{ occurredAt: 'desc' }, { seq: 'desc' }],
          limit: page.first + 1,
        });
  const nodes = rows.slice(0, page.first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: {
      endCursor: last ? encodeCursor(last) : null,
      hasNextPage: rows.length > page.first,
    },
    totalCount: () => em.count(AuditEntrySchema, where),
  };
}

interface Cursor {
  occurredAt: Date;
  seq: number;
}

function before(cursor: Cursor): FilterQuery<AuditEntry> {
  return {
    $or: [
      { occurredAt: { $lt: cursor.occurredAt } },
      { occurredAt: cursor.occurredAt, seq: { $lt: cursor.seq } },
    ],
  };
}

/** Opaque to clients: base64url of the last node's time and chain position. */
export function encodeCursor(entry: Pick<AuditEntry, 'occurredAt' | 'seq'>): string {
  return Buffer.from(JSON.stringify([entry.occurredAt.getTime(), entry.seq])).toString('base64url');
}

export function decodeCursor(text: string, field = 'after'): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every(Number.isSafeInteger)) {
      return { occurredAt: new Date(value[0] as number), seq: value[1] as number };
    }
  } catch {
    // Falls through to the error below.
  }
  throw badField(AuditReason.INVALID_CURSOR, field, `${field} is not a cursor this API returned.`);
}
