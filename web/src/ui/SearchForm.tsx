import type { ReactNode } from 'react';
import { NO_PROBLEMS, type Problems } from '../api/problemsOf';
import { FormStateContext } from './formState';

export interface SearchFormProps {
  /** Its accessible name, where the page has more than one kind of form. */
  label?: string;
  /** Lay the fields side by side (the default); false when they lay themselves out. */
  inline?: boolean;
  /** The list's refusal of a filter, shown beside the filter's field. */
  problems?: Problems;
  children: ReactNode;
}

/** The filters of a list, in a search landmark: they apply as they are typed, with no submit. */
export function SearchForm({ label, inline = true, problems, children }: SearchFormProps) {
  return (
    <FormStateContext.Provider
      value={{ problems: problems ?? NO_PROBLEMS, status: null, busy: false }}
    >
      <form
        className={inline ? 'card filters' : 'card'}
        role="search"
        aria-label={label}
        onSubmit={(e) => e.preventDefault()}
      >
        {children}
      </form>
    </FormStateContext.Provider>
  );
}
