import { ViolationsToReviewDocument, type ViolationStatus } from '../../gql/graphql';
import { PolicyNote } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { PagedTable } from '../../ui/PagedTable';
import { QueryError } from '../../ui/QueryState';
import { useFilters } from '../../ui/useFilters';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { WithNote } from '../../ui/WithNote';
import { fieldColumns } from '../../ui/csv';
import { filterChoices, VIOLATION_STATUS_LABELS } from '../../ui/enumLabels';
import { CloseViolationForm } from './CloseViolationForm';

const CSV_COLUMNS = fieldColumns({
  Rule: 'rule',
  Employee: 'employeeId',
  From: 'fromDate',
  To: 'toDate',
  Message: 'message',
  Status: 'status',
  Note: 'closingNote',
});

/** The violations the compliance checks found, open ones first; each closed with a note. */
export function Violations() {
  const { filters, bind, pages } = useFilters({ status: 'OPEN' });
  const { list, error, refetch } = usePagedQuery(
    ViolationsToReviewDocument,
    (d) => d.complianceViolations,
    {
      variables: { filter: { status: (filters.status || null) as ViolationStatus | null } },
      pages,
    },
  );
  return (
    <div className="card">
      <h2>Violations</h2>
      <InputField
        label="Status"
        {...bind('status')}
        options={filterChoices(VIOLATION_STATUS_LABELS)}
      />
      <QueryError error={error} />
      <PagedTable
        label="Violations"
        {...list}
        csv={{ filename: 'violations.csv', columns: CSV_COLUMNS }}
        columns={[
          { heading: 'Rule', cell: (v) => v.rule },
          {
            heading: 'Days',
            cell: (v) => (v.toDate !== v.fromDate ? `${v.fromDate} – ${v.toDate}` : v.fromDate),
          },
          {
            heading: 'What',
            cell: (v) => (
              <WithNote note={`Employee ${v.employeeId}`}>
                {v.message}
                {v.policy && <PolicyNote policy={v.policy} />}
              </WithNote>
            ),
          },
          {
            heading: 'Status',
            cell: (v) => (
              <WithNote note={v.closingNote}>{VIOLATION_STATUS_LABELS[v.status]}</WithNote>
            ),
          },
        ]}
        actions={(v) =>
          v.status === 'OPEN' && (
            <CloseViolationForm violation={v} onClosed={() => void refetch()} />
          )
        }
      />
    </div>
  );
}
