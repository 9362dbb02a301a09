import type { ReactNode } from 'react';
import type { Problem } from '../api/problemsOf';
import { Field } from './Field';
import { useFieldProblem } from './formState';

/** A choice: its value, shown as it is (an empty one as `(any)`), or with a label of its own. */
export type Choice = string | { value: string; label: string };

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly Choice[];
  /** A first, empty choice that asks for one, e.g. `(choose a course)`. */
  placeholder?: string;
  /** The server's refusal of this field (its form's refusal of `name`, unless given). */
  problem?: Problem;
  hint?: ReactNode;
  name?: string;
  required?: boolean;
}

const optionOf = (choice: Choice) =>
  typeof choice === 'string' ? { value: choice, label: choice || '(any)' } : choice;

/** A labelled select inside a {@link Field}, with the server's refusal beside it. */
export function SelectField(props: SelectFieldProps) {
  const { label, value, onChange, options, placeholder, problem, hint, name, required } = props;
  return (
    <Field label={label} problem={useFieldProblem(name, problem)} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          value={value}
          required={required}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map(optionOf).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
