import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { AmendTimeEntryDocument, RecordTimeEntryDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useMutationForm } from '../../ui/useMutationForm';
import { draftOf, entryFieldsOf, PERIOD_TYPES, type Entry, type TimeDraft } from './timeDraft';

/** The input fields the form shows, by their names in the mutation's input. */
const FORM_FIELDS = ['periodType', 'shiftType', 'startTime', 'endTime', 'mealBreakMinutes'];

export interface TimeEntryFormProps {
  employeeId: string;
  /** The entry to amend; a new entry when null. */
  entry: Entry | null;
  onDone(): void;
}

/** Records a time entry, or amends one. */
export function TimeEntryForm({ employeeId, entry, onDone }: TimeEntryFormProps) {
  const [draft, setDraft] = useState<TimeDraft>(() => draftOf(entry));
  const [record] = useMutation(RecordTimeEntryDocument);
  const [amend] = useMutation(AmendTimeEntryDocument);
  const form = useMutationForm(async () => {
    const fields = entryFieldsOf(draft);
    if (entry) {
      await amend({
        variables: { input: { id: entry.id, expectedVersion: entry.version, ...fields } },
      });
    } else {
      await record({
        variables: { input: { employeeId, idempotencyKey: crypto.randomUUID(), ...fields } },
      });
      setDraft(draftOf(null));
    }
    onDone();
  }, FORM_FIELDS);
  const set = (field: keyof TimeDraft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const { byField } = form.problems;
  const title = entry ? 'Amend entry' : 'Record time';
  return (
    <Form label={title} onSubmit={form.onSubmit}>
      <SelectField
        label="Type"
        value={draft.periodType}
        onChange={set('periodType')}
        options={PERIOD_TYPES}
        problem={byField.periodType}
      />
      <TextField
        label="Shift name"
        value={draft.shiftType}
        maxLength={50}
        onChange={set('shiftType')}
        problem={byField.shiftType}
      />
      <TextField
        label="Start"
        type="datetime-local"
        value={draft.start}
        onChange={set('start')}
        problem={byField.startTime}
        required
      />
      <TextField
        label="End"
        type="datetime-local"
        value={draft.end}
        onChange={set('end')}
        problem={byField.endTime}
      />
      <TextField
        label="Meal break (minutes)"
        type="number"
        min={0}
        value={draft.mealBreakMinutes}
        onChange={set('mealBreakMinutes')}
        problem={byField.mealBreakMinutes}
      />
      <FormActions problems={form.problems.general}>
        <SubmitButton busy={form.busy}>{entry ? 'Save changes' : 'Record'}</SubmitButton>
        {entry && (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </FormActions>
    </Form>
  );
}
