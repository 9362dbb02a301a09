import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { RecordTrainingCompletionDocument, type TrainingDueQuery } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { localDate } from '../../ui/dates';
import { personName } from '../../ui/fullName';
import { useMutationForm } from '../../ui/useMutationForm';

type Assignment = TrainingDueQuery['trainingAssignments']['nodes'][number];

export interface CompletionFormProps {
  assignment: Assignment;
  onRecorded(): void;
}

/** Records that the person completed the course on a day (today unless changed). */
export function CompletionForm({ assignment, onRecorded }: CompletionFormProps) {
  const { employeeId, course } = assignment;
  const [completedOn, setCompletedOn] = useState(localDate());
  const [record] = useMutation(RecordTrainingCompletionDocument);
  const form = useMutationForm(async () => {
    await record({ variables: { input: { employeeId, courseId: course.id, completedOn } } });
    onRecorded();
  }, ['input.completedOn']);
  return (
    <Form
      label={`Completion of ${course.code} by ${personName(assignment.employee)}`}
      form={form}
      heading="none"
      card={false}
    >
      <InputField
        label="Completed on"
        name="input.completedOn"
        type="date"
        value={completedOn}
        onChange={setCompletedOn}
        required
      />
      <FormActions>
        <SubmitButton disabled={!completedOn}>Record</SubmitButton>
      </FormActions>
    </Form>
  );
}
