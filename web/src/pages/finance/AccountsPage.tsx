import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { BillingAccountPageDocument, type BillingAccountPageQuery } from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { DataTable } from '../../ui/DataTable';
import { Page } from '../../ui/Page';
import { QueryError } from '../../ui/QueryState';
import { formatMoney, moneyColumns } from '../../ui/money';
import { usePages } from '../../ui/usePages';
import { AccountStatement } from './AccountStatement';

type Account = BillingAccountPageQuery['billingAccounts']['nodes'][number];

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
    <Page id="accounts" title="Accounts">
      <QueryError error={error} />
      <CsvToolbar
        filename="accounts.csv"
        rows={list?.nodes ?? []}
        columns={[
          { heading: 'Name', value: (a) => a.name },
          { heading: 'Kind', value: (a) => a.kind },
          { heading: 'Owner', value: (a) => a.owner },
          ...moneyColumns('Balance', (a: Account) => a.balance),
        ]}
      />
      <DataTable
        label="Accounts"
        rows={list?.nodes ?? []}
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
      <ConnectionPager connection={list} pages={pages} />
      {chosen && <AccountStatement key={chosen} id={chosen} />}
    </Page>
  );
}
