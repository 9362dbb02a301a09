import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { Problem } from '../../api/problemsOf';
import { EmployeeDirectoryDocument } from '../../gql/graphql';
import { Field } from '../../ui/Field';
import type { ManagerChoice as PersonChoice } from './ManagerPicker';

export type { PersonChoice };

export interface PeoplePickerProps {
  value: PersonChoice[];
  onChange(choice: PersonChoice[]): void;
  problem?: Problem;
}

/** Finds people by name as one types and gathers several; each chosen one can be removed. */
export function PeoplePicker({ value, onChange, problem }: PeoplePickerProps) {
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const { data } = useQuery(EmployeeDirectoryDocument, {
    skip: typed.length < 2,
    variables: { first: 10, filter: { search: typed } },
  });
  const chosen = new Set(value.map((p) => p.id));
  const matches =
    typed.length < 2 ? [] : (data?.employees.nodes ?? []).filter((p) => !chosen.has(p.id));
  return (
    <div className="people-picker">
      {value.length > 0 && (
        <ul aria-label="Chosen people">
          {value.map((person) => (
            <li key={person.id}>
              {person.name}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(value.filter((p) => p.id !== person.id))}
              >
                Remove {person.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field label="Find people by name" problem={problem} hint="Type two letters or more.">
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
                    onChange([...value, { id: person.id, name }]);
                    setSearch('');
                  }}
                >
                  Add {name}
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
