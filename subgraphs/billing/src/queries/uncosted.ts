import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { decodeCursor, pageOf } from '../../../../runtime';
import type { UncostedDay } from '../costing';
import { UncostedEntrySchema, type UncostedEntry } from '../entities';
import type { UncostedFilter } from '../inputs';
import { firstCards } from './grades';

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

/** Entries whose paid days have no cost yet, by first uncosted day. */
export async function listUncosted(
  em: EntityManager,
  size: number,
  after: string | null | undefined,
  filter: UncostedFilter,
) {
  const where: FilterQuery<UncostedEntry> = {
    ...(filter.employeeId && { employeeId: filter.employeeId }),
    ...(filter.reason && { reason: filter.reason }),
    ...(filter.grade && { grade: filter.grade }),
  };
  const page: FilterQuery<UncostedEntry> = after
    ? (([day, id]) => ({
        $and: [
          where,
          { $or: [{ firstDay: { $gt: day } }, { firstDay: day, entryId: { $gt: id } }] },
        ],
      }))(decodeCursor(after, 2) as [string, string])
    : where;
  const [rows, totalCount] = await Promise.all([
    em.find(UncostedEntrySchema, page, {
      orderBy: { firstDay: 'asc', entryId: 'asc' },
      limit: size + 1,
      disableIdentityMap: true,
    }),
    em.count(UncostedEntrySchema, where),
  ]);
  const { nodes, pageInfo } = pageOf(rows, size, (row) => [row.firstDay, row.entryId]);
  const grades = new Set(nodes.flatMap((r) => r.days.map((d) => d.grade)));
  const cards = await firstCards(
    em,
    [...grades].filter((g): g is string => !!g),
  );
  return { nodes: nodes.map((row) => view(row, cards)), pageInfo, totalCount };
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
