import type { FormEvent, ReactNode } from 'react';
import { NO_PROBLEMS, type Problem } from '../api/problemsOf';
import { ProblemList } from './Field';
import { FormStateContext, useFormState, type FormState } from './formState';

/** How a form sends, and what its last send came to (a {@link MutationForm} is one). */
export interface FormHandle extends Partial<FormState> {
  onSubmit(event: FormEvent): void;
}

export interface FormProps {
  /** The form's accessible name, and its heading unless `title` or `heading` say otherwise. */
  label: string;
  form: FormHandle;
  /** `h2` (the default) for a form of its own, `h3` within a card, `none` for no heading. */
  heading?: 'h2' | 'h3' | 'none';
  /** The heading's words, when they say more than the label. */
  title?: ReactNode;
  /** Drawn as a card (the default), or plain inside one. */
  card?: boolean;
  children: ReactNode;
}

/**
 * A form named for assistive technology, on a card with its heading; its fields and buttons
 * show what its last send came to.
 */
export function Form(props: FormProps) {
  const { label, form, heading = 'h2', title = label, card = true, children } = props;
  const { onSubmit, problems = NO_PROBLEMS, status = null, busy = false } = form;
  const Heading = heading === 'none' ? null : heading;
  return (
    <FormStateContext.Provider value={{ problems, status, busy }}>
      <form className={card ? 'card' : undefined} aria-label={label} onSubmit={onSubmit}>
        {Heading && <Heading>{title}</Heading>}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

export interface FormActionsProps {
  /** What was refused that names no field (the form's own, unless given). */
  problems?: Problem[];
  /** What the last send did, read out as it changes (the form's own, unless given). */
  status?: ReactNode;
  /** The buttons in a toolbar row (with Back or Cancel beside the submit). */
  toolbar?: boolean;
  children: ReactNode;
}

/** The end of a form: refusals that name no field, the outcome, then the buttons. */
export function FormActions({ problems, status, toolbar = false, children }: FormActionsProps) {
  const form = useFormState();
  const said = status === undefined ? form.status : status;
  return (
    <>
      <ProblemList problems={problems ?? form.problems.general} />
      {said && <p role="status">{said}</p>}
      {toolbar ? <div className="toolbar">{children}</div> : children}
    </>
  );
}

export interface SubmitButtonProps {
  /** Not ready to send for another reason (nothing typed, nothing changed). */
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

/** The form's submit button, off while the form sends or while it is not ready. */
export function SubmitButton({ disabled = false, className, children }: SubmitButtonProps) {
  const { busy } = useFormState();
  return (
    <button type="submit" className={className} disabled={busy || disabled}>
      {children}
    </button>
  );
}
