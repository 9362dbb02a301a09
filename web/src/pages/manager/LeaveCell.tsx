import type { LeaveStatus, LeaveType } from '../../gql/graphql';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';

export interface DayOff {
  leaveType: LeaveType;
  status: LeaveStatus;
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
}

/** Two letters per type, for a calendar cell; the words are there for screen readers. */
export const LEAVE_CODES: Record<LeaveType, string> = {
  ANNUAL: 'AL',
  SICK: 'SL',
  CASUAL: 'CL',
  COMPASSIONATE: 'CP',
  PARENTAL: 'PL',
  UNPAID: 'UL',
  TOIL: 'TL',
};

const isHalf = (off: DayOff, day: string) =>
  (off.halfDayStart && day === off.startDate) || (off.halfDayEnd && day === off.endDate);

/** One person's day on the calendar: the leave they have (or asked for) that day, if any. */
export function LeaveCell({
  offs,
  day,
  className,
  holiday = false,
}: {
  offs: DayOff[];
  day: string;
  /** The day's own marks (a weekend, today), as on its column's heading. */
  className?: string;
  /** A public holiday where the person works. */
  holiday?: boolean;
}) {
  const classes = [
    className,
    holiday && 'holiday',
    offs.length ? `off ${offs[0].status.toLowerCase()}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td className={classes || undefined}>
      {holiday && (
        <span>
          {offs.length === 0 && <span aria-hidden="true">PH</span>}
          <span className="sr-only">Public holiday{offs.length > 0 && ', '}</span>
        </span>
      )}
      {offs.map((off, i) => (
        <span key={i}>
          <span aria-hidden="true">
            {LEAVE_CODES[off.leaveType]}
            {isHalf(off, day) && '½'}
          </span>
          <span className="sr-only">
            {describe(off)}
            {isHalf(off, day) && ', half day'}
          </span>
        </span>
      ))}
    </td>
  );
}

/** `Annual leave, approved`. */
export const describe = (off: Pick<DayOff, 'leaveType' | 'status'>) =>
  `${LEAVE_TYPE_LABELS[off.leaveType]}, ${off.status.toLowerCase()}`;
