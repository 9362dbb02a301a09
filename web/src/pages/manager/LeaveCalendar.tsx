import type { WhoIsOffQuery } from '../../gql/graphql';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';
import { LEAVE_CODES, LeaveCell } from './LeaveCell';
import { dayLabel, isWeekend, monthLabel, weekdayInitial } from './monthDays';
import { fullName } from '../../ui/fullName';

export type Person = NonNullable<WhoIsOffQuery['employee']>['reports']['nodes'][number];

export interface LeaveCalendarProps {
  month: string;
  /** Every day of the month, first to last. */
  days: string[];
  people: Person[];
}

/** A month of the team's leave: a row per person, a column per day, and what the codes mean. */
export function LeaveCalendar({ month, days, people }: LeaveCalendarProps) {
  return (
    <div className="calendar-scroll" role="region" aria-label="Calendar" tabIndex={0}>
      <table className="calendar" aria-label={`Leave in ${monthLabel(month)}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {days.map((day) => (
              <th key={day} scope="col" className={isWeekend(day) ? 'weekend' : undefined}>
                <abbr title={dayLabel(day)}>
                  {weekdayInitial(day)}
                  <br />
                  {Number(day.slice(8))}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">{fullName(person)}</th>
              {days.map((day) => (
                <LeaveCell
                  key={day}
                  day={day}
                  weekend={isWeekend(day)}
                  offs={
                    person.leaveBetween?.filter((r) => r.startDate <= day && day <= r.endDate) ?? []
                  }
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the calendar's codes and marks mean. */
export function LeaveLegend() {
  return (
    <p className="legend hint">
      <span className="off approved">AL</span> approved, <span className="off pending">AL</span>{' '}
      pending; ½ a half day.{' '}
      {Object.entries(LEAVE_CODES)
        .map(
          ([type, code]) =>
            `${code} ${LEAVE_TYPE_LABELS[type as keyof typeof LEAVE_TYPE_LABELS].toLowerCase()}`,
        )
        .join(', ')}
      .
    </p>
  );
}
