import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { EmployeeRecordDocument } from '../../../gql/graphql';
import { Page } from '../../../ui/Page';
import { EMPLOYEE_STATUS_LABELS } from '../../../ui/enumLabels';
import { Loading, QueryError } from '../../../ui/QueryState';
import { formatDate } from '../../../ui/dates';
import { fullName } from '../../../ui/fullName';
import { DetailsForm } from './DetailsForm';
import { InvitationCard } from './InvitationCard';
import { ManagerForm } from './ManagerForm';
import { StatusForm } from './StatusForm';
import { TerminateForm } from './TerminateForm';

/** One person's record for HR: edit, status, manager, termination and the invitation. */
export default function EmployeePage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(EmployeeRecordDocument, { variables: { id } });
  const employee = data?.employee;
  if (error) return <QueryError error={error} />;
  if (!data) return <Loading />;
  if (!employee) return <p>There is no such person.</p>;
  const reload = () => void refetch();
  return (
    <Page
      id="employee"
      title={fullName(employee)}
      before={
        <p>
          <Link to="/hr">Directory</Link>
        </p>
      }
    >
      <p>
        {employee.employeeNumber} · {EMPLOYEE_STATUS_LABELS[employee.status]}
        {employee.terminationDate && lastDayNote(employee.status, employee.terminationDate)}
      </p>
      <DetailsForm key={employee.version} employee={employee} onSaved={reload} />
      <StatusForm employee={employee} onSaved={reload} />
      <ManagerForm employee={employee} onSaved={reload} />
      <TerminateForm key={`end-${employee.version}`} employee={employee} onSaved={reload} />
      <InvitationCard employee={employee} />
    </Page>
  );
}

/** A last day already behind the person reads as when they left; one ahead, as when they leave. */
const lastDayNote = (status: string, lastDay: string) =>
  status === 'TERMINATED' ? ` on ${formatDate(lastDay)}` : ` · leaves on ${formatDate(lastDay)}`;
