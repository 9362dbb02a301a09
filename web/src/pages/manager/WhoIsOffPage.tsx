import { useState } from 'react';
import { WhoIsOffDocument } from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { Page } from '../../ui/Page';
import { QueryError } from '../../ui/QueryState';
import { localDate, monthLabel } from '../../ui/dates';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { usePages } from '../../ui/usePages';
import { LeaveCalendar, LeaveLegend } from './LeaveCalendar';
import { MonthRequests } from './MonthRequests';
import { addMonths, daysOfMonth } from './monthDays';
import { useTeamManager } from './useTeamManager';

/** Who is off: a month of the team's approved and pending leave, one row per person. */
export default function WhoIsOffPage() {
  const pages = usePages();
  const team = useTeamManager(pages.reset);
  const [month, setMonth] = useState(localDate().slice(0, 7));
  const days = daysOfMonth(month);
  const { list, error } = usePagedQuery(WhoIsOffDocument, (d) => d.employee?.reports, {
    skip: !team.managerId,
    // One person's leave that cannot be read leaves the rest of the team on screen.
    errorPolicy: 'all',
    variables: { managerId: team.managerId ?? '', from: days[0], to: days[days.length - 1] },
    pages,
  });
  const people = list.connection?.nodes ?? [];
  return (
    <Page id="off" title="Who is off">
      {team.chooser}
      <QueryError error={error} />
      <MonthNav month={month} onMove={(count) => setMonth((m) => addMonths(m, count))} />
      <LeaveCalendar month={month} days={days} people={people} />
      {list.connection && people.length === 0 && <p>Nobody reports to this manager.</p>}
      <LeaveLegend />
      <ConnectionPager {...list} />
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
