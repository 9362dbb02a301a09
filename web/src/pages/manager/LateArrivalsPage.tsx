import { useQuery } from '@apollo/client/react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { TeamLateArrivalsDocument } from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { ExportTable } from '../../ui/ExportTable';
import { ProblemList } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { formatMinutes, localDate, formatDateTime, formatDate } from '../../ui/dates';
import { fullName } from '../../ui/fullName';
import { useFilters } from '../../ui/useFilters';
import { useTeamManager } from './useTeamManager';

/** People per page (TeamLateArrivals asks for 10): the API pages the team, not the days. */
const PAGE_SIZE = 10;

/** What an empty table means: nobody in the team, or nobody late. */
const emptyText = (people: number) =>
  people === 0
    ? 'Nobody reports to this manager, so there is no team to show.'
    : 'Nobody on this page arrived late in this period.';

/** Late arrivals: the team's late first check-ins over a period, oldest first per person. */
export default function LateArrivalsPage() {
  const today = localDate();
  const { filters, set, pages } = useFilters({ from: `${today.slice(0, 7)}-01`, to: today });
  const { from, to } = filters;
  const team = useTeamManager(pages.reset);
  // A backwards period is said once, beside To, and never asked: each person would refuse it.
  const backwards = Boolean(from && to && to < from);
  const { data, error } = useQuery(TeamLateArrivalsDocument, {
    skip: !team.managerId || !from || !to || backwards,
    errorPolicy: 'all',
    variables: { managerId: team.managerId ?? '', from, to, after: pages.after },
  });
  const problems = backwards
    ? { byField: { to: { message: 'To must not be before From.', field: 'to' } }, general: [] }
    : error
      ? problemsOf(error, ['from', 'to'])
      : NO_PROBLEMS;
  const list = backwards ? undefined : data?.employee?.reports;
  const rows = (list?.nodes ?? []).flatMap((person) =>
    (person.lateArrivals ?? []).map((day) => ({
      personId: person.id,
      name: fullName(person),
      ...day,
    })),
  );
  return (
    <Page id="late" title="Late arrivals">
      {team.chooser}
      <DateRangeFields
        from={from}
        to={to}
        onFrom={set('from')}
        onTo={set('to')}
        problems={problems}
      />
      <ProblemList problems={problems.general} />
      <ExportTable
        label="Late arrivals"
        rows={rows}
        csv={{
          filename: `late-arrivals-${from}-${to}.csv`,
          columns: [
            { heading: 'Employee', value: (r) => r.name },
            { heading: 'Day', value: (r) => r.date },
            { heading: 'Checked in', value: (r) => r.checkInTime ?? '' },
            { heading: 'Late by (min)', value: (r) => r.lateByMinutes },
          ],
        }}
        rowKey={(r) => `${r.personId}-${r.date}`}
        empty={list && !error && emptyText(list.totalCount)}
        columns={[
          { heading: 'Employee', cell: (r) => r.name },
          { heading: 'Day', cell: (r) => formatDate(r.date) },
          {
            heading: 'Checked in',
            cell: (r) => (r.checkInTime ? formatDateTime(r.checkInTime) : '–'),
          },
          { heading: 'Late by', cell: (r) => formatMinutes(r.lateByMinutes) },
        ]}
      />
      <ConnectionPager connection={list} pages={pages} />
      <p className="hint">Pages go by people, {PAGE_SIZE} at a time; the total counts people.</p>
    </Page>
  );
}
