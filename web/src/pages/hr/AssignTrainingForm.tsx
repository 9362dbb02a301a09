import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { AssignTrainingDocument, TrainingCourseChoicesDocument } from '../../gql/graphql';
import { Field, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { addDays, localDate } from '../../ui/dates';
import { PeoplePicker, type PersonChoice } from './PeoplePicker';

const FIELDS = ['input.courseId', 'input.department', 'input.employeeIds', 'input.dueDate'];

/** HR assigns a course to everyone in a department (joiners too) or to people by name. */
export function AssignTrainingForm({ onAssigned }: { onAssigned(): void }) {
  const courses = useQuery(TrainingCourseChoicesDocument);
  const [courseId, setCourseId] = useState('');
  const [to, setTo] = useState<'department' | 'people'>('department');
  const [department, setDepartment] = useState('');
  const [people, setPeople] = useState<PersonChoice[]>([]);
  const [dueDate, setDueDate] = useState(addDays(localDate(), 30));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [assign, { loading }] = useMutation(AssignTrainingDocument);
  const list = courses.data?.trainingCourses.nodes ?? [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setOutcome(null);
    const target = to === 'department' ? { department } : { employeeIds: people.map((p) => p.id) };
    try {
      const result = await assign({ variables: { input: { courseId, dueDate, ...target } } });
      const count = result.data?.assignTraining.assignments.length ?? 0;
      const course = list.find((c) => c.id === courseId)?.title ?? 'The course';
      setOutcome(
        `${course} is assigned to ${count} ${count === 1 ? 'person' : 'people'}` +
          (to === 'department' ? ` in ${department.trim()}, and to whoever joins it.` : '.'),
      );
      onAssigned();
    } catch (caught) {
      setProblems(problemsOf(caught, FIELDS));
    }
  }
  return (
    <form aria-label="Assign a course" onSubmit={(e) => void submit(e)}>
      <h3>Assign a course</h3>
      <Field label="Course" problem={problems.byField['input.courseId']}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            value={courseId}
            onChange={(e) => setCourseId(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            required
          >
            <option value="">(choose a course)</option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({c.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>Assign to</legend>
        <label>
          <input
            type="radio"
            name="assign-to"
            checked={to === 'department'}
            onChange={() => setTo('department')}
          />{' '}
          A department, and whoever joins it
        </label>{' '}
        <label>
          <input
            type="radio"
            name="assign-to"
            checked={to === 'people'}
            onChange={() => setTo('people')}
          />{' '}
          People by name
        </label>
      </fieldset>
      {to === 'department' ? (
        <InputField
          label="Department to assign"
          name="input.department"
          value={department}
          onChange={setDepartment}
          problems={problems}
          required
        />
      ) : (
        <PeoplePicker
          value={people}
          onChange={setPeople}
          problem={problems.byField['input.employeeIds']}
        />
      )}
      <InputField
        label="Due by"
        name="input.dueDate"
        type="date"
        value={dueDate}
        onChange={setDueDate}
        problems={problems}
        required
      />
      <ProblemList problems={problems.general} />
      {outcome && <p role="status">{outcome}</p>}
      <button
        type="submit"
        disabled={
          loading || !courseId || (to === 'people' ? people.length === 0 : !department.trim())
        }
      >
        Assign
      </button>
    </form>
  );
}
