import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../api/problemsOf';
import { useEmployeeId } from '../app/AppContext';
import {
  AmendTimeEntryDocument,
  DeleteTimeEntryDocument,
  RecordTimeEntryDocument,
  TimecardDocument,
  type PeriodType,
  type TimecardQuery,
} from '../gql/graphql';
import { CsvButton } from '../ui/CsvButton';
import { Field, ProblemList, formatDateTime } from '../ui/Field';
import { addDays, localDate, toLocalInput, toOffsetDateTime } from '../ui/dates';

type Entry = NonNullable<NonNullable<TimecardQuery['employee']>['timeEntries']>[number];

const PERIOD_TYPES: PeriodType[] = ['SHIFT', 'OVERTIME', 'ON_CALL', 'TRAINING', 'ABSENCE'];

interface Draft {
  periodType: PeriodType;
  shiftType: string;
  start: string;
  end: string;
  mealBreakMinutes: string;
}

/** The input fields the form shows, by their names in the mutation's input. */
const FORM_FIELDS = ['periodType', 'shiftType', 'startTime', 'endTime', 'mealBreakMinutes'];

const emptyDraft = (): Draft => ({
  periodType: 'SHIFT',
  shiftType: '',
  start: '',
  end: '',
  mealBreakMinutes: '0',
});

/** My time: the entries of a fortnight; record, amend and delete them. */
export default function MyTimePage() {
  const employeeId = useEmployeeId();
  const [weekStart, setWeekStart] = useState(() => addDays(localDate(), -13));
  const from = new Date(`${weekStart}T00:00:00`).toISOString();
  const to = new Date(`${addDays(weekStart, 14)}T00:00:00`).toISOString();
  const { data, refetch } = useQuery(TimecardDocument, { variables: { id: employeeId, from, to } });
  const [editing, setEditing] = useState<Entry | null>(null);
  const [removeEntry] = useMutation(DeleteTimeEntryDocument);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const entries = data?.employee?.timeEntries ?? [];

  return (
    <section aria-labelledby="time-title">
      <h1 id="time-title">My time</h1>
      <EntryForm
        key={editing?.id ?? 'new'}
        employeeId={employeeId}
        entry={editing}
        onDone={() => {
          setEditing(null);
          void refetch();
        }}
      />
      <div className="pager">
        <button
          type="button"
          className="secondary"
          onClick={() => setWeekStart(addDays(weekStart, -14))}
        >
          Earlier
        </button>
        <span>
          {weekStart} to {addDays(weekStart, 13)}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => setWeekStart(addDays(weekStart, 14))}
        >
          Later
        </button>
      </div>
      <div className="toolbar">
        <CsvButton
          filename={`time-${weekStart}.csv`}
          rows={entries}
          columns={[
            { heading: 'Type', value: (e) => e.periodType },
            { heading: 'Shift', value: (e) => e.shiftType },
            { heading: 'Start', value: (e) => e.startTime },
            { heading: 'End', value: (e) => e.endTime },
            { heading: 'Meal break (min)', value: (e) => e.mealBreakMinutes },
          ]}
        />
      </div>
      <ProblemList problems={problems.general} />
      <table aria-label="Time entries">
        <thead>
          <tr>
            <th>Type</th>
            <th>Start</th>
            <th>End</th>
            <th>Break</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                {entry.periodType}
                {entry.shiftType ? ` (${entry.shiftType})` : ''}
              </td>
              <td>{formatDateTime(entry.startTime)}</td>
              <td>{entry.endTime ? formatDateTime(entry.endTime) : 'open'}</td>
              <td>{entry.mealBreakMinutes} min</td>
              <td>
                <button type="button" className="secondary" onClick={() => setEditing(entry)}>
                  Amend
                </button>{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setProblems(NO_PROBLEMS);
                    removeEntry({
                      variables: { input: { id: entry.id, expectedVersion: entry.version } },
                    }).then(
                      () => void refetch(),
                      (caught: unknown) => setProblems(problemsOf(caught)),
                    );
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p>No entries in these two weeks.</p>}
    </section>
  );
}

function EntryForm({
  employeeId,
  entry,
  onDone,
}: {
  employeeId: string;
  entry: Entry | null;
  onDone(): void;
}) {
  const [draft, setDraft] = useState<Draft>(() =>
    entry
      ? {
          periodType: entry.periodType,
          shiftType: entry.shiftType ?? '',
          start: toLocalInput(entry.startTime),
          end: entry.endTime ? toLocalInput(entry.endTime) : '',
          mealBreakMinutes: String(entry.mealBreakMinutes),
        }
      : emptyDraft(),
  );
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [record, recording] = useMutation(RecordTimeEntryDocument);
  const [amend, amending] = useMutation(AmendTimeEntryDocument);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    const fields = {
      periodType: draft.periodType,
      shiftType: draft.shiftType || null,
      startTime: draft.start ? toOffsetDateTime(draft.start) : '',
      endTime: draft.end ? toOffsetDateTime(draft.end) : null,
      mealBreakMinutes: Number(draft.mealBreakMinutes) || 0,
    };
    try {
      if (entry) {
        await amend({
          variables: { input: { id: entry.id, expectedVersion: entry.version, ...fields } },
        });
      } else {
        await record({
          variables: { input: { employeeId, idempotencyKey: crypto.randomUUID(), ...fields } },
        });
        setDraft(emptyDraft());
      }
      onDone();
    } catch (caught) {
      setProblems(problemsOf(caught, FORM_FIELDS));
    }
  }

  const { byField } = problems;
  return (
    <form
      className="card"
      onSubmit={(event) => void submit(event)}
      aria-label={entry ? 'Amend entry' : 'Record time'}
    >
      <h2>{entry ? 'Amend entry' : 'Record time'}</h2>
      <Field label="Type" problem={byField.periodType}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            value={draft.periodType}
            onChange={set('periodType')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {PERIOD_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Shift name" problem={byField.shiftType}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            value={draft.shiftType}
            maxLength={50}
            onChange={set('shiftType')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label="Start" problem={byField.startTime}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="datetime-local"
            value={draft.start}
            onChange={set('start')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            required
          />
        )}
      </Field>
      <Field label="End" problem={byField.endTime}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="datetime-local"
            value={draft.end}
            onChange={set('end')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label="Meal break (minutes)" problem={byField.mealBreakMinutes}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="number"
            min={0}
            value={draft.mealBreakMinutes}
            onChange={set('mealBreakMinutes')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={recording.loading || amending.loading}>
        {entry ? 'Save changes' : 'Record'}
      </button>
      {entry && (
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      )}
    </form>
  );
}
