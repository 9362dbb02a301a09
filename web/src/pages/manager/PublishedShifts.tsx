import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { ReportScheduleDocument } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { addDays, localDate } from '../../ui/dates';
import type { Person } from './ReportChooser';

const hoursOf = (shift: { start: string; end: string }) =>
  Math.round(((Date.parse(shift.end) - Date.parse(shift.start)) / 36e5) * 100) / 100;

/** The shifts published for a person over a period (a week back to four weeks on, at first). */
export function PublishedShifts({ person }: { person: Person }) {
  const [from, setFrom] = useState(addDays(localDate(), -7));
  const [to, setTo] = useState(addDays(localDate(), 28));
  const { data, error } = useQuery(ReportScheduleDocument, {
    skip: !from || !to,
    variables: { id: person.id, from, to },
  });
  const problems = error ? problemsOf(error, ['from', 'to']) : NO_PROBLEMS;
  const shifts = data?.employee?.schedule ?? [];
  return (
    <div className="card">
      <h2>Published shifts</h2>
      <div className="filters">
        <InputField
          label="From"
          name="from"
          type="date"
          value={from}
          onChange={setFrom}
          problems={problems}
        />
        <InputField
          label="To"
          name="to"
          type="date"
          value={to}
          onChange={setTo}
          problems={problems}
        />
      </div>
      <ProblemList problems={problems.general} />
      <div className="toolbar">
        <CsvButton
          filename={`shifts-${person.name.replace(/\W+/g, '-')}-${from}.csv`}
          rows={shifts}
          columns={[
            { heading: 'Start', value: (s) => s.start },
            { heading: 'End', value: (s) => s.end },
            { heading: 'Hours', value: hoursOf },
            { heading: 'Kind', value: (s) => s.shiftType ?? '' },
          ]}
        />
      </div>
      <table aria-label={`Shifts of ${person.name}`}>
        <thead>
          <tr>
            <th>Start</th>
            <th>End</th>
            <th>Hours</th>
            <th>Kind</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((shift) => (
            <tr key={shift.id}>
              <td>{formatDateTime(shift.start)}</td>
              <td>{formatDateTime(shift.end)}</td>
              <td>{hoursOf(shift)}</td>
              <td>{shift.shiftType ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && shifts.length === 0 && <p>No shift is published in this period.</p>}
    </div>
  );
}
