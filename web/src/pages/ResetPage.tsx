import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { authApi } from '../auth/authApi';
import { TextField } from '../ui/TextField';
import { PasswordForm } from './PasswordForm';

/** `/reset`: ask for a link; `/reset/:token`: choose a new password. */
export default function ResetPage() {
  const token = useParams().token;
  return (
    <main className="signin">
      <div className="card">
        <h1>Reset your password</h1>
        {token ? (
          <PasswordForm
            label="Set new password"
            send={(password) => authApi.completeReset(token, password)}
          />
        ) : (
          <AskForLink />
        )}
        <p>
          <Link to="/">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}

function AskForLink() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await authApi.requestReset(email).catch(() => undefined);
    setSent(true);
  }
  if (sent) return <p role="status">If an account has this address, a reset link is on its way.</p>;
  return (
    <form onSubmit={(event) => void submit(event)}>
      <TextField
        label="E-mail"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
      />
      <button type="submit">Send reset link</button>
    </form>
  );
}
