import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  type DeadLetter,
  type DeadLetterQuery,
  getDeadLetter,
  listDeadLetters,
} from '../../../messaging';
import { decodeCursor, pageOf, type SubgraphContext } from '../../../runtime';
import { deadLetterCall } from './deadLetterCall';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { auditErrors } from './errors';
import { TEXT_FIELDS, type AuditFilter } from './inputs';

export interface TimeRange {
  from?: Date;
  to?: Date;
}

export interface AuditConnection {
  nodes: AuditEntry[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  /** Counted only when selected. */
  totalCount: () => Promise<number>;
}

/** The entries whose change happened in the range (both ends inclusive). */
export function occurredIn(range: TimeRange): Record<string, unknown> {
  const occurredAt: Record<string, Date> = {};
  if (range.from) occurredAt.$gte = range.from;
  if (range.to) occurredAt.$lte = range.to;
  return Object.keys(occurredAt).length ? { occurredAt } : {};
}

export function whereOf(filter: AuditFilter): FilterQuery<AuditEntry> {
  const where: Record<string, unknown> = occurredIn(filter);
  for (const key of TEXT_FIELDS) if (filter[key] != null) where[key] = filter[key];
  return where as FilterQuery<AuditEntry>;
}

/** Newest first (by the event's time, then the chain position and chain), a page of `size`. */
export async function listEntries(
  em: EntityManager,
  filter: AuditFilter,
  size: number,
  after?: string | null,
): Promise<AuditConnection> {
  const where = whereOf(filter);
  const cursor = after ? entryCursor(after) : undefined;
  const rows =
    size === 0
      ? []
      : await em.find(AuditEntrySchema, cursor ? { $and: [where, before(cursor)] } : where, {
          orderBy: [{ occurredAt: 'desc' }, { seq: 'desc' }, { chain: 'desc' }],
          limit: size + 1,
        });
  return {
    ...pageOf(rows, size, (entry) =>
      [entry.occurredAt.getTime(), entry.seq, entry.chain].map(String),
    ),
    totalCount: () => em.count(AuditEntrySchema, where),
  };
}

interface Cursor {
  occurredAt: Date;
  seq: number;
  chain: number;
}

/** A page's end: the last entry's time (ms), chain position and chain. */
function entryCursor(after: string): Cursor {
  const parts = decodeCursor(after, 3).map(Number);
  if (!parts.every(Number.isSafeInteger))
    throw auditErrors.invalid('after', 'after must be an endCursor this query returned.');
  const [at, seq, chain] = parts as [number, number, number];
  return { occurredAt: new Date(at), seq, chain };
}

function before({ occurredAt, seq, chain }: Cursor): FilterQuery<AuditEntry> {
  return {
    $or: [
      { occurredAt: { $lt: occurredAt } },
      { occurredAt, seq: { $lt: seq } },
      { occurredAt, seq, chain: { $lt: chain } },
    ],
  };
}

/** A page of dead letters, oldest first, as messaging keeps them. */
export function deadLetters(ctx: SubgraphContext, query: DeadLetterQuery) {
  return deadLetterCall(ctx, '', async (clients) => {
    const page = await listDeadLetters(clients, query);
    const { endCursor, hasNextPage } = page;
    return { nodes: page.nodes, totalCount: page.totalCount, pageInfo: { endCursor, hasNextPage } };
  });
}

export function deadLetter(ctx: SubgraphContext, id: string): Promise<DeadLetter | null> {
  return deadLetterCall(ctx, '', (clients) => getDeadLetter(clients, id));
}
