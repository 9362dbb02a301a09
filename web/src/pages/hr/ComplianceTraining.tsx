import { useQuery } from '@apollo/client/react';
import { useUser } from '../../app/AppContext';
import { TrainingDueDocument, type TrainingDueQuery, type TrainingStatus } from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { DataTable } from '../../ui/DataTable';
import { InputField } from '../../ui/InputField';
import { QueryError } from '../../ui/QueryState';
import { useFilters } from '../../ui/useFilters';
import { WithNote } from '../../ui/WithNote';
import type { CsvColumn } from '../../ui/csv';
import { CourseName, overdueRow } from '../training/trainingRows';
import { AssignTrainingForm } from './AssignTrainingForm';
import { CompletionForm } from './CompletionForm';
import { CourseForm } from './CourseForm';

const PAGE_SIZE = 20;
type Assignment = TrainingDueQuery['trainingAssignments']['nodes'][number];

const CSV_COLUMNS: CsvColumn<Assignment>[] = [
  { heading: 'Course', value: (t) => t.course.code },
  { heading: 'Title', value: (t) => t.course.title },
  { heading: 'Employee', value: (t) => t.employeeId },
  { heading: 'Department', value: (t) => t.department },
  { heading: 'Due', value: (t) => t.dueDate },
  { heading: 'Completed', value: (t) => t.completedOn },
  { heading: 'Expires', value: (t) => t.expiresOn },
  { heading: 'Status', value: (t) => t.status },
];

/** Training assignments by status and department; HR also assigns courses and records completions. */
export function ComplianceTraining() {
  const { role } = useUser();
  const writes = role === 'HR' || role === 'ADMIN';
  const { filters, bind, pages } = useFilters({ status: 'OVERDUE', department: '' });
  const { data, error, refetch } = useQuery(TrainingDueDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: {
        status: (filters.status || null) as TrainingStatus | null,
        department: filters.department.trim() || null,
      },
    },
  });
  const list = data?.trainingAssignments;
  const rows = list?.nodes ?? [];
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
            options={['OVERDUE', 'DUE', 'EXPIRING', 'COMPLETED', '']}
          />
          <InputField label="Training department" {...bind('department')} />
        </div>
        <QueryError error={error} />
        <CsvToolbar filename="training.csv" rows={rows} columns={CSV_COLUMNS} />
        <AssignmentTable rows={rows} writes={writes} onRecorded={() => void refetch()} />
        <ConnectionPager connection={list} pages={pages} />
      </div>
    </>
  );
}

interface AssignmentTableProps {
  rows: readonly Assignment[];
  /** Whether a completion can be recorded on each (HR and ADMIN). */
  writes: boolean;
  onRecorded(): void;
}

/** The assignments on the page, overdue ones marked. */
function AssignmentTable({ rows, writes, onRecorded }: AssignmentTableProps) {
  return (
    <DataTable
      label="Training assignments"
      rows={rows}
      rowProps={overdueRow}
      columns={[
        { heading: 'Course', cell: (t) => <CourseName course={t.course} /> },
        {
          heading: 'Employee',
          cell: (t) => <WithNote note={t.department}>{t.employeeId}</WithNote>,
        },
        { heading: 'Due', cell: (t) => t.dueDate },
        { heading: 'Completed', cell: (t) => t.completedOn ?? '–' },
        { heading: 'Status', cell: (t) => t.status },
        writes && {
          heading: 'Record a completion',
          cell: (t) => <CompletionForm assignment={t} onRecorded={onRecorded} />,
        },
      ]}
    />
  );
}
