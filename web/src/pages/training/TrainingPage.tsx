import { useQuery } from '@apollo/client/react';
import { problemsOf } from '../../api/problemsOf';
import { useUser } from '../../app/AppContext';
import { MyTrainingDocument, type TrainingRowFragment } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { ProblemList } from '../../ui/Field';
import { TeamTraining } from './TeamTraining';
import { fallsDue, openItems, statusLabel } from './trainingRows';

/** Everyone's own training and what falls due next; a manager also sees the team's. */
export default function TrainingPage() {
  const user = useUser();
  return (
    <section aria-labelledby="training-title">
      <h1 id="training-title">Training</h1>
      {user.employeeId ? (
        <MyTraining employeeId={user.employeeId} />
      ) : (
        <p>This account has no employee record, so it has no training of its own.</p>
      )}
      {user.role === 'MANAGER' && user.employeeId && <TeamTraining managerId={user.employeeId} />}
    </section>
  );
}

function MyTraining({ employeeId }: { employeeId: string }) {
  const { data, error, loading } = useQuery(MyTrainingDocument, { variables: { employeeId } });
  const list = data?.employee?.training ?? [];
  const next = openItems(list)[0];
  return (
    <div className="card">
      <h2>My training</h2>
      {error && <ProblemList problems={problemsOf(error).general} />}
      {next && (
        <p className={next.status === 'OVERDUE' ? 'overdue-note' : undefined}>
          Next: <strong>{next.course.title}</strong>{' '}
          {next.status === 'OVERDUE' ? 'was due' : 'is due'} by {fallsDue(next)}.
        </p>
      )}
      {!loading && list.length === 0 && <p>You have no training assigned.</p>}
      {list.length > 0 && (
        <>
          <div className="toolbar">
            <CsvButton filename="my-training.csv" rows={list} columns={CSV_COLUMNS} />
          </div>
          <TrainingTable label="My training assignments" rows={list} />
        </>
      )}
    </div>
  );
}

const CSV_COLUMNS = [
  { heading: 'Course', value: (t: TrainingRowFragment) => t.course.code },
  { heading: 'Title', value: (t: TrainingRowFragment) => t.course.title },
  { heading: 'Due', value: (t: TrainingRowFragment) => t.dueDate },
  { heading: 'Completed', value: (t: TrainingRowFragment) => t.completedOn },
  { heading: 'Valid until', value: (t: TrainingRowFragment) => t.expiresOn },
  { heading: 'Status', value: (t: TrainingRowFragment) => t.status },
];

function TrainingTable({ label, rows }: { label: string; rows: readonly TrainingRowFragment[] }) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th>Course</th>
          <th>Due by</th>
          <th>Completed</th>
          <th>Valid until</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.id} className={t.status === 'OVERDUE' ? 'overdue' : undefined}>
            <td>
              {t.course.title} <small>({t.course.code})</small>
            </td>
            <td>{t.dueDate}</td>
            <td>{t.completedOn ?? '–'}</td>
            <td>{t.expiresOn ?? (t.completedOn ? 'does not expire' : '–')}</td>
            <td>{statusLabel(t.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
