import { useMutation } from '@apollo/client/react';
import { CreateTrainingCourseDocument, TrainingCourseChoicesDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { useDraft } from '../../ui/useDraft';
import { useMutationForm } from '../../ui/useMutationForm';

const FIELDS = ['input.code', 'input.title', 'input.validityMonths'];
const EMPTY = { code: '', title: '', months: '' };

/** A new course to assign: its code, title and how long a completion stays valid. */
export function CourseForm() {
  const { draft, setDraft, bind } = useDraft(EMPTY);
  const { code, title, months } = draft;
  const [create] = useMutation(CreateTrainingCourseDocument, {
    refetchQueries: [TrainingCourseChoicesDocument],
  });
  const form = useMutationForm(async () => {
    const validityMonths = months.trim() ? Number(months) : null;
    await create({ variables: { input: { code, title, validityMonths } } });
    setDraft(EMPTY);
    return `${title} (${code}) is added.`;
  }, FIELDS);
  return (
    <Form label="New course" form={form} heading="h3" card={false}>
      <div className="inline-form">
        <InputField label="Course code" {...bind('code', 'input.code')} required />
        <InputField label="Course title" {...bind('title', 'input.title')} required />
        <InputField
          label="Valid for (months)"
          {...bind('months', 'input.validityMonths')}
          type="number"
          hint="Empty: it never expires."
        />
      </div>
      <FormActions>
        <SubmitButton disabled={!code.trim() || !title.trim()}>Add the course</SubmitButton>
      </FormActions>
    </Form>
  );
}
