import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { PublishShiftsDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { useMutationForm } from '../../ui/useMutationForm';
import { localAt, nextDay, offsetDateTime } from './localTimes';
import type { Person } from './ReportChooser';

interface ShiftRow {
  start: string;
  end: string;
  shiftType: string;
}

const FIELDS = ['start', 'end', 'shiftType'] as const;

/** The shifts of one publication; the server names a bad one as `shifts[i].end`. */
export function PublishShiftsForm({ person, zone }: { person: Person; zone: string }) {
  const [rows, setRows] = useState<ShiftRow[]>([
    { start: localAt(1, '09:00', zone), end: localAt(1, '17:00', zone), shiftType: '' },
  ]);
  const [publish] = useMutation(PublishShiftsDocument, {
    refetchQueries: ['ReportSchedule'],
    awaitRefetchQueries: true,
  });
  const form = useMutationForm(
    async () => {
      const shifts = rows.map((row) => ({
        start: offsetDateTime(row.start, zone),
        end: offsetDateTime(row.end, zone),
        shiftType: row.shiftType.trim() || null,
      }));
      const input = { employeeId: person.id, shifts, idempotencyKey: crypto.randomUUID() };
      const result = await publish({ variables: { input } });
      const count = result.data?.publishSchedule.length ?? 0;
      return `Published ${count} ${count === 1 ? 'shift' : 'shifts'} for ${person.name}.`;
    },
    rows.flatMap((_, i) => FIELDS.map((field) => `shifts[${i}].${field}`)),
  );
  const change = (index: number, patch: Partial<ShiftRow>) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  // The next shift a day after the last, at the same times.
  const add = () =>
    setRows((list) => {
      const last = list[list.length - 1];
      return [...list, { ...last, start: nextDay(last.start), end: nextDay(last.end) }];
    });
  return (
    <Form label="Publish shifts" title={`Publish shifts for ${person.name}`} form={form}>
      <p className="hint">
        Times are {person.name}&apos;s, in {zone}. The new shifts replace the published ones they
        overlap.
      </p>
      {rows.map((row, i) => (
        <ShiftFields
          key={i}
          index={i}
          row={row}
          onChange={(patch) => change(i, patch)}
          onRemove={
            rows.length > 1 ? () => setRows((list) => list.filter((_, j) => j !== i)) : undefined
          }
        />
      ))}
      <FormActions toolbar>
        <button type="button" className="secondary" onClick={add}>
          Add a shift
        </button>
        <SubmitButton>Publish</SubmitButton>
      </FormActions>
    </Form>
  );
}

interface ShiftFieldsProps {
  index: number;
  row: ShiftRow;
  onChange(patch: Partial<ShiftRow>): void;
  /** Absent for the only shift. */
  onRemove?: () => void;
}

/** One shift's start, end and kind, named as the server names them (`shifts[0].start`). */
function ShiftFields({ index, row, onChange, onRemove }: ShiftFieldsProps) {
  const field = (key: keyof ShiftRow) => ({
    name: `shifts[${index}].${key}`,
    value: row[key],
    onChange: (value: string) => onChange({ [key]: value }),
  });
  return (
    <fieldset className="shift-row">
      <legend>Shift {index + 1}</legend>
      <InputField label="Start" {...field('start')} type="datetime-local" />
      <InputField label="End" {...field('end')} type="datetime-local" />
      <InputField
        label="Kind of shift"
        {...field('shiftType')}
        hint="Optional, e.g. Early or Night."
      />
      {onRemove && (
        <button type="button" className="secondary" onClick={onRemove}>
          Remove shift {index + 1}
        </button>
      )}
    </fieldset>
  );
}
