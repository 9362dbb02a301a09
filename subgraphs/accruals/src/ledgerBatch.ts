import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { insertRows, queryBound } from '../../../messaging';
import {
  chunks,
  DEFAULT_LOCATION,
  DEFAULT_TIME_ZONE,
  findIn,
  isPostgres,
  localDate,
  sqlTable,
} from '../../../runtime';
import { lastRowsOn, statusRecorder, seenStatuses, statusChanges } from './balanceStatus';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  BalanceVersionSchema,
  ContributionSchema,
  EmployeeCopySchema,
  type AccrualDayRow,
  type AccrualType,
  type AgreementCopy,
  type Contribution,
  type EmployeeCopy,
  type EntryCopy,
} from './entities';
import { balanceChanged, type Emit } from './events';
import { contributionRows, deltasOf, toStored, unitValue, type DayDelta } from './ledger';

/** One employee's entries whose copies changed in a batch, and where its events go. */
export interface ChangedEntries {
  employeeId: string;
  entries: EntryCopy[];
  emit: Emit;
}

/** One agreement's type whose days move, and the deltas (sorted by date) that move it. */
interface Move {
  employeeId: string;
  agreement: AgreementCopy;
  days: DayDelta[];
  /** The cumulative total of the first changed day after the move: what the event says. */
  firstCumulative?: number;
}

/**
 * Takes the locks of many employees in one statement, in id order so two replicas cannot
 * deadlock. SQLite has a single writer already.
 */
export async function lockEmployees(em: EntityManager, employeeIds: string[]): Promise<void> {
  if (!isPostgres(em) || employeeIds.length === 0) return;
  // The sorted subquery is scanned in its order, so the locks are taken in it.
  const values = employeeIds.map(() => '(?)').join(', ');
  await (em as SqlEntityManager).execute(
    `select count(pg_advisory_xact_lock(hashtext(s.id)))
     from (select v.id from (values ${values}) as v(id) order by v.id) s`,
    employeeIds,
  );
}

export const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
};

/**
 * `reapplyEntries` for the changed entries of many employees at once, with the same end
 * state and events: contributions and agreements read in one query each, the days each
 * moved type touches read in one and moved in memory, and the changes written as plain
 * rows, a few statements for the whole batch. The caller holds the employees' locks.
 */
export async function reapplyEntriesOfMany(
  em: EntityManager,
  changed: ChangedEntries[],
  now: Date,
): Promise<void> {
  if (changed.length === 0) return;
  const employeeIds = changed.map((c) => c.employeeId);
  const entryIds = changed.flatMap((c) => c.entries.map((entry) => entry.id));
  const plain = { disableIdentityMap: true };
  const old = await findIn(em, ContributionSchema, 'entryId', entryIds, plain);
  await em.nativeDelete(ContributionSchema, { entryId: { $in: entryIds } });
  const agreements = groupBy(
    await findIn(em, AgreementCopySchema, 'employeeId', employeeIds, plain),
    (a) => a.employeeId,
  );
  const places = new Map(
    (await findIn(em, EmployeeCopySchema, 'id', employeeIds, plain)).map((e) => [e.id, e]),
  );
  const oldByEmployee = groupBy(old, (c) => c.employeeId);
  const moves: Move[] = [];
  const contributions: Contribution[] = [];
  for (const { employeeId, entries } of changed) {
    const theirs = agreements.get(employeeId) ?? [];
    const place = placeOf(places.get(employeeId));
    const fresh = entries.flatMap((entry) => contributionRows(entry, theirs, place));
    contributions.push(...fresh);
    moves.push(...movesOf(employeeId, theirs, oldByEmployee.get(employeeId) ?? [], fresh));
  }
  await insertRows(em, ContributionSchema, contributions);
  const { rows, stored } = await daysFrom(em, moves);
  for (const move of moves) {
    // A type with no rows yet gets its list here, so the rows the move makes are written.
    const key = groupKey(move);
    if (!rows.has(key)) rows.set(key, []);
    moveDays(move, rows.get(key)!);
  }
  await writeDays(em, stored, [...rows.values()].flat());
  await dropEmptyTypes(em, moves);
  const changes = moves.map(({ employeeId, days, firstCumulative }) => ({
    employeeId,
    type: days[0]!.type,
    date: days[0]!.date,
    cumulative: firstCumulative!,
  }));
  await announce(em, changed, changes, { agreements, places, now });
}

