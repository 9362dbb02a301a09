import { useMutation } from '@apollo/client/react';
import { AmendTimeEntryDocument, RecordTimeEntryDocument } from '../../gql/graphql';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useDraft } from '../../ui/useDraft';
import { useMutationForm } from '../../ui/useMutationForm';
import { labelledChoices, PERIOD_TYPE_LABELS } from '../../ui/enumLabels';
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
  const { draft, setDraft, bind } = useDraft<TimeDraft>(() => draftOf(entry));
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
  const title = entry ? 'Amend entry' : 'Record time';
  // Said beside End as it is typed, in the form's words; the server would name its field.
  const endProblem =
    draft.start && draft.end && draft.end <= draft.start
      ? { message: 'End must be after Start.', field: 'endTime' }
      : undefined;
  return (
    <Form label={title} form={form}>
      <SelectField
        label="Type"
        {...bind('periodType')}
        options={labelledChoices(PERIOD_TYPE_LABELS, PERIOD_TYPES)}
      />
      <TextField label="Shift name" {...bind('shiftType')} maxLength={50} />
      <TextField label="Start" {...bind('start', 'startTime')} type="datetime-local" required />
      <TextField
        label="End"
        {...bind('end', 'endTime')}
        type="datetime-local"
        problem={endProblem}
      />
      <TextField label="Meal break (minutes)" {...bind('mealBreakMinutes')} type="number" min={0} />
      <FormActions>
        <SubmitButton disabled={Boolean(endProblem)}>
          {entry ? 'Save changes' : 'Record'}
        </SubmitButton>
        {entry && (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </FormActions>
    </Form>
  );
}
