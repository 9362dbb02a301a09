import type { Problems } from '../../../api/problemsOf';
import type { Weekday } from '../../../gql/graphql';
import { CheckField } from '../../../ui/CheckField';
import { InputFields } from '../../../ui/InputFields';
import { ManagerPicker } from '../ManagerPicker';
import { AGREEMENT_INPUTS, PERSON_INPUTS, WEEKDAYS, type AgreementDraft } from './onboardingDrafts';
import type { Onboarding } from './useOnboarding';

/** The person's details; fixed once they are made. */
export function PersonStep({ wizard }: { wizard: Onboarding }) {
  const { person, made, problems, setPerson } = wizard;
  return (
    <fieldset disabled={Boolean(made)}>
      <legend>The person{made ? ' (made)' : ''}</legend>
      <div className="grid">
        <InputFields
          fields={PERSON_INPUTS}
          values={person}
          onChange={(key, value) => setPerson((p) => ({ ...p, [key]: value }))}
          problems={problems}
        />
      </div>
    </fieldset>
  );
}

/** Their agreement: its terms, and the days of the week they work. */
export function AgreementStep({ wizard }: { wizard: Onboarding }) {
  const { agreement, agreementMade, problems, setAgreement } = wizard;
  return (
    <fieldset disabled={agreementMade}>
      <legend>The agreement</legend>
      <div className="grid">
        <InputFields
          fields={AGREEMENT_INPUTS}
          values={agreement}
          onChange={(key, value) => setAgreement((a) => ({ ...a, [key]: value }))}
          problems={problems}
        />
      </div>
      <WorkingDays
        days={agreement.workingDays}
        onChange={(workingDays) => setAgreement((a) => ({ ...a, workingDays }))}
        problems={problems}
      />
    </fieldset>
  );
}

function WorkingDays(props: {
  days: AgreementDraft['workingDays'];
  onChange(days: Weekday[]): void;
  problems: Problems;
}) {
  const { days, onChange, problems } = props;
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
        Next makes {person.firstName || 'the person'} with this agreement
        {manager ? ` under ${manager.name}` : ''}, then shows the invitation.
      </p>
    </>
  );
}
