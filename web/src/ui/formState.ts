import { createContext, useContext } from 'react';
import { NO_PROBLEMS, type Problem, type Problems } from '../api/problemsOf';

/** What a form's fields and buttons show of its last send. */
export interface FormState {
  problems: Problems;
  /** What the last send that went through said it did. */
  status: string | null;
  busy: boolean;
}

const IDLE: FormState = { problems: NO_PROBLEMS, status: null, busy: false };

/** The state of the {@link Form} around a field or button (idle outside any). */
export const FormStateContext = createContext<FormState>(IDLE);

export const useFormState = () => useContext(FormStateContext);

/** A field's refusal: the one it is given, or its form's refusal of its `name`. */
export function useFieldProblem(name: string | undefined, given: Problem | undefined) {
  const { problems } = useFormState();
  return given ?? (name ? problems.byField[name] : undefined);
}
