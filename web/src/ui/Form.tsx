import type { FormEvent, ReactNode } from 'react';
import type { Problem } from '../api/problemsOf';
import { ProblemList } from './Field';

export interface FormProps {
  /** The form's accessible name, and its heading unless `title` or `heading` say otherwise. */
  label: string;
  onSubmit(event: FormEvent): void;
  /** `h2` (the default) for a form of its own, `h3` within a card, `none` for no heading. */
  heading?: 'h2' | 'h3' | 'none';
  /** The heading's words, when they say more than the label. */
  title?: ReactNode;
  /** Drawn as a card (the default), or plain inside one. */
  card?: boolean;
  noValidate?: boolean;
  children: ReactNode;
}

/** A form named for assistive technology, on a card with its heading. */
export function Form(props: FormProps) {
  const {
    label,
    onSubmit,
    heading = 'h2',
    title = label,
    card = true,
    noValidate,
    children,
  } = props;
  const Heading = heading === 'none' ? null : heading;
  return (
    <form
      className={card ? 'card' : undefined}
      aria-label={label}
      onSubmit={onSubmit}
      noValidate={noValidate}
    >
      {Heading && <Heading>{title}</Heading>}
      {children}
    </form>
  );
}

export interface FormActionsProps {
  /** What the server refused that names no field. */
  problems: Problem[];
  /** What the last send did, read out as it changes. */
  status?: ReactNode;
  /** The buttons in a toolbar row (with Back or Cancel beside the submit). */
  toolbar?: boolean;
  children: ReactNode;
}

/** The end of a form: refusals that name no field, the outcome, then the buttons. */
export function FormActions({ problems, status, toolbar = false, children }: FormActionsProps) {
  return (
    <>
      <ProblemList problems={problems} />
      {status && <p role="status">{status}</p>}
      {toolbar ? <div className="toolbar">{children}</div> : children}
    </>
  );
}

export interface SubmitButtonProps {
  /** While the form is sending; the button waits. */
  busy: boolean;
  /** Not ready to send for another reason (nothing typed, nothing changed). */
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

/** The form's submit button, off while it sends or while the form is not ready. */
export function SubmitButton({ busy, disabled = false, className, children }: SubmitButtonProps) {
  return (
    <button type="submit" className={className} disabled={busy || disabled}>
      {children}
    </button>
  );
}
