import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import {
  CloseViolationDocument,
  ViolationsToReviewDocument,
  type ViolationStatus,
  type ViolationsToReviewQuery,
} from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { PolicyNote, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { Pager } from '../../ui/Pager';
import { usePages } from '../../ui/usePages';
import { ComplianceTraining } from './ComplianceTraining';

const PAGE_SIZE = 20;
type Violation = ViolationsToReviewQuery['complianceViolations']['nodes'][number];

/**
 * Compliance for HR: violations to review and close; training assignments due, with (for HR)
 * courses, assigning them and recording completions. Auditors read the same lists.
 */
export default function CompliancePage() {
  return (
    <section aria-labelledby="compliance-title">
      <h1 id="compliance-title">Compliance</h1>
      <Violations />
      <ComplianceTraining />
    </section>
  );
}

function Violations() {
  const [status, setStatus] = useState('OPEN');
  const pages = usePages();
  const { data, error, refetch } = useQuery(ViolationsToReviewDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { status: (status || null) as ViolationStatus | null },
    },
  });
  const list = data?.complianceViolations;
  return (
    <div className="card">
      <h2>Violations</h2>
      <InputField
        label="Status"
        name="status"
        value={status}
        onChange={(value) => {
          setStatus(value);
          pages.reset();
        }}
        problems={NO_PROBLEMS}
        options={['OPEN', 'CLOSED', '']}
      />
      {error && <ProblemList problems={problemsOf(error).general} />}
      <div className="toolbar">
        <CsvButton
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
      </div>
      <table aria-label="Violations">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Days</th>
            <th>What</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((v) => (
            <tr key={v.id}>
              <td>{v.rule}</td>
              <td>
                {v.fromDate}
                {v.toDate !== v.fromDate && ` – ${v.toDate}`}
              </td>
              <td>
                {v.message}
                {v.policy && <PolicyNote policy={v.policy} />}
                <br />
                <small>Employee {v.employeeId}</small>
              </td>
              <td>
                {v.status}
                {v.closingNote && (
                  <>
                    <br />
                    <small>{v.closingNote}</small>
                  </>
                )}
              </td>
              <td>
                {v.status === 'OPEN' && <CloseForm violation={v} onClosed={() => void refetch()} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </div>
  );
}

function CloseForm({ violation, onClosed }: { violation: Violation; onClosed(): void }) {
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [close, { loading }] = useMutation(CloseViolationDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await close({ variables: { id: violation.id, note } });
      onClosed();
    } catch (caught) {
      setProblems(problemsOf(caught, ['note']));
    }
  }
  return (
    <form
      aria-label={`Close ${violation.rule} of ${violation.fromDate}`}
      onSubmit={(e) => void submit(e)}
    >
      <InputField
        label="Note"
        name="note"
        value={note}
        onChange={setNote}
        problems={problems}
        required
      />
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={loading || !note.trim()}>
        Close
      </button>
    </form>
  );
}
