import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { EmployeeInvitationDocument } from '../../../gql/graphql';
import { InvitationView } from '../InvitationView';
import type { Made } from './useOnboarding';

/** The new person and their invitation, which accounts makes on hearing of them. */
export function OnboardingInvitation({ employee }: { employee: Made }) {
  const { data, stopPolling } = useQuery(EmployeeInvitationDocument, {
    variables: { id: employee.id },
    pollInterval: 1000,
  });
  const invitation = data?.employee?.invitation;
  if (invitation) stopPolling();
  return (
    <div className="card" role="status">
      <h2>Invitation</h2>
      <p>
        <Link to={`/hr/employees/${employee.id}`}>{employee.name}</Link> is onboarded with their
        agreement.
      </p>
      {invitation ? (
        <InvitationView invitation={invitation} />
      ) : (
        <p>The invitation follows in a moment, once their account is made.</p>
      )}
    </div>
  );
}
