import type {
  EmploymentType,
  SalaryBasis,
  TermsAndConditions,
  Weekday,
} from '../../../gql/graphql';
import { addDays, localDate } from '../../../ui/dates';
import type { FieldSpec } from '../../../ui/InputFields';
import { EMPLOYMENT_TYPE_LABELS, labelledChoices } from '../../../ui/enumLabels';
import type { PersonField } from '../employeeChoices';
import type { ManagerChoice } from '../ManagerPicker';

export const STEPS = ['Person', 'Agreement', 'Manager', 'Invitation'] as const;
export const PERSON_STEP = 0;
export const AGREEMENT_STEP = 1;
export const MANAGER_STEP = 2;
export const INVITATION_STEP = 3;

export const WEEKDAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export type Person = { [K in PersonField]: string };

export const PERSON_INPUTS: readonly FieldSpec<PersonField>[] = [
  { key: 'firstName', label: 'First name', required: true },
  { key: 'lastName', label: 'Last name', required: true },
  {
    key: 'email',
    label: 'Work e-mail',
    type: 'email',
    required: true,
    hint: 'The invitation is sent here.',
  },
  { key: 'phone', label: 'Phone (optional)' },
  { key: 'department', label: 'Department', required: true },
  { key: 'jobTitle', label: 'Job title', required: true },
  { key: 'grade', label: 'Grade', required: true },
  {
    key: 'employmentType',
    label: 'Employment type',
    options: labelledChoices(EMPLOYMENT_TYPE_LABELS),
  },
  { key: 'hireDate', label: 'Hire date', type: 'date', required: true },
];
export const PERSON_FIELDS = PERSON_INPUTS.map((input) => input.key);

type AgreementKey =
  | 'agreementType'
  | 'startDate'
  | 'endDate'
  | 'fte'
  | 'termsAndConditions'
  | 'salaryBasis'
  | 'weeklyHours'
  | 'annualLeaveDays'
  | 'annualTargetHours';
export type AgreementDraft = { [K in AgreementKey]: string };

export const AGREEMENT_INPUTS: readonly FieldSpec<AgreementKey>[] = [
  { key: 'agreementType', label: 'Agreement type' },
  { key: 'startDate', label: 'Starts', type: 'date' },
  { key: 'endDate', label: 'Ends', type: 'date' },
  { key: 'fte', label: 'FTE', type: 'number' },
  {
    key: 'termsAndConditions',
    label: 'Terms and conditions',
    options: ['MODERNISED', 'PRE_MODERNISED'],
  },
  {
    key: 'salaryBasis',
    label: 'Salary basis',
    options: ['NATIONAL', 'LONDON', 'LONDON_PROVINCIAL'],
  },
  { key: 'weeklyHours', label: 'Weekly hours', type: 'number' },
  { key: 'annualLeaveDays', label: 'Annual leave days', type: 'number' },
  { key: 'annualTargetHours', name: 'targets', label: 'Annual target hours', type: 'number' },
];
/** The agreement's fields as the server names them in a refusal. */
export const AGREEMENT_FIELDS = [
  ...AGREEMENT_INPUTS.map((input) => input.name ?? input.key),
  'workingDays',
];

const today = localDate();
export const EMPTY_PERSON: Person = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  department: '',
  jobTitle: '',
  grade: '',
  employmentType: 'FULL_TIME',
  hireDate: today,
};
export const EMPTY_AGREEMENT: AgreementDraft = {
  agreementType: 'AHA',
  startDate: today,
  endDate: addDays(today, 364),
  fte: '1',
  termsAndConditions: 'MODERNISED',
  salaryBasis: 'NATIONAL',
  weeklyHours: '37.5',
  annualLeaveDays: '27',
  annualTargetHours: '1950',
};

export const FIVE_DAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** The new person as the onboarding mutation takes them. */
export const personInputOf = (person: Person, manager: ManagerChoice | null, key: string) => ({
  ...person,
  phone: person.phone || null,
  employmentType: person.employmentType as EmploymentType,
  managerId: manager?.id ?? null,
  idempotencyKey: key,
});

/** Their agreement as the onboarding mutation takes it. */
export const agreementInputOf = (
  draft: AgreementDraft,
  workingDays: Weekday[],
  employeeId: string,
  key: string,
) => ({
  employeeId,
  agreementType: draft.agreementType,
  startDate: draft.startDate,
  endDate: draft.endDate,
  fte: Number(draft.fte),
  termsAndConditions: draft.termsAndConditions as TermsAndConditions,
  salaryBasis: draft.salaryBasis as SalaryBasis,
  weeklyHours: Number(draft.weeklyHours),
  workingDays,
  annualLeaveDays: Number(draft.annualLeaveDays),
  targets: [
    { accrualType: 'ANNUAL_TARGET_HOURS' as const, total: Number(draft.annualTargetHours) },
  ],
  idempotencyKey: key,
});
