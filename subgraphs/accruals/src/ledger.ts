import { raw, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { DEFAULT_LOCATION, DEFAULT_TIME_ZONE, isPostgres, sqlTable } from '../../../runtime';
import { v7 as uuidv7 } from 'uuid';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  BalanceVersionSchema,
  ContributionSchema,
  EmployeeCopySchema,
  EntryCopySchema,
  isCounted,
  type AccrualDayRow,
  type AccrualType,
  type AgreementCopy,
  type Contribution,
  type EntryCopy,
} from './entities';
import { balanceChanged, type Emit } from './events';
import { contributionsOf } from './rules';

/** Where an employee's days fall: zone and public-holiday region, with defaults until known. */
async function placeOf(em: EntityManager, employeeId: string) {
  const copy = await em.findOne(EmployeeCopySchema, employeeId);
  return {
    zone: copy?.timeZone ?? DEFAULT_TIME_ZONE,
    location: copy?.location ?? DEFAULT_LOCATION,
  };
}

const covering = (agreements: AgreementCopy[], date: string) =>
  agreements.find((a) => a.startDate <= date && date <= a.endDate) ?? null;

/** What one entry adds, each day against the agreement covering it (or none), as plain rows. */
export function contributionRows(
  entry: EntryCopy,
  agreements: AgreementCopy[],
  place: { zone: string; location: string },
): Contribution[] {
  if (entry.deleted) return [];
  return contributionsOf(entry, place.zone, place.location).map((day) => ({
    id: uuidv7(),
    employeeId: entry.employeeId,
    agreementId: covering(agreements, day.date)?.id ?? null,
    entryId: entry.id,
    accrualType: day.accrualType,
    date: day.date,
    amount: day.amount,
  }));
}

/** Persists what one entry adds, each day against the agreement covering it (or none). */
export function addContributions(
  em: EntityManager,
  entry: EntryCopy,
  agreements: AgreementCopy[],
  place: { zone: string; location: string },
): Contribution[] {
  const rows = contributionRows(entry, agreements, place).map((row) =>
    em.create(ContributionSchema, row),
  );
  rows.forEach((row) => em.persist(row));
  return rows;
}

/**
 * Serialises the changes of one employee's balances across replicas: every change
 * rewrites the days after it, so two at once would each miss the other's. SQLite has a
 * single writer already.
 */
export async function lockEmployee(em: EntityManager, employeeId: string): Promise<void> {
  if (!isPostgres(em)) return;
  // em.execute runs inside em's transaction; the lock ends with it.
  await (em as SqlEntityManager).execute('select pg_advisory_xact_lock(hashtext(?))', [employeeId]);
}

