import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { CloseDayDocument, TrialBalanceOnDocument } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { addDays, localDate } from '../../ui/dates';
import { formatMoney } from '../../ui/money';

/** Finance's day: the trial balance on a day, and closing that day's books. */
export default function ClosePage() {
  const [day, setDay] = useState(addDays(localDate(), -1));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const { data, error, refetch } = useQuery(TrialBalanceOnDocument, {
    skip: !valid,
    variables: { on: day },
  });
  const [close, closing] = useMutation(CloseDayDocument);
  const balance = data?.trialBalance;
  const closed = closing.data?.closeBillingDay ?? data?.billingDayClose;
  const readProblems = error ? problemsOf(error, ['on', 'date']) : NO_PROBLEMS;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await close({ variables: { input: { date: day, idempotencyKey: `close-${day}` } } });
      void refetch();
    } catch (caught) {
      setProblems(problemsOf(caught, ['date']));
    }
  }
  const byField = { ...readProblems.byField, ...problems.byField };
  return (
    <section aria-labelledby="close-title">
      <h1 id="close-title">Trial balance and close</h1>
      <form className="card" aria-label="Close a day" onSubmit={(e) => void submit(e)}>
        <InputField
          label="Day"
          name="date"
          type="date"
          value={day}
          onChange={setDay}
          problems={{ byField: { date: byField.date ?? byField.on }, general: [] }}
        />
        <ProblemList problems={[...readProblems.general, ...problems.general]} />
        {balance && (
          <table aria-label="Trial balance">
            <tbody>
              <tr>
                <th scope="row">On</th>
                <td>{balance.on}</td>
              </tr>
              <tr>
                <th scope="row">Debits</th>
                <td>{formatMoney(balance.total)}</td>
              </tr>
              <tr>
                <th scope="row">Credits</th>
                <td>{formatMoney(balance.credits)}</td>
              </tr>
              <tr>
                <th scope="row">Balanced</th>
                <td>{balance.balanced ? 'Balanced' : 'NOT balanced'}</td>
              </tr>
            </tbody>
          </table>
        )}
        {balance && (
          <div className="toolbar">
            <CsvButton
              filename={`trial-balance-${balance.on}.csv`}
              rows={[balance]}
              columns={[
                { heading: 'On', value: (b) => b.on },
                { heading: 'Debits (minor)', value: (b) => b.total.amountMinor },
                { heading: 'Credits (minor)', value: (b) => b.credits.amountMinor },
                { heading: 'Currency', value: (b) => b.total.currency },
                { heading: 'Balanced', value: (b) => b.balanced },
              ]}
            />
          </div>
        )}
        <p role="status">
          {closed?.closed
            ? `${closed.date} was closed ${formatDateTime(closed.closedAt)}: ${closed.transactionCount} transactions, ${closed.lateTransactionCount} late.`
            : `${day} is open.`}
        </p>
        <button type="submit" disabled={closing.loading || !valid || Boolean(closed?.closed)}>
          Close {day}
        </button>
      </form>
    </section>
  );
}
