import { useMutation } from '@apollo/client/react';
import { RecordManualEntryDocument } from '../../gql/graphql';
import { formatDateTime } from '../../ui/dates';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { useDraft } from '../../ui/useDraft';
import { useMutationForm } from '../../ui/useMutationForm';
import type { Entry } from './DayEntries';
import { localInput, offsetDateTime } from './localTimes';
import type { Person } from './ReportChooser';

const FIELDS = ['checkInTime', 'checkOutTime', 'reason'];

export interface ManualEntryFormProps {
  person: Person;
  /** The person's time zone: the times typed are theirs. */
  zone: string;
  day: string;
  /** The entry to correct; a new entry when null. */
  correcting: Entry | null;
  onCancel(): void;
  onRecorded(date: string): void;
}

/** A manual entry, or a correction of one, with the reason the server requires. */
export function ManualEntryForm(props: ManualEntryFormProps) {
  const { person, zone, day, correcting, onCancel, onRecorded } = props;
  const { draft, bind } = useDraft(() => ({
    checkIn: correcting ? localInput(correcting.checkInTime, zone) : `${day}T09:00`,
    checkOut: correcting?.checkOutTime ? localInput(correcting.checkOutTime, zone) : `${day}T17:00`,
    reason: '',
  }));
  const [record] = useMutation(RecordManualEntryDocument, {
    refetchQueries: ['DayAttendance'],
    awaitRefetchQueries: true,
  });
  const form = useMutationForm(async () => {
    const input = {
      employeeId: person.id,
      checkInTime: offsetDateTime(draft.checkIn, zone),
      checkOutTime: draft.checkOut ? offsetDateTime(draft.checkOut, zone) : null,
      reason: draft.reason,
      correctsEntryId: correcting?.id ?? null,
      idempotencyKey: crypto.randomUUID(),
    };
    const result = await record({ variables: { input } });
    if (result.data) onRecorded(result.data.recordManualAttendance.date);
  }, FIELDS);
  const title = correcting
    ? `Correct the entry from ${formatDateTime(correcting.checkInTime, zone)}`
    : 'Record an entry';
  return (
    <Form label={title} form={form}>
      <p className="hint">
        Times are {person.name}&apos;s, in {zone}.
        {correcting && ' The entry corrected stays on record, marked as corrected.'}
      </p>
      <InputField label="Checked in" {...bind('checkIn', 'checkInTime')} type="datetime-local" />
      <InputField
        label="Checked out"
        {...bind('checkOut', 'checkOutTime')}
        type="datetime-local"
        hint="Leave empty while they are still in."
      />
      <InputField
        label="Reason"
        {...bind('reason')}
        hint="Why this is recorded by hand, e.g. the badge reader was down."
      />
      <FormActions toolbar>
        {correcting && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel the correction
          </button>
        )}
        <SubmitButton>{correcting ? 'Record the correction' : 'Record the entry'}</SubmitButton>
      </FormActions>
    </Form>
  );
}
