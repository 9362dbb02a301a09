import type { ReactNode } from 'react';
import { CsvButton, type CsvButtonProps } from './CsvButton';

/** The toolbar above a list: its CSV export, then any other buttons. */
export function CsvToolbar<T>({ children, ...csv }: CsvButtonProps<T> & { children?: ReactNode }) {
  return (
    <div className="toolbar">
      <CsvButton {...csv} />
      {children}
    </div>
  );
}
