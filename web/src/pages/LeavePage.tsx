import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problem, type Problems } from '../api/problemsOf';
import { useReconnected } from '../api/useReconnected';
import { useEmployeeId } from '../app/AppContext';
import {
  CancelLeaveDocument,
  CheckLeaveDocument,
  MyLeaveDocument,
  MyLeaveRequestUpdatedDocument,
  PreviewLeaveDocument,
  RequestLeaveDocument,
  type LeaveType,
  type PreviewLeaveQuery,
} from '../gql/graphql';
import { CsvButton } from '../ui/CsvButton';
import { Field, PolicyNote, ProblemList } from '../ui/Field';
import { Pager } from '../ui/Pager';
import { localDate } from '../ui/dates';
import { usePages } from '../ui/usePages';

const LEAVE_TYPES: LeaveType[] = [
  'ANNUAL',
  'SICK',
  'CASUAL',
  'COMPASSIONATE',
  'PARENTAL',
  'UNPAID',
  'TOIL',
];
const FORM_FIELDS = ['leaveType', 'startDate', 'endDate', 'halfDayStart', 'halfDayEnd', 'reason'];
const PAGE_SIZE = 10;

interface Draft {
  leaveType: LeaveType;
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
  reason: string;
}

const EMPTY_DRAFT: Draft = {
  leaveType: 'ANNUAL',
  startDate: '',
  endDate: '',
  halfDayStart: false,
  halfDayEnd: false,
  reason: '',
};

