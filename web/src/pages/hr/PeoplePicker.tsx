import type { Problem } from '../../api/problemsOf';
import { PersonSearch, type PersonChoice } from './PersonSearch';

export type { PersonChoice };

export interface PeoplePickerProps {
  value: PersonChoice[];
  onChange(choice: PersonChoice[]): void;
  problem?: Problem;
}

/** Finds people by name as one types and gathers several; each chosen one can be removed. */
export function PeoplePicker({ value, onChange, problem }: PeoplePickerProps) {
  return (
    <div className="people-picker">
      {value.length > 0 && (
        <ul aria-label="Chosen people">
          {value.map((person) => (
            <li key={person.id}>
              {/* The name is beside it: the button repeats it for screen readers only. */}
              {person.name}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={`Remove ${person.name}`}
                onClick={() => onChange(value.filter((p) => p.id !== person.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonSearch
        label="Find people by name"
        verb="Add"
        onPick={(person) => onChange([...value, person])}
        exclude={new Set(value.map((p) => p.id))}
        problem={problem}
      />
    </div>
  );
}
