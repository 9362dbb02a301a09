import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  type CataloguedEvent,
  type CataloguedHandler,
  type EventEnvelope,
  type EventType,
  isEventOf,
} from '../../../messaging';
import { localDate, TIME_ENTRY_EVENTS, type TimeEntryEvent } from '../../../runtime';
import {
  blankEmployee,
  EmployeeCopySchema,
  EmployeeGradeSchema,
  EntryCopySchema,
  type Dated,
  type EmployeeCopy,
} from './entities';
import { ensureLedgerGuards } from './guards';
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

export const EMPLOYEE_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.manager.assigned',
] as const satisfies readonly EventType[];

type EmployeeEvent = CataloguedEvent<(typeof EMPLOYEE_EVENTS)[number]>;
type LedgerEvent = TimeEntryEvent | EmployeeEvent;

/** The first day of time: the hiring record's grade and department hold for all earlier work. */
const BEGINNING = '0001-01-01';

/** The fields of the copy that keep their newest version, whatever order events come in. */
const LATEST_FIELDS = ['employeeNumber', 'location', 'timeZone', 'managerId'] as const;

const causeOf = (event: Pick<EventEnvelope, 'id' | 'type' | 'time'>) => ({
  eventId: event.id,
  type: event.type,
  occurredAt: new Date(event.time),
});

/** A copy as stored, outside the identity map (the handler writes with native statements). */
const storedCopy = <T extends { id: string }>(
  em: EntityManager,
  schema: EntitySchema<T>,
  id: string,
): Promise<T | null> =>
  em.findOne(schema, { id } as FilterQuery<T>, { disableIdentityMap: true }) as Promise<T | null>;

/**
 * A time entry event. The copy keeps the newest version: an older or equal version (a
 * duplicate, or one overtaken) changes nothing. A newer one reverses every live cost of the
 * entry and posts its cost now (nothing once deleted or while open).
 */
export async function applyEntryEvent(em: EntityManager, event: TimeEntryEvent): Promise<void> {
  const { data } = event;
  await ensureLedgerGuards(em);
  await lockForPosting(em, [data.employeeId]);
  const copy = await storedCopy(em, EntryCopySchema, data.entryId);
  if (copy && copy.version >= data.version) return;
  const fields = {
    employeeId: copy?.employeeId ?? data.employeeId,
    periodType: data.periodType,
    startTime: new Date(data.startTime),
    endTime: data.endTime ? new Date(data.endTime) : null,
    mealBreakMinutes: data.mealBreakMinutes,
    version: data.version,
    deleted: event.type === 'time.entry.deleted',
  };
  if (copy) await em.nativeUpdate(EntryCopySchema, { id: data.entryId }, fields);
  else await em.insert(EntryCopySchema, { id: data.entryId, ...fields });
  const employee = await storedCopy(em, EmployeeCopySchema, fields.employeeId);
  const rates = await rateBookFor(em, [employee]);
  await repost(
    em,
    [{ entry: { id: data.entryId, ...fields }, employee }],
    'all',
    causeOf(event),
    rates,
    { newEntries: !copy },
  );
}

/**
 * An employees event. Grade and department are kept as histories (a change holds from the
 * local day of the event), so costs of earlier days keep their grade; location, zone and
 * manager keep their newest version per field, so events in any order end in one state.
 * Then the employee's entries are re-costed where anything changed (often nothing).
 */
export async function applyEmployeeEvent(em: EntityManager, event: EmployeeEvent): Promise<void> {
  const { employeeId, version } = event.data;
  await ensureLedgerGuards(em);
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
  if (!entries.length) return;
  const rates = await rateBookFor(em, [copy]);
  const items = entries.map((entry) => ({ entry, employee: copy }));
  await repost(em, items, 'diff', causeOf(event), rates);
}

/** What an employees event says of the fields billing keeps. */
function valuesOf(event: EmployeeEvent): Record<string, unknown> {
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
  if (isEventOf(TIME_ENTRY_EVENTS, event)) return applyEntryEvent(em, event);
  if (isEventOf(EMPLOYEE_EVENTS, event)) return applyEmployeeEvent(em, event);
}

/**
 * One durable consumer for entries and employees, so an entry and the employee it needs
 * are applied in the order they were published (either order still ends in one ledger).
 */
export const ledgerHandler: CataloguedHandler<LedgerEvent['type']> = {
  name: 'ledger',
  types: [...TIME_ENTRY_EVENTS, ...EMPLOYEE_EVENTS],
  handle: (event, { em }) => applyEvent(em as EntityManager, event),
};
