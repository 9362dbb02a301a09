import type { ReactNode } from 'react';

export interface CheckFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** `radio` for one of a group named `name`. */
  type?: 'checkbox' | 'radio';
  name?: string;
  className?: string;
}

/** A checkbox (or radio button) with its words beside it, inside its label. */
export function CheckField({
  label,
  checked,
  onChange,
  type = 'checkbox',
  name,
  className,
}: CheckFieldProps) {
  return (
    <label className={className}>
      <input
        type={type}
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {label}
    </label>
  );
}
