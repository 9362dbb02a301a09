import type { EntityManager } from '@mikro-orm/core';
import {
  type CataloguedHandler,
  type CataloguedDraft,
  insertNewRows,
  isEventOf,
  upsertRows,
} from '../../../messaging';
import {
  AGREEMENT_EVENTS,
  type AgreementEvent,
  type CopyKeeping,
  createStatisticsRefresh,
  DEFAULT_LOCATION,
  DEFAULT_TIME_ZONE,
  findIn,
  keepNewest,
  newerRow,
  patchKeeping,
  PLACEMENT_EVENTS,
  type PlacementEvent,
  TIME_ENTRY_EVENTS,
  type TimeEntryEvent,
  updateEmployeeCopy,
} from '../../../runtime';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  ContributionSchema,
  EmployeeCopySchema,
  EntryCopySchema,
  SeenCorrelationSchema,
  type AgreementCopy,
  type EmployeeCopy,
  type EntryCopy,
} from './entities';
import { checkEmployeeStatus } from './balanceStatus';
import { emitting, type Emit } from './events';
import { lockEmployee, rebuildEmployee, reapplyEntries } from './ledger';
import { lockEmployees, reapplyEntriesOfMany, type ChangedEntries } from './ledgerBatch';
import { rebuildEmployees, type Rebuilt } from './rebuildBatch';

type LedgerEvent = TimeEntryEvent | AgreementEvent | PlacementEvent;

/** Accruals keeps zone, location and manager of each employee. */
const employeeCopy: CopyKeeping<EmployeeCopy> = {
  schema: EmployeeCopySchema,
  patch: patchKeeping(['location', 'timeZone', 'managerId']),
  blank: () => ({ location: DEFAULT_LOCATION, timeZone: DEFAULT_TIME_ZONE, managerId: null }),
  dated: false,
};

/** Remembers that events of these chains were applied, for `accrualsConsistency`. */
async function remember(em: EntityManager, seen: { correlationId: string; eventType: string }[]) {
  const appliedAt = new Date();
  await insertNewRows(
    em,
    SeenCorrelationSchema,
    seen.map((row) => ({ ...row, appliedAt })),
  );
}

/** The chains an event belongs to: its own, and the one an agreement names as its cause. */
function chainsOf(event: LedgerEvent) {
  const ids = [event.correlationid];
  if (isEventOf(AGREEMENT_EVENTS, event) && event.data.correlationId)
    ids.push(event.data.correlationId);
  // The first event of a chain names it, as applying them one at a time would.
  return [...new Set(ids)].map((correlationId) => ({ correlationId, eventType: event.type }));
}

/**
 * Each event takes the employee's lock first, so replicas apply one employee's events one
 * at a time and the version checks below cannot race; then it is remembered.
 */
async function begin(em: EntityManager, event: LedgerEvent) {
  await lockEmployee(em, event.data.employeeId);
  await remember(em, chainsOf(event));
}

const entryFields = ({ type, data }: TimeEntryEvent): Omit<EntryCopy, 'id'> => ({
  employeeId: data.employeeId,
  periodType: data.periodType,
  startTime: new Date(data.startTime),
  endTime: data.endTime ? new Date(data.endTime) : null,
  mealBreakMinutes: data.mealBreakMinutes,
  version: data.version,
  deleted: type === 'time.entry.deleted',
});

/**
 * A time entry event: the copy takes the new version, then the entry's contributions are
 * replaced and the touched balances moved.
 */
export async function applyEntryEvent(
  em: EntityManager,
  event: TimeEntryEvent,
  emit: Emit,
  now: Date,
) {
  const { employeeId, entryId } = event.data;
  await begin(em, event);
  const copy = await keepNewest(em, EntryCopySchema, entryId, entryFields(event));
  if (!copy) return;
  await reapplyEntries(em, employeeId, [copy], emit);
  await checkEmployeeStatus(em, employeeId, now, emit);
}

const agreementFields = ({ data }: AgreementEvent): Omit<AgreementCopy, 'id'> => ({
  employeeId: data.employeeId,
  startDate: data.startDate,
  endDate: data.endDate,
  targets: data.targets,
  openingBalances: data.openingBalances,
  version: data.version,
});

