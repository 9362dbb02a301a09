import type { EventData } from '../../../../messaging';
import { nameOf, plural, str, to, type Template } from './wording';

export const lateArrival: Template<'attendance.late_arrival.detected'> = async (
  d,
  dir,
  dedupeKey,
) => {
  const who = await nameOf(dir, d.employeeId);
  return to([d.managerId], {
    type: 'LATE_ARRIVAL',
    title: `${who} arrived late`,
    body: `${who} checked in ${plural(Number(d.lateByMinutes), 'minute')} late on ${str(d.date)}.`,
    dedupeKey,
  });
};

export const absence: Template<'attendance.absence.detected'> = async (d, dir, dedupeKey) => {
  const who = await nameOf(dir, d.employeeId);
  return to([...dir.hr], {
    type: 'ABSENCE',
    title: `${who} was absent`,
    body: `${who} did not check in on ${str(d.date)} and had no leave.`,
    dedupeKey,
  });
};

/** Reprocessing a day may repeat INCOMPLETE: one notification per day. */
export const incompleteCheckOut: Template<'attendance.day.processed'> = (d) => {
  if (d.status !== 'INCOMPLETE') return [];
  return to([d.employeeId], {
    type: 'INCOMPLETE_CHECK_OUT',
    title: `Check-out missing on ${str(d.date)}`,
    body: `You checked in on ${str(d.date)} but did not check out. Ask your manager to record the time.`,
    dedupeKey: `incomplete:${str(d.dayId)}`,
  });
};

const ACCRUAL_NAMES: Record<string, string> = {
  ANNUAL_TARGET_HOURS: 'annual target hours',
  NIGHT_HOURS: 'night hours',
  WEEKEND_HOURS: 'weekend hours',
  PUBLIC_HOLIDAY_HOURS: 'public holiday hours',
  ON_CALL_WEEKDAY: 'weekday on-call periods',
  ON_CALL_WEEKEND: 'weekend on-call periods',
  ON_CALL_PUBLIC_HOLIDAY: 'public holiday on-call periods',
};

/** Bands worth telling people about: a balance 15 % or more off its expected share. */
const OFF_TRACK_BANDS = ['15-25', '25+'];

const amount = (n: unknown) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(Number(n));

/** E.g. "18 % behind where they should be by 2026-12-02 (1,020 of 1,245 h expected)". */
function offTrackBy(d: EventData<'accruals.balance_status.changed'>): string {
  const deviation = Number(d.deviationPercent);
  const side = str(d.status).startsWith('AHEAD') ? 'ahead of' : 'behind';
  const size = Number.isFinite(deviation) ? `${amount(Math.abs(deviation))} %` : str(d.band) + ' %';
  const unit = d.measurementUnit === 'HOURS' ? ' h' : '';
  return (
    `${size} ${side} where they should be by ${str(d.date)} ` +
    `(${amount(d.worked)} of ${amount(d.expectedToDate)}${unit} expected)`
  );
}

/**
 * A balance that moved into a band 15 % or more off track: the employee and their manager
 * (from the copy of employees) are told, once per change of band; a move within 15 %, or
 * back on track, tells nobody.
 */
export const balanceOffTrack: Template<'accruals.balance_status.changed'> = async (
  d,
  dir,
  dedupeKey,
) => {
  if (!OFF_TRACK_BANDS.includes(str(d.band)) || d.status === d.previousStatus) return [];
  const what = ACCRUAL_NAMES[str(d.accrualType)] ?? str(d.accrualType).toLowerCase();
  const employee = typeof d.employeeId === 'string' ? await dir.employee(d.employeeId) : null;
  const who = await nameOf(dir, d.employeeId);
  const base = { type: 'BALANCE_OFF_TRACK' as const, dedupeKey };
  return [
    ...to([d.employeeId], {
      ...base,
      title: `Your ${what} are off track`,
      body: `Your ${what} are ${offTrackBy(d)}.`,
    }),
    ...to(
      [employee?.managerId].filter((id) => id !== d.employeeId),
      {
        ...base,
        title: `${who}'s ${what} are off track`,
        body: `${who}'s ${what} are ${offTrackBy(d)}.`,
      },
    ),
  ];
};
