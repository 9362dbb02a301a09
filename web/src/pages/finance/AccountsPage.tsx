import { useState } from 'react';
import { BillingAccountPageDocument, type BillingAccountPageQuery } from '../../gql/graphql';
import { Page } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { formatMoney, moneyColumns } from '../../ui/money';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { fieldColumns, type CsvColumn } from '../../ui/csv';
import { BILLING_ACCOUNT_KIND_LABELS } from '../../ui/enumLabels';
import { AccountStatement } from './AccountStatement';

type Account = BillingAccountPageQuery['billingAccounts']['nodes'][number];

const CSV_COLUMNS: CsvColumn<Account>[] = [
  ...fieldColumns({ Name: 'name', Kind: 'kind', Owner: 'owner' }),
  ...moneyColumns('Balance', (a: Account) => a.balance),
];

/** The ledger's accounts with their balances, and one account's statement over a period. */
export default function AccountsPage() {
  const { list, error } = usePagedQuery(BillingAccountPageDocument, (d) => d.billingAccounts, {
    variables: {},
  });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Page id="accounts" title="Accounts" error={error}>
      <PagedTable
        label="Accounts"
        {...list}
        csv={{ filename: 'accounts.csv', columns: CSV_COLUMNS }}
        columns={[
          { heading: 'Name', cell: (a) => a.name },
          { heading: 'Kind', cell: (a) => BILLING_ACCOUNT_KIND_LABELS[a.kind] },
          { heading: 'Balance', cell: (a) => formatMoney(a.balance) },
        ]}
        actions={(a) => (
          <button type="button" className="secondary" onClick={() => setChosen(a.id)}>
            Statement of {a.name}
          </button>
        )}
      />
      {chosen && <AccountStatement key={chosen} id={chosen} />}
    </Page>
  );
}
