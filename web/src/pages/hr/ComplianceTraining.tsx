import { useUser } from '../../app/AppContext';
import { TrainingDueDocument, type TrainingDueQuery, type TrainingStatus } from '../../gql/graphql';
import type { Column } from '../../ui/DataTable';
import { InputField } from '../../ui/InputField';
import { PagedTable } from '../../ui/PagedTable';
import { QueryError } from '../../ui/QueryState';
import { useFilters } from '../../ui/useFilters';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { WithNote } from '../../ui/WithNote';
import { fieldColumns, type CsvColumn } from '../../ui/csv';
import { filterChoices, TRAINING_STATUS_LABELS } from '../../ui/enumLabels';
import { personName } from '../../ui/fullName';
import { CourseName, overdueRow } from '../training/trainingRows';
import { AssignTrainingForm } from './AssignTrainingForm';
import { CompletionForm } from './CompletionForm';
import { useDepartments } from './useDepartments';
import { CourseForm } from './CourseForm';
import { formatDate } from '../../ui/dates';

type Assignment = TrainingDueQuery['trainingAssignments']['nodes'][number];

const CSV_COLUMNS: CsvColumn<Assignment>[] = [
  { heading: 'Course', value: (t) => t.course.code },
  { heading: 'Title', value: (t) => t.course.title },
  { heading: 'Employee', value: (t) => personName(t.employee) },
  ...fieldColumns({
    'Employee id': 'employeeId',
    Department: 'department',
    Due: 'dueDate',
    Completed: 'completedOn',
    Expires: 'expiresOn',
    Status: 'status',
  }),
];

/** Training assignments by status and department; HR also assigns courses and records completions. */
export function ComplianceTraining() {
  const { role } = useUser();
  const writes = role === 'HR' || role === 'ADMIN';
  const { filters, bind, pages } = useFilters({ status: 'OVERDUE', department: '' });
  const departments = useDepartments();
  const { list, error, refetch } = usePagedQuery(
    TrainingDueDocument,
    (d) => d.trainingAssignments,
    {
      variables: {
        filter: {
          status: (filters.status || null) as TrainingStatus | null,
          department: filters.department.trim() || null,
        },
      },
      pages,
    },
  );
  return (
    <>
      {writes && (
        <div className="card">
          <h2>Courses and assignments</h2>
          <AssignTrainingForm onAssigned={() => void refetch()} />
          <CourseForm />
        </div>
      )}
      <div className="card">
        <h2>Training</h2>
        <div className="filters">
          <InputField
            label="Training status"
            {...bind('status')}
            options={filterChoices(TRAINING_STATUS_LABELS)}
          />
          <InputField
            label="Training department"
            {...bind('department')}
            options={['', ...departments]}
          />
        </div>
        <QueryError error={error} />
        <PagedTable
          label="Training assignments"
          {...list}
          csv={{ filename: 'training.csv', columns: CSV_COLUMNS }}
          rowProps={overdueRow}
          columns={assignmentColumns(writes, () => void refetch())}
        />
      </div>
    </>
  );
}

/** An assignment's columns; with `writes` (HR and ADMIN), one to record its completion. */
function assignmentColumns(
  writes: boolean,
  onRecorded: () => void,
): (Column<Assignment> | false)[] {
  return [
    { heading: 'Course', cell: (t) => <CourseName course={t.course} /> },
    {
      heading: 'Employee',
      cell: (t) => <WithNote note={t.department}>{personName(t.employee)}</WithNote>,
    },
    { heading: 'Due', cell: (t) => formatDate(t.dueDate) },
    { heading: 'Completed', cell: (t) => (t.completedOn ? formatDate(t.completedOn) : '–') },
    { heading: 'Status', cell: (t) => TRAINING_STATUS_LABELS[t.status] },
    writes && {
      heading: 'Record a completion',
      cell: (t) => <CompletionForm assignment={t} onRecorded={onRecorded} />,
    },
  ];
}
