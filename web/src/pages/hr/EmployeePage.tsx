import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import {
  AssignManagerDocument,
  ChangeEmployeeStatusDocument,
  EmployeeRecordDocument,
  ResendInvitationDocument,
  TerminateEmployeeDocument,
  UpdateEmployeeDocument,
  type EmployeeRecordQuery,
  type EmployeeStatus,
  type EmploymentType,
} from '../../gql/graphql';
import { formatDateTime, ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';
import { localDate } from '../../ui/dates';
import { ManagerPicker, type ManagerChoice } from './ManagerPicker';
import { STATUSES } from './DirectoryPage';

type Record = NonNullable<EmployeeRecordQuery['employee']>;

const EDITABLE = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'department',
  'jobTitle',
  'grade',
  'employmentType',
  'hireDate',
  'location',
  'timeZone',
] as const;
type Editable = (typeof EDITABLE)[number];
const LABELS: { [K in Editable]: string } = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  department: 'Department',
  jobTitle: 'Job title',
  grade: 'Grade',
  employmentType: 'Employment type',
  hireDate: 'Hire date',
  location: 'Location',
  timeZone: 'Time zone',
};
export const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR'] as const;

/** One person's record for HR: edit, status, manager, termination and the invitation. */
export default function EmployeePage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(EmployeeRecordDocument, { variables: { id } });
  const employee = data?.employee;
  if (error) return <ProblemList problems={problemsOf(error).general} />;
  if (!data) return <p className="loading">Loading…</p>;
  if (!employee) return <p>There is no such person.</p>;
  const reload = () => void refetch();
  return (
    <section aria-labelledby="employee-title">
      <p>
        <Link to="/hr">Directory</Link>
      </p>
      <h1 id="employee-title">
        {employee.firstName} {employee.lastName}
      </h1>
      <p>
        {employee.employeeNumber} · {employee.status}
        {employee.terminationDate && ` · leaves on ${employee.terminationDate}`}
      </p>
      <EditForm key={employee.version} employee={employee} onSaved={reload} />
      <StatusForm employee={employee} onSaved={reload} />
      <ManagerForm employee={employee} onSaved={reload} />
      <TerminateForm employee={employee} onSaved={reload} />
      <InvitationCard employee={employee} />
    </section>
  );
}

function EditForm({ employee, onSaved }: { employee: Record; onSaved(): void }) {
  const initial = Object.fromEntries(EDITABLE.map((f) => [f, employee[f] ?? ''])) as {
    [K in Editable]: string;
  };
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [update, { loading }] = useMutation(UpdateEmployeeDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    // Only what changed, so an unchanged field is never refused.
    const changes = Object.fromEntries(
      EDITABLE.filter((f) => draft[f] !== initial[f]).map((f) => [f, draft[f] || null]),
    );
    try {
      await update({
        variables: {
          input: {
            id: employee.id,
            expectedVersion: employee.version,
            ...changes,
            employmentType: (changes.employmentType ?? undefined) as EmploymentType | undefined,
          },
        },
      });
      onSaved();
    } catch (caught) {
      setProblems(problemsOf(caught, EDITABLE));
    }
  }
  return (
    <form className="card" aria-label="Details" onSubmit={(e) => void submit(e)}>
      <h2>Details</h2>
      <div className="grid">
        {EDITABLE.map((field) => (
          <InputField
            key={field}
            label={LABELS[field]}
            name={field}
            value={draft[field]}
            onChange={(value) => setDraft((d) => ({ ...d, [field]: value }))}
            problems={problems}
            type={field === 'hireDate' ? 'date' : field === 'email' ? 'email' : 'text'}
            options={field === 'employmentType' ? EMPLOYMENT_TYPES : undefined}
          />
        ))}
      </div>
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={loading}>
        Save details
      </button>
    </form>
  );
}

