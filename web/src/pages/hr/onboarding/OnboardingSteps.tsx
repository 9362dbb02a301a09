import type { Weekday } from '../../../gql/graphql';
import { CheckField } from '../../../ui/CheckField';
import { InputFields } from '../../../ui/InputFields';
import { useFormState } from '../../../ui/formState';
import { ManagerPicker } from '../ManagerPicker';
import { useDepartments } from '../useDepartments';
import { AGREEMENT_INPUTS, PERSON_INPUTS, WEEKDAYS } from './onboardingDrafts';
import type { Onboarding } from './useOnboarding';

/** The person's details; fixed once they are made. */
export function PersonStep({ wizard }: { wizard: Onboarding }) {
  const { person, made } = wizard;
  const departments = useDepartments();
  return (
    <fieldset disabled={Boolean(made)}>
      <legend>The person{made ? ' (made)' : ''}</legend>
      {/* Someone may be hired into a department nobody works in yet: suggested, not chosen. */}
      <InputFields
        fields={PERSON_INPUTS}
        values={person}
        suggestions={{ department: departments }}
      />
    </fieldset>
  );
}

/** Their agreement: its terms, and the days of the week they work. */
export function AgreementStep({ wizard }: { wizard: Onboarding }) {
  const { agreement, agreementMade, workingDays, setWorkingDays } = wizard;
  return (
    <fieldset disabled={agreementMade}>
      <legend>The agreement</legend>
      <InputFields fields={AGREEMENT_INPUTS} values={agreement} />
      <WorkingDays days={workingDays} onChange={setWorkingDays} />
    </fieldset>
  );
}

function WorkingDays({ days, onChange }: { days: Weekday[]; onChange(days: Weekday[]): void }) {
  const { problems } = useFormState();
  // Kept in the week's order, whichever is ticked first.
  const toggle = (day: Weekday, on: boolean) =>
    onChange(
      on ? WEEKDAYS.filter((d) => d === day || days.includes(d)) : days.filter((d) => d !== day),
    );
  return (
    <fieldset>
      <legend>Working days</legend>
      {WEEKDAYS.map((day) => (
        <CheckField
          key={day}
          className="inline"
          label={day}
          checked={days.includes(day)}
          onChange={(on) => toggle(day, on)}
        />
      ))}
      {problems.byField.workingDays && (
        <div className="field-error" role="alert">
          {problems.byField.workingDays.message}
        </div>
      )}
    </fieldset>
  );
}

/** Their manager, if any, and what Next is about to make. */
export function ManagerStep({ wizard }: { wizard: Onboarding }) {
  const { person, manager, problems, setManager } = wizard;
  return (
    <>
      <ManagerPicker value={manager} onChange={setManager} problem={problems.byField.managerId} />
      <p className="hint">
        Next makes {person.draft.firstName || 'the person'} with this agreement
        {manager ? ` under ${manager.name}` : ''}, then shows the invitation.
      </p>
    </>
  );
}