/** A balance that moved: what its `accruals.balance.changed` says. */
export interface BalanceChange {
  employeeId: string;
  type: AccrualType;
  /** The earliest day that changed, and the cumulative total there. */
  date: string;
  cumulative: number;
}

/**
 * Tells each employee's balance changes, in order, their versions counted in one statement;
 * then the employee's status changes on their local day at `now`, stored in one upsert.
 */
export async function announce(
  em: EntityManager,
  employees: readonly { employeeId: string; emit: Emit }[],
  changes: BalanceChange[],
  at: { agreements: Map<string, AgreementCopy[]>; places: Map<string, EmployeeCopy>; now: Date },
): Promise<void> {
  const versions = await nextBalanceVersions(
    em,
    changes.map((c) => `${c.employeeId}|${c.type}`),
  );
  const statuses = await statusesOf(em, employees, at.agreements, at.places, at.now);
  const recorder = statusRecorder();
  const byEmployee = groupBy(
    changes.map((change, i) => ({ ...change, version: versions[i]! })),
    (c) => c.employeeId,
  );
  for (const { employeeId, emit } of employees) {
    for (const { type, date, cumulative, version } of byEmployee.get(employeeId) ?? [])
      emit(balanceChanged(employeeId, type, date, unitValue(type, cumulative), version));
    const status = statuses.get(employeeId);
    if (status)
      for (const change of status.changes)
        recorder.record(status.agreement, change, status.on, emit);
  }
  await recorder.store(em);
}

export const placeOf = (copy: EmployeeCopy | undefined) => ({
  zone: copy?.timeZone ?? DEFAULT_TIME_ZONE,
  location: copy?.location ?? DEFAULT_LOCATION,
});

/** The day moves of one employee, in the order `reapplyEntries` makes them. */
function movesOf(
  employeeId: string,
  agreements: AgreementCopy[],
  before: Contribution[],
  after: Contribution[],
): Move[] {
  const moves: Move[] = [];
  for (const days of deltasOf(before, after).values()) {
    const agreement = agreements.find((a) => a.id === days[0]!.agreementId);
    if (agreement) moves.push({ employeeId, agreement, days });
  }
  return moves;
}

const groupKey = (move: Move) => `${move.agreement.id}|${move.days[0]!.type}`;

/** A day row as read, to tell afterwards whether the moves changed it. */
type StoredDay = Pick<AccrualDayRow, 'dayTotal' | 'cumulativeTotal'>;

/**
 * For each move, its type's last row before the first changed day and every row after, in
 * date order, as plain rows; one statement per hundred moves. The row before is read even
 * when the day has a row: a day left empty is removed, and a later day then starts from
 * the one before it. `stored` keeps each row's totals as read.
 */
