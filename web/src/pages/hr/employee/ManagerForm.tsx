import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { AssignManagerDocument } from '../../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { fullName } from '../../../ui/fullName';
import { useMutationForm } from '../../../ui/useMutationForm';
import { ManagerPicker, type ManagerChoice } from '../ManagerPicker';
import { changeOf, type RecordFormProps } from './employeeRecord';

/** Whom the person reports to, or nobody. */
export function ManagerForm({ employee, onSaved }: RecordFormProps) {
  const { manager } = employee;
  const current = manager ? { id: manager.id, name: fullName(manager) } : null;
  const [choice, setChoice] = useState<ManagerChoice | null>(current);
  const [assign] = useMutation(AssignManagerDocument);
  const form = useMutationForm(async () => {
    await assign(changeOf(employee, { managerId: choice?.id ?? null }));
    onSaved();
  }, ['managerId']);
  return (
    <Form label="Manager" form={form}>
      <ManagerPicker
        value={choice}
        onChange={setChoice}
        problem={form.problems.byField.managerId}
      />
      <FormActions>
        <SubmitButton disabled={choice?.id === current?.id}>Save manager</SubmitButton>
      </FormActions>
    </Form>
  );
}
