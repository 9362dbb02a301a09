import { useId, type ReactElement, type ReactNode } from 'react';
import { policyLabel, type Problem } from '../api/problemsOf';
import { formatDateTime } from './dates';

export interface FieldProps {
  label: string;
  problem?: Problem;
  hint?: ReactNode;
  /** The control; it receives the id, and the description ids of the hint and the error. */
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactElement;
}

/** A labelled control with the server's error for its field right beside it. */
export function Field({ label, problem, hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [hint ? hintId : undefined, problem ? errorId : undefined].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(problem) })}
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {problem && (
        <div className="field-error" id={errorId} role="alert">
          {problem.message}
          {problem.policy && <PolicyNote policy={problem.policy} />}
        </div>
      )}
    </div>
  );
}

export function PolicyNote({ policy }: { policy: NonNullable<Problem['policy']> }) {
  return <span className="policy"> Rule: {policyLabel(policy)}</span>;
}

/**
 * Problems that name no field, above the form's buttons; each message once (a read of many
 * rows may be refused the same way for each).
 */
export function ProblemList({ problems }: { problems: Problem[] }) {
  const distinct = problems.filter(
    (problem, index) => problems.findIndex((p) => p.message === problem.message) === index,
  );
  if (distinct.length === 0) return null;
  // The alert wraps the list: a role on the ul itself would leave its items outside any list.
  return (
    <div role="alert">
      <ul className="problems">
        {distinct.map((problem, index) => (
          <li key={index}>
            {problem.message}
            {problem.policy && <PolicyNote policy={problem.policy} />}
            {problem.clashes && (
              <ul>
                {problem.clashes.map((clash) => (
                  <li key={clash.id} className="clash">
                    Clashes with the entry {formatDateTime(clash.startTime)} –{' '}
                    {clash.endTime ? formatDateTime(clash.endTime) : 'open'}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