async function daysFrom(em: EntityManager, moves: Move[]) {
  const table = sqlTable(em, AccrualDaySchema.meta.className);
  const rows = new Map<string, AccrualDayRow[]>();
  const stored = new Map<string, StoredDay>();
  // The moves as a table whose first days are worked out once, then joined to the days.
  // As one OR of conditions per move, PostgreSQL read the days table whole (37 ms a
  // statement); joined before the bounds were known, it worked one out per day row.
  const since = earliestDayOf(moves);
  for (let at = 0; at < since.length; at += 100) {
    const chunk = since.slice(at, at + 100);
    const found = await (em as SqlEntityManager).execute<Record<string, unknown>[]>(
      `with m (agreement_id, accrual_type, since) as (values ${chunk.map(() => '(?, ?, ?)').join(', ')}),
       b as materialized (select m.agreement_id, m.accrual_type,
           coalesce((select max(e."date") from ${table} e
              where e.agreement_id = m.agreement_id and e.accrual_type = m.accrual_type
                and e."date" < m.since), '') as first_day
         from m)
       select d.* from b join ${table} d
         on d.agreement_id = b.agreement_id and d.accrual_type = b.accrual_type
        and d."date" >= b.first_day
       order by d."date"`,
      chunk.flat(),
    );
    for (const raw of found) {
      const row = dayRow(raw);
      stored.set(row.id, { dayTotal: row.dayTotal, cumulativeTotal: row.cumulativeTotal });
      const key = `${row.agreementId}|${row.accrualType}`;
      const list = rows.get(key);
      if (list) list.push(row);
      else rows.set(key, [row]);
    }
  }
  return { rows, stored };
}

/** Each agreement and type the moves touch once, with the earliest day they change. */
function earliestDayOf(moves: Move[]): [string, string, string][] {
  const earliest = new Map<string, [string, string, string]>();
  for (const move of moves) {
    const { type, date } = move.days[0]!;
    const known = earliest.get(groupKey(move));
    if (!known) earliest.set(groupKey(move), [move.agreement.id, type, date]);
    else if (date < known[2]) known[2] = date;
  }
  return [...earliest.values()];
}

const dayRow = (raw: Record<string, unknown>): AccrualDayRow => ({
  id: String(raw.id),
  employeeId: String(raw.employee_id),
  agreementId: String(raw.agreement_id),
  accrualType: raw.accrual_type as AccrualDayRow['accrualType'],
  date: String(raw.date),
  dayTotal: Number(raw.day_total),
  cumulativeTotal: Number(raw.cumulative_total),
});

/**
 * `moveDay` for each of a move's days, on rows in memory: a day's total changes by its
 * delta, and so does every cumulative total from that day on. `rows` are the type's rows
 * from the last one before the first changed day, in date order.
 */
function moveDays(move: Move, rows: AccrualDayRow[]): void {
  const { agreement, days } = move;
  const type = days[0]!.type;
  const base = { employeeId: agreement.employeeId, agreementId: agreement.id, accrualType: type };
  for (const { date, delta } of days) {
    let at = rows.findLastIndex((row) => row.date <= date);
    if (at < 0) {
      // A type with no row yet gets its row on the agreement's start date first.
      const opening = agreement.openingBalances.find((o) => o.accrualType === type);
      const cumulativeTotal = opening ? toStored(type, opening.total) : 0;
      rows.unshift({
        id: uuidv7(),
        ...base,
        date: agreement.startDate,
        dayTotal: 0,
        cumulativeTotal,
      });
      at = 0;
    }
    const nearest = rows[at]!;
    move.firstCumulative ??= nearest.cumulativeTotal + delta;
    if (nearest.date !== date) {
      const row = {
        id: uuidv7(),
        ...base,
        date,
        dayTotal: 0,
        cumulativeTotal: nearest.cumulativeTotal,
      };
      rows.splice((at += 1), 0, row);
    }
    const day = rows[at]!;
    day.dayTotal += delta;
    // A day left with nothing has no row, as in a fresh computation.
    if (day.dayTotal === 0 && date !== agreement.startDate) rows.splice(at, 1);
    for (const later of rows) if (later.date >= date) later.cumulativeTotal += delta;
  }
}

/**
 * Writes what the moves changed: the rows read that changed or went are deleted, and the
 * changed and new ones inserted, two statements (or a few, for many rows) for the batch.
 */
async function writeDays(
  em: EntityManager,
  stored: Map<string, StoredDay>,
  after: AccrualDayRow[],
) {
  const changed = after.filter((row) => {
    const was = stored.get(row.id);
    return !was || was.dayTotal !== row.dayTotal || was.cumulativeTotal !== row.cumulativeTotal;
  });
  const written = new Set(changed);
  const kept = new Set(after.filter((row) => !written.has(row)).map((row) => row.id));
  const gone = [...stored.keys()].filter((id) => !kept.has(id));
  for (const ids of chunks(gone)) await em.nativeDelete(AccrualDaySchema, { id: { $in: ids } });
  await insertRows(em, AccrualDaySchema, changed);
}

