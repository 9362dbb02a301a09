import type { CataloguedEvent, EventData, EventType } from '../../../../messaging';
import { localDate, policyLabel, policyRef } from '../../../../runtime';
import { dayStart } from './employeeDays';
import { recordViolation, type Recording } from './recordViolation';
import { days, listed } from './words';

export const TIME_ENTRY_EVENTS = [
  'time.entry.recorded',
  'time.entry.amended',
] as const satisfies readonly EventType[];

type EntryEventType = (typeof TIME_ENTRY_EVENTS)[number];

/** A time entry's event, which an exception is read from. */
type ExceptionalEntry = EventData<EntryEventType>;

/** The local days an entry covers; an end at midnight belongs to the day before. */
function entryDays(entry: ExceptionalEntry, zone: string): { from: string; to: string } {
  const start = new Date(entry.startTime);
  const end = entry.endTime ? new Date(entry.endTime) : start;
  const last = end > start ? new Date(end.getTime() - 1) : start;
  return { from: localDate(start, zone), to: localDate(last, zone) };
}

/**
 * A time entry recorded or amended under HR's exception to working-time rules is one
 * violation naming the waived rules and HR's reason; an entry without one is none (a
 * refused entry never reaches an event at all).
 */
export async function detectHrException(
  rec: Recording,
  event: CataloguedEvent<EntryEventType>,
): Promise<void> {
  const entry = event.data;
  const exception = entry.complianceException;
  if (!exception) return;
  const zone = await rec.reads.zoneOf(entry.employeeId);
  const { from, to } = entryDays(entry, zone);
  const policy = await rec.reads.policyAt('WORKING_TIME', 'DEFAULT', dayStart(from, zone));
  const ref = policyRef(policy);
  await recordViolation(rec, {
    employeeId: entry.employeeId,
    rule: 'HR_EXCEPTION',
    message:
      `HR recorded time ${days(from, to)} under an exception to ${listed(exception.rules)} ` +
      `(${policyLabel(ref)}). Reason: ${exception.reason}`,
    fromDate: from,
    toDate: to,
    policy: ref,
    details: { waivedRules: exception.rules, reason: exception.reason },
    source: event.type,
    sourceEventId: event.id,
  });
}
