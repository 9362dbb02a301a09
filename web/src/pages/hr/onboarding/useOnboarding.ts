import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../../api/problemsOf';
import { OnboardAgreementDocument, OnboardEmployeeDocument } from '../../../gql/graphql';
import { fullName } from '../../../ui/fullName';
import { useDraft } from '../../../ui/useDraft';
import type { ManagerChoice } from '../ManagerPicker';
import {
  AGREEMENT_FIELDS,
  AGREEMENT_STEP,
  agreementInputOf,
  EMPTY_AGREEMENT,
  EMPTY_PERSON,
  FIVE_DAYS,
  INVITATION_STEP,
  MANAGER_STEP,
  PERSON_FIELDS,
  PERSON_STEP,
  personInputOf,
  type AgreementDraft,
  type Person,
} from './onboardingDrafts';
import { untilPersonKnown } from './untilPersonKnown';

/** The person once made: their id and name. */
export interface Made {
  id: string;
  name: string;
}

/**
 * The onboarding wizard's state: the person, their agreement and manager gathered step by step,
 * then made together on the last. A refusal takes it back to the step of the field at fault;
 * what was already made is not made twice (the same idempotency keys, the person kept).
 */
export function useOnboarding() {
  const [step, setStep] = useState(PERSON_STEP);
  const person = useDraft<Person>(EMPTY_PERSON);
  const agreement = useDraft<AgreementDraft>(EMPTY_AGREEMENT);
  const [workingDays, setWorkingDays] = useState(FIVE_DAYS);
  const [manager, setManager] = useState<ManagerChoice | null>(null);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [made, setMade] = useState<Made | null>(null);
  const [agreementMade, setAgreementMade] = useState(false);
  const [busy, setBusy] = useState(false);
  const keys = useRef({ person: crypto.randomUUID(), agreement: crypto.randomUUID() });
  const [createEmployee] = useMutation(OnboardEmployeeDocument);
  const [createAgreement] = useMutation(OnboardAgreementDocument);

  const refused = (found: Problems, at: number) => {
    setProblems(found);
    setStep(at);
  };

  async function makePerson(): Promise<string | null> {
    if (made) return made.id;
    try {
      const input = personInputOf(person.draft, manager, keys.current.person);
      const employee = (await createEmployee({ variables: { input } })).data!.createEmployee;
      setMade({ id: employee.id, name: fullName(employee) });
      return employee.id;
    } catch (caught) {
      const found = problemsOf(caught, [...PERSON_FIELDS, 'managerId']);
      refused(found, found.byField.managerId ? MANAGER_STEP : PERSON_STEP);
      return null;
    }
  }

  async function makeAgreement(employeeId: string): Promise<boolean> {
    if (agreementMade) return true;
    const { agreement: key } = keys.current;
    const input = agreementInputOf(agreement.draft, workingDays, employeeId, key);
    try {
      await untilPersonKnown(() => createAgreement({ variables: { input } }));
      setAgreementMade(true);
      return true;
    } catch (caught) {
      refused(problemsOf(caught, AGREEMENT_FIELDS), AGREEMENT_STEP);
      return false;
    }
  }

  async function finish() {
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const id = await makePerson();
      if (id && (await makeAgreement(id))) setStep(INVITATION_STEP);
    } finally {
      setBusy(false);
    }
  }

  return {
    step,
    person,
    agreement,
    workingDays,
    manager,
    problems,
    made,
    agreementMade,
    busy,
    setWorkingDays,
    setManager,
    back: () => setStep(step - 1),
    next: (event: FormEvent) => {
      event.preventDefault();
      if (step < MANAGER_STEP) setStep(step + 1);
      else void finish();
    },
  };
}

export type Onboarding = ReturnType<typeof useOnboarding>;