/** Keeps the newest version of an agreement; true when it changed the copy. */
async function keepAgreement(em: EntityManager, event: AgreementEvent): Promise<boolean> {
  const { agreementId } = event.data;
  return (await keepNewest(em, AgreementCopySchema, agreementId, agreementFields(event))) !== null;
}

/**
 * Keeps zone, location and manager; true when zone or location changed, which moves day
 * boundaries and holidays.
 */
async function keepEmployee(em: EntityManager, event: PlacementEvent): Promise<boolean> {
  const change = await updateEmployeeCopy(em, event, employeeCopy);
  if (!change) return false;
  const before = change.before ?? { location: DEFAULT_LOCATION, timeZone: DEFAULT_TIME_ZONE };
  const { after } = change;
  return before.location !== after.location || before.timeZone !== after.timeZone;
}

/** An agreement or employees event: where it changes what days count, all is recomputed. */
async function applyEmployeeWideEvent(
  em: EntityManager,
  event: AgreementEvent | PlacementEvent,
  emit: Emit,
  now: Date,
) {
  const { employeeId } = event.data;
  await begin(em, event);
  const changed = isEventOf(AGREEMENT_EVENTS, event)
    ? await keepAgreement(em, event)
    : await keepEmployee(em, event);
  if (!changed) return;
  await rebuildEmployee(em, employeeId, emit);
  await checkEmployeeStatus(em, employeeId, now, emit);
}

/**
 * Applies any event accruals consumes (checked against the catalogue before it gets
 * here); where balances changed, their status is checked on the employee's local day at
 * `now`.
 */
export async function applyEvent(
  em: EntityManager,
  event: LedgerEvent,
  emit: Emit,
  now: Date = new Date(),
) {
  if (isEventOf(TIME_ENTRY_EVENTS, event)) return applyEntryEvent(em, event, emit, now);
  return applyEmployeeWideEvent(em, event, emit, now);
}

/**
 * The copies a batch's events name, read as plain rows in one statement a kind, by id, and
 * the ids of those the batch changed: they are written together at its end.
 */
interface BatchCopies {
  entries: Map<string, EntryCopy>;
  agreements: Map<string, AgreementCopy>;
  changedEntries: Set<string>;
  changedAgreements: Set<string>;
  /** Agreements that had no copy before the batch, so no day rows either. */
  newAgreements: Set<string>;
}

async function copiesOf(em: EntityManager, events: LedgerEvent[]): Promise<BatchCopies> {
  const entryIds = new Set<string>();
  const agreementIds = new Set<string>();
  for (const event of events) {
    if (isEventOf(TIME_ENTRY_EVENTS, event)) entryIds.add(event.data.entryId);
    else if (isEventOf(AGREEMENT_EVENTS, event)) agreementIds.add(event.data.agreementId);
  }
  const plain = { disableIdentityMap: true } as const;
  const byId = <T extends { id: string }>(found: T[]) => new Map(found.map((c) => [c.id, c]));
  return {
    entries: byId(
      entryIds.size > 0 ? await findIn(em, EntryCopySchema, 'id', [...entryIds], plain) : [],
    ),
    agreements: byId(
      agreementIds.size > 0
        ? await findIn(em, AgreementCopySchema, 'id', [...agreementIds], plain)
        : [],
    ),
    changedEntries: new Set(),
    changedAgreements: new Set(),
    newAgreements: new Set(),
  };
}

/** Stores the copies the batch changed, in one statement a kind. */
async function storeCopies(em: EntityManager, copies: BatchCopies): Promise<void> {
  const rows = <T>(known: Map<string, T>, ids: Set<string>) => [...ids].map((id) => known.get(id)!);
  await upsertRows(em, EntryCopySchema, rows(copies.entries, copies.changedEntries));
  await upsertRows(em, AgreementCopySchema, rows(copies.agreements, copies.changedAgreements));
}

/**
 * Keeps the copies of one employee's events of a batch, with the end state of one at a time:
 * entry and agreement copies take their newest versions. Says whether an agreement, zone or
 * location changed (then the employee is recomputed), and which entries changed.
 */
