import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { TerminateEmployeeDocument } from '../../../gql/graphql';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Form, FormActions } from '../../../ui/Form';
import { InputField } from '../../../ui/InputField';
import { localDate, formatDate } from '../../../ui/dates';
import { fullName } from '../../../ui/fullName';
import { useMutationForm } from '../../../ui/useMutationForm';
import { changeOf, type RecordFormProps } from './employeeRecord';

/** Ends the person's employment on a day; gone once they are terminated. */
export function TerminateForm({ employee, onSaved }: RecordFormProps) {
  const [date, setDate] = useState(localDate());
  const [terminate] = useMutation(TerminateEmployeeDocument);
  const form = useMutationForm(async () => {
    await terminate(changeOf(employee, { terminationDate: date }));
    onSaved();
  }, ['terminationDate']);
  if (employee.status === 'TERMINATED') return null;
  return (
    <Form label="Terminate" form={form}>
      <InputField
        label="Last day of employment"
        name="terminationDate"
        type="date"
        value={date}
        onChange={setDate}
      />
      <FormActions>
        {/* Termination is final: the second click names the person and the day. */}
        <ConfirmButton
          label="Terminate employment"
          confirm={`Terminate ${fullName(employee)} on ${formatDate(date)}`}
          cancel="Keep them employed"
          submit
          disabled={!date || form.busy}
        />
      </FormActions>
    </Form>
  );
}
