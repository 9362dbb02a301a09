import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../api/problemsOf';

export interface MutationForm {
  /** What the server refused in the last send: by field, and what names none. */
  problems: Problems;
  /** What the last send that went through said it did, for the form's status line. */
  status: string | null;
  busy: boolean;
  onSubmit(event: FormEvent): void;
  /** Sends something else from the same form (a second button), its outcome shown alike. */
  run(action: () => Promise<string | void>): Promise<void>;
}

/** How a refusal becomes the form's problems: the field names it shows, or a reading of its own. */
export type ProblemReading = readonly string[] | ((caught: unknown) => Problems);

/**
 * A form that sends what was typed: each submit clears the last refusal and outcome, runs
 * `send` (which may return the outcome to show), and shows a refusal beside the fields it names.
 */
export function useMutationForm(
  send: () => Promise<string | void>,
  reading?: ProblemReading,
): MutationForm {
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<string | void>) {
    setProblems(NO_PROBLEMS);
    setStatus(null);
    setBusy(true);
    try {
      setStatus((await action()) ?? null);
    } catch (caught) {
      setProblems(typeof reading === 'function' ? reading(caught) : problemsOf(caught, reading));
    } finally {
      setBusy(false);
    }
  }
  return {
    problems,
    status,
    busy,
    onSubmit: (event) => {
      event.preventDefault();
      void run(send);
    },
    run,
  };
}