async function keepEmployeeEvents(em: EntityManager, events: LedgerEvent[], copies: BatchCopies) {
  const changed = new Map<string, EntryCopy>();
  let recompute = false;
  for (const event of events) {
    if (isEventOf(TIME_ENTRY_EVENTS, event)) {
      const copy = newerRow(copies.entries, event.data.entryId, entryFields(event));
      if (copy) changed.set(copy.id, copy);
    } else if (isEventOf(AGREEMENT_EVENTS, event)) {
      const { agreementId } = event.data;
      const known = copies.agreements.has(agreementId);
      if (newerRow(copies.agreements, agreementId, agreementFields(event))) {
        if (!known) copies.newAgreements.add(agreementId);
        copies.changedAgreements.add(agreementId);
        recompute = true;
      }
    } else {
      // The employee copy is kept by statements that read what is stored.
      await em.flush();
      recompute = (await keepEmployee(em, event)) || recompute;
    }
  }
  for (const id of changed.keys()) copies.changedEntries.add(id);
  return { recompute, entries: [...changed.values()] };
}

/**
 * Applies events that arrived together: the employees' locks in one statement, one look-up
 * of the copies, the recomputed employees rebuilt together and every other employee's
 * changed entries moved together, their status checked once. What it emits is caused by
 * the employee's last event in the batch.
 */
export async function applyEvents(
  em: EntityManager,
  events: LedgerEvent[],
  emit: (cause: LedgerEvent, draft: CataloguedDraft) => void,
  now: Date = new Date(),
) {
  const byEmployee = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const list = byEmployee.get(event.data.employeeId);
    if (list) list.push(event);
    else byEmployee.set(event.data.employeeId, [event]);
  }
  const employeeIds = [...byEmployee.keys()].sort();
  await lockEmployees(em, employeeIds);
  await remember(em, uniqueChains(events));
  const copies = await copiesOf(em, events);
  const changed: ChangedEntries[] = [];
  const rebuilt: Rebuilt[] = [];
  for (const employeeId of employeeIds) {
    const mine = byEmployee.get(employeeId)!;
    const cause = mine[mine.length - 1]!;
    const emitFor: Emit = (draft) => emit(cause, draft);
    const { recompute, entries } = await keepEmployeeEvents(em, mine, copies);
    if (recompute) rebuilt.push({ employeeId, emit: emitFor });
    else if (entries.length > 0) changed.push({ employeeId, entries, emit: emitFor });
  }
  await storeCopies(em, copies);
  await em.flush();
  await rebuildEmployees(em, rebuilt, now, copies.newAgreements);
  await reapplyEntriesOfMany(em, changed, now);
}

/** Every chain of the events once, named by its first event. */
function uniqueChains(events: LedgerEvent[]) {
  const chains = new Map<string, { correlationId: string; eventType: string }>();
  for (const chain of events.flatMap(chainsOf))
    if (!chains.has(chain.correlationId)) chains.set(chain.correlationId, chain);
  return [...chains.values()];
}

/**
 * One durable consumer for every event accruals reads, so an entry and the agreement or
 * zone it depends on are applied in the order they were published.
 */
export function createLedgerHandler(now: () => Date): CataloguedHandler<LedgerEvent['type']> {
  const refreshStatistics = createStatisticsRefresh(LEDGER_TABLES);
  let applied = 0;
  return {
    name: 'ledger',
    types: [...TIME_ENTRY_EVENTS, ...AGREEMENT_EVENTS, ...PLACEMENT_EVENTS],
    handle: async (event, { em, emit }) => {
      await applyEvent(em, event, emitting(emit), now());
      await refreshStatistics(em, ++applied);
    },
    handleBatch: async (events, { em, emit }) => {
      await applyEvents(em, events, emit, now());
      await refreshStatistics(em, (applied += events.length));
    },
  };
}

/**
 * The tables the ledger reads by lists of employees and agreements. A catch-up (the rebuild
 * after an import) grows them from empty faster than autovacuum analyzes them, and without
 * statistics each of those reads is a sequential scan.
 */
const LEDGER_TABLES = [
  AgreementCopySchema,
  EmployeeCopySchema,
  EntryCopySchema,
  AccrualDaySchema,
  ContributionSchema,
].map((schema) => schema.meta.className);
