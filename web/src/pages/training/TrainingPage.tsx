import { useQuery } from '@apollo/client/react';
import { useUser } from '../../app/AppContext';
import { MyTrainingDocument, type TrainingRowFragment } from '../../gql/graphql';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { DataTable } from '../../ui/DataTable';
import { Page } from '../../ui/Page';
import { QueryError } from '../../ui/QueryState';
import { TeamTraining } from './TeamTraining';
import {
  CourseName,
  fallsDue,
  openItems,
  overdueRow,
  statusLabel,
  TRAINING_CSV_COLUMNS,
} from './trainingRows';
import { formatDate } from '../../ui/dates';

/** Everyone's own training and what falls due next; a manager also sees the team's. */
export default function TrainingPage() {
  const user = useUser();
  return (
    <Page id="training" title="Training">
      {user.employeeId ? (
        <MyTraining employeeId={user.employeeId} />
      ) : (
        <p>This account has no employee record, so it has no training of its own.</p>
      )}
      {user.role === 'MANAGER' && user.employeeId && <TeamTraining managerId={user.employeeId} />}
    </Page>
  );
}

function MyTraining({ employeeId }: { employeeId: string }) {
  const { data, error, loading } = useQuery(MyTrainingDocument, { variables: { employeeId } });
  const list = data?.employee?.training ?? [];
  const next = openItems(list)[0];
  return (
    <div className="card">
      <h2>My training</h2>
      <QueryError error={error} />
      {next && (
        <p className={next.status === 'OVERDUE' ? 'overdue-note' : undefined}>
          Next: <strong>{next.course.title}</strong>{' '}
          {next.status === 'OVERDUE' ? 'was due' : 'is due'} by {formatDate(fallsDue(next)!)}.
        </p>
      )}
      {!loading && list.length === 0 && <p>You have no training assigned.</p>}
      {list.length > 0 && (
        <>
          <CsvToolbar filename="my-training.csv" rows={list} columns={TRAINING_CSV_COLUMNS} />
          <TrainingTable label="My training assignments" rows={list} />
        </>
      )}
    </div>
  );
}

function TrainingTable({ label, rows }: { label: string; rows: readonly TrainingRowFragment[] }) {
  return (
    <DataTable
      label={label}
      rows={rows}
      rowProps={overdueRow}
      columns={[
        { heading: 'Course', cell: (t) => <CourseName course={t.course} /> },
        { heading: 'Due by', cell: (t) => formatDate(t.dueDate) },
        { heading: 'Completed', cell: (t) => (t.completedOn ? formatDate(t.completedOn) : '–') },
        {
          heading: 'Valid until',
          cell: (t) =>
            t.expiresOn ? formatDate(t.expiresOn) : t.completedOn ? 'does not expire' : '–',
        },
        { heading: 'Status', cell: (t) => statusLabel(t.status) },
      ]}
    />
  );
}