/**
 * `dropIfEmpty` for every move that took something away: a type the agreement does not
 * name loses its rows once none has anything. One query finds which still have something.
 */
async function dropEmptyTypes(em: EntityManager, moves: Move[]): Promise<void> {
  const candidates = moves.filter(({ agreement, days }) => {
    const named = [...agreement.targets, ...agreement.openingBalances];
    return days.some((day) => day.delta < 0) && !named.some((a) => a.accrualType === days[0]!.type);
  });
  if (candidates.length === 0) return;
  const where = candidates.map(({ agreement, days }) => ({
    agreementId: agreement.id,
    accrualType: days[0]!.type,
  }));
  const held = await em.find(
    AccrualDaySchema,
    { $or: where, dayTotal: { $ne: 0 } },
    { fields: ['agreementId', 'accrualType'], disableIdentityMap: true },
  );
  const kept = new Set(held.map((row) => `${row.agreementId}|${row.accrualType}`));
  const empty = where.filter((w) => !kept.has(`${w.agreementId}|${w.accrualType}`));
  if (empty.length > 0) await em.nativeDelete(AccrualDaySchema, { $or: empty });
}

/**
 * The versions of balance changes (`employeeId|type` each), in their order, counted in one
 * statement: a balance named twice (two agreements of one employee) takes two versions.
 */
async function nextBalanceVersions(em: EntityManager, ids: string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const table = sqlTable(em, BalanceVersionSchema.meta.className);
  // On PostgreSQL the ids and counts go as two arrays: written into the text, they cost
  // the server more to parse and plan than the rows cost to store.
  const counted = isPostgres(em)
    ? {
        rows: 'select * from unnest(?::text[], ?::int[])',
        params: [[...counts.keys()], [...counts.values()]],
      }
    : { rows: `values ${[...counts].map(() => '(?, ?)').join(', ')}`, params: [...counts].flat() };
  const rows = await queryBound<{ id: string; version: number }>(
    em,
    `insert into ${table} as v (id, version) ${counted.rows}
     on conflict (id) do update set version = v.version + excluded.version
     returning id, version`,
    counted.params,
  );
  // The last of a balance's changes takes the version stored; those before count up to it.
  const next = new Map(rows.map((row) => [row.id, Number(row.version) - counts.get(row.id)!]));
  return ids.map((id) => {
    const version = next.get(id)! + 1;
    next.set(id, version);
    return version;
  });
}

/** Each employee's status changes on their local day at `now`, read in two queries. */
async function statusesOf(
  em: EntityManager,
  changed: readonly { employeeId: string }[],
  agreements: Map<string, AgreementCopy[]>,
  places: Map<string, EmployeeCopy>,
  now: Date,
) {
  const covering = changed.flatMap(({ employeeId }) => {
    const on = localDate(now, places.get(employeeId)?.timeZone ?? DEFAULT_TIME_ZONE);
    const theirs = agreements.get(employeeId) ?? [];
    const agreement = theirs.find((a) => a.startDate <= on && on <= a.endDate);
    return agreement ? [{ employeeId, agreement, on }] : [];
  });
  const ids = covering.map((c) => c.agreement.id);
  const rows = await lastRowsOn(
    em,
    covering.map(({ agreement, on }) => ({ id: agreement.id, on })),
  );
  const seen = ids.length > 0 ? await seenStatuses(em, ids) : new Map();
  return new Map(
    covering.map(({ employeeId, agreement, on }) => {
      const mine = seen.get(agreement.id) ?? [];
      const changes = statusChanges(agreement, rows.get(agreement.id)!, mine, on);
      return [employeeId, { agreement, on, changes }] as const;
    }),
  );
}
