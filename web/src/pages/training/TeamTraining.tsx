import { TeamTrainingDocument, type TeamTrainingQuery } from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { QueryError } from '../../ui/QueryState';
import { fullName } from '../../ui/fullName';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { statusLabel, TRAINING_CSV_COLUMNS } from './trainingRows';
import { formatDate } from '../../ui/dates';

type Person = NonNullable<TeamTrainingQuery['employee']>['reports']['nodes'][number];
type Row = NonNullable<Person['training']>[number] & { person: Person };

/** Everyone below the manager (direct and indirect), a page of people at a time, overdue marked. */
export function TeamTraining({ managerId }: { managerId: string }) {
  const { list, error } = usePagedQuery(TeamTrainingDocument, (d) => d.employee?.reports, {
    variables: { managerId },
  });
  const reports = list.connection;
  const people = reports?.nodes ?? [];
  const rows: Row[] = people.flatMap((person) =>
    (person.training ?? []).map((t) => ({ ...t, person })),
  );
  const overdue = rows.filter((r) => r.status === 'OVERDUE').length;
  return (
    <div className="card">
      <h2>My team&apos;s training</h2>
      <QueryError error={error} />
      {reports && (
        <p className={overdue ? 'overdue-note' : undefined}>
          {overdue === 0
            ? 'Nothing overdue for the people on this page.'
            : `${overdue} overdue for the people on this page.`}
        </p>
      )}
      <CsvToolbar
        filename="team-training.csv"
        rows={rows}
        columns={[
          { heading: 'Name', value: (r) => fullName(r.person) },
          { heading: 'Department', value: (r) => r.person.department },
          ...TRAINING_CSV_COLUMNS,
        ]}
      />
      <TeamTrainingTable people={people} />
      <ConnectionPager {...list} />
    </div>
  );
}

/** A row per person and course; one saying so for a person with none. */
function TeamTrainingTable({ people }: { people: Person[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Team training" tabIndex={0}>
      <table aria-label="Team training">
        <thead>
          <tr>
            <th>Person</th>
            <th>Course</th>
            <th>Due by</th>
            <th>Completed</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) =>
            person.training?.length ? (
              person.training.map((t) => (
                <tr key={t.id} className={t.status === 'OVERDUE' ? 'overdue' : undefined}>
                  <td>{fullName(person)}</td>
                  <td>{t.course.title}</td>
                  <td>{formatDate(t.dueDate)}</td>
                  <td>{t.completedOn ? formatDate(t.completedOn) : '–'}</td>
                  <td>{statusLabel(t.status)}</td>
                </tr>
              ))
            ) : (
              <tr key={person.id}>
                <td>{fullName(person)}</td>
                <td colSpan={4}>No training assigned</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
