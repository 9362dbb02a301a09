import type { EntityManager } from '@mikro-orm/knex';
import type { FilterQuery } from '@mikro-orm/core';
import type { Identity } from '../../../runtime/src/identity';
import type { UncostedDay, UncostedReason } from './costing';
import { checkFirst, decodeCursor, encodeCursor } from '../../../runtime/src/connections';
import { UncostedEntrySchema, type UncostedEntry } from './entities';
import { invalid } from './errors';
import { table } from './guards';
import { assertFinance } from './permissions';

export const UNCOSTED_REASONS: readonly UncostedReason[] = [
  'EMPLOYEE_UNKNOWN',
  'NO_GRADE',
  'NO_DEPARTMENT',
  'NO_RATE_CARD',
];

export interface UncostedFilter {
  employeeId?: string | null;
  reason?: string | null;
  grade?: string | null;
}

/** Why a day is uncosted, in words a finance user acts on. */
export function uncostedMessage(
  day: UncostedDay,
  employeeId: string,
  firstCard: string | undefined,
): string {
  switch (day.reason) {
    case 'EMPLOYEE_UNKNOWN':
      return `Billing has not yet heard of employee ${employeeId}; the entry is costed when the employee arrives.`;
    case 'NO_GRADE':
      return `Employee ${employeeId} has no grade on ${day.workDate}.`;
    case 'NO_DEPARTMENT':
      return `Employee ${employeeId} has no department (cost centre) on ${day.workDate}.`;
    case 'NO_RATE_CARD':
      return firstCard
        ? `No rate card of grade ${day.grade} covers ${day.workDate}: its first card takes effect on ${firstCard}. Set a card from ${day.workDate} or earlier.`
        : `Grade ${day.grade} has no rate card. Set one from ${day.workDate} or earlier.`;
  }
}

const cursorOf = (row: UncostedEntry) => encodeCursor([row.firstDay, row.entryId]);

/** Entries whose paid days have no cost yet: FINANCE and ADMIN read them. */
export async function listUncosted(
  em: EntityManager,
  identity: Identity,
  args: { first: number; after?: string | null; filter?: UncostedFilter | null },
) {
  assertFinance(identity, 'read uncosted entries');
  checkFirst(args.first);
  const filter = args.filter ?? {};
  if (filter.reason && !UNCOSTED_REASONS.includes(filter.reason as UncostedReason))
    throw invalid('filter.reason', `filter.reason must be one of ${UNCOSTED_REASONS.join(', ')}.`);
  const where: FilterQuery<UncostedEntry> = {
    ...(filter.employeeId && { employeeId: filter.employeeId }),
    ...(filter.reason && { reason: filter.reason }),
    ...(filter.grade && { grade: filter.grade }),
  };
  const page: FilterQuery<UncostedEntry> = args.after
    ? (([day, id]) => ({
        $and: [
          where,
          { $or: [{ firstDay: { $gt: day } }, { firstDay: day, entryId: { $gt: id } }] },
        ],
      }))(decodeCursor(args.after, 2) as [string, string])
    : where;
  const [rows, totalCount] = await Promise.all([
    em.find(UncostedEntrySchema, page, {
      orderBy: { firstDay: 'asc', entryId: 'asc' },
      limit: args.first + 1,
      disableIdentityMap: true,
    }),
    em.count(UncostedEntrySchema, where),
  ]);
  const nodes = rows.slice(0, args.first);
  const firstCards = await firstCardOf(em, nodes);
  return {
    nodes: nodes.map((row) => view(row, firstCards)),
    pageInfo: {
      endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]!) : null,
      hasNextPage: rows.length > args.first,
    },
    totalCount,
  };
}

/** The first day a card of each grade named by the rows takes effect. */
async function firstCardOf(em: EntityManager, rows: UncostedEntry[]): Promise<Map<string, string>> {
  const grades = [
    ...new Set(rows.flatMap((r) => r.days.map((d) => d.grade)).filter((g): g is string => !!g)),
  ];
  if (!grades.length) return new Map();
  const found = await em.execute<{ grade: string; first: string }[]>(
    `select grade, min(effective_from) as first from ${table(em, 'billing_rate_cards')}
     where grade in (${grades.map(() => '?').join(', ')}) group by grade`,
    grades,
  );
  return new Map(found.map((r) => [r.grade, r.first]));
}

function view(row: UncostedEntry, firstCards: Map<string, string>) {
  const days = row.days.map((day) => ({
    ...day,
    message: uncostedMessage(
      day,
      row.employeeId,
      day.grade ? firstCards.get(day.grade) : undefined,
    ),
  }));
  return {
    entryId: row.entryId,
    employee: { id: row.employeeId },
    employeeId: row.employeeId,
    periodType: row.periodType,
    startTime: row.startTime,
    endTime: row.endTime,
    reason: row.reason,
    message: days[0]!.message,
    grade: row.grade,
    days,
    checkedAt: row.checkedAt,
  };
}
