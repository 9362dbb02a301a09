import { useQuery } from '@apollo/client/react';
import { RateCardsOfDocument, type RateCardsOfQuery } from '../../gql/graphql';
import { ExportTable } from '../../ui/ExportTable';
import { QueryError } from '../../ui/QueryState';
import { formatMoney, moneyColumns } from '../../ui/money';
import { fieldColumns } from '../../ui/csv';
import { SetRateForm } from './SetRateForm';
import { formatDate } from '../../ui/dates';

type RateCard = RateCardsOfQuery['rateCards'][number];

/** A grade's rate cards, newest last, and a new rate. */
export function RateCards({ grade, onSet }: { grade: string; onSet(): void }) {
  const { data, error, refetch } = useQuery(RateCardsOfDocument, { variables: { grade } });
  const cards = data?.rateCards ?? [];
  return (
    <div className="card">
      <h2>Rate cards of {grade}</h2>
      <QueryError error={error} />
      <ExportTable
        label={`Rate cards of ${grade}`}
        rows={cards}
        csv={{
          filename: `rate-cards-${grade}.csv`,
          columns: [
            { heading: 'From', value: (c) => c.effectiveFrom },
            { heading: 'Kind', value: (c) => c.kind },
            ...moneyColumns('Base hourly', (c: RateCard) => c.baseHourlyRate),
            ...fieldColumns({
              'Overtime ×': 'overtimeMultiplier',
              'Night ×': 'nightMultiplier',
              'Public holiday ×': 'publicHolidayMultiplier',
              Correction: 'correctionReason',
            }),
          ],
        }}
        columns={[
          { heading: 'From', cell: (c) => formatDate(c.effectiveFrom) },
          {
            heading: 'Kind',
            cell: (c) => (
              <>
                {c.kind}
                {c.correctionReason && <small> ({c.correctionReason})</small>}
              </>
            ),
          },
          { heading: 'Base hourly', cell: (c) => formatMoney(c.baseHourlyRate) },
          { heading: 'Overtime ×', cell: (c) => c.overtimeMultiplier },
          { heading: 'Night ×', cell: (c) => c.nightMultiplier },
          { heading: 'Holiday ×', cell: (c) => c.publicHolidayMultiplier },
        ]}
      />
      <SetRateForm
        grade={grade}
        onSet={() => {
          void refetch();
          onSet();
        }}
      />
    </div>
  );
}
