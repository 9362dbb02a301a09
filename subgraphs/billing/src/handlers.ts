import type { EntityManager } from '@mikro-orm/knex';
import { type CataloguedHandler, type EventEnvelope, isEventOf } from '../../../messaging';
import {
  localDate,
  PLACEMENT_EVENTS,
  type PlacementEvent,
  TIME_ENTRY_EVENTS,
  type TimeEntryEvent,
} from '../../../runtime';
import {
  blankEmployee,
  EmployeeCopySchema,
  EmployeeGradeSchema,
  type Dated,
  type EmployeeCopy,
  type EntryCopy,
} from './entities';
import { directStore, storedCopy, type LedgerStore } from './directStore';
import { LedgerBatch } from './LedgerBatch';
import {
  costCentre,
  ensureAccounts,
  entriesOf,
  liability,
  lockForPosting,
  rateBookFor,
} from './ledger';
import { DEFAULT_CURRENCY } from './money';
import { repost } from './repost';

type LedgerEvent = TimeEntryEvent | PlacementEvent;

/** The first day of time: the hiring record's grade and department hold for all earlier work. */
const BEGINNING = '0001-01-01';

/** The fields of the copy that keep their newest version, whatever order events come in. */
const LATEST_FIELDS = ['employeeNumber', 'location', 'timeZone', 'managerId'] as const;

const causeOf = (event: Pick<EventEnvelope, 'id' | 'type' | 'time'>) => ({
  eventId: event.id,
  type: event.type,
  occurredAt: new Date(event.time),
});

/**
 * A time entry event. The copy keeps the newest version: an older or equal version (a
 * duplicate, or one overtaken) changes nothing. A newer one reverses every live cost of the
 * entry and posts its cost now (nothing once deleted or while open). `store`: where it reads
 * and writes, by default the database itself.
 */
export async function applyEntryEvent(
  em: EntityManager,
  event: TimeEntryEvent,
  store: LedgerStore = directStore(em),
): Promise<void> {
  const { data } = event;
  await store.prepare([data.employeeId]);
  const copy = await store.entry(data.entryId);
  if (copy && copy.version >= data.version) return;
  const entry: EntryCopy = {
    id: data.entryId,
    employeeId: copy?.employeeId ?? data.employeeId,
    periodType: data.periodType,
    startTime: new Date(data.startTime),
    endTime: data.endTime ? new Date(data.endTime) : null,
    mealBreakMinutes: data.mealBreakMinutes,
    version: data.version,
    deleted: event.type === 'time.entry.deleted',
  };
  // A known entry's live costs are read back from the ledger.
  if (copy) await store.settle(entry.id);
  await store.saveEntry(entry, !!copy);
  const employee = await store.employee(entry.employeeId);
  const rates = await store.rates([employee]);
  await repost(em, [{ entry, employee }], 'all', causeOf(event), rates, {
    newEntries: !copy,
    writer: store,
  });
}

/**
 * An employees event. Grade and department are kept as histories (a change holds from the
 * local day of the event), so costs of earlier days keep their grade; location, zone and
 * manager keep their newest version per field, so events in any order end in one state.
 * Then the employee's entries are re-costed where anything changed (often nothing).
 */
export async function applyEmployeeEvent(
  em: EntityManager,
  event: PlacementEvent,
): Promise<EmployeeCopy> {
  const { employeeId, version } = event.data;
  await lockForPosting(em, [employeeId]);
  const existing = await storedCopy(em, EmployeeCopySchema, employeeId);
  const copy = existing ?? blankEmployee(employeeId);
  const created = event.type === 'employees.employee.created';
  const values = valuesOf(event);
  const from = created ? BEGINNING : localDate(new Date(event.time), copy.timeZone);
  const newGrades = applyValues(copy, values, { from, version });
  await saveEmployee(em, copy, !!existing, newGrades);

  // Accounts are opened on first sight of an employee, in the default currency.
  if (created && typeof values.department === 'string')
    await ensureAccounts(em, [
      costCentre(values.department, DEFAULT_CURRENCY),
      liability(copy, DEFAULT_CURRENCY),
    ]);

  const entries = await entriesOf(em, [copy.id]);
  if (!entries.length) return copy;
  const rates = await rateBookFor(em, [copy]);
  const items = entries.map((entry) => ({ entry, employee: copy }));
  await repost(em, items, 'diff', causeOf(event), rates);
  return copy;
}

