import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ChangeEmployeeStatusDocument, type EmployeeStatus } from '../../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { InputField } from '../../../ui/InputField';
import { formatDate } from '../../../ui/dates';
import { useMutationForm } from '../../../ui/useMutationForm';
import { EMPLOYEE_STATUS_LABELS, labelledChoices, valuesOf } from '../../../ui/enumLabels';
import { changeOf, type RecordFormProps } from './employeeRecord';
import { KeptCard } from './KeptCard';

/** Active, inactive or on leave (termination has a form of its own, and is final). */
export function StatusForm({ employee, onSaved }: RecordFormProps) {
  if (employee.status === 'TERMINATED') return <FinalStatus employee={employee} />;
  return <StatusChoice employee={employee} onSaved={onSaved} />;
}

/** A terminated person's status, which nothing changes any more. */
function FinalStatus({ employee }: Pick<RecordFormProps, 'employee'>) {
  return (
    <KeptCard heading="Status">
      {EMPLOYEE_STATUS_LABELS.TERMINATED}
      {employee.terminationDate && ` on ${formatDate(employee.terminationDate)}`}. Employment has
      ended, so the status no longer changes.
    </KeptCard>
  );
}

function StatusChoice({ employee, onSaved }: RecordFormProps) {
  const [status, setStatus] = useState<string>(employee.status);
  const [change] = useMutation(ChangeEmployeeStatusDocument);
  const form = useMutationForm(async () => {
    await change(changeOf(employee, { status: status as EmployeeStatus }));
    onSaved();
  }, ['status']);
  return (
    <Form label="Status" form={form}>
      <InputField
        label="Status"
        name="status"
        value={status}
        onChange={setStatus}
        options={labelledChoices(
          EMPLOYEE_STATUS_LABELS,
          valuesOf(EMPLOYEE_STATUS_LABELS).filter((s) => s !== 'TERMINATED'),
        )}
      />
      <FormActions>
        <SubmitButton disabled={status === employee.status}>Change status</SubmitButton>
      </FormActions>
    </Form>
  );
}
