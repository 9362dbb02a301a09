import { useMutation } from '@apollo/client/react';
import { ResendInvitationDocument } from '../../../gql/graphql';
import { QueryError } from '../../../ui/QueryState';
import { InvitationView } from '../InvitationView';
import type { EmployeeRecord } from './employeeRecord';
import { KeptCard } from './KeptCard';

/**
 * The person's invitation, and a new link while it is not yet accepted; none for someone whose
 * employment has ended, who is not to sign in.
 */
export function InvitationCard({ employee }: { employee: EmployeeRecord }) {
  const [resend, { data, loading, error }] = useMutation(ResendInvitationDocument);
  const invitation = data?.resendInvitation ?? employee.invitation;
  if (employee.status === 'TERMINATED')
    return (
      <KeptCard heading="Invitation">
        Employment has ended: there is no invitation to send.
      </KeptCard>
    );
  return (
    <div className="card">
      <h2>Invitation</h2>
      <InvitationView invitation={invitation} />
      <QueryError error={error} />
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
