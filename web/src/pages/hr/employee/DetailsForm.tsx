import { useMutation } from '@apollo/client/react';
import { Fragment } from 'react';
import { UpdateEmployeeDocument, type EmploymentType } from '../../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { InputFields, type FieldSpec } from '../../../ui/InputFields';
import {
  EMPLOYMENT_TYPE_LABELS,
  labelledChoices,
  locationName,
  UK_REGION_LABELS,
} from '../../../ui/enumLabels';
import { formatDate } from '../../../ui/dates';
import { useDraft } from '../../../ui/useDraft';
import { useMutationForm } from '../../../ui/useMutationForm';
import type { PersonField } from '../employeeChoices';
import { useDepartments } from '../useDepartments';
import { changeOf, KEPT_AS_HISTORY, type RecordFormProps } from './employeeRecord';

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
  {
    key: 'location',
    label: 'Location',
    hint: 'Where public holidays come from: ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND, or a two-letter country code such as IE.',
    suggestions: Object.keys(UK_REGION_LABELS),
  },
  { key: 'timeZone', label: 'Time zone' },
];
const EDITABLE = DETAILS.map((field) => field.key);

/** The person's details, each changed in place; only read once their employment has ended. */
export function DetailsForm({ employee, onSaved }: RecordFormProps) {
  if (employee.status === 'TERMINATED') return <KeptDetails employee={employee} />;
  return <DetailsChoice employee={employee} onSaved={onSaved} />;
}

/** A field's value as read: a choice in words, a day formatted, nothing as a dash. */
function shown(field: FieldSpec<Editable>, value: string | null | undefined): string {
  if (!value) return '–';
  if (field.type === 'date') return formatDate(value);
  if (field.key === 'location') return locationName(value);
  const choice = field.options?.find((o) => typeof o !== 'string' && o.value === value);
  return choice && typeof choice !== 'string' ? choice.label : value;
}

/** A terminated person's details: kept as they were, since the server refuses any change. */
function KeptDetails({ employee }: Pick<RecordFormProps, 'employee'>) {
  return (
    <div className="card">
      <h2>Details</h2>
      <p>{KEPT_AS_HISTORY}</p>
      <dl className="record">
        {DETAILS.map((field) => (
          <Fragment key={field.key}>
            <dt>{field.label}</dt>
            <dd>{shown(field, employee[field.key])}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}

function DetailsChoice({ employee, onSaved }: RecordFormProps) {
  const initial = Object.fromEntries(EDITABLE.map((f) => [f, employee[f] ?? ''])) as {
    [K in Editable]: string;
  };
  const details = useDraft(initial);
  const { draft } = details;
  const [update] = useMutation(UpdateEmployeeDocument);
  const departments = useDepartments();
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
      <InputFields fields={DETAILS} values={details} suggestions={{ department: departments }} />
      <FormActions>
        <SubmitButton>Save details</SubmitButton>
      </FormActions>
    </Form>
  );
}
