import { formatDateTime } from '../../ui/dates';

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
