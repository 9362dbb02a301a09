import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { PublishShiftsDocument } from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { localAt, nextDay, offsetDateTime } from './localTimes';
import type { Person } from './ReportChooser';

interface ShiftRow {
  start: string;
  end: string;
  shiftType: string;
}

const FIELDS = ['start', 'end', 'shiftType'] as const;

/** The shifts of one publication; the server names a bad one as `shifts[i].end`. */
export function PublishShiftsForm({ person }: { person: Person }) {
  const [rows, setRows] = useState<ShiftRow[]>([
    { start: localAt(1, '09:00'), end: localAt(1, '17:00'), shiftType: '' },
  ]);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [done, setDone] = useState('');
  const [publish, { loading }] = useMutation(PublishShiftsDocument, {
    refetchQueries: ['ReportSchedule'],
    awaitRefetchQueries: true,
  });
  const change = (index: number, patch: Partial<ShiftRow>) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const add = () =>
    setRows((list) => {
      const last = list[list.length - 1];
      return [...list, { ...last, start: nextDay(last.start), end: nextDay(last.end) }];
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setDone('');
    const shifts = rows.map((row) => ({
      start: offsetDateTime(row.start),
      end: offsetDateTime(row.end),
      shiftType: row.shiftType.trim() || null,
    }));
    try {
      const input = { employeeId: person.id, shifts, idempotencyKey: crypto.randomUUID() };
      const result = await publish({ variables: { input } });
      setDone(`Published ${result.data?.publishSchedule.length ?? 0} shift(s) for ${person.name}.`);
    } catch (caught) {
      const fields = rows.flatMap((_, i) => FIELDS.map((field) => `shifts[${i}].${field}`));
      setProblems(problemsOf(caught, fields));
    }
  }

  return (
    <form className="card" aria-label="Publish shifts" onSubmit={(e) => void submit(e)}>
      <h2>Publish shifts for {person.name}</h2>
      <p className="hint">
        Times are in your browser&apos;s time zone. The new shifts replace the published ones they
        overlap.
      </p>
      {rows.map((row, i) => (
        <fieldset key={i} className="shift-row">
          <legend>Shift {i + 1}</legend>
          <InputField
            label="Start"
            name={`shifts[${i}].start`}
            type="datetime-local"
            value={row.start}
            onChange={(start) => change(i, { start })}
            problems={problems}
          />
          <InputField
            label="End"
            name={`shifts[${i}].end`}
            type="datetime-local"
            value={row.end}
            onChange={(end) => change(i, { end })}
            problems={problems}
          />
          <InputField
            label="Kind of shift"
            name={`shifts[${i}].shiftType`}
            value={row.shiftType}
            onChange={(shiftType) => change(i, { shiftType })}
            problems={problems}
            hint="Optional, e.g. Early or Night."
          />
          {rows.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
            >
              Remove shift {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <ProblemList problems={problems.general} />
      {done && <p role="status">{done}</p>}
      <div className="toolbar">
        <button type="button" className="secondary" onClick={add}>
          Add a shift
        </button>
        <button type="submit" disabled={loading}>
          Publish
        </button>
      </div>
    </form>
  );
}
