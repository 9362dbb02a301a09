import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { BillingAccountPageDocument, BillingStatementDocument } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { addDays, localDate } from '../../ui/dates';
import { formatMoney } from '../../ui/money';
import { usePages } from '../../ui/usePages';

const PAGE_SIZE = 20;

/** The ledger's accounts with their balances, and one account's statement over a period. */
export default function AccountsPage() {
  const pages = usePages();
  const { data, error } = useQuery(BillingAccountPageDocument, {
    variables: { first: PAGE_SIZE, after: pages.after },
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = data?.billingAccounts;
  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">Accounts</h1>
      {error && <ProblemList problems={problemsOf(error).general} />}
      <div className="toolbar">
        <CsvButton
          filename="accounts.csv"
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'Name', value: (a) => a.name },
            { heading: 'Kind', value: (a) => a.kind },
            { heading: 'Owner', value: (a) => a.owner },
            { heading: 'Balance (minor)', value: (a) => a.balance.amountMinor },
            { heading: 'Currency', value: (a) => a.balance.currency },
          ]}
        />
      </div>
      <table aria-label="Accounts">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Balance</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.kind}</td>
              <td>{formatMoney(a.balance)}</td>
              <td>
                <button type="button" className="secondary" onClick={() => setChosen(a.id)}>
                  Statement of {a.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        totalCount={list?.totalCount}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
      {chosen && <Statement key={chosen} id={chosen} />}
    </section>
  );
}

function Statement({ id }: { id: string }) {
  const [from, setFrom] = useState(addDays(localDate(), -30));
  const [to, setTo] = useState(localDate());
  const { data, error } = useQuery(BillingStatementDocument, {
    skip: !from || !to,
    variables: { id, from, to },
  });
  const problems = error ? problemsOf(error, ['from', 'to']) : NO_PROBLEMS;
  const account = data?.billingAccount;
  const statement = account?.statement;
  return (
    <div className="card">
      <h2>Statement{account ? ` of ${account.name}` : ''}</h2>
      <div className="filters">
        <InputField
          label="From"
          name="from"
          type="date"
          value={from}
          onChange={setFrom}
          problems={problems}
        />
        <InputField
          label="To"
          name="to"
          type="date"
          value={to}
          onChange={setTo}
          problems={problems}
        />
      </div>
      <ProblemList problems={problems.general} />
      {statement && (
        <>
          <p>
            Opening {formatMoney(statement.openingBalance)}, closing{' '}
            {formatMoney(statement.closingBalance)}.
          </p>
          <div className="toolbar">
            <CsvButton
              filename={`statement-${from}-${to}.csv`}
              rows={statement.transactions}
              columns={[
                { heading: 'Occurred', value: (t) => t.occurredAt },
                { heading: 'Kind', value: (t) => t.kind },
                { heading: 'Cause', value: (t) => t.cause },
                { heading: 'Employee', value: (t) => t.employeeId },
                { heading: 'Work date', value: (t) => t.workDate },
                { heading: 'Booking date', value: (t) => t.bookingDate },
                { heading: 'Late', value: (t) => t.late },
                { heading: 'Amount (minor)', value: (t) => t.amount.amountMinor },
                { heading: 'Currency', value: (t) => t.amount.currency },
              ]}
            />
          </div>
          <table aria-label="Transactions">
            <thead>
              <tr>
                <th>When</th>
                <th>Kind</th>
                <th>Cause</th>
                <th>Work date</th>
                <th>Amount</th>
              </tr>
            </thead>
            <tbody>
              {statement.transactions.map((t) => (
                <tr key={t.id}>
                  <td>{formatDateTime(t.occurredAt)}</td>
                  <td>{t.kind}</td>
                  <td>{t.cause}</td>
                  <td>
                    {t.workDate}
                    {t.late && ' (late)'}
                  </td>
                  <td>{formatMoney(t.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
