import type { Problem } from '../../api/problemsOf';
import { PersonSearch, type PersonChoice } from './PersonSearch';

export type ManagerChoice = PersonChoice;

export interface ManagerPickerProps {
  value: ManagerChoice | null;
  onChange(choice: ManagerChoice | null): void;
  problem?: Problem;
  /** What the chosen person is to the page (default `Manager`). */
  heading?: string;
  /** The search box's label (default `Find a manager by name`). */
  label?: string;
}

/** Finds a manager (or anyone) by name as one types, and chooses one of the matches (or none). */
export function ManagerPicker(props: ManagerPickerProps) {
  const { value, onChange, problem } = props;
  const { heading = 'Manager', label = 'Find a manager by name' } = props;
  return (
    <div className="manager-picker">
      <p>
        {heading}: <strong>{value ? value.name : 'none'}</strong>{' '}
        {value && (
          <button type="button" className="secondary" onClick={() => onChange(null)}>
            Remove
          </button>
        )}
      </p>
      <PersonSearch label={label} verb="Choose" onPick={onChange} problem={problem} />
    </div>
  );
}
