import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { CloseViolationDocument, type ViolationsToReviewQuery } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { VIOLATION_RULE_LABELS } from '../../ui/enumLabels';
import { personName } from '../../ui/fullName';
import { useMutationForm } from '../../ui/useMutationForm';
import { formatDate } from '../../ui/dates';

type Violation = ViolationsToReviewQuery['complianceViolations']['nodes'][number];

export interface CloseViolationFormProps {
  violation: Violation;
  onClosed(): void;
}

/** Closes an open violation, with the note the server requires. */
export function CloseViolationForm({ violation, onClosed }: CloseViolationFormProps) {
  const [note, setNote] = useState('');
  const [close] = useMutation(CloseViolationDocument);
  const form = useMutationForm(async () => {
    await close({ variables: { id: violation.id, note } });
    onClosed();
  }, ['note']);
  return (
    <Form
      label={`Close ${VIOLATION_RULE_LABELS[violation.rule]} of ${personName(violation.employee)} on ${formatDate(violation.fromDate)}`}
      form={form}
      heading="none"
      card={false}
    >
      <InputField label="Note" name="note" value={note} onChange={setNote} required />
      <FormActions>
        <SubmitButton disabled={!note.trim()}>Close</SubmitButton>
      </FormActions>
    </Form>
  );
}
