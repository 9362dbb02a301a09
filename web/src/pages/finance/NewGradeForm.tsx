import { useMutation } from '@apollo/client/react';
import { CreateGradeDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { useDraft } from '../../ui/useDraft';
import { useMutationForm } from '../../ui/useMutationForm';

const EMPTY = { code: '', description: '' };

/** A new grade: its code, and what it is. */
export function NewGradeForm({ onMade }: { onMade(): void }) {
  const { draft, setDraft, bind } = useDraft(EMPTY);
  const [create] = useMutation(CreateGradeDocument);
  const form = useMutationForm(async () => {
    await create({ variables: { input: { ...draft, description: draft.description || null } } });
    setDraft(EMPTY);
    onMade();
  }, Object.keys(EMPTY));
  return (
    <Form label="New grade" form={form}>
      <div className="filters">
        <InputField label="Code" {...bind('code')} required />
        <InputField label="Description" {...bind('description')} />
      </div>
      <FormActions>
        <SubmitButton>Add grade</SubmitButton>
      </FormActions>
    </Form>
  );
}
