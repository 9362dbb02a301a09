import { Link } from 'react-router';
import { Form, FormActions, SubmitButton } from '../../../ui/Form';
import { Page } from '../../../ui/Page';
import { OnboardingInvitation } from './OnboardingInvitation';
import { AgreementStep, ManagerStep, PersonStep } from './OnboardingSteps';
import {
  AGREEMENT_STEP,
  INVITATION_STEP,
  MANAGER_STEP,
  PERSON_STEP,
  STEPS,
} from './onboardingDrafts';
import { useOnboarding } from './useOnboarding';

/**
 * Onboarding in one go: the person, their agreement and manager are gathered first, then made
 * together; a refusal takes the wizard back to the step of the field at fault.
 */
export default function OnboardingPage() {
  const wizard = useOnboarding();
  const { step, busy, made } = wizard;
  return (
    <Page id="onboard" title="Onboard someone" before={<DirectoryLink />}>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((name, index) => (
          <li key={name} aria-current={index === step ? 'step' : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {step < INVITATION_STEP && (
        <Form label={STEPS[step]} form={{ onSubmit: wizard.next, problems: wizard.problems, busy }}>
          {step === PERSON_STEP && <PersonStep wizard={wizard} />}
          {step === AGREEMENT_STEP && <AgreementStep wizard={wizard} />}
          {step === MANAGER_STEP && <ManagerStep wizard={wizard} />}
          <FormActions toolbar>
            {step > PERSON_STEP && (
              <button type="button" className="secondary" onClick={wizard.back}>
                Back
              </button>
            )}
            <SubmitButton>
              {step < MANAGER_STEP ? 'Next' : busy ? 'Making…' : 'Make and invite'}
            </SubmitButton>
          </FormActions>
        </Form>
      )}
      {step === INVITATION_STEP && made && <OnboardingInvitation employee={made} />}
    </Page>
  );
}

function DirectoryLink() {
  return (
    <p>
      <Link to="/hr">Directory</Link>
    </p>
  );
}
