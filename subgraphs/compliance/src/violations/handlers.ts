import type { EntityManager } from '@mikro-orm/core';
import { type CataloguedHandler, isEventOf } from '../../../../messaging';
import { emitting, type Emit } from '../events';
import type { ComplianceSettings } from '../settings';
import { DAY_PROCESSED, detectDayBreaches } from './dayBreaches';
import { detectHrException, TIME_ENTRY_EVENTS } from './hrException';
import { detectLatePattern, LATE_ARRIVAL_DETECTED } from './latePattern';
import { readsOf, readsOnce, type Reads } from './reads';

const TYPES = [DAY_PROCESSED, LATE_ARRIVAL_DETECTED, ...TIME_ENTRY_EVENTS] as const;

type Handler = CataloguedHandler<(typeof TYPES)[number]>;
type Event = Parameters<Handler['handle']>[0];

/** Finds the violations of one event, recording them with `emit`. */
function detect(event: Event, em: EntityManager, reads: Reads, emit: Emit, now: Date) {
  const rec = { em, reads, emit, now };
  if (isEventOf([DAY_PROCESSED], event)) return detectDayBreaches(rec, event);
  if (isEventOf([LATE_ARRIVAL_DETECTED], event)) return detectLatePattern(rec, event);
  return detectHrException(rec, event);
}

/**
 * Finds violations in attendance's and time's events, once per event (the inbox and the rows).
 * Every time entry and processed day reaches this consumer: a batch reads the people's zones
 * and the policies once, not once per event, and commits once.
 */
export const violationHandler = (settings: Pick<ComplianceSettings, 'now'>): Handler => ({
  name: 'violations',
  types: TYPES,
  handle: (event, { em, emit }) => detect(event, em, readsOf(em), emitting(emit), settings.now()),
  async handleBatch(events, { em, emit }) {
    const reads = readsOnce(
      em,
      events.map((event) => event.data.employeeId),
    );
    for (const event of events)
      await detect(event, em, reads, (draft) => emit(event, draft), settings.now());
  },
});
