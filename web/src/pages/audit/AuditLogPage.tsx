import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { NO_PROBLEMS, problemsOf, type Problem } from '../../api/problemsOf';
import { useServices } from '../../app/AppContext';
import { AuditLogSearchDocument, VerifyChainDocument } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { toOffsetDateTime } from '../../ui/dates';
import { usePages } from '../../ui/usePages';
import { downloadExport } from './downloadExport';

const PAGE_SIZE = 25;
const TEXT_FILTERS = ['logType', 'entityType', 'entityId', 'actorId', 'correlationId'] as const;
type Filters = { [K in (typeof TEXT_FILTERS)[number] | 'from' | 'to']: string };
const LABELS: Record<keyof Filters, string> = {
  logType: 'Log type',
  entityType: 'Entity type',
  entityId: 'Entity id',
  actorId: 'Actor id',
  correlationId: 'Correlation id',
  from: 'From',
  to: 'To',
};
const EMPTY: Filters = {
  logType: '',
  entityType: '',
  entityId: '',
  actorId: '',
  correlationId: '',
  from: '',
  to: '',
};

/** The filter as the API takes it: only what was given, times with the browser's offset. */
function filterOf(filters: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of TEXT_FILTERS) if (filters[key].trim()) out[key] = filters[key].trim();
  if (filters.from) out.from = toOffsetDateTime(filters.from);
  if (filters.to) out.to = toOffsetDateTime(filters.to);
  return out;
}

/** The audit log for auditors: filtered, paged, exported, and its hash chain verified. */
export default function AuditLogPage() {
  const { session } = useServices();
  const pages = usePages();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const filter = filterOf(filters);
  const { data, error } = useQuery(AuditLogSearchDocument, {
    variables: { filter, first: PAGE_SIZE, after: pages.after },
  });
  const [verify, verification] = useLazyQuery(VerifyChainDocument, { fetchPolicy: 'network-only' });
  const [exportProblems, setExportProblems] = useState<Problem[]>([]);
  const problems = error ? problemsOf(error, Object.keys(EMPTY)) : NO_PROBLEMS;
  const list = data?.auditLogs;
  const chain = verification.data?.verifyAuditChain;
  const set = (key: keyof Filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    pages.reset();
  };
  const exportAs = (format: 'csv' | 'ndjson') => {
    setExportProblems([]);
    downloadExport(session, format, filter).catch((caught: unknown) =>
      setExportProblems([caught as Problem]),
    );
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form
        className="card"
        role="search"
        aria-label="Filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="grid">
          {(Object.keys(EMPTY) as (keyof Filters)[]).map((key) => (
            <InputField
              key={key}
              label={LABELS[key]}
              name={key}
              type={key === 'from' || key === 'to' ? 'datetime-local' : 'text'}
              value={filters[key]}
              onChange={set(key)}
              problems={problems}
            />
          ))}
        </div>
      </form>
      <ProblemList problems={[...problems.general, ...exportProblems]} />
      <div className="card">
        <h2>Chain</h2>
        <p role="status">
          {verification.loading
            ? 'Verifying…'
            : chain
              ? chain.valid
                ? `The chain is intact: ${chain.checked} entries checked.`
                : `The chain is broken at entry ${chain.firstInvalidId} (${chain.checked} checked).`
              : 'Not verified yet.'}
        </p>
        {verification.error && <ProblemList problems={problemsOf(verification.error).general} />}
        <button
          type="button"
          onClick={() =>
            void verify({ variables: { from: filter.from ?? null, to: filter.to ?? null } })
          }
        >
          Verify chain
        </button>
      </div>
      <div className="toolbar">
        <CsvButton
          filename="audit-page.csv"
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'Occurred', value: (e) => e.occurredAt },
            { heading: 'Action', value: (e) => e.action },
            { heading: 'Log type', value: (e) => e.logType },
            { heading: 'Entity type', value: (e) => e.entityType },
            { heading: 'Entity id', value: (e) => e.entityId },
            { heading: 'Actor', value: (e) => e.actorId },
            { heading: 'Subgraph', value: (e) => e.subgraph },
            { heading: 'Status', value: (e) => e.status },
            { heading: 'Correlation', value: (e) => e.correlationId },
          ]}
        />
        <button type="button" className="secondary" onClick={() => exportAs('csv')}>
          Export all matching as CSV
        </button>
        <button type="button" className="secondary" onClick={() => exportAs('ndjson')}>
          Export all matching as NDJSON
        </button>
      </div>
      <table aria-label="Audit entries">
        <thead>
          <tr>
            <th>When</th>
            <th>Log type</th>
            <th>Entity</th>
            <th>Actor</th>
            <th>Subgraph</th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.occurredAt)}</td>
              <td>
                {e.logType}
                <br />
                <small>{e.action}</small>
              </td>
              <td>
                {e.entityType}
                <br />
                <small>{e.entityId}</small>
              </td>
              <td>{e.actorId ?? '–'}</td>
              <td>{e.subgraph}</td>
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
    </section>
  );
}
