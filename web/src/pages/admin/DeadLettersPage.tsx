import { useState } from 'react';
import { NO_PROBLEMS, problemsOf } from '../../api/problemsOf';
import { DeadLetterListDocument, type DeadLetterListQuery } from '../../gql/graphql';
import { formatDateTime } from '../../ui/dates';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Page } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { SearchForm } from '../../ui/SearchForm';
import { useFilters } from '../../ui/useFilters';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { WithNote } from '../../ui/WithNote';
import { fieldColumns, type CsvColumn } from '../../ui/csv';
import { DeadLetterActions } from './DeadLetterActions';

type DeadLetter = DeadLetterListQuery['deadLetters']['nodes'][number];

const CSV_COLUMNS: CsvColumn<DeadLetter>[] = fieldColumns({
  Consumer: 'consumer',
  Type: 'type',
  Reason: 'reason',
  Error: 'error',
  Attempts: 'attempts',
  'First failed': 'firstFailedAt',
  'Last failed': 'lastFailedAt',
  Event: 'eventId',
});

/** Events a consumer could not handle: replay each once fixed, or discard it with a reason. */
export default function DeadLettersPage() {
  const { filters, bind, pages } = useFilters({ consumer: '', type: '' });
  const { list, error, refetch } = usePagedQuery(DeadLetterListDocument, (d) => d.deadLetters, {
    variables: { consumer: filters.consumer.trim() || null, type: filters.type.trim() || null },
    pages,
  });
  const [outcome, setOutcome] = useState<string | null>(null);
  const problems = error ? problemsOf(error, ['consumer', 'type']) : NO_PROBLEMS;
  const done = (message: string) => {
    setOutcome(message);
    void refetch();
  };
  return (
    <Page id="dead" title="Dead letters">
      <SearchForm problems={problems}>
        <InputField label="Consumer" {...bind('consumer')} />
        <InputField label="Event type" {...bind('type')} />
      </SearchForm>
      <ProblemList problems={problems.general} />
      {outcome && <p role="status">{outcome}</p>}
      <PagedTable
        label="Dead letters"
        {...list}
        csv={{ filename: 'dead-letters.csv', columns: CSV_COLUMNS }}
        empty={list.connection && 'No dead letters.'}
        columns={[
          { heading: 'Consumer', cell: (d) => d.consumer },
          {
            heading: 'Event',
            cell: (d) => <WithNote note={d.eventId ?? 'unreadable'}>{d.type}</WithNote>,
          },
          {
            heading: 'Error',
            cell: (d) => (
              <WithNote note={`last ${formatDateTime(d.lastFailedAt)}`}>
                {d.reason}: {d.error}
              </WithNote>
            ),
          },
          { heading: 'Attempts', cell: (d) => d.attempts },
        ]}
        actions={(d) => <DeadLetterActions letter={d} onDone={done} />}
      />
    </Page>
  );
}
