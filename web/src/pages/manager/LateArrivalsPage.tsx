import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { TeamLateArrivalsDocument } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { localDate } from '../../ui/dates';
import { usePages } from '../../ui/usePages';
import { useTeamManager } from './useTeamManager';

/** People per page (TeamLateArrivals asks for 10): the API pages the team, not the days. */
const PAGE_SIZE = 10;

/** Late arrivals: the team's late first check-ins over a period, oldest first per person. */
export default function LateArrivalsPage() {
  const pages = usePages();
  const team = useTeamManager(pages.reset);
  const today = localDate();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const { data, error } = useQuery(TeamLateArrivalsDocument, {
    skip: !team.managerId || !from || !to,
    errorPolicy: 'all',
    variables: { managerId: team.managerId ?? '', from, to, after: pages.after },
  });
  const problems = error ? problemsOf(error, ['from', 'to']) : NO_PROBLEMS;
  const list = data?.employee?.reports;
  const rows = (list?.nodes ?? []).flatMap((person) =>
    (person.lateArrivals ?? []).map((day) => ({
      personId: person.id,
      name: `${person.firstName} ${person.lastName}`,
      ...day,
    })),
  );
  const period = (set: (value: string) => void) => (value: string) => {
    set(value);
    pages.reset();
  };
  return (
    <section aria-labelledby="late-title">
      <h1 id="late-title">Late arrivals</h1>
      {team.chooser}
      <div className="filters">
        <InputField
          label="From"
          name="from"
          type="date"
          value={from}
          onChange={period(setFrom)}
          problems={problems}
        />
        <InputField
          label="To"
          name="to"
          type="date"
          value={to}
          onChange={period(setTo)}
          problems={problems}
        />
      </div>
      <ProblemList problems={problems.general} />
      <div className="toolbar">
        <CsvButton
          filename={`late-arrivals-${from}-${to}.csv`}
          rows={rows}
          columns={[
            { heading: 'Employee', value: (r) => r.name },
            { heading: 'Day', value: (r) => r.date },
            { heading: 'Checked in', value: (r) => r.checkInTime ?? '' },
            { heading: 'Late by (min)', value: (r) => r.lateByMinutes },
          ]}
        />
      </div>
      <table aria-label="Late arrivals">
        <thead>
          <tr>
            <th>Employee</th>
            <th>Day</th>
            <th>Checked in</th>
            <th>Late by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.personId}-${r.date}`}>
              <td>{r.name}</td>
              <td>{r.date}</td>
              <td>{r.checkInTime ? formatDateTime(r.checkInTime) : '–'}</td>
              <td>{r.lateByMinutes} min</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list && rows.length === 0 && <p>Nobody on this page arrived late in this period.</p>}
      <Pager
        totalCount={list?.totalCount}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
      <p className="hint">Pages go by people, {PAGE_SIZE} at a time; the total counts people.</p>
    </section>
  );
}
