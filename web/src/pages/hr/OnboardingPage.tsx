import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import {
  EmployeeInvitationDocument,
  OnboardAgreementDocument,
  OnboardEmployeeDocument,
  type EmploymentType,
  type SalaryBasis,
  type TermsAndConditions,
  type Weekday,
} from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { addDays, localDate } from '../../ui/dates';
import { EMPLOYMENT_TYPES, InvitationView } from './EmployeePage';
import { ManagerPicker, type ManagerChoice } from './ManagerPicker';

const STEPS = ['Person', 'Agreement', 'Manager', 'Invitation'] as const;
const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'department',
  'jobTitle',
  'grade',
  'employmentType',
  'hireDate',
] as const;
const AGREEMENT_FIELDS = [
  'agreementType',
  'startDate',
  'endDate',
  'fte',
  'termsAndConditions',
  'salaryBasis',
  'weeklyHours',
  'workingDays',
  'annualLeaveDays',
  'targets',
] as const;
const WEEKDAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
/** How long to keep asking while agreements has not yet heard of the new person (by event). */
const AGREEMENT_RETRIES = 30;
const RETRY_MS = 500;

type Person = { [K in (typeof PERSON_FIELDS)[number]]: string };
interface AgreementDraft {
  agreementType: string;
  startDate: string;
  endDate: string;
  fte: string;
  termsAndConditions: string;
  salaryBasis: string;
  weeklyHours: string;
  workingDays: Weekday[];
  annualLeaveDays: string;
  annualTargetHours: string;
}

