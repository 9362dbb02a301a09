import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ProcessAttendanceDayDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { addDays, localDate } from '../../ui/dates';
import { useMutationForm } from '../../ui/useMutationForm';

/** Settles a day's attendance for everyone (yesterday unless changed). */
export function ProcessDayForm() {
  const [date, setDate] = useState(addDays(localDate(), -1));
  const [process, { data }] = useMutation(ProcessAttendanceDayDocument);
  const form = useMutationForm(async () => {
    await process({ variables: { input: { date } } });
  }, ['date']);
  const result = data?.processAttendanceDay;
  return (
    <Form label="Process a day" onSubmit={form.onSubmit}>
      <p className="hint">
        Settles each person&apos;s day (present, half day, absent, late) from their check-ins and
        leave. Processing a day again changes only what has changed since.
      </p>
      <InputField
        label="Day"
        name="date"
        type="date"
        value={date}
        onChange={setDate}
        problems={form.problems}
      />
      <FormActions
        problems={form.problems.general}
        status={
          result &&
          `${result.date}: ${result.processed} people processed, ${result.changed} changed.`
        }
      >
        <SubmitButton busy={form.busy} disabled={!date}>
          Process day
        </SubmitButton>
      </FormActions>
    </Form>
  );
}
