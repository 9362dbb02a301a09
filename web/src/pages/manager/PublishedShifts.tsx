import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { ReportScheduleDocument } from '../../gql/graphql';
import { ExportTable } from '../../ui/ExportTable';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { ProblemList } from '../../ui/Field';
import { addDays, formatDateTime } from '../../ui/dates';
import { todayIn } from './localTimes';
import type { Person } from './ReportChooser';

const hoursOf = (shift: { start: string; end: string }) =>
  Math.round(((Date.parse(shift.end) - Date.parse(shift.start)) / 36e5) * 100) / 100;

/** The shifts published for a person over a period (a week back to four weeks on, at first). */
export function PublishedShifts({ person, zone }: { person: Person; zone: string }) {
  const [from, setFrom] = useState(addDays(todayIn(zone), -7));
  const [to, setTo] = useState(addDays(todayIn(zone), 28));
  const { data, error } = useQuery(ReportScheduleDocument, {
    skip: !from || !to,
    variables: { id: person.id, from, to },
  });
  const problems = error ? problemsOf(error, ['from', 'to']) : NO_PROBLEMS;
  const shifts = data?.employee?.schedule ?? [];
  return (
    <div className="card">
      <h2>Published shifts</h2>
      <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} problems={problems} />
      <ProblemList problems={problems.general} />
      <ExportTable
        label={`Shifts of ${person.name}`}
        rows={shifts}
        csv={{
          filename: `shifts-${person.name.replace(/\W+/g, '-')}-${from}.csv`,
          columns: [
            { heading: 'Start', value: (s) => s.start },
            { heading: 'End', value: (s) => s.end },
            { heading: 'Hours', value: hoursOf },
            { heading: 'Kind', value: (s) => s.shiftType ?? '' },
          ],
        }}
        empty={data && 'No shift is published in this period.'}
        columns={[
          { heading: 'Start', cell: (s) => formatDateTime(s.start, zone) },
          { heading: 'End', cell: (s) => formatDateTime(s.end, zone) },
          { heading: 'Hours', cell: hoursOf },
          { heading: 'Kind', cell: (s) => s.shiftType ?? '–' },
        ]}
      />
    </div>
  );
}
