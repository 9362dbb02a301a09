import { useState } from 'react';
import { NO_PROBLEMS, problemsOf, type Problem } from '../../api/problemsOf';
import { useServices } from '../../app/AppContext';
import { AuditLogSearchDocument } from '../../gql/graphql';
import { formatDateTime } from '../../ui/dates';
import { ProblemList } from '../../ui/Field';
import { InputFields } from '../../ui/InputFields';
import { Page } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { SearchForm } from '../../ui/SearchForm';
import { useFilters } from '../../ui/useFilters';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { WithNote } from '../../ui/WithNote';
import { fieldColumns } from '../../ui/csv';
import { FILTER_FIELDS, FILTER_INPUTS, filterOf, NO_FILTERS } from './auditFilters';
import { ActorName } from './ActorName';
import { ChainCheck } from './ChainCheck';
import { downloadExport } from './downloadExport';

const PAGE_SIZE = 25;

const CSV_COLUMNS = fieldColumns({
  Occurred: 'occurredAt',
  Action: 'action',
  'Log type': 'logType',
  'Entity type': 'entityType',
  'Entity id': 'entityId',
  Actor: 'actorId',
  Subgraph: 'subgraph',
  Status: 'status',
  Correlation: 'correlationId',
});

/** The audit log for auditors: filtered, paged, exported, and its hash chain verified. */
export default function AuditLogPage() {
  const { session } = useServices();
  const { filters, set, pages } = useFilters(NO_FILTERS);
  const filter = filterOf(filters);
  const { list, error } = usePagedQuery(AuditLogSearchDocument, (d) => d.auditLogs, {
    variables: { filter },
    pages,
    size: PAGE_SIZE,
  });
  const [exportProblems, setExportProblems] = useState<Problem[]>([]);
  const problems = error ? problemsOf(error, FILTER_FIELDS) : NO_PROBLEMS;
  const exportAs = (format: 'csv' | 'ndjson') => {
    setExportProblems([]);
    downloadExport(session, format, filter).catch((caught: unknown) =>
      setExportProblems([caught as Problem]),
    );
  };
  return (
    <Page id="audit" title="Audit log">
      <SearchForm label="Filters" inline={false} problems={problems}>
        <InputFields fields={FILTER_INPUTS} values={{ draft: filters, set }} />
      </SearchForm>
      <ProblemList problems={[...problems.general, ...exportProblems]} />
      <ChainCheck from={filter.from} to={filter.to} />
      <PagedTable
        label="Audit entries"
        {...list}
        csv={{ filename: 'audit-page.csv', columns: CSV_COLUMNS }}
        toolbar={
          <>
            <button type="button" className="secondary" onClick={() => exportAs('csv')}>
              Export all matching as CSV
            </button>
            <button type="button" className="secondary" onClick={() => exportAs('ndjson')}>
              Export all matching as NDJSON
            </button>
          </>
        }
        columns={[
          { heading: 'When', cell: (e) => formatDateTime(e.occurredAt) },
          { heading: 'Log type', cell: (e) => <WithNote note={e.action}>{e.logType}</WithNote> },
          { heading: 'Entity', cell: (e) => <WithNote note={e.entityId}>{e.entityType}</WithNote> },
          { heading: 'Actor', cell: (e) => <ActorName entry={e} /> },
          { heading: 'Subgraph', cell: (e) => e.subgraph },
        ]}
      />
    </Page>
  );
}