function StatusForm({ employee, onSaved }: { employee: Record; onSaved(): void }) {
  const [status, setStatus] = useState<string>(employee.status);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [change, { loading }] = useMutation(ChangeEmployeeStatusDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await change({
        variables: {
          input: {
            id: employee.id,
            status: status as EmployeeStatus,
            expectedVersion: employee.version,
          },
        },
      });
      onSaved();
    } catch (caught) {
      setProblems(problemsOf(caught, ['status']));
    }
  }
  return (
    <form className="card" aria-label="Status" onSubmit={(e) => void submit(e)}>
      <h2>Status</h2>
      <InputField
        label="Status"
        name="status"
        value={status}
        onChange={setStatus}
        problems={problems}
        options={STATUSES.filter((s) => s !== 'TERMINATED')}
      />
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={loading || status === employee.status}>
        Change status
      </button>
    </form>
  );
}

function ManagerForm({ employee, onSaved }: { employee: Record; onSaved(): void }) {
  const current = employee.manager
    ? {
        id: employee.manager.id,
        name: `${employee.manager.firstName} ${employee.manager.lastName}`,
      }
    : null;
  const [choice, setChoice] = useState<ManagerChoice | null>(current);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [assign, { loading }] = useMutation(AssignManagerDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await assign({
        variables: {
          input: {
            id: employee.id,
            managerId: choice?.id ?? null,
            expectedVersion: employee.version,
          },
        },
      });
      onSaved();
    } catch (caught) {
      setProblems(problemsOf(caught, ['managerId']));
    }
  }
  return (
    <form className="card" aria-label="Manager" onSubmit={(e) => void submit(e)}>
      <h2>Manager</h2>
      <ManagerPicker value={choice} onChange={setChoice} problem={problems.byField.managerId} />
      <ProblemList problems={problems.general} />
      <button type="submit" disabled={loading || choice?.id === current?.id}>
        Save manager
      </button>
    </form>
  );
}

function TerminateForm({ employee, onSaved }: { employee: Record; onSaved(): void }) {
  const [date, setDate] = useState(localDate());
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [terminate, { loading }] = useMutation(TerminateEmployeeDocument);
  if (employee.status === 'TERMINATED') return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await terminate({
        variables: {
          input: { id: employee.id, terminationDate: date, expectedVersion: employee.version },
        },
      });
      onSaved();
    } catch (caught) {
      setProblems(problemsOf(caught, ['terminationDate']));
    }
  }
  return (
    <form className="card" aria-label="Terminate" onSubmit={(e) => void submit(e)}>
      <h2>Terminate</h2>
      <InputField
        label="Last day of employment"
        name="terminationDate"
        type="date"
        value={date}
        onChange={setDate}
        problems={problems}
      />
      <ProblemList problems={problems.general} />
      <button type="submit" className="danger" disabled={loading || !date}>
        Terminate employment
      </button>
    </form>
  );
}

function InvitationCard({ employee }: { employee: Record }) {
  const [resend, { data, loading, error }] = useMutation(ResendInvitationDocument);
  const invitation = data?.resendInvitation ?? employee.invitation;
  return (
    <div className="card">
      <h2>Invitation</h2>
      <InvitationView invitation={invitation} />
      {error && <ProblemList problems={problemsOf(error).general} />}
      {!invitation?.acceptedAt && (
        <button
          type="button"
          className="secondary"
          disabled={loading}
          onClick={() => void resend({ variables: { employeeId: employee.id } }).catch(() => {})}
        >
          New invitation link
        </button>
      )}
    </div>
  );
}

export interface InvitationLike {
  url: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** The invitation link to pass on, or when it was accepted. */
export function InvitationView({ invitation }: { invitation: InvitationLike | null | undefined }) {
  if (!invitation) return <p>No invitation yet: it follows once the account is made.</p>;
  if (invitation.acceptedAt) return <p>Accepted {formatDateTime(invitation.acceptedAt)}.</p>;
  return (
    <p>
      Invitation link (valid until {formatDateTime(invitation.expiresAt)}):{' '}
      <a href={invitation.url} className="invitation-link">
        {invitation.url}
      </a>
    </p>
  );
}
