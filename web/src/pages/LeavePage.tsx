import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problem, type Problems } from '../api/problemsOf';
import { useEmployeeId } from '../app/AppContext';
import {
  CancelLeaveDocument,
  CheckLeaveDocument,
  MyLeaveDocument,
  MyLeaveRequestUpdatedDocument,
  RequestLeaveDocument,
  type LeaveType,
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

/** Monday to Friday between two days, less half days: an estimate before the server's count. */
export function weekdaysBetween(draft: Draft): number {
  if (!draft.startDate || !draft.endDate || draft.endDate < draft.startDate) return 0;
  let count = 0;
  const day = new Date(`${draft.startDate}T12:00:00`);
  const last = new Date(`${draft.endDate}T12:00:00`);
  for (let i = 0; day <= last && i < 400; i += 1, day.setDate(day.getDate() + 1)) {
    if (day.getDay() !== 0 && day.getDay() !== 6) count += 1;
  }
  return Math.max(0, count - (draft.halfDayStart ? 0.5 : 0) - (draft.halfDayEnd ? 0.5 : 0));
}

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
  const [cancel] = useMutation(CancelLeaveDocument);
  const [listProblems, setListProblems] = useState<Problem[]>([]);
  const balances = data?.employee?.leaveBalances ?? [];
  const requests = data?.employee?.leaveRequests;

  return (
    <section aria-labelledby="leave-title">
      <h1 id="leave-title">Leave</h1>
      <RequestForm balances={balances} onSent={() => void refetch()} />
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

interface Balance {
  leaveType: LeaveType;
  remaining: number;
}

function RequestForm({ balances, onSent }: { balances: Balance[]; onSent(): void }) {
  const [draft, setDraft] = useState<Draft>({
    leaveType: 'ANNUAL',
    startDate: '',
    endDate: '',
    halfDayStart: false,
    halfDayEnd: false,
    reason: '',
  });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [sent, setSent] = useState<string | null>(null);
  const [request, requesting] = useMutation(RequestLeaveDocument);
  const ready = Boolean(draft.startDate && draft.endDate);
  // Asked as the person types, so a refusal shows before anything is sent.
  const check = useQuery(CheckLeaveDocument, {
    skip: !ready,
    variables: {
      input: {
        leaveRequest: {
          leaveType: draft.leaveType,
          startDate: draft.startDate,
          endDate: draft.endDate,
          halfDayStart: draft.halfDayStart,
          halfDayEnd: draft.halfDayEnd,
        },
      },
    },
  });
  const findings = ready ? (check.data?.validateCompliance.findings ?? []) : [];
  const days = weekdaysBetween(draft);
  const balance = balances.find((b) => b.leaveType === draft.leaveType);

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
        `Requested ${result.data?.requestLeave.days ?? days} days: ${result.data?.requestLeave.status}.`,
      );
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
        {ready
          ? `About ${days} working days (Monday to Friday).`
          : 'Choose the days to see the count.'}{' '}
        {balance &&
          `Remaining ${draft.leaveType.toLowerCase()} balance: ${balance.remaining} days.`}
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
