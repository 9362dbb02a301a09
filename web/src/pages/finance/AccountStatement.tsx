import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { BillingStatementDocument, type BillingStatementQuery } from '../../gql/graphql';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { ExportTable } from '../../ui/ExportTable';
import { ProblemList } from '../../ui/Field';
import { addDays, localDate, formatDateTime, formatDate } from '../../ui/dates';
import { formatMoney, moneyColumns } from '../../ui/money';
import { fieldColumns } from '../../ui/csv';

type Statement = NonNullable<NonNullable<BillingStatementQuery['billingAccount']>['statement']>;

/** One account's statement over a period (the last thirty days, at first). */
export function AccountStatement({ id }: { id: string }) {
  const [from, setFrom] = useState(addDays(localDate(), -30));
  const [to, setTo] = useState(localDate());
  const { data, error } = useQuery(BillingStatementDocument, {
    skip: !from || !to,
    variables: { id, from, to },
  });
  const problems = error ? problemsOf(error, ['from', 'to']) : NO_PROBLEMS;
  const account = data?.billingAccount;
  return (
    <div className="card">
      <h2>Statement{account ? ` of ${account.name}` : ''}</h2>
      <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} problems={problems} />
      <ProblemList problems={problems.general} />
      {account?.statement && (
        <Transactions statement={account.statement} filename={`statement-${from}-${to}.csv`} />
      )}
    </div>
  );
}

function Transactions({ statement, filename }: { statement: Statement; filename: string }) {
  return (
    <>
      <p>
        Opening {formatMoney(statement.openingBalance)}, closing{' '}
        {formatMoney(statement.closingBalance)}.
      </p>
      <ExportTable
        label="Transactions"
        rows={statement.transactions}
        csv={{
          filename,
          columns: [
            ...fieldColumns({
              Occurred: 'occurredAt',
              Kind: 'kind',
              Cause: 'cause',
              Employee: 'employeeId',
              'Work date': 'workDate',
              'Booking date': 'bookingDate',
              Late: 'late',
            }),
            ...moneyColumns('Amount', (t: Statement['transactions'][number]) => t.amount),
          ],
        }}
        columns={[
          { heading: 'When', cell: (t) => formatDateTime(t.occurredAt) },
          { heading: 'Kind', cell: (t) => t.kind },
          { heading: 'Cause', cell: (t) => t.cause },
          {
            heading: 'Work date',
            cell: (t) => `${formatDate(t.workDate)}${t.late ? ' (late)' : ''}`,
          },
          { heading: 'Amount', cell: (t) => formatMoney(t.amount) },
        ]}
      />
    </>
  );
}
