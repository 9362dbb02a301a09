import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { WhoIsOffDocument } from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { Page } from '../../ui/Page';
import { QueryError } from '../../ui/QueryState';
import { localDate } from '../../ui/dates';
import { usePages } from '../../ui/usePages';
import { LeaveCalendar, LeaveLegend } from './LeaveCalendar';
import { MonthRequests } from './MonthRequests';
import { addMonths, daysOfMonth, monthLabel } from './monthDays';
import { useTeamManager } from './useTeamManager';

const PAGE_SIZE = 20;

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
  return (
    <Page id="off" title="Who is off">
      {team.chooser}
      <QueryError error={error} />
      <MonthNav month={month} onMove={(count) => setMonth((m) => addMonths(m, count))} />
      <LeaveCalendar month={month} days={days} people={people} />
      {list && people.length === 0 && <p>Nobody reports to this manager.</p>}
      <LeaveLegend />
      <ConnectionPager connection={list} pages={pages} />
      <MonthRequests month={month} people={people} />
    </Page>
  );
}

/** The month shown, and the ones before and after. */
function MonthNav({ month, onMove }: { month: string; onMove(count: number): void }) {
  return (
    <div className="month-nav">
      <button type="button" className="secondary" onClick={() => onMove(-1)}>
        Previous month
      </button>
      <h2 aria-live="polite">{monthLabel(month)}</h2>
      <button type="button" className="secondary" onClick={() => onMove(1)}>
        Next month
      </button>
    </div>
  );
}
