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

export interface InputFieldsProps<K extends string> {
  fields: readonly FieldSpec<K>[];
  values: { [key in K]: string };
  onChange(key: K, value: string): void;
  problems: Problems;
}

/** A run of {@link InputField}s, one per field of a draft held as text. */
export function InputFields<K extends string>(props: InputFieldsProps<K>) {
  const { fields, values, onChange, problems } = props;
  return (
    <>
      {fields.map(({ key, name = key, ...field }) => (
        <InputField
          key={key}
          {...field}
          name={name}
          value={values[key]}
          onChange={(value) => onChange(key, value)}
          problems={problems}
        />
      ))}
    </>
  );
}
