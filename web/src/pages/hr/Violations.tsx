import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  CloseViolationDocument,
  ViolationsToReviewDocument,
  type ViolationStatus,
  type ViolationsToReviewQuery,
} from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { DataTable } from '../../ui/DataTable';
import { PolicyNote } from '../../ui/Field';
import { Form, FormActions, SubmitButton } from '../../ui/Form';
import { InputField } from '../../ui/InputField';
import { QueryError } from '../../ui/QueryState';
import { useFilters } from '../../ui/useFilters';
import { useMutationForm } from '../../ui/useMutationForm';
import { WithNote } from '../../ui/WithNote';

const PAGE_SIZE = 20;
type Violation = ViolationsToReviewQuery['complianceViolations']['nodes'][number];

/** The violations the compliance checks found, open ones first; each closed with a note. */
export function Violations() {
  const { filters, bind, pages } = useFilters({ status: 'OPEN' });
  const { data, error, refetch } = useQuery(ViolationsToReviewDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { status: (filters.status || null) as ViolationStatus | null },
    },
  });
  const list = data?.complianceViolations;
  return (
    <div className="card">
      <h2>Violations</h2>
      <InputField label="Status" {...bind('status')} options={['OPEN', 'CLOSED', '']} />
      <QueryError error={error} />
      <CsvToolbar
        filename="violations.csv"
        rows={list?.nodes ?? []}
        columns={[
          { heading: 'Rule', value: (v) => v.rule },
          { heading: 'Employee', value: (v) => v.employeeId },
          { heading: 'From', value: (v) => v.fromDate },
          { heading: 'To', value: (v) => v.toDate },
          { heading: 'Message', value: (v) => v.message },
          { heading: 'Status', value: (v) => v.status },
          { heading: 'Note', value: (v) => v.closingNote },
        ]}
      />
      <DataTable
        label="Violations"
        rows={list?.nodes ?? []}
        rowKey={(v) => v.id}
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
          { heading: 'Status', cell: (v) => <WithNote note={v.closingNote}>{v.status}</WithNote> },
        ]}
        actions={(v) =>
          v.status === 'OPEN' && <CloseForm violation={v} onClosed={() => void refetch()} />
        }
      />
      <ConnectionPager connection={list} pages={pages} />
    </div>
  );
}

function CloseForm({ violation, onClosed }: { violation: Violation; onClosed(): void }) {
  const [note, setNote] = useState('');
  const [close] = useMutation(CloseViolationDocument);
  const form = useMutationForm(async () => {
    await close({ variables: { id: violation.id, note } });
    onClosed();
  }, ['note']);
  return (
    <Form
      label={`Close ${violation.rule} of ${violation.fromDate}`}
      form={form}
      heading="none"
      card={false}
    >
      <InputField label="Note" name="note" value={note} onChange={setNote} required />
      <FormActions>
        <SubmitButton disabled={!note.trim()}>Close</SubmitButton>
      </FormActions>
    </Form>
  );
}