const today = localDate();
const emptyPerson: Person = {
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
const emptyAgreement: AgreementDraft = {
  agreementType: 'AHA',
  startDate: today,
  endDate: addDays(today, 364),
  fte: '1',
  termsAndConditions: 'MODERNISED',
  salaryBasis: 'NATIONAL',
  weeklyHours: '37.5',
  workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  annualLeaveDays: '27',
  annualTargetHours: '1950',
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Onboarding in one go: the person, their agreement and manager are gathered first, then made
 * together; a refusal takes the wizard back to the step of the field at fault, and what was
 * already made is not made twice (the same idempotency keys, the person kept).
 */
export default function OnboardingPage() {
  const [step, setStep] = useState(0);
  const [person, setPerson] = useState<Person>(emptyPerson);
  const [agreement, setAgreement] = useState<AgreementDraft>(emptyAgreement);
  const [manager, setManager] = useState<ManagerChoice | null>(null);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [agreementMade, setAgreementMade] = useState(false);
  const [busy, setBusy] = useState(false);
  const keys = useRef({ person: crypto.randomUUID(), agreement: crypto.randomUUID() });
  const [createEmployee] = useMutation(OnboardEmployeeDocument);
  const [createAgreement] = useMutation(OnboardAgreementDocument);

  async function makePerson(): Promise<string | null> {
    if (created) return created.id;
    try {
      const result = await createEmployee({
        variables: {
          input: {
            ...person,
            phone: person.phone || null,
            grade: person.grade,
            employmentType: person.employmentType as EmploymentType,
            managerId: manager?.id ?? null,
            idempotencyKey: keys.current.person,
          },
        },
      });
      const made = result.data!.createEmployee;
      setCreated({ id: made.id, name: `${made.firstName} ${made.lastName}` });
      return made.id;
    } catch (caught) {
      const found = problemsOf(caught, [...PERSON_FIELDS, 'managerId']);
      setProblems(found);
      setStep(found.byField.managerId ? 2 : 0);
      return null;
    }
  }

  async function makeAgreement(employeeId: string): Promise<boolean> {
    const input = {
      employeeId,
      agreementType: agreement.agreementType,
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      fte: Number(agreement.fte),
      termsAndConditions: agreement.termsAndConditions as TermsAndConditions,
      salaryBasis: agreement.salaryBasis as SalaryBasis,
      weeklyHours: Number(agreement.weeklyHours),
      workingDays: agreement.workingDays,
      annualLeaveDays: Number(agreement.annualLeaveDays),
      targets: [
        { accrualType: 'ANNUAL_TARGET_HOURS' as const, total: Number(agreement.annualTargetHours) },
      ],
      idempotencyKey: keys.current.agreement,
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await createAgreement({ variables: { input } });
        return true;
      } catch (caught) {
        const found = problemsOf(caught, AGREEMENT_FIELDS);
        // Agreements learns of a new person by event, moments after they are made.
        const unknownPerson = found.general.some((p) => p.field === 'employeeId');
        if (unknownPerson && attempt < AGREEMENT_RETRIES) {
          await wait(RETRY_MS);
          continue;
        }
        setProblems(found);
        setStep(1);
        return false;
      }
    }
  }

  async function finish() {
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const id = await makePerson();
      if (!id) return;
      if (!agreementMade) {
        if (!(await makeAgreement(id))) return;
        setAgreementMade(true);
      }
      setStep(3);
    } finally {
      setBusy(false);
    }
  }

  function next(event: FormEvent) {
    event.preventDefault();
    if (step < 2) setStep(step + 1);
    else void finish();
  }

  const setP = (field: keyof Person) => (value: string) =>
    setPerson((p) => ({ ...p, [field]: value }));
  const setA = (field: keyof AgreementDraft) => (value: string) =>
    setAgreement((a) => ({ ...a, [field]: value }));

  return (
    <section aria-labelledby="onboard-title">
      <p>
        <Link to="/hr">Directory</Link>
      </p>
      <h1 id="onboard-title">Onboard someone</h1>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((name, index) => (
          <li key={name} aria-current={index === step ? 'step' : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {step < 3 && (
        <form className="card" aria-label={STEPS[step]} onSubmit={next}>
          <h2>{STEPS[step]}</h2>
          {step === 0 && (
            <fieldset disabled={Boolean(created)}>
              <legend>The person{created ? ' (made)' : ''}</legend>
              <div className="grid">
                <InputField
                  label="First name"
                  name="firstName"
                  value={person.firstName}
                  onChange={setP('firstName')}
                  problems={problems}
                  required
                />
                <InputField
                  label="Last name"
                  name="lastName"
                  value={person.lastName}
                  onChange={setP('lastName')}
                  problems={problems}
                  required
                />
                <InputField
                  label="Work e-mail"
                  name="email"
                  type="email"
                  value={person.email}
                  onChange={setP('email')}
                  problems={problems}
                  required
                  hint="The invitation is sent here."
                />
                <InputField
                  label="Phone (optional)"
                  name="phone"
                  value={person.phone}
                  onChange={setP('phone')}
                  problems={problems}
                />
                <InputField
                  label="Department"
                  name="department"
                  value={person.department}
                  onChange={setP('department')}
                  problems={problems}
                  required
                />
                <InputField
                  label="Job title"
                  name="jobTitle"
                  value={person.jobTitle}
                  onChange={setP('jobTitle')}
                  problems={problems}
                  required
                />
                <InputField
                  label="Grade"
                  name="grade"
                  value={person.grade}
                  onChange={setP('grade')}
                  problems={problems}
                  required
                />
                <InputField
                  label="Employment type"
                  name="employmentType"
                  value={person.employmentType}
                  onChange={setP('employmentType')}
                  problems={problems}
                  options={EMPLOYMENT_TYPES}
                />
                <InputField
                  label="Hire date"
                  name="hireDate"
                  type="date"
                  value={person.hireDate}
                  onChange={setP('hireDate')}
                  problems={problems}
                  required
                />
              </div>
            </fieldset>
          )}
          {step === 1 && (
            <fieldset disabled={agreementMade}>
              <legend>The agreement</legend>
              <div className="grid">
                <InputField
                  label="Agreement type"
                  name="agreementType"
                  value={agreement.agreementType}
                  onChange={setA('agreementType')}
                  problems={problems}
                />
                <InputField
                  label="Starts"
                  name="startDate"
                  type="date"
                  value={agreement.startDate}
                  onChange={setA('startDate')}
                  problems={problems}
                />
                <InputField
                  label="Ends"
                  name="endDate"
                  type="date"
                  value={agreement.endDate}
                  onChange={setA('endDate')}
                  problems={problems}
                />
                <InputField
                  label="FTE"
                  name="fte"
                  type="number"
                  value={agreement.fte}
                  onChange={setA('fte')}
                  problems={problems}
                />
                <InputField
                  label="Terms and conditions"
                  name="termsAndConditions"
                  value={agreement.termsAndConditions}
                  onChange={setA('termsAndConditions')}
                  problems={problems}
                  options={['MODERNISED', 'PRE_MODERNISED']}
                />
                <InputField
                  label="Salary basis"
                  name="salaryBasis"
                  value={agreement.salaryBasis}
                  onChange={setA('salaryBasis')}
                  problems={problems}
                  options={['NATIONAL', 'LONDON', 'LONDON_PROVINCIAL']}
                />
                <InputField
                  label="Weekly hours"
                  name="weeklyHours"
                  type="number"
                  value={agreement.weeklyHours}
                  onChange={setA('weeklyHours')}
                  problems={problems}
                />
                <InputField
                  label="Annual leave days"
                  name="annualLeaveDays"
                  type="number"
                  value={agreement.annualLeaveDays}
                  onChange={setA('annualLeaveDays')}
                  problems={problems}
                />
                <InputField
                  label="Annual target hours"
                  name="targets"
                  type="number"
                  value={agreement.annualTargetHours}
                  onChange={setA('annualTargetHours')}
                  problems={problems}
                />
              </div>
              <fieldset>
                <legend>Working days</legend>
                {WEEKDAYS.map((day) => (
                  <label key={day} className="inline">
                    <input
                      type="checkbox"
                      checked={agreement.workingDays.includes(day)}
                      onChange={(e) =>
                        setAgreement((a) => ({
                          ...a,
                          workingDays: e.target.checked
                            ? WEEKDAYS.filter((d) => d === day || a.workingDays.includes(d))
                            : a.workingDays.filter((d) => d !== day),
                        }))
                      }
                    />{' '}
                    {day}
                  </label>
                ))}
                {problems.byField.workingDays && (
                  <div className="field-error" role="alert">
                    {problems.byField.workingDays.message}
                  </div>
                )}
              </fieldset>
            </fieldset>
          )}
          {step === 2 && (
            <>
              <ManagerPicker
                value={manager}
                onChange={setManager}
                problem={problems.byField.managerId}
              />
              <p className="hint">
                Next makes {person.firstName || 'the person'} with this agreement
                {manager ? ` under ${manager.name}` : ''}, then shows the invitation.
              </p>
            </>
          )}
          <ProblemList problems={problems.general} />
          <div className="toolbar">
            {step > 0 && (
              <button type="button" className="secondary" onClick={() => setStep(step - 1)}>
                Back
              </button>
            )}
            <button type="submit" disabled={busy}>
              {step < 2 ? 'Next' : busy ? 'Making…' : 'Make and invite'}
            </button>
          </div>
        </form>
      )}
      {step === 3 && created && <Invitation employee={created} />}
    </section>
  );
}

/** The new person and their invitation, which accounts makes on hearing of them. */
function Invitation({ employee }: { employee: { id: string; name: string } }) {
  const { data, stopPolling } = useQuery(EmployeeInvitationDocument, {
    variables: { id: employee.id },
    pollInterval: 1000,
  });
  const invitation = data?.employee?.invitation;
  if (invitation) stopPolling();
  return (
    <div className="card" role="status">
      <h2>Invitation</h2>
      <p>
        <Link to={`/hr/employees/${employee.id}`}>{employee.name}</Link> is onboarded with their
        agreement.
      </p>
      {invitation ? (
        <InvitationView invitation={invitation} />
      ) : (
        <p>The invitation follows in a moment, once their account is made.</p>
      )}
    </div>
  );
}
