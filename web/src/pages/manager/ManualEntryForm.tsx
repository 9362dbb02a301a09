import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { RecordManualEntryDocument } from '../../gql/graphql';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { toLocalInput } from '../../ui/dates';
import type { Entry } from './DayEntries';
import { offsetDateTime } from './localTimes';
import type { Person } from './ReportChooser';

const FIELDS = ['checkInTime', 'checkOutTime', 'reason'];

export interface ManualEntryFormProps {
  person: Person;
  day: string;
  /** The entry to correct; a new entry when null. */
  correcting: Entry | null;
  onCancel(): void;
  onRecorded(date: string): void;
}

/** A manual entry, or a correction of one, with the reason the server requires. */
export function ManualEntryForm(props: ManualEntryFormProps) {
  const { person, day, correcting, onCancel, onRecorded } = props;
  const [checkIn, setCheckIn] = useState(
    correcting ? toLocalInput(correcting.checkInTime) : `${day}T09:00`,
  );
  const [checkOut, setCheckOut] = useState(
    correcting?.checkOutTime ? toLocalInput(correcting.checkOutTime) : `${day}T17:00`,
  );
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [record, { loading }] = useMutation(RecordManualEntryDocument, {
    refetchQueries: ['DayAttendance'],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    const input = {
      employeeId: person.id,
      checkInTime: offsetDateTime(checkIn),
      checkOutTime: checkOut ? offsetDateTime(checkOut) : null,
      reason,
      correctsEntryId: correcting?.id ?? null,
      idempotencyKey: crypto.randomUUID(),
    };
    try {
      const result = await record({ variables: { input } });
      if (result.data) onRecorded(result.data.recordManualAttendance.date);
    } catch (caught) {
      setProblems(problemsOf(caught, FIELDS));
    }
  }

  const title = correcting
    ? `Correct the entry from ${formatDateTime(correcting.checkInTime)}`
    : 'Record an entry';
  return (
    <form className="card" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h2>{title}</h2>
      <p className="hint">
        Times are in your browser&apos;s time zone.
        {correcting && ' The entry corrected stays on record, marked as corrected.'}
      </p>
      <InputField
        label="Checked in"
        name="checkInTime"
        type="datetime-local"
        value={checkIn}
        onChange={setCheckIn}
        problems={problems}
      />
      <InputField
        label="Checked out"
        name="checkOutTime"
        type="datetime-local"
        value={checkOut}
        onChange={setCheckOut}
        problems={problems}
        hint="Leave empty while they are still in."
      />
      <InputField
        label="Reason"
        name="reason"
        value={reason}
        onChange={setReason}
        problems={problems}
        hint="Why this is recorded by hand, e.g. the badge reader was down."
      />
      <ProblemList problems={problems.general} />
      <div className="toolbar">
        {correcting && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel the correction
          </button>
        )}
        <button type="submit" disabled={loading}>
          {correcting ? 'Record the correction' : 'Record the entry'}
        </button>
      </div>
    </form>
  );
}