/** What an employees event says of the fields billing keeps. */
function valuesOf(event: PlacementEvent): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (event.type === 'employees.employee.created') Object.assign(values, event.data);
  else if (event.type === 'employees.employee.updated') {
    for (const [field, change] of Object.entries(event.data.changes))
      if (change) values[field] = change.new;
  } else values.managerId = event.data.managerId ?? null;
  if (event.data.employeeNumber) values.employeeNumber ??= event.data.employeeNumber;
  return values;
}

/** Lays the values over the copy (`at`: the version and day they hold from); returns new grades. */
function applyValues(
  copy: EmployeeCopy,
  values: Record<string, unknown>,
  at: Omit<Dated, 'value'>,
): string[] {
  const newGrades: string[] = [];
  if (typeof values.grade === 'string') {
    copy.grades = addDated(copy.grades, { ...at, value: values.grade });
    newGrades.push(values.grade);
  }
  if (typeof values.department === 'string')
    copy.departments = addDated(copy.departments, { ...at, value: values.department });
  for (const field of LATEST_FIELDS) {
    if (!(field in values)) continue;
    if ((copy.fieldVersions[field] ?? 0) >= at.version) continue;
    const value = values[field];
    if (field === 'managerId') copy.managerId = typeof value === 'string' ? value : null;
    else if (typeof value === 'string') copy[field] = value;
    copy.fieldVersions = { ...copy.fieldVersions, [field]: at.version };
  }
  copy.version = Math.max(copy.version, at.version);
  return newGrades;
}

function addDated(history: Dated[], item: Dated): Dated[] {
  if (history.some((h) => h.version === item.version)) return history;
  return [...history, item];
}

/** Writes the copy, and the grades it holds for the first time. */
async function saveEmployee(
  em: EntityManager,
  copy: EmployeeCopy,
  exists: boolean,
  newGrades: string[],
): Promise<void> {
  const { id, ...row } = copy;
  if (exists) await em.nativeUpdate(EmployeeCopySchema, { id }, row);
  else await em.insert(EmployeeCopySchema, copy);
  if (newGrades.length)
    await em
      .createQueryBuilder(EmployeeGradeSchema)
      .insert(newGrades.map((grade) => ({ id: `${id}|${grade}`, employeeId: id, grade })))
      .onConflict()
      .ignore()
      .execute();
}

/**
 * Applies any event billing consumes, inside the caller's transaction. The runtime checked
 * it against the catalogue before it got here, so its data is the type's.
 */
export async function applyEvent(em: EntityManager, event: LedgerEvent): Promise<void> {
  if (isEventOf(TIME_ENTRY_EVENTS, event)) await applyEntryEvent(em, event);
  else if (isEventOf(PLACEMENT_EVENTS, event)) await applyEmployeeEvent(em, event);
}

/**
 * Applies events in order inside the caller's transaction, with exactly the effect of
 * {@link applyEvent} on each in turn, in far fewer statements: time entry events share one
 * {@link LedgerBatch}; an employees event (rare, and it re-costs from the stored ledger)
 * writes what the batch holds first, then goes alone.
 */
export async function applyEvents(em: EntityManager, events: LedgerEvent[]): Promise<void> {
  const entryIds = events.flatMap((e) => (isEventOf(TIME_ENTRY_EVENTS, e) ? [e.data.entryId] : []));
  const employeeIds = events.map((e) => e.data.employeeId);
  const batch = await LedgerBatch.open(em, entryIds, employeeIds);
  for (const event of events) {
    if (isEventOf(TIME_ENTRY_EVENTS, event)) await applyEntryEvent(em, event, batch);
    else if (isEventOf(PLACEMENT_EVENTS, event)) {
      await batch.flush();
      batch.employeeChanged(await applyEmployeeEvent(em, event));
    }
  }
  await batch.flush();
}

/**
 * One durable consumer for entries and employees, so an entry and the employee it needs
 * are applied in the order they were published (either order still ends in one ledger).
 */
export const ledgerHandler: CataloguedHandler<LedgerEvent['type']> = {
  name: 'ledger',
  types: [...TIME_ENTRY_EVENTS, ...PLACEMENT_EVENTS],
  handle: (event, { em }) => applyEvent(em as EntityManager, event),
  handleBatch: (events, { em }) => applyEvents(em as EntityManager, events as LedgerEvent[]),
};
