import {
  ViolationsToReviewDocument,
  type ViolationStatus,
  type ViolationsToReviewQuery,
} from '../../gql/graphql';
import { PolicyNote } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { PagedTable } from '../../ui/PagedTable';
import { QueryError } from '../../ui/QueryState';
import { useFilters } from '../../ui/useFilters';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { WithNote } from '../../ui/WithNote';
import { fieldColumns, type CsvColumn } from '../../ui/csv';
import { filterChoices, VIOLATION_RULE_LABELS, VIOLATION_STATUS_LABELS } from '../../ui/enumLabels';
import { personName } from '../../ui/fullName';
import { CloseViolationForm } from './CloseViolationForm';
import { formatDays } from '../../ui/dates';

type Violation = ViolationsToReviewQuery['complianceViolations']['nodes'][number];

const CSV_COLUMNS: CsvColumn<Violation>[] = [
  { heading: 'Rule', value: (v) => v.rule },
  { heading: 'Employee', value: (v) => personName(v.employee) },
  ...fieldColumns({
    'Employee id': 'employeeId',
    From: 'fromDate',
    To: 'toDate',
    Message: 'message',
    Status: 'status',
    Note: 'closingNote',
  }),
];

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
          { heading: 'Rule', cell: (v) => VIOLATION_RULE_LABELS[v.rule] },
          { heading: 'Employee', cell: (v) => personName(v.employee) },
          {
            heading: 'Days',
            cell: (v) => formatDays(v.fromDate, v.toDate),
          },
          {
            heading: 'What',
            cell: (v) => (
              <>
                {v.message}
                {v.policy && <PolicyNote policy={v.policy} />}
              </>
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
