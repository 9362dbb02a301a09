import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { Problem } from '../../api/problemsOf';
import { EmployeeDirectoryDocument } from '../../gql/graphql';
import { Field } from '../../ui/Field';

export interface ManagerChoice {
  id: string;
  name: string;
}

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
  const [search, setSearch] = useState('');
  const { data } = useQuery(EmployeeDirectoryDocument, {
    skip: search.trim().length < 2,
    variables: { first: 10, filter: { search: search.trim() } },
  });
  const matches = search.trim().length < 2 ? [] : (data?.employees.nodes ?? []);
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
      <Field label={label} problem={problem} hint="Type two letters or more.">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      {matches.length > 0 && (
        <ul aria-label="Matching people" className="choices">
          {matches.map((person) => {
            const name = `${person.firstName} ${person.lastName}`;
            return (
              <li key={person.id}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    onChange({ id: person.id, name });
                    setSearch('');
                  }}
                >
                  Choose {name}
                </button>{' '}
                <small>
                  {person.jobTitle}, {person.department}
                </small>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
