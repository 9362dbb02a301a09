import type { Problems } from '../api/problemsOf';
import { InputField, type InputFieldProps } from './InputField';

/** One field of a form laid out from a list: the draft's key, and the server's name if another. */
export interface FieldSpec<K extends string> extends Omit<
  InputFieldProps,
  'name' | 'value' | 'onChange' | 'problems'
> {
  key: K;
  /** The field as the server names it in a refusal; the key when absent. */
  name?: string;
}

/** The fields' text as typed, and how to change one: a {@link useDraft}, or any alike. */
export interface FieldValues<K extends string> {
  draft: { [key in K]: string };
  set(key: K): (value: string) => void;
}

export interface InputFieldsProps<K extends string> {
  fields: readonly FieldSpec<K>[];
  values: FieldValues<K>;
  /** The refusal to show each field's problem from; the surrounding form's when absent. */
  problems?: Problems;
  /** Values a field offers as one types, by key, when only known once read (departments). */
  suggestions?: { [key in K]?: readonly string[] };
}

/** A grid of {@link InputField}s, one per field of a draft held as text. */
export function InputFields<K extends string>(props: InputFieldsProps<K>) {
  const { fields, values, problems, suggestions } = props;
  return (
    <div className="grid">
      {fields.map(({ key, name = key, ...field }) => (
        <InputField
          key={key}
          {...field}
          name={name}
          value={values.draft[key]}
          onChange={values.set(key)}
          problems={problems}
          suggestions={suggestions?.[key] ?? field.suggestions}
        />
      ))}
    </div>
  );
}
