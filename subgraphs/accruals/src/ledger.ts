import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { EventDraft } from '../../../messaging/src/types';
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
  type EntryCopy,
} from './entities';
import { contributionsOf, DEFAULT_LOCATION, DEFAULT_TIME_ZONE } from './rules';

export const BALANCE_CHANGED = 'accruals.balance.changed';

type Emit = (draft: EventDraft) => void;

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

/** Persists what one entry adds, each day against the agreement covering it (or none). */
function addContributions(
  em: EntityManager,
  entry: EntryCopy,
  agreements: AgreementCopy[],
  place: { zone: string; location: string },
): Set<string> {
  const touched = new Set<string>();
  if (entry.deleted) return touched;
  for (const day of contributionsOf(entry, place.zone, place.location)) {
    const agreement = covering(agreements, day.date);
    if (agreement) touched.add(agreement.id);
    em.persist(
      em.create(ContributionSchema, {
        id: uuidv7(),
        employeeId: entry.employeeId,
        agreementId: agreement?.id ?? null,
        entryId: entry.id,
        accrualType: day.accrualType,
        date: day.date,
        amount: day.amount,
      }),
    );
  }
  return touched;
}

/**
 * Replaces one entry's contributions everywhere with what it adds now (nothing once
 * deleted) and rebuilds the days of every agreement either touches. Runs inside the
 * caller's transaction.
 */
export async function reapplyEntry(em: EntityManager, entry: EntryCopy, emit: Emit): Promise<void> {
  const old = await em.find(
    ContributionSchema,
    { entryId: entry.id },
    { disableIdentityMap: true },
  );
  const touched = new Set(old.map((c) => c.agreementId).filter((id): id is string => !!id));
  await em.nativeDelete(ContributionSchema, { entryId: entry.id });
  const agreements = await em.find(AgreementCopySchema, { employeeId: entry.employeeId });
  const place = await placeOf(em, entry.employeeId);
  addContributions(em, entry, agreements, place).forEach((id) => touched.add(id));
  await em.flush();
  for (const agreement of agreements.filter((a) => touched.has(a.id)))
    await rebuildDays(em, agreement, emit);
}

/**
 * Recomputes everything of one employee: every entry's contributions against the
 * agreements as they are now, then every agreement's days. Used when agreements or the
 * employee's zone or location change, and so also places entries that had no agreement.
 */
export async function rebuildEmployee(
  em: EntityManager,
  employeeId: string,
  emit: Emit,
): Promise<void> {
  await em.nativeDelete(ContributionSchema, { employeeId });
  const agreements = await em.find(AgreementCopySchema, { employeeId });
  const entries = await em.find(EntryCopySchema, { employeeId, deleted: false });
  const place = await placeOf(em, employeeId);
  for (const entry of entries) addContributions(em, entry, agreements, place);
  await em.flush();
  for (const agreement of agreements) await rebuildDays(em, agreement, emit);
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
 * Rebuilds one agreement's day rows from its contributions and opening balances, from the
 * agreement start to its end, and emits `accruals.balance.changed` for each type whose
 * balance changed, naming the earliest changed day.
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

  const newRows: AccrualDayRow[] = [];
  for (const [type, days] of perType) {
    const opening = agreement.openingBalances.find((o) => o.accrualType === type);
    let cumulative = opening ? toStored(type, opening.total) : 0;
    if (!days.has(agreement.startDate)) days.set(agreement.startDate, 0);
    for (const date of [...days.keys()].sort()) {
      const dayTotal = days.get(date)!;
      cumulative += dayTotal;
      newRows.push({
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
  for (const row of newRows) em.persist(em.create(AccrualDaySchema, row));
  await em.flush();

  const types = new Set<AccrualType>([
    ...oldRows.map((r) => r.accrualType),
    ...newRows.map((r) => r.accrualType),
  ]);
  for (const type of types) {
    const before = oldRows.filter((r) => r.accrualType === type);
    const after = newRows.filter((r) => r.accrualType === type);
    const dates = [...new Set([...before, ...after].map((r) => r.date))].sort();
    const changed = dates.find((d) => cumulativeOn(before, d) !== cumulativeOn(after, d));
    if (changed) await emitChange(em, agreement.employeeId, type, changed, after, emit);
  }
}

async function emitChange(
  em: EntityManager,
  employeeId: string,
  type: AccrualType,
  date: string,
  after: { date: string; cumulativeTotal: number }[],
  emit: Emit,
) {
  const id = `${employeeId}|${type}`;
  let counter = await em.findOne(BalanceVersionSchema, id);
  if (!counter) {
    counter = em.create(BalanceVersionSchema, { id, version: 0 });
    em.persist(counter);
  }
  counter.version += 1;
  await em.flush();
  emit({
    type: BALANCE_CHANGED,
    subject: employeeId,
    data: {
      employeeId,
      accrualType: type,
      date,
      cumulative: unitValue(type, cumulativeOn(after, date) ?? 0),
      version: counter.version,
    },
  });
}

export { unitValue };
