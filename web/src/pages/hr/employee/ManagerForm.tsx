import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { AssignManagerDocument } from '../../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { fullName } from '../../../ui/fullName';
import { useMutationForm } from '../../../ui/useMutationForm';
import { ManagerPicker, type ManagerChoice } from '../ManagerPicker';
import { changeOf, KEPT_AS_HISTORY, type RecordFormProps } from './employeeRecord';
import { KeptCard } from './KeptCard';

/** Whom the person reports to, or nobody; only read once their employment has ended. */
export function ManagerForm({ employee, onSaved }: RecordFormProps) {
  if (employee.status === 'TERMINATED') return <KeptManager employee={employee} />;
  return <ManagerChoiceForm employee={employee} onSaved={onSaved} />;
}

/** A terminated person's last manager, which the server no longer changes. */
function KeptManager({ employee }: Pick<RecordFormProps, 'employee'>) {
  return (
    <KeptCard heading="Manager">
      Reported to <strong>{employee.manager ? fullName(employee.manager) : 'nobody'}</strong>.{' '}
      {KEPT_AS_HISTORY}
    </KeptCard>
  );
}

function ManagerChoiceForm({ employee, onSaved }: RecordFormProps) {
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
