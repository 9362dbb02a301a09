import { type CataloguedHandler, handleEachInBatch, isEventOf } from '../../../../messaging';
import { emitting } from '../events';
import type { ComplianceSettings } from '../settings';
import { DAY_PROCESSED, detectDayBreaches } from './dayBreaches';
import { detectHrException, TIME_ENTRY_EVENTS } from './hrException';
import { detectLatePattern, LATE_ARRIVAL_DETECTED } from './latePattern';
import type { Recording } from './recordViolation';

const TYPES = [DAY_PROCESSED, LATE_ARRIVAL_DETECTED, ...TIME_ENTRY_EVENTS] as const;

type Handler = CataloguedHandler<(typeof TYPES)[number]>;

/** Finds violations in attendance's and time's events, once per event (the inbox and the rows). */
export const violationHandler = (settings: Pick<ComplianceSettings, 'now'>): Handler => {
  const handle: Handler['handle'] = async (event, { em, emit }) => {
    const rec: Recording = { em, emit: emitting(emit), now: settings.now() };
    if (isEventOf([DAY_PROCESSED], event)) return detectDayBreaches(rec, event);
    if (isEventOf([LATE_ARRIVAL_DETECTED], event)) return detectLatePattern(rec, event);
    return detectHrException(rec, event);
  };
  // Every time entry reaches this consumer: under load it commits once per batch, not per entry.
  return { name: 'violations', types: TYPES, handle, handleBatch: handleEachInBatch(handle) };
};
