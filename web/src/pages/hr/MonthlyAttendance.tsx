import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { MonthlyAttendanceDocument, type MonthlyAttendanceQuery } from '../../gql/graphql';
import type { Column } from '../../ui/DataTable';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { PagedTable } from '../../ui/PagedTable';
import { localDate, monthLabel } from '../../ui/dates';
import { useFilters } from '../../ui/useFilters';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { WithNote } from '../../ui/WithNote';
import type { CsvColumn } from '../../ui/csv';
import { fullName } from '../../ui/fullName';
import { useDepartments } from './useDepartments';

type Person = MonthlyAttendanceQuery['employees']['nodes'][number];
type Summary = NonNullable<Person['attendanceSummary']>;

/** The figures of a month's summary: the table's heading and the export's, for each. */
const FIGURES: [keyof Summary, string, string][] = [
  ['presentDays', 'Present', 'Present'],
  ['absentDays', 'Absent', 'Absent'],
  ['leaveDays', 'Leave', 'Leave'],
  ['halfDays', 'Half', 'Half days'],
  ['incompleteDays', 'Incomplete', 'Incomplete'],
  ['lateArrivals', 'Late', 'Late'],
  ['workedHours', 'Worked h', 'Worked hours'],
  ['overtimeHours', 'Overtime h', 'Overtime hours'],
];

const CSV_COLUMNS: CsvColumn<Person>[] = [
  { heading: 'Name', value: (r) => fullName(r) },
  { heading: 'Department', value: (r) => r.department },
  ...FIGURES.map(([key, , heading]) => ({
    heading,
    value: (r: Person) => r.attendanceSummary?.[key],
  })),
];

const COLUMNS: Column<Person>[] = [
  {
    heading: 'Name',
    cell: (r) => <WithNote note={r.department}>{fullName(r)}</WithNote>,
  },
  ...FIGURES.map(([key, heading]) => ({
    heading,
    cell: (r: Person) => r.attendanceSummary?.[key] ?? '–',
  })),
];

/** Everyone's attendance over a month, a page at a time, filtered by department. */
export function MonthlyAttendance() {
  const { filters, bind, pages } = useFilters({ month: localDate().slice(0, 7), department: '' });
  const { month, department } = filters;
  const departments = useDepartments();
  const { list, error } = usePagedQuery(MonthlyAttendanceDocument, (d) => d.employees, {
    skip: !/^\d{4}-\d{2}$/.test(month),
    variables: { month, filter: { department: department.trim() || null } },
    pages,
  });
  const problems = error ? problemsOf(error, ['month', 'department']) : NO_PROBLEMS;
  return (
    <div className="card">
      <h2>Monthly summary</h2>
      <div className="filters">
        <InputField label="Month" type="month" {...bind('month')} problems={problems} />
        <InputField
          label="Department"
          {...bind('department')}
          problems={problems}
          options={['', ...departments]}
        />
      </div>
      <ProblemList problems={problems.general} />
      <PagedTable
        label={`Attendance in ${monthLabel(month)}`}
        {...list}
        csv={{ filename: `attendance-${month}.csv`, columns: CSV_COLUMNS }}
        columns={COLUMNS}
      />
    </div>
  );
}
