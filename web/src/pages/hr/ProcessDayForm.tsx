import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ProcessAttendanceDayDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { addDays, localDate, formatDate } from '../../ui/dates';
import { useMutationForm } from '../../ui/useMutationForm';

/** Settles a day's attendance for everyone (yesterday unless changed). */
export function ProcessDayForm() {
  const [date, setDate] = useState(addDays(localDate(), -1));
  const [process] = useMutation(ProcessAttendanceDayDocument);
  const form = useMutationForm(async () => {
    const result = (await process({ variables: { input: { date } } })).data?.processAttendanceDay;
    return (
      result &&
      `${formatDate(result.date)}: ${result.processed} people processed, ${result.changed} changed.`
    );
  }, ['date']);
  return (
    <Form label="Process a day" form={form}>
      <p className="hint">
        Settles each person&apos;s day (present, half day, absent, late) from their check-ins and
        leave. Processing a day again changes only what has changed since.
      </p>
      <InputField label="Day" name="date" type="date" value={date} onChange={setDate} />
      <FormActions>
        <SubmitButton disabled={!date}>Process day</SubmitButton>
      </FormActions>
    </Form>
  );
}
