import type { EntityManager } from '@mikro-orm/knex';
import { DEFAULT_LOCATION, DEFAULT_TIME_ZONE, localDate } from '../../../runtime/src/calendar';
import type { EventEnvelope, EventHandlerDefinition } from '../../../messaging/src/types';
import {
  EmployeeCopySchema,
  EmployeeGradeSchema,
  EntryCopySchema,
  type Dated,
  type EmployeeCopy,
} from './entities';
import { ensureLedgerGuards } from './guards';
import { DEFAULT_CURRENCY } from './money';
import {
  costCentre,
  ensureAccounts,
  entriesOf,
  liability,
  lockForPosting,
  rateBookFor,
  repost,
} from './ledger';

export const ENTRY_EVENTS = ['time.entry.recorded', 'time.entry.amended', 'time.entry.deleted'];
export const EMPLOYEE_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.manager.assigned',
];

/** The first day of time: the hiring record's grade and department hold for all earlier work. */
const BEGINNING = '0001-01-01';

interface EntryData {
  employeeId: string;
  entryId: string;
  version: number;
  periodType: string;
  startTime: string;
  endTime: string | null;
  mealBreakMinutes: number;
}

interface EmployeeData {
  employeeId: string;
  employeeNumber?: string;
  version: number;
  department?: string;
  grade?: string;
  location?: string;
  timeZone?: string;
  managerId?: string | null;
  changes?: Record<string, { new: unknown } | undefined>;
}

const causeOf = (event: EventEnvelope) => ({
  eventId: event.id,
  type: event.type,
  occurredAt: new Date(event.time),
});

/**
 * A time entry event. The copy keeps the newest version: an older or equal version (a
 * duplicate, or one overtaken) changes nothing. A newer one reverses every live cost of the
 * entry and posts its cost now (nothing once deleted or while open).
 */
export async function applyEntryEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  const data = event.data as unknown as EntryData;
  await ensureLedgerGuards(em);
  await lockForPosting(em, [data.employeeId]);
  const copy = await em.findOne(
    EntryCopySchema,
    { id: data.entryId },
    { disableIdentityMap: true },
  );
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
  const employee = await em.findOne(
    EmployeeCopySchema,
    { id: fields.employeeId },
    { disableIdentityMap: true },
  );
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

function addDated(history: Dated[], item: Dated): Dated[] {
  if (history.some((h) => h.version === item.version)) return history;
  return [...history, item];
}

/**
 * An employees event. Grade and department are kept as histories (a change holds from the
 * local day of the event), so costs of earlier days keep their grade; location, zone and
 * manager keep their newest version per field, so events in any order end in one state.
 * Then the employee's entries are re-costed where anything changed (often nothing).
 */
export async function applyEmployeeEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  const data = event.data as unknown as EmployeeData;
  await ensureLedgerGuards(em);
  await lockForPosting(em, [data.employeeId]);
  const existing = await em.findOne(
    EmployeeCopySchema,
    { id: data.employeeId },
    { disableIdentityMap: true },
  );
  const copy: EmployeeCopy = existing ?? {
    id: data.employeeId,
    employeeNumber: null,
    grades: [],
    departments: [],
    location: DEFAULT_LOCATION,
    timeZone: DEFAULT_TIME_ZONE,
    managerId: null,
    fieldVersions: {},
    version: 0,
  };
  const created = event.type === 'employees.employee.created';
  const values: Record<string, unknown> = {};
  if (created) {
    Object.assign(values, data);
  } else if (event.type === 'employees.employee.updated') {
    for (const [field, change] of Object.entries(data.changes ?? {}))
      if (change) values[field] = change.new;
  } else if (event.type === 'employees.manager.assigned') {
    values.managerId = data.managerId ?? null;
  }
  if (data.employeeNumber) values.employeeNumber ??= data.employeeNumber;

  const from = created ? BEGINNING : localDate(new Date(event.time), copy.timeZone);
  const newGrades: string[] = [];
  if (typeof values.grade === 'string') {
    copy.grades = addDated(copy.grades, { from, version: data.version, value: values.grade });
    newGrades.push(values.grade);
  }
  if (typeof values.department === 'string')
    copy.departments = addDated(copy.departments, {
      from,
      version: data.version,
      value: values.department,
    });
  for (const field of ['employeeNumber', 'location', 'timeZone', 'managerId'] as const) {
    if (!(field in values)) continue;
    if ((copy.fieldVersions[field] ?? 0) >= data.version) continue;
    const value = values[field];
    if (field === 'managerId') copy.managerId = typeof value === 'string' ? value : null;
    else if (typeof value === 'string') copy[field] = value;
    copy.fieldVersions = { ...copy.fieldVersions, [field]: data.version };
  }
  copy.version = Math.max(copy.version, data.version);

  const row = {
    employeeNumber: copy.employeeNumber,
    grades: copy.grades,
    departments: copy.departments,
    location: copy.location,
    timeZone: copy.timeZone,
    managerId: copy.managerId,
    fieldVersions: copy.fieldVersions,
    version: copy.version,
  };
  if (existing) await em.nativeUpdate(EmployeeCopySchema, { id: copy.id }, row);
  else await em.insert(EmployeeCopySchema, { id: copy.id, ...row });
  if (newGrades.length)
    await em
      .createQueryBuilder(EmployeeGradeSchema)
      .insert(newGrades.map((grade) => ({ id: `${copy.id}|${grade}`, employeeId: copy.id, grade })))
      .onConflict()
      .ignore()
      .execute();

  // Accounts are opened on first sight of an employee, in the default currency.
  if (created && typeof values.department === 'string')
    await ensureAccounts(em, [
      costCentre(values.department, DEFAULT_CURRENCY),
      liability(copy, DEFAULT_CURRENCY),
    ]);

  const entries = await entriesOf(em, [copy.id]);
  if (!entries.length) return;
  const rates = await rateBookFor(em, [copy]);
  await repost(
    em,
    entries.map((entry) => ({ entry, employee: copy })),
    'diff',
    causeOf(event),
    rates,
  );
}

/** Applies any event billing consumes, inside the caller's transaction. */
export async function applyEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  if (ENTRY_EVENTS.includes(event.type)) return applyEntryEvent(em, event);
  if (EMPLOYEE_EVENTS.includes(event.type)) return applyEmployeeEvent(em, event);
}

/**
 * One durable consumer for entries and employees, so an entry and the employee it needs
 * are applied in the order they were published (either order still ends in one ledger).
 */
export const ledgerHandler: EventHandlerDefinition = {
  name: 'ledger',
  types: [...ENTRY_EVENTS, ...EMPLOYEE_EVENTS],
  handle: (event, { em }) => applyEvent(em as EntityManager, event),
};
