import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { CloseDayDocument, TrialBalanceOnDocument } from '../../gql/graphql';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ProblemList } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { Page } from '../../ui/Page';
import { addDays, localDate, formatDateTime, formatDate } from '../../ui/dates';
import { useMutationForm } from '../../ui/useMutationForm';
import { TrialBalance } from './TrialBalance';

/** Today as the ledger cuts its days: in the platform's zone (closeBillingDay's input says so). */
const ledgerToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** Finance's day: the trial balance on a day, and closing that day's books. */
export default function ClosePage() {
  const [day, setDay] = useState(addDays(localDate(), -1));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const { data, error, refetch } = useQuery(TrialBalanceOnDocument, {
    skip: !valid,
    variables: { on: day },
  });
  const [close, closing] = useMutation(CloseDayDocument);
  const form = useMutationForm(async () => {
    await close({ variables: { input: { date: day, idempotencyKey: `close-${day}` } } });
    void refetch();
  }, ['date']);
  const closed = closing.data?.closeBillingDay ?? data?.billingDayClose;
  // The day's field shows what reading it refused as well as what closing it did.
  const ended = valid && day < ledgerToday();
  const read = error ? problemsOf(error, ['on', 'date']) : NO_PROBLEMS;
  const byField = { ...read.byField, ...form.problems.byField };
  return (
    <Page id="close" title="Trial balance and close">
      <Form label="Close a day" form={form} heading="none">
        <InputField
          label="Day"
          name="date"
          type="date"
          value={day}
          onChange={setDay}
          problems={{ byField: { date: byField.date ?? byField.on }, general: [] }}
        />
        <ProblemList problems={[...read.general, ...form.problems.general]} />
        {data?.trialBalance && <TrialBalance balance={data.trialBalance} />}
        <p role="status">
          {closed?.closed
            ? `${formatDate(closed.date)} was closed ${formatDateTime(closed.closedAt)}: ${closed.transactionCount} transactions, ${closed.lateTransactionCount} late.`
            : ended
              ? `${formatDate(day)} is open.`
              : `${formatDate(day)} is open: it can be closed once it has ended.`}
        </p>
        {/* Nothing can be booked on a closed day again, so closing asks twice. */}
        {ended && !closed?.closed && (
          <ConfirmButton
            key={day}
            label={`Close ${formatDate(day)}`}
            confirm={`Close ${formatDate(day)} for good`}
            cancel="Leave it open"
            submit
            disabled={form.busy}
          />
        )}
      </Form>
    </Page>
  );
}
