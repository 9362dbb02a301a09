import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Problem } from '../api/problemsOf';
import { Field } from './Field';
import { useFieldProblem } from './formState';

type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby' | 'aria-invalid'
>;

export interface TextFieldProps extends InputAttributes {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The server's refusal of this field, shown beside it (its form's refusal of `name`, unless given). */
  problem?: Problem;
  hint?: ReactNode;
  /** Values offered as one types (a datalist); anything else may still be typed. */
  suggestions?: readonly string[];
}

/** A labelled input (text, date, number…) inside a {@link Field}; the other props go to the input. */
export function TextField(props: TextFieldProps) {
  const { label, value, onChange, problem, hint, suggestions, ...input } = props;
  return (
    <Field label={label} problem={useFieldProblem(input.name, problem)} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <>
          <input
            {...input}
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            list={suggestions ? `${id}-list` : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
          {suggestions && (
            <datalist id={`${id}-list`}>
              {suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}
