import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useServices } from '../app/AppContext';
import { AuthError, type Session } from '../auth/authApi';
import { TextField } from '../ui/TextField';

/** Choosing a password (invitation or reset): at least 12 characters, then signed in. */
export function PasswordForm({
  send,
  label,
}: {
  send: (password: string) => Promise<Session>;
  label: string;
}) {
  const { session } = useServices();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AuthError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      session.signedIn(await send(password));
      void navigate('/');
    } catch (caught) {
      setError(caught instanceof AuthError ? caught : new AuthError(String(caught), 0, 'UNKNOWN'));
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="New password"
        hint="At least 12 characters."
        problem={error ? { message: error.message } : undefined}
        type="password"
        autoComplete="new-password"
        minLength={12}
        maxLength={256}
        value={password}
        onChange={setPassword}
      />
      <button type="submit">{label}</button>
    </form>
  );
}
