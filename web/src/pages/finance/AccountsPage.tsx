import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { BillingAccountPageDocument, type BillingAccountPageQuery } from '../../gql/graphql';
import { Page } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { QueryError } from '../../ui/QueryState';
import { formatMoney, moneyColumns } from '../../ui/money';
import { usePages } from '../../ui/usePages';
import { fieldColumns, type CsvColumn } from '../../ui/csv';
import { AccountStatement } from './AccountStatement';

type Account = BillingAccountPageQuery['billingAccounts']['nodes'][number];

const PAGE_SIZE = 20;

const CSV_COLUMNS: CsvColumn<Account>[] = [
  ...fieldColumns({ Name: 'name', Kind: 'kind', Owner: 'owner' }),
  ...moneyColumns('Balance', (a: Account) => a.balance),
];

/** The ledger's accounts with their balances, and one account's statement over a period. */
export default function AccountsPage() {
  const pages = usePages();
  const { data, error } = useQuery(BillingAccountPageDocument, {
    variables: { first: PAGE_SIZE, after: pages.after },
  });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Page id="accounts" title="Accounts">
      <QueryError error={error} />
      <PagedTable
        label="Accounts"
        connection={data?.billingAccounts}
        pages={pages}
        csv={{ filename: 'accounts.csv', columns: CSV_COLUMNS }}
        columns={[
          { heading: 'Name', cell: (a) => a.name },
          { heading: 'Kind', cell: (a) => a.kind },
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