/** What changes on each (agreement, type, day) when `before` is replaced by `after`. */
export function deltasOf(before: Contribution[], after: Contribution[]): Map<string, DayDelta[]> {
  const byDay = new Map<string, DayDelta>();
  const add = (c: Contribution, sign: number) => {
    if (!c.agreementId) return;
    const key = `${c.agreementId}|${c.accrualType}|${c.date}`;
    const day = byDay.get(key) ?? {
      agreementId: c.agreementId,
      type: c.accrualType,
      date: c.date,
      delta: 0,
    };
    day.delta += sign * c.amount;
    byDay.set(key, day);
  };
  before.forEach((c) => add(c, -1));
  after.forEach((c) => add(c, 1));
  const groups = new Map<string, DayDelta[]>();
  for (const day of byDay.values()) {
    if (day.delta === 0) continue;
    const key = `${day.agreementId}|${day.type}`;
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  for (const days of groups.values()) days.sort((a, b) => a.date.localeCompare(b.date));
  return groups;
}

export interface DayDelta {
  agreementId: string;
  type: AccrualType;
  date: string;
  delta: number;
}

/**
 * Replaces the contributions of some of one employee's entries with what they add now
 * (nothing once deleted) and moves every balance they touch forward from the changed days:
 * a day's total changes by the difference, and so does every cumulative total from that day
 * on. Entries changed together move each day once. The cost depends on the days the entries
 * touch, not on the length of the agreement. Runs inside the caller's transaction. Returns
 * the employee's agreements it read.
 */
export async function reapplyEntries(
  em: EntityManager,
  employeeId: string,
  entries: EntryCopy[],
  emit: Emit,
): Promise<AgreementCopy[]> {
  const entryId = { $in: entries.map((entry) => entry.id) };
  const old = await em.find(ContributionSchema, { entryId }, { disableIdentityMap: true });
  await em.nativeDelete(ContributionSchema, { entryId });
  const agreements = await em.find(AgreementCopySchema, { employeeId });
  const place = await placeOf(em, employeeId);
  const fresh = entries.flatMap((entry) => addContributions(em, entry, agreements, place));
  await em.flush();
  for (const days of deltasOf(old, fresh).values()) {
    const agreement = agreements.find((a) => a.id === days[0]!.agreementId);
    if (agreement) await moveForward(em, agreement, days, emit);
  }
  return agreements;
}

/** Applies one type's day deltas (sorted by date) to an agreement's day rows. */
async function moveForward(
  em: EntityManager,
  agreement: AgreementCopy,
  days: DayDelta[],
  emit: Emit,
): Promise<void> {
  const type = days[0]!.type;
  let firstCumulative: number | undefined;
  for (const { date, delta } of days) {
    const cumulative = await moveDay(em, agreement, type, date, delta);
    firstCumulative ??= cumulative;
  }
  if (days.some((day) => day.delta < 0)) await dropIfEmpty(em, agreement, type);
  await emitChange(em, agreement.employeeId, type, days[0]!.date, firstCumulative!, emit);
}

/**
 * Removes a type's rows once nothing is left in them, unless the agreement names the type
 * (a target or an opening): a fresh build has no rows for such a type either.
 */
async function dropIfEmpty(em: EntityManager, agreement: AgreementCopy, type: AccrualType) {
  const named = [...agreement.targets, ...agreement.openingBalances];
  if (named.some((amount) => amount.accrualType === type)) return;
  const where = { agreementId: agreement.id, accrualType: type };
  if ((await em.count(AccrualDaySchema, { ...where, dayTotal: { $ne: 0 } })) === 0)
    await em.nativeDelete(AccrualDaySchema, where);
}

/**
 * Changes one day's total by `delta`, and by as much every cumulative total from that day
 * on. Returns the day's new cumulative total.
 */
async function moveDay(
  em: EntityManager,
  agreement: AgreementCopy,
  type: AccrualType,
  date: string,
  delta: number,
): Promise<number> {
  const where = { agreementId: agreement.id, accrualType: type };
  // The day's own row, or else the one it continues from. A type with no row yet gets its
  // row on the agreement's start date first, as a fresh build has.
  const nearest =
    (await rowOnOrBefore(em, agreement.id, type, date)) ??
    (await insertStartRow(em, agreement, type));
  if (nearest.date !== date) {
    await em.insert(AccrualDaySchema, {
      id: uuidv7(),
      employeeId: agreement.employeeId,
      ...where,
      date,
      dayTotal: delta,
      cumulativeTotal: nearest.cumulativeTotal,
    });
  } else if (nearest.dayTotal + delta === 0 && date !== agreement.startDate) {
    // A day left with nothing has no row, as in a fresh computation.
    await em.nativeDelete(AccrualDaySchema, { id: nearest.id });
  } else {
    await em.nativeUpdate(
      AccrualDaySchema,
      { id: nearest.id },
      { dayTotal: nearest.dayTotal + delta },
    );
  }
  await (em as SqlEntityManager)
    .createQueryBuilder(AccrualDaySchema)
    .update({ cumulativeTotal: raw('cumulative_total + ?', [delta]) })
    .where({ ...where, date: { $gte: date } })
    .execute('run');
  return nearest.cumulativeTotal + delta;
}

/** The row on the agreement's start date that every type with days has, with its opening. */
async function insertStartRow(
  em: EntityManager,
  agreement: AgreementCopy,
  type: AccrualType,
): Promise<AccrualDayRow> {
  const opening = agreement.openingBalances.find((o) => o.accrualType === type);
  const row: AccrualDayRow = {
    id: uuidv7(),
    employeeId: agreement.employeeId,
    agreementId: agreement.id,
    accrualType: type,
    date: agreement.startDate,
    dayTotal: 0,
    cumulativeTotal: opening ? toStored(type, opening.total) : 0,
  };
  await em.insert(AccrualDaySchema, row);
  return row;
}

const rowOnOrBefore = (em: EntityManager, agreementId: string, type: AccrualType, date: string) =>
  em.findOne(
    AccrualDaySchema,
    { agreementId, accrualType: type, date: { $lte: date } },
    { orderBy: { date: 'desc' }, disableIdentityMap: true },
  );

/**
 * Recomputes everything of one employee: every entry's contributions against the
 * agreements as they are now, then every agreement's days. Used when agreements or the
 * employee's zone or location change, and so also places entries that had no agreement.
 * Returns the employee's agreements it read.
 */
export async function rebuildEmployee(
  em: EntityManager,
  employeeId: string,
  emit: Emit,
): Promise<AgreementCopy[]> {
  await em.nativeDelete(ContributionSchema, { employeeId });
  const agreements = await em.find(AgreementCopySchema, { employeeId });
  const entries = await em.find(EntryCopySchema, { employeeId, deleted: false });
  const place = await placeOf(em, employeeId);
  for (const entry of entries) addContributions(em, entry, agreements, place);
  await em.flush();
  for (const agreement of agreements) await rebuildDays(em, agreement, emit);
  return agreements;
}

/** The cumulative total on `date` from sparse rows sorted by date (undefined before the first). */
function cumulativeOn(rows: { date: string; cumulativeTotal: number }[], date: string) {
  let value: number | undefined;
  for (const row of rows) {
    if (row.date > date) break;
    value = row.cumulativeTotal;
  }
  return value;
}

const unitValue = (type: AccrualType, amount: number) =>
  isCounted(type) ? amount : Math.round((amount / 60) * 100) / 100;

/** Openings are given in hours (or counts); days are kept in minutes (or counts). */
export const toStored = (type: AccrualType, total: number) =>
  isCounted(type) ? Math.round(total) : Math.round(total * 60);

/**
 * One agreement's day rows from its contributions and opening balances, from the agreement
 * start to its end: a row for each day with something, and one on the start date for every
 * type it names or has days of.
 */
export function daysOf(agreement: AgreementCopy, contributions: Contribution[]): AccrualDayRow[] {
  const perType = new Map<AccrualType, Map<string, number>>();
  const dayMap = (type: AccrualType) => {
    let days = perType.get(type);
    if (!days) perType.set(type, (days = new Map()));
    return days;
  };
  for (const t of [...agreement.targets, ...agreement.openingBalances]) dayMap(t.accrualType);
  for (const c of contributions) {
    if (c.date < agreement.startDate || c.date > agreement.endDate) continue;
    const days = dayMap(c.accrualType);
    days.set(c.date, (days.get(c.date) ?? 0) + c.amount);
  }
  const rows: AccrualDayRow[] = [];
  for (const [type, days] of perType) {
    const opening = agreement.openingBalances.find((o) => o.accrualType === type);
    let cumulative = opening ? toStored(type, opening.total) : 0;
    if (!days.has(agreement.startDate)) days.set(agreement.startDate, 0);
    for (const date of [...days.keys()].sort()) {
      const dayTotal = days.get(date)!;
      cumulative += dayTotal;
      rows.push({
        id: uuidv7(),
        employeeId: agreement.employeeId,
        agreementId: agreement.id,
        accrualType: type,
        date,
        dayTotal,
        cumulativeTotal: cumulative,
      });
    }
  }
  return rows;
}

/** A type whose balance differs after a rebuild: its earliest changed day and total there. */
export interface BalanceMove {
  type: AccrualType;
  date: string;
  cumulative: number;
}

/** The types whose cumulative totals differ between `before` and `after` (sorted by date). */
export function balanceMoves(before: AccrualDayRow[], after: AccrualDayRow[]): BalanceMove[] {
  const types = new Set<AccrualType>([
    ...before.map((r) => r.accrualType),
    ...after.map((r) => r.accrualType),
  ]);
  const moves: BalanceMove[] = [];
  for (const type of types) {
    const was = before.filter((r) => r.accrualType === type);
    const now = after.filter((r) => r.accrualType === type);
    const dates = [...new Set([...was, ...now].map((r) => r.date))].sort();
    const date = dates.find((d) => cumulativeOn(was, d) !== cumulativeOn(now, d));
    if (date) moves.push({ type, date, cumulative: cumulativeOn(now, date) ?? 0 });
  }
  return moves;
}

/**
 * Rebuilds one agreement's day rows (`daysOf`) and emits `accruals.balance.changed` for
 * each type whose balance changed, naming the earliest changed day.
 */
export async function rebuildDays(
  em: EntityManager,
  agreement: AgreementCopy,
  emit: Emit,
): Promise<void> {
  const oldRows = await em.find(
    AccrualDaySchema,
    { agreementId: agreement.id },
    { orderBy: { date: 'asc' }, disableIdentityMap: true },
  );
  await em.nativeDelete(AccrualDaySchema, { agreementId: agreement.id });
  const contributions = await em.find(
    ContributionSchema,
    { agreementId: agreement.id },
    { disableIdentityMap: true },
  );
  const newRows = daysOf(agreement, contributions);
  for (const row of newRows) em.persist(em.create(AccrualDaySchema, row));
  await em.flush();
  for (const { type, date, cumulative } of balanceMoves(oldRows, newRows))
    await emitChange(em, agreement.employeeId, type, date, cumulative, emit);
}

/** Counts a balance's changes in one statement; the count is the version its event carries. */
async function nextBalanceVersion(em: EntityManager, id: string): Promise<number> {
  const table = sqlTable(em, BalanceVersionSchema.meta.className);
  const [row] = await (em as SqlEntityManager).execute<{ version: number }[]>(
    `insert into ${table} as v (id, version) values (?, 1)
     on conflict (id) do update set version = v.version + 1 returning version`,
    [id],
  );
  return Number(row!.version);
}

async function emitChange(
  em: EntityManager,
  employeeId: string,
  type: AccrualType,
  date: string,
  cumulative: number,
  emit: Emit,
) {
  const version = await nextBalanceVersion(em, `${employeeId}|${type}`);
  emit(balanceChanged(employeeId, type, date, unitValue(type, cumulative), version));
}

export { unitValue };
