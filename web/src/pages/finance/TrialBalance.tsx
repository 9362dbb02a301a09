import type { TrialBalanceOnQuery } from '../../gql/graphql';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { formatMoney } from '../../ui/money';
import { formatDate } from '../../ui/dates';

type Balance = NonNullable<TrialBalanceOnQuery['trialBalance']>;

/** A day's debits and credits, whether they balance, and the same as a CSV row. */
export function TrialBalance({ balance }: { balance: Balance }) {
  const facts: [string, string][] = [
    ['On', formatDate(balance.on)],
    ['Debits', formatMoney(balance.total)],
    ['Credits', formatMoney(balance.credits)],
    ['Balanced', balance.balanced ? 'Balanced' : 'NOT balanced'],
  ];
  return (
    <>
      <table aria-label="Trial balance">
        <tbody>
          {facts.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CsvToolbar
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
    </>
  );
}
