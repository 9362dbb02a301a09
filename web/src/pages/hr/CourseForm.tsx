import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { CreateTrainingCourseDocument, TrainingCourseChoicesDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { useMutationForm } from '../../ui/useMutationForm';

const FIELDS = ['input.code', 'input.title', 'input.validityMonths'];

/** A new course to assign: its code, title and how long a completion stays valid. */
export function CourseForm() {
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [months, setMonths] = useState('');
  const [create] = useMutation(CreateTrainingCourseDocument, {
    refetchQueries: [TrainingCourseChoicesDocument],
  });
  const form = useMutationForm(async () => {
    const validityMonths = months.trim() ? Number(months) : null;
    await create({ variables: { input: { code, title, validityMonths } } });
    setCode('');
    setTitle('');
    setMonths('');
    return `${title} (${code}) is added.`;
  }, FIELDS);
  const { problems } = form;
  return (
    <Form label="New course" onSubmit={form.onSubmit} heading="h3" card={false}>
      <div className="inline-form">
        <InputField
          label="Course code"
          name="input.code"
          value={code}
          onChange={setCode}
          problems={problems}
          required
        />
        <InputField
          label="Course title"
          name="input.title"
          value={title}
          onChange={setTitle}
          problems={problems}
          required
        />
        <InputField
          label="Valid for (months)"
          name="input.validityMonths"
          type="number"
          value={months}
          onChange={setMonths}
          problems={problems}
          hint="Empty: it never expires."
        />
      </div>
      <FormActions problems={problems.general} status={form.status}>
        <SubmitButton busy={form.busy} disabled={!code.trim() || !title.trim()}>
          Add the course
        </SubmitButton>
      </FormActions>
    </Form>
  );
}
