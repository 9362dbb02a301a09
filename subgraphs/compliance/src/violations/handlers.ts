import type { CataloguedHandler, EventEnvelope } from '../../../../messaging';
import { emitting } from '../events';
import type { ComplianceSettings } from '../settings';
import { DAY_PROCESSED, detectDayBreaches } from './dayBreaches';
import { detectHrException, TIME_ENTRY_EVENTS } from './hrException';
import { detectLatePattern, LATE_ARRIVAL_DETECTED } from './latePattern';
import type { Recording } from './recordViolation';

type Detector = (rec: Recording, event: EventEnvelope) => Promise<void>;

const DETECTORS: Record<string, Detector> = {
  [DAY_PROCESSED]: detectDayBreaches,
  [LATE_ARRIVAL_DETECTED]: detectLatePattern,
  ...Object.fromEntries(TIME_ENTRY_EVENTS.map((type) => [type, detectHrException])),
};

/** Finds violations in attendance's and time's events, once per event (the inbox and the rows). */
export const violationHandler = (settings: Pick<ComplianceSettings, 'now'>): CataloguedHandler => ({
  name: 'violations',
  types: Object.keys(DETECTORS),
  handle: (event, { em, emit }) =>
    DETECTORS[event.type]?.({ em, emit: emitting(emit), now: settings.now() }, event),
});
