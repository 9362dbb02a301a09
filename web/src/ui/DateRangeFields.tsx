import type { Problems } from '../api/problemsOf';
import { InputField } from './InputField';

export interface DateRangeFieldsProps {
  from: string;
  to: string;
  onFrom(value: string): void;
  onTo(value: string): void;
  /** The read's refusal, of `from` or `to` beside its field. */
  problems?: Problems;
}

/** The From and To days of a period, side by side. */
export function DateRangeFields({ from, to, onFrom, onTo, problems }: DateRangeFieldsProps) {
  return (
    <div className="filters">
      <InputField
        label="From"
        name="from"
        type="date"
        value={from}
        onChange={onFrom}
        problems={problems}
      />
      <InputField label="To" name="to" type="date" value={to} onChange={onTo} problems={problems} />
    </div>
  );
}
