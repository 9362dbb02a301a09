import { useState } from 'react';
import { GradeListDocument } from '../../gql/graphql';
import { Page } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { fieldColumns } from '../../ui/csv';
import { NewGradeForm } from './NewGradeForm';
import { RateCards } from './RateCards';
import { formatDate } from '../../ui/dates';

const CSV_COLUMNS = fieldColumns({
  Code: 'code',
  Description: 'description',
  Holders: 'holderCount',
  'Rated from': 'ratedFrom',
  Retired: 'retired',
});

/** Grades and their rate cards: a new grade, and a new rate from a day on. */
export default function GradesPage() {
  const { list, error, refetch } = usePagedQuery(GradeListDocument, (d) => d.grades, {
    variables: { includeRetired: true },
  });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Page id="grades" title="Grades and rate cards" error={error}>
      <NewGradeForm onMade={() => void refetch()} />
      <PagedTable
        label="Grades"
        {...list}
        csv={{ filename: 'grades.csv', columns: CSV_COLUMNS }}
        rowKey={(g) => g.code}
        columns={[
          {
            heading: 'Code',
            cell: (g) =>
              `${g.code}${g.retired ? ' (retired)' : ''}${g.defined ? '' : ' (not defined yet)'}`,
          },
          { heading: 'Description', cell: (g) => g.description ?? '–' },
          { heading: 'Holders', cell: (g) => g.holderCount },
          {
            heading: 'Rated from',
            cell: (g) => (g.ratedFrom ? formatDate(g.ratedFrom) : 'no rate'),
          },
        ]}
        actions={(g) => (
          <button type="button" className="secondary" onClick={() => setChosen(g.code)}>
            Rates of {g.code}
          </button>
        )}
      />
      {chosen && <RateCards key={chosen} grade={chosen} onSet={() => void refetch()} />}
    </Page>
  );
}
