import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { useUser } from '../../app/AppContext';
import {
  RecordTrainingCompletionDocument,
  TrainingDueDocument,
  type TrainingDueQuery,
  type TrainingStatus,
} from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { localDate } from '../../ui/dates';
import { usePages } from '../../ui/usePages';
import { AssignTrainingForm } from './AssignTrainingForm';
import { CourseForm } from './CourseForm';

const PAGE_SIZE = 20;
type Assignment = TrainingDueQuery['trainingAssignments']['nodes'][number];

/** Training assignments by status and department; HR also assigns courses and records completions. */
export function ComplianceTraining() {
  const { role } = useUser();
  const writes = role === 'HR' || role === 'ADMIN';
  const [status, setStatus] = useState('OVERDUE');
  const [department, setDepartment] = useState('');
  const pages = usePages();
  const { data, error, refetch } = useQuery(TrainingDueDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: {
        status: (status || null) as TrainingStatus | null,
        department: department.trim() || null,
      },
    },
  });
  const list = data?.trainingAssignments;
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
            name="status"
            value={status}
            onChange={(value) => {
              setStatus(value);
              pages.reset();
            }}
            problems={NO_PROBLEMS}
            options={['OVERDUE', 'DUE', 'EXPIRING', 'COMPLETED', '']}
          />
          <InputField
            label="Training department"
            name="department"
            value={department}
            onChange={(value) => {
              setDepartment(value);
              pages.reset();
            }}
            problems={NO_PROBLEMS}
          />
        </div>
        {error && <ProblemList problems={problemsOf(error).general} />}
        <div className="toolbar">
          <CsvButton
            filename="training.csv"
            rows={list?.nodes ?? []}
            columns={[
              { heading: 'Course', value: (t) => t.course.code },
              { heading: 'Title', value: (t) => t.course.title },
              { heading: 'Employee', value: (t) => t.employeeId },
              { heading: 'Department', value: (t) => t.department },
              { heading: 'Due', value: (t) => t.dueDate },
              { heading: 'Completed', value: (t) => t.completedOn },
              { heading: 'Expires', value: (t) => t.expiresOn },
              { heading: 'Status', value: (t) => t.status },
            ]}
          />
        </div>
        <table aria-label="Training assignments">
          <thead>
            <tr>
              <th>Course</th>
              <th>Employee</th>
              <th>Due</th>
              <th>Completed</th>
              <th>Status</th>
              {writes && <th>Record a completion</th>}
            </tr>
          </thead>
          <tbody>
            {list?.nodes.map((t) => (
              <tr key={t.id} className={t.status === 'OVERDUE' ? 'overdue' : undefined}>
                <td>
                  {t.course.title} <small>({t.course.code})</small>
                </td>
                <td>
                  {t.employeeId}
                  {t.department && (
                    <>
                      <br />
                      <small>{t.department}</small>
                    </>
                  )}
                </td>
                <td>{t.dueDate}</td>
                <td>{t.completedOn ?? '–'}</td>
                <td>{t.status}</td>
                {writes && (
                  <td>
                    <CompletionForm assignment={t} onRecorded={() => void refetch()} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <Pager
          hasNext={list?.pageInfo.hasNextPage ?? false}
          hasPrevious={pages.hasPrevious}
          onNext={() => pages.next(list?.pageInfo.endCursor)}
          onPrevious={pages.previous}
        />
      </div>
    </>
  );
}

/** Records that the person completed the course on a day (today unless changed). */
function CompletionForm({
  assignment,
  onRecorded,
}: {
  assignment: Assignment;
  onRecorded(): void;
}) {
  const [completedOn, setCompletedOn] = useState(localDate());
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [record, { loading }] = useMutation(RecordTrainingCompletionDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      const input = {
        employeeId: assignment.employeeId,
        courseId: assignment.course.id,
        completedOn,
      };
      await record({ variables: { input } });
      onRecorded();
    } catch (caught) {
      setProblems(problemsOf(caught, ['input.completedOn']));
    }
  }
  return (
    <form
      aria-label={`Completion of ${assignment.course.code} by ${assignment.employeeId}`}
      onSubmit={(e) => void submit(e)}
    >
      <InputField
        label="Completed on"
        name="input.completedOn"
        type="date"
        value={completedOn}
        onChange={setCompletedOn}
        problems={problems}
        required
      />
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={loading || !completedOn}>
        Record
      </button>
    </form>
  );
}
