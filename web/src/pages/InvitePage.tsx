import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { AuthError, authApi } from '../auth/authApi';
import { PasswordForm } from './PasswordForm';

/** `/invite/:token`: who is invited, then their first password. */
export default function InvitePage() {
  const token = useParams().token ?? '';
  const [invitation, setInvitation] = useState<{ email: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    authApi
      .invitation(token)
      .then(setInvitation, (caught: unknown) =>
        setError(
          caught instanceof AuthError && caught.status === 410
            ? 'This invitation has expired: ask HR for a new one.'
            : caught instanceof AuthError && caught.status === 404
              ? 'This invitation is not known (or has been used).'
              : String(caught),
        ),
      );
  }, [token]);
  return (
    <main className="signin">
      <div className="card">
        <h1>Welcome</h1>
        {error && <p className="problems">{error}</p>}
        {invitation && (
          <>
            <p>
              {/* An account without an employee record is named by its e-mail: said once. */}
              {invitation.name === invitation.email
                ? invitation.email
                : `${invitation.name} (${invitation.email})`}
              : choose a password to finish setting up your account.
            </p>
            <PasswordForm
              label="Set password"
              send={(password) => authApi.acceptInvitation(token, password)}
            />
          </>
        )}
      </div>
    </main>
  );
}
