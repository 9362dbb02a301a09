import type { CataloguedEvent, EventType } from '../../messaging';

/** The events of an agreement's life: every one carries the whole current version. */
export const AGREEMENT_EVENTS = [
  'agreements.agreement.created',
  'agreements.agreement.amended',
  'agreements.agreement.ended',
] as const satisfies readonly EventType[];
export type AgreementEvent = CataloguedEvent<(typeof AGREEMENT_EVENTS)[number]>;

/** The events of a time entry's life. */
export const TIME_ENTRY_EVENTS = [
  'time.entry.recorded',
  'time.entry.amended',
  'time.entry.deleted',
] as const satisfies readonly EventType[];
export type TimeEntryEvent = CataloguedEvent<(typeof TIME_ENTRY_EVENTS)[number]>;

/** The employees events that say where an employee works and whom they report to. */
export const PLACEMENT_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.manager.assigned',
] as const satisfies readonly EventType[];
export type PlacementEvent = CataloguedEvent<(typeof PLACEMENT_EVENTS)[number]>;
