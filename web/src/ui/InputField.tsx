import type { Problems } from '../api/problemsOf';
import { Field } from './Field';

export interface InputFieldProps {
  label: string;
  /** The input's field name as the server names it in extensions.field. */
  name: string;
  value: string;
  onChange(value: string): void;
  problems: Problems;
  type?: 'text' | 'date' | 'email' | 'number' | 'month' | 'datetime-local' | 'time';
  required?: boolean;
  hint?: string;
  /** Choices: a select instead of an input. */
  options?: readonly string[];
}

/** A text input or select inside a {@link Field}, with the server's error for `name` beside it. */
export function InputField(props: InputFieldProps) {
  const { label, name, value, onChange, problems, type = 'text', required, hint, options } = props;
  return (
    <Field label={label} problem={problems.byField[name]} hint={hint}>
      {({ id, describedBy, invalid }) =>
        options ? (
          <select
            id={id}
            name={name}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {option || '(any)'}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            name={name}
            type={type}
            value={value}
            required={required}
            step={type === 'number' ? 'any' : undefined}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )
      }
    </Field>
  );
}
