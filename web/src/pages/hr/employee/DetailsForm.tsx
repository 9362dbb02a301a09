import { useMutation } from '@apollo/client/react';
import { UpdateEmployeeDocument, type EmploymentType } from '../../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { InputFields, type FieldSpec } from '../../../ui/InputFields';
import { EMPLOYMENT_TYPE_LABELS, labelledChoices } from '../../../ui/enumLabels';
import { useDraft } from '../../../ui/useDraft';
import { useMutationForm } from '../../../ui/useMutationForm';
import type { PersonField } from '../employeeChoices';
import { changeOf, type RecordFormProps } from './employeeRecord';

type Editable = PersonField | 'location' | 'timeZone';

const DETAILS: readonly FieldSpec<Editable>[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'phone', label: 'Phone' },
  { key: 'department', label: 'Department' },
  { key: 'jobTitle', label: 'Job title' },
  { key: 'grade', label: 'Grade' },
  {
    key: 'employmentType',
    label: 'Employment type',
    options: labelledChoices(EMPLOYMENT_TYPE_LABELS),
  },
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
  const details = useDraft(initial);
  const { draft } = details;
  const [update] = useMutation(UpdateEmployeeDocument);
  const form = useMutationForm(async () => {
    // Only what changed, so an unchanged field is never refused.
    const changes = Object.fromEntries(
      EDITABLE.filter((f) => draft[f] !== initial[f]).map((f) => [f, draft[f] || null]),
    );
    await update(
      changeOf(employee, {
        ...changes,
        employmentType: (changes.employmentType ?? undefined) as EmploymentType | undefined,
      }),
    );
    onSaved();
  }, EDITABLE);
  return (
    <Form label="Details" form={form}>
      <InputFields fields={DETAILS} values={details} />
      <FormActions>
        <SubmitButton>Save details</SubmitButton>
      </FormActions>
    </Form>
  );
}
