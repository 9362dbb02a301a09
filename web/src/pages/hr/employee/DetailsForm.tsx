import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { UpdateEmployeeDocument, type EmploymentType } from '../../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { InputFields, type FieldSpec } from '../../../ui/InputFields';
import { useMutationForm } from '../../../ui/useMutationForm';
import { EMPLOYMENT_TYPES } from '../employeeChoices';
import type { RecordFormProps } from './employeeRecord';

type Editable =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'department'
  | 'jobTitle'
  | 'grade'
  | 'employmentType'
  | 'hireDate'
  | 'location'
  | 'timeZone';

const DETAILS: readonly FieldSpec<Editable>[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'phone', label: 'Phone' },
  { key: 'department', label: 'Department' },
  { key: 'jobTitle', label: 'Job title' },
  { key: 'grade', label: 'Grade' },
  { key: 'employmentType', label: 'Employment type', options: EMPLOYMENT_TYPES },
  { key: 'hireDate', label: 'Hire date', type: 'date' },
  { key: 'location', label: 'Location' },
  { key: 'timeZone', label: 'Time zone' },
];
const EDITABLE = DETAILS.map((field) => field.key);

/** The person's details, each changed in place. */
export function DetailsForm({ employee, onSaved }: RecordFormProps) {
  const initial = Object.fromEntries(EDITABLE.map((f) => [f, employee[f] ?? ''])) as {
    [K in Editable]: string;
  };
  const [draft, setDraft] = useState(initial);
  const [update] = useMutation(UpdateEmployeeDocument);
  const form = useMutationForm(async () => {
    // Only what changed, so an unchanged field is never refused.
    const changes = Object.fromEntries(
      EDITABLE.filter((f) => draft[f] !== initial[f]).map((f) => [f, draft[f] || null]),
    );
    await update({
      variables: {
        input: {
          id: employee.id,
          expectedVersion: employee.version,
          ...changes,
          employmentType: (changes.employmentType ?? undefined) as EmploymentType | undefined,
        },
      },
    });
    onSaved();
  }, EDITABLE);
  return (
    <Form label="Details" onSubmit={form.onSubmit}>
      <div className="grid">
        <InputFields
          fields={DETAILS}
          values={draft}
          onChange={(key, value) => setDraft((d) => ({ ...d, [key]: value }))}
          problems={form.problems}
        />
      </div>
      <FormActions problems={form.problems.general}>
        <SubmitButton busy={form.busy}>Save details</SubmitButton>
      </FormActions>
    </Form>
  );
}
