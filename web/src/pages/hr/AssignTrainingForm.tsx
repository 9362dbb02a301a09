import { useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useState } from 'react';
import { AssignTrainingDocument, TrainingCourseChoicesDocument } from '../../gql/graphql';
import { CheckField } from '../../ui/CheckField';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { SelectField } from '../../ui/SelectField';
import { addDays, localDate } from '../../ui/dates';
import { useMutationForm } from '../../ui/useMutationForm';
import { PeoplePicker, type PersonChoice } from './PeoplePicker';
import { useDepartments } from './useDepartments';

const FIELDS = ['input.courseId', 'input.department', 'input.employeeIds', 'input.dueDate'];
type Target = 'department' | 'people';

/** HR assigns a course to everyone in a department (joiners too) or to people by name. */
export function AssignTrainingForm({ onAssigned }: { onAssigned(): void }) {
  const courses = useQuery(TrainingCourseChoicesDocument);
  const [courseId, setCourseId] = useState('');
  const [to, setTo] = useState<Target>('department');
  const [department, setDepartment] = useState('');
  const [people, setPeople] = useState<PersonChoice[]>([]);
  const [dueDate, setDueDate] = useState(addDays(localDate(), 30));
  const [assign] = useMutation(AssignTrainingDocument);
  const departments = useDepartments();
  const list = courses.data?.trainingCourses.nodes ?? [];
  const form = useMutationForm(async () => {
    const target = to === 'department' ? { department } : { employeeIds: people.map((p) => p.id) };
    const result = await assign({ variables: { input: { courseId, dueDate, ...target } } });
    const count = result.data?.assignTraining.assignments.length ?? 0;
    const course = list.find((c) => c.id === courseId)?.title ?? 'The course';
    onAssigned();
    return (
      `${course} is assigned to ${count} ${count === 1 ? 'person' : 'people'}` +
      (to === 'department' ? ` in ${department.trim()}, and to whoever joins it.` : '.')
    );
  }, FIELDS);
  const chosen = to === 'people' ? people.length > 0 : Boolean(department.trim());
  return (
    <Form label="Assign a course" form={form} heading="h3" card={false}>
      <SelectField
        label="Course"
        value={courseId}
        onChange={setCourseId}
        placeholder="(choose a course)"
        options={list.map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }))}
        name="input.courseId"
        required
      />
      <TargetChoice value={to} onChange={setTo} />
      {to === 'department' ? (
        // A course goes to a department people work in: one typed wrongly would reach nobody.
        <SelectField
          label="Department to assign"
          name="input.department"
          value={department}
          onChange={setDepartment}
          placeholder="(choose a department)"
          options={departments}
          required
        />
      ) : (
        <PeoplePicker
          value={people}
          onChange={setPeople}
          problem={form.problems.byField['input.employeeIds']}
        />
      )}
      <InputField
        label="Due by"
        name="input.dueDate"
        type="date"
        value={dueDate}
        onChange={setDueDate}
        required
      />
      <FormActions>
        <SubmitButton disabled={!courseId || !chosen}>Assign</SubmitButton>
      </FormActions>
    </Form>
  );
}

const TARGETS: [Target, string][] = [
  ['department', 'A department, and whoever joins it'],
  ['people', 'People by name'],
];

/** Whom the course goes to: a department, or people chosen by name. */
function TargetChoice({ value, onChange }: { value: Target; onChange(to: Target): void }) {
  return (
    <fieldset>
      <legend>Assign to</legend>
      {TARGETS.map(([target, label], index) => (
        <Fragment key={target}>
          {index > 0 && ' '}
          <CheckField
            type="radio"
            name="assign-to"
            label={label}
            checked={value === target}
            onChange={() => onChange(target)}
          />
        </Fragment>
      ))}
    </fieldset>
  );
}
