import type { Problems } from '../api/problemsOf';
import { SelectField, type Choice } from './SelectField';
import { TextField } from './TextField';

export interface InputFieldProps {
  label: string;
  /** The input's field name as the server names it in extensions.field. */
  name: string;
  value: string;
  onChange(value: string): void;
  /** The refusal to show `name`'s problem from; the surrounding form's when absent. */
  problems?: Problems;
  type?: 'text' | 'date' | 'email' | 'number' | 'month' | 'datetime-local' | 'time';
  required?: boolean;
  hint?: string;
  /** Choices: a select instead of an input. */
  options?: readonly Choice[];
  /** Values an input offers as one types; others may still be typed. */
  suggestions?: readonly string[];
}

/** A {@link TextField} or {@link SelectField} with the server's refusal of `name` beside it. */
export function InputField(props: InputFieldProps) {
  const { name, problems, type = 'text', required, options, suggestions, ...shared } = props;
  const problem = problems?.byField[name];
  if (options) return <SelectField {...shared} name={name} problem={problem} options={options} />;
  return (
    <TextField
      {...shared}
      name={name}
      type={type}
      required={required}
      step={type === 'number' ? 'any' : undefined}
      problem={problem}
      suggestions={suggestions}
    />
  );
}
