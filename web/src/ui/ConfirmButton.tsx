import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface ConfirmButtonProps {
  /** The first button's words, e.g. `Delete`. */
  label: ReactNode;
  /** The second button's words, naming what it does and to what: `Delete the entry of 3 Mar`. */
  confirm: ReactNode;
  /** The button that steps back (`Keep it` unless given). */
  cancel?: string;
  /** Runs on the second click; absent when the second button submits the surrounding form. */
  onConfirm?(): void;
  /** Whether the second button submits the form it is in, rather than calling `onConfirm`. */
  submit?: boolean;
  disabled?: boolean;
  /** What is asked between the two clicks, e.g. a reason; shown above the second button. */
  children?: ReactNode;
}

/**
 * A button for what cannot be undone: the first click asks, naming what will happen, and only
 * the second does it. Focus moves to the question and back, so keyboard users follow along.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { label, confirm, cancel = 'Keep it', onConfirm, submit = false, disabled } = props;
  const [asked, setAsked] = useState(false);
  const second = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Only after a click here: not on the first render.
    if (!moved.current) return;
    (asked ? second : first).current?.focus();
  }, [asked]);
  const ask = (value: boolean) => {
    moved.current = true;
    setAsked(value);
  };
  if (!asked)
    return (
      <button
        type="button"
        ref={first}
        className="secondary"
        disabled={disabled}
        onClick={() => ask(true)}
      >
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label="Are you sure?">
      {props.children}
      <button
        type={submit ? 'submit' : 'button'}
        ref={second}
        className="danger"
        disabled={disabled}
        onClick={
          submit
            ? undefined
            : () => {
                setAsked(false);
                onConfirm?.();
              }
        }
      >
        {confirm}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => ask(false)}>
        {cancel}
      </button>
    </span>
  );
}
