import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { RequestLeaveDocument, type LeaveType } from '../../gql/graphql';
import { CheckField } from '../../ui/CheckField';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useMutationForm } from '../../ui/useMutationForm';
import { LEAVE_STATUS_LABELS, LEAVE_TYPE_LABELS, labelledChoices } from '../../ui/enumLabels';
import { EMPTY_DRAFT, hasDays, rangeProblem, type LeaveDraft } from './leaveDraft';
import { LeavePreview, useLeaveCheck } from './LeavePreview';

const FORM_FIELDS = ['leaveType', 'startDate', 'endDate', 'halfDayStart', 'halfDayEnd', 'reason'];

/** A leave request, counted and checked as it is typed, then sent. */
export function LeaveRequestForm({ onSent }: { onSent(): void }) {
  const [draft, setDraft] = useState<LeaveDraft>(EMPTY_DRAFT);
  const [request] = useMutation(RequestLeaveDocument);
  const backwards = rangeProblem(draft);
  const check = useLeaveCheck(draft, hasDays(draft) && !backwards);
  const form = useMutationForm(async () => {
    const result = await request({
      variables: {
        input: { ...draft, reason: draft.reason || null, idempotencyKey: crypto.randomUUID() },
      },
    });
    // A fresh form: the count and balance shown were for the request now sent.
    setDraft(EMPTY_DRAFT);
    onSent();
    const sent = result.data?.requestLeave;
    return (
      sent && `Requested ${sent.days} days: ${LEAVE_STATUS_LABELS[sent.status].toLowerCase()}.`
    );
  }, FORM_FIELDS);
  const set =
    <K extends keyof LeaveDraft>(field: K) =>
    (value: LeaveDraft[K]) =>
      setDraft((d) => ({ ...d, [field]: value }));
  const typed = (field: 'startDate' | 'endDate' | 'reason') => ({
    name: field,
    value: draft[field],
    onChange: set(field),
  });
  return (
    <Form label="Request leave" form={form}>
      <SelectField
        label="Type"
        name="leaveType"
        value={draft.leaveType}
        onChange={(value) => set('leaveType')(value as LeaveType)}
        options={labelledChoices(LEAVE_TYPE_LABELS)}
      />
      <TextField
        label="First day"
        {...typed('startDate')}
        type="date"
        problem={check.beside.startDate}
      />
      <TextField
        label="Last day"
        {...typed('endDate')}
        type="date"
        problem={backwards ?? check.beside.endDate}
      />
      <CheckField
        label="First day is a half day"
        checked={draft.halfDayStart}
        onChange={set('halfDayStart')}
      />{' '}
      <CheckField
        label="Last day is a half day"
        checked={draft.halfDayEnd}
        onChange={set('halfDayEnd')}
      />
      <TextField label="Reason (optional)" {...typed('reason')} maxLength={500} />
      <LeavePreview draft={draft} check={check} />
      <FormActions>
        {/* A request the check refuses would only be refused again once sent. */}
        <SubmitButton disabled={!check.ready || check.refused}>Send request</SubmitButton>
      </FormActions>
    </Form>
  );
}
