import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { TerminateEmployeeDocument, WithdrawTerminationDocument } from '../../../gql/graphql';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Form, FormActions } from '../../../ui/Form';
import { InputField } from '../../../ui/InputField';
import { localDate, formatDate } from '../../../ui/dates';
import { fullName } from '../../../ui/fullName';
import { useMutationForm } from '../../../ui/useMutationForm';
import { changeOf, type RecordFormProps } from './employeeRecord';

/**
 * Ends the person's employment after a last day, which they work; gone once they are
 * terminated. A day still to come is scheduled: the person stays employed until it has
 * passed, the day may be moved, and the termination withdrawn.
 */
export function TerminateForm({ employee, onSaved }: RecordFormProps) {
  const scheduled = employee.terminationDate ?? null;
  const [date, setDate] = useState(scheduled ?? localDate());
  const [terminate] = useMutation(TerminateEmployeeDocument);
  const [withdraw] = useMutation(WithdrawTerminationDocument);
  const form = useMutationForm(async () => {
    await terminate(changeOf(employee, { terminationDate: date }));
    onSaved();
  }, ['terminationDate']);
  if (employee.status === 'TERMINATED') return null;
  const withdrawal = () =>
    form.run(async () => {
      await withdraw(changeOf(employee, {}));
      onSaved();
    });
  return (
    <Form label="Terminate" form={form}>
      {scheduled && (
        <p>
          Leaves on {formatDate(scheduled)}: employed until that day ends, then the employment ends
          on its own.
        </p>
      )}
      <InputField
        label="Last day of employment"
        name="terminationDate"
        type="date"
        value={date}
        onChange={setDate}
        hint="The last day is worked: employment ends once it is over. A past day ends it now."
      />
      <FormActions>
        {/* The second click names the person and the day. */}
        <ConfirmButton
          label={scheduled ? 'Move the last day' : 'Terminate employment'}
          confirm={`Terminate ${fullName(employee)} after ${formatDate(date)}`}
          cancel="Keep them employed"
          submit
          disabled={!date || date === scheduled || form.busy}
        />{' '}
        {scheduled && (
          <ConfirmButton
            label="Withdraw termination"
            confirm={`Keep ${fullName(employee)} employed after ${formatDate(scheduled)}`}
            cancel="Keep the last day"
            disabled={form.busy}
            onConfirm={() => void withdrawal()}
          />
        )}
      </FormActions>
    </Form>
  );
}
