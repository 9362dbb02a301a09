import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { problemsOf } from '../../api/problemsOf';
import { WhoIsOffDocument, type WhoIsOffQuery } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { ProblemList } from '../../ui/Field';
import { Pager } from '../../ui/Pager';
import { localDate } from '../../ui/dates';
import { usePages } from '../../ui/usePages';
import { describe, LEAVE_CODES, LEAVE_NAMES, LeaveCell } from './LeaveCell';
import {
  addMonths,
  dayLabel,
  daysOfMonth,
  isWeekend,
  monthLabel,
  weekdayInitial,
} from './monthDays';
import { useTeamManager } from './useTeamManager';

const PAGE_SIZE = 20;

type Person = NonNullable<WhoIsOffQuery['employee']>['reports']['nodes'][number];

/** Who is off: a month of the team's approved and pending leave, one row per person. */
export default function WhoIsOffPage() {
  const pages = usePages();
  const team = useTeamManager(pages.reset);
  const [month, setMonth] = useState(localDate().slice(0, 7));
  const days = daysOfMonth(month);
  const { data, error } = useQuery(WhoIsOffDocument, {
    skip: !team.managerId,
    // One person's leave that cannot be read leaves the rest of the team on screen.
    errorPolicy: 'all',
    variables: {
      managerId: team.managerId ?? '',
      from: days[0],
      to: days[days.length - 1],
      first: PAGE_SIZE,
      after: pages.after,
    },
  });
  const list = data?.employee?.reports;
  const people = list?.nodes ?? [];
  const move = (count: number) => setMonth((m) => addMonths(m, count));
  return (
    <section aria-labelledby="off-title">
      <h1 id="off-title">Who is off</h1>
      {team.chooser}
      {error && <ProblemList problems={problemsOf(error).general} />}
      <div className="month-nav">
        <button type="button" className="secondary" onClick={() => move(-1)}>
          Previous month
        </button>
        <h2 aria-live="polite">{monthLabel(month)}</h2>
        <button type="button" className="secondary" onClick={() => move(1)}>
          Next month
        </button>
      </div>
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
                <th scope="row">{nameOf(person)}</th>
                {days.map((day) => (
                  <LeaveCell
                    key={day}
                    day={day}
                    weekend={isWeekend(day)}
                    offs={
                      person.leaveBetween?.filter((r) => r.startDate <= day && day <= r.endDate) ??
                      []
                    }
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list && people.length === 0 && <p>Nobody reports to this manager.</p>}
      <Legend />
      <Pager
        totalCount={list?.totalCount}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
      <MonthRequests month={month} people={people} />
    </section>
  );
}

const nameOf = (person: Pick<Person, 'firstName' | 'lastName'>) =>
  `${person.firstName} ${person.lastName}`;

function Legend() {
  return (
    <p className="legend hint">
      <span className="off approved">AL</span> approved, <span className="off pending">AL</span>{' '}
      pending; ½ a half day.{' '}
      {Object.entries(LEAVE_CODES)
        .map(
          ([type, code]) =>
            `${code} ${LEAVE_NAMES[type as keyof typeof LEAVE_NAMES].toLowerCase()}`,
        )
        .join(', ')}
      .
    </p>
  );
}

/** The same leave as a list: what the CSV holds. */
function MonthRequests({ month, people }: { month: string; people: Person[] }) {
  const rows = people.flatMap((person) =>
    (person.leaveBetween ?? []).map((request) => ({ name: nameOf(person), ...request })),
  );
  return (
    <>
      <h2>Leave in {monthLabel(month)}</h2>
      <div className="toolbar">
        <CsvButton
          filename={`who-is-off-${month}.csv`}
          rows={rows}
          columns={[
            { heading: 'Employee', value: (r) => r.name },
            { heading: 'Type', value: (r) => r.leaveType },
            { heading: 'From', value: (r) => r.startDate },
            { heading: 'To', value: (r) => r.endDate },
            { heading: 'Days', value: (r) => r.days },
            { heading: 'Status', value: (r) => r.status },
          ]}
        />
      </div>
      <table aria-label={`Leave requests in ${monthLabel(month)}`}>
        <thead>
          <tr>
            <th>Employee</th>
            <th>Leave</th>
            <th>From</th>
            <th>To</th>
            <th>Days</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{describe(r)}</td>
              <td>{r.startDate}</td>
              <td>{r.endDate}</td>
              <td>{r.days}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>Nobody on this page is off this month.</p>}
    </>
  );
}
