import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { MonthlyAttendanceDocument, ProcessAttendanceDayDocument } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { addDays, localDate } from '../../ui/dates';
import { usePages } from '../../ui/usePages';

const PAGE_SIZE = 20;

/** Attendance for HR: process a day's check-ins, and everyone's summary of a month. */
export default function AttendancePage() {
  return (
    <section aria-labelledby="attendance-title">
      <h1 id="attendance-title">Attendance</h1>
      <ProcessDayForm />
      <MonthlySummary />
    </section>
  );
}

function ProcessDayForm() {
  const [date, setDate] = useState(addDays(localDate(), -1));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [process, { data, loading }] = useMutation(ProcessAttendanceDayDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await process({ variables: { input: { date } } });
    } catch (caught) {
      setProblems(problemsOf(caught, ['date']));
    }
  }
  const result = data?.processAttendanceDay;
  return (
    <form className="card" aria-label="Process a day" onSubmit={(e) => void submit(e)}>
      <h2>Process a day</h2>
      <p className="hint">
        Settles each person&apos;s day (present, half day, absent, late) from their check-ins and
        leave. Processing a day again changes only what has changed since.
      </p>
      <InputField
        label="Day"
        name="date"
        type="date"
        value={date}
        onChange={setDate}
        problems={problems}
      />
      <ProblemList problems={problems.general} />
      {result && (
        <p role="status">
          {result.date}: {result.processed} people processed, {result.changed} changed.
        </p>
      )}
      <button type="submit" disabled={loading || !date}>
        Process day
      </button>
    </form>
  );
}

function MonthlySummary() {
  const [month, setMonth] = useState(localDate().slice(0, 7));
  const [department, setDepartment] = useState('');
  const pages = usePages();
  const { data, error } = useQuery(MonthlyAttendanceDocument, {
    skip: !/^\d{4}-\d{2}$/.test(month),
    variables: {
      month,
      first: PAGE_SIZE,
      after: pages.after,
      filter: { department: department.trim() || null },
    },
  });
  const problems = error ? problemsOf(error, ['month', 'department']) : NO_PROBLEMS;
  const list = data?.employees;
  return (
    <div className="card">
      <h2>Monthly summary</h2>
      <div className="filters">
        <InputField
          label="Month"
          name="month"
          type="month"
          value={month}
          onChange={(value) => {
            setMonth(value);
            pages.reset();
          }}
          problems={problems}
        />
        <InputField
          label="Department"
          name="department"
          value={department}
          onChange={(value) => {
            setDepartment(value);
            pages.reset();
          }}
          problems={problems}
        />
      </div>
      <ProblemList problems={problems.general} />
      <div className="toolbar">
        <CsvButton
          filename={`attendance-${month}.csv`}
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'Name', value: (r) => `${r.firstName} ${r.lastName}` },
            { heading: 'Department', value: (r) => r.department },
            { heading: 'Present', value: (r) => r.attendanceSummary?.presentDays },
            { heading: 'Absent', value: (r) => r.attendanceSummary?.absentDays },
            { heading: 'Leave', value: (r) => r.attendanceSummary?.leaveDays },
            { heading: 'Half days', value: (r) => r.attendanceSummary?.halfDays },
            { heading: 'Incomplete', value: (r) => r.attendanceSummary?.incompleteDays },
            { heading: 'Late', value: (r) => r.attendanceSummary?.lateArrivals },
            { heading: 'Worked hours', value: (r) => r.attendanceSummary?.workedHours },
            { heading: 'Overtime hours', value: (r) => r.attendanceSummary?.overtimeHours },
          ]}
        />
      </div>
      <table aria-label={`Attendance in ${month}`}>
        <thead>
          <tr>
            <th>Name</th>
            <th>Present</th>
            <th>Absent</th>
            <th>Leave</th>
            <th>Half</th>
            <th>Incomplete</th>
            <th>Late</th>
            <th>Worked h</th>
            <th>Overtime h</th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((r) => {
            const s = r.attendanceSummary;
            return (
              <tr key={r.id}>
                <td>
                  {r.firstName} {r.lastName}
                  <br />
                  <small>{r.department}</small>
                </td>
                <td>{s?.presentDays ?? '–'}</td>
                <td>{s?.absentDays ?? '–'}</td>
                <td>{s?.leaveDays ?? '–'}</td>
                <td>{s?.halfDays ?? '–'}</td>
                <td>{s?.incompleteDays ?? '–'}</td>
                <td>{s?.lateArrivals ?? '–'}</td>
                <td>{s?.workedHours ?? '–'}</td>
                <td>{s?.overtimeHours ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager
        totalCount={list?.totalCount}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </div>
  );
}