/** Leave: balances, a request checked before it is sent, and the history with cancel. */
export default function LeavePage() {
  const id = useEmployeeId();
  const pages = usePages();
  const { data, refetch } = useQuery(MyLeaveDocument, {
    variables: { id, on: localDate(), first: PAGE_SIZE, after: pages.after },
  });
  // A manager's decision shows on the open page, without a reload.
  useSubscription(MyLeaveRequestUpdatedDocument, {
    variables: { employeeId: id },
    onData: () => void refetch(),
  });
  useReconnected(() => void refetch());
  const [cancel] = useMutation(CancelLeaveDocument);
  const [listProblems, setListProblems] = useState<Problem[]>([]);
  const requests = data?.employee?.leaveRequests;
  const balances = data?.employee?.leaveBalances ?? [];

  return (
    <section aria-labelledby="leave-title">
      <h1 id="leave-title">Leave</h1>
      {balances.length > 0 && (
        <>
          <h2>Balances</h2>
          <table aria-label="Leave balances">
            <thead>
              <tr>
                <th>Type</th>
                <th>Remaining</th>
                <th>Pending</th>
                <th>Taken</th>
              </tr>
            </thead>
            <tbody>
              {balances.map((b) => (
                <tr key={b.leaveType}>
                  <td>{b.leaveType}</td>
                  <td>{b.remaining}</td>
                  <td>{b.pending}</td>
                  <td>{b.taken}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <RequestForm onSent={() => void refetch()} />
      <h2>History</h2>
      <div className="toolbar">
        <CsvButton
          filename="leave.csv"
          rows={requests?.nodes ?? []}
          columns={[
            { heading: 'Type', value: (r) => r.leaveType },
            { heading: 'From', value: (r) => r.startDate },
            { heading: 'To', value: (r) => r.endDate },
            { heading: 'Days', value: (r) => r.days },
            { heading: 'Status', value: (r) => r.status },
          ]}
        />
      </div>
      <ProblemList problems={listProblems} />
      <table aria-label="Leave requests">
        <thead>
          <tr>
            <th>Type</th>
            <th>From</th>
            <th>To</th>
            <th>Days</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {requests?.nodes.map((request) => (
            <tr key={request.id}>
              <td>{request.leaveType}</td>
              <td>{request.startDate}</td>
              <td>{request.endDate}</td>
              <td>{request.days}</td>
              <td>{request.status}</td>
              <td>
                {(request.status === 'PENDING' || request.status === 'APPROVED') && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setListProblems([]);
                      cancel({
                        variables: { input: { id: request.id, expectedVersion: request.version } },
                      }).then(
                        () => void refetch(),
                        (caught: unknown) => setListProblems(problemsOf(caught, []).general),
                      );
                    }}
                  >
                    Cancel
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        totalCount={requests?.totalCount}
        hasNext={requests?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(requests?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </section>
  );
}

function RequestForm({ onSent }: { onSent(): void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [sent, setSent] = useState<string | null>(null);
  const [request, requesting] = useMutation(RequestLeaveDocument);
  const ready = Boolean(draft.startDate && draft.endDate);
  const span = {
    leaveType: draft.leaveType,
    startDate: draft.startDate,
    endDate: draft.endDate,
    halfDayStart: draft.halfDayStart,
    halfDayEnd: draft.halfDayEnd,
  };
  // Asked as the person types, so a refusal shows before anything is sent.
  const check = useQuery(CheckLeaveDocument, {
    skip: !ready,
    variables: { input: { leaveRequest: span } },
  });
  // The server counts the days as the request would be charged: the person's working
  // pattern, the holidays of their location, half days; and the balance it would leave.
  const preview = useQuery(PreviewLeaveDocument, {
    skip: !ready,
    variables: { input: span },
    fetchPolicy: 'network-only',
  });
  const findings = ready ? (check.data?.validateCompliance.findings ?? []) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setSent(null);
    try {
      const result = await request({
        variables: {
          input: { ...draft, reason: draft.reason || null, idempotencyKey: crypto.randomUUID() },
        },
      });
      setSent(
        `Requested ${result.data?.requestLeave.days} days: ${result.data?.requestLeave.status}.`,
      );
      // A fresh form: the count and balance shown were for the request now sent.
      setDraft(EMPTY_DRAFT);
      onSent();
    } catch (caught) {
      setProblems(problemsOf(caught, FORM_FIELDS));
    }
  }

  const { byField } = problems;
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="Request leave">
      <h2>Request leave</h2>
      <Field label="Type" problem={byField.leaveType}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            value={draft.leaveType}
            onChange={(e) => set('leaveType', e.target.value as LeaveType)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {LEAVE_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="First day" problem={byField.startDate}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="date"
            value={draft.startDate}
            onChange={(e) => set('startDate', e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label="Last day" problem={byField.endDate}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="date"
            value={draft.endDate}
            onChange={(e) => set('endDate', e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <label>
        <input
          type="checkbox"
          checked={draft.halfDayStart}
          onChange={(e) => set('halfDayStart', e.target.checked)}
        />{' '}
        First day is a half day
      </label>{' '}
      <label>
        <input
          type="checkbox"
          checked={draft.halfDayEnd}
          onChange={(e) => set('halfDayEnd', e.target.checked)}
        />{' '}
        Last day is a half day
      </label>
      <Field label="Reason (optional)" problem={byField.reason}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            value={draft.reason}
            maxLength={500}
            onChange={(e) => set('reason', e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <p className="hint" aria-live="polite">
        {ready ? (
          <PreviewText
            leaveType={draft.leaveType}
            loading={preview.loading}
            preview={preview.data?.leaveRequestPreview}
            error={preview.error}
          />
        ) : (
          'Choose the days to see the count.'
        )}
      </p>
      {findings.length > 0 && (
        <ul className="problems" aria-label="Before you send">
          {findings.map((finding, index) => (
            <li key={index}>
              {finding.severity === 'WARNING' ? 'Note: ' : 'Would be refused: '}
              {finding.message}
              {finding.policy && <PolicyNote policy={finding.policy} />}
            </li>
          ))}
        </ul>
      )}
      <ProblemList problems={problems.general} />
      {sent && <p role="status">{sent}</p>}
      <button type="submit" disabled={requesting.loading || !ready}>
        Send request
      </button>
    </form>
  );
}

interface PreviewTextProps {
  leaveType: LeaveType;
  loading: boolean;
  preview?: PreviewLeaveQuery['leaveRequestPreview'];
  error?: unknown;
}

/** The server's count of the days and the balance left, in a sentence. */
function PreviewText({ leaveType, loading, preview, error }: PreviewTextProps) {
  if (loading) return 'Counting the working days…';
  if (error) {
    // The field's own refusal shows beside it once sent; here, why there is no count.
    const { general, byField } = problemsOf(error);
    const first = general[0] ?? Object.values(byField)[0];
    return `The days cannot be counted: ${first?.message ?? 'try again.'}`;
  }
  if (!preview) return null;
  const holidays = preview.publicHolidays.length
    ? ` (public holidays not counted: ${preview.publicHolidays.join(', ')})`
    : '';
  const { balance } = preview;
  const left = balance
    ? `Remaining ${leaveType} balance: ${balance.remainingBefore} days now, ${balance.remainingAfter} after this request.`
    : `${leaveType} leave draws on no balance.`;
  return `${preview.days} working ${preview.days === 1 ? 'day' : 'days'} charged${holidays}. ${left}`;
}
