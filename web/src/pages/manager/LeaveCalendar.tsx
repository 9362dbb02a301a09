import type { WhoIsOffQuery } from '../../gql/graphql';
import { localDate, monthLabel } from '../../ui/dates';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';
import { LEAVE_CODES, LeaveCell } from './LeaveCell';
import { dayLabel, isWeekend, weekdayInitial } from './monthDays';
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
  const today = localDate();
  return (
    <div className="calendar-scroll" role="region" aria-label="Calendar" tabIndex={0}>
      <table className="calendar" aria-label={`Leave in ${monthLabel(month)}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {days.map((day) => (
              <th
                key={day}
                scope="col"
                className={dayClass(day, today)}
                aria-current={day === today ? 'date' : undefined}
              >
                <abbr title={dayTitle(day, today)}>
                  {weekdayInitial(day)}
                  <br />
                  {Number(day.slice(8))}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            // Holidays are the person's: where they work decides them.
            const holidays = new Set(person.publicHolidaysBetween ?? []);
            return (
              <tr key={person.id}>
                <th scope="row">{fullName(person)}</th>
                {days.map((day) => (
                  <LeaveCell
                    key={day}
                    day={day}
                    className={dayClass(day, today)}
                    holiday={holidays.has(day)}
                    offs={
                      person.leaveBetween?.filter((r) => r.startDate <= day && day <= r.endDate) ??
                      []
                    }
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Weekends are striped and today is boxed: marks of their own, not only a colour. */
const dayClass = (day: string, today: string) =>
  [isWeekend(day) && 'weekend', day === today && 'today'].filter(Boolean).join(' ') || undefined;

/** `Sat 5 December 2026, weekend`, `Mon 7 December 2026, today`: the column's full name. */
const dayTitle = (day: string, today: string) =>
  [dayLabel(day), isWeekend(day) && 'weekend', day === today && 'today'].filter(Boolean).join(', ');

/** What the calendar's codes and marks mean. */
export function LeaveLegend() {
  return (
    <p className="legend hint">
      <span className="sample weekend">S</span> striped: a weekend;{' '}
      <span className="sample today">7</span> boxed: today;{' '}
      <span className="sample holiday">PH</span> a public holiday where the person works.{' '}
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
