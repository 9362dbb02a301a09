import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { Problem } from '../../api/problemsOf';
import { EmployeeDirectoryDocument } from '../../gql/graphql';
import { TextField } from '../../ui/TextField';
import { fullName } from '../../ui/fullName';

/** A person found by name: their id and the name shown. */
export interface PersonChoice {
  id: string;
  name: string;
}

export interface PersonSearchProps {
  label: string;
  /** The word on each match's button: `Choose`, `Add`. */
  verb: string;
  onPick(person: PersonChoice): void;
  /** Ids not offered again (already chosen). */
  exclude?: ReadonlySet<string>;
  problem?: Problem;
}

/** A search box that lists the people whose name matches what is typed (two letters or more). */
export function PersonSearch({ label, verb, onPick, exclude, problem }: PersonSearchProps) {
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const { data } = useQuery(EmployeeDirectoryDocument, {
    skip: typed.length < 2,
    variables: { first: 10, filter: { search: typed } },
  });
  const found = typed.length < 2 ? [] : (data?.employees.nodes ?? []);
  const matches = found.filter((person) => !exclude?.has(person.id));
  return (
    <>
      <TextField
        label={label}
        problem={problem}
        hint="Type two letters or more."
        type="search"
        value={search}
        onChange={setSearch}
      />
      {matches.length > 0 && (
        <ul aria-label="Matching people" className="choices">
          {matches.map((person) => {
            const name = fullName(person);
            return (
              <li key={person.id}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    onPick({ id: person.id, name });
                    setSearch('');
                  }}
                >
                  {verb} {name}
                </button>{' '}
                <small>
                  {person.jobTitle}, {person.department}
                </small>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
