import { useState, type FormEvent } from 'react';
import { Field } from '../ui/Field';
import { useServices } from '../app/AppContext';
import { AuthError } from './authApi';
import { authApi } from './authApi';

export interface SignInFormProps {
  /** Filled in and fixed when signing in again to the same account. */
  email?: string;
  submitLabel?: string;
}

/** E-mail and password to POST /auth/login; refusals beside the field they name. */
export function SignInForm({ email: fixedEmail, submitLabel = 'Sign in' }: SignInFormProps) {
  const { session } = useServices();
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AuthError | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      session.signedIn(await authApi.login(email, password));
    } catch (caught) {
      setError(caught instanceof AuthError ? caught : new AuthError(String(caught), 0, 'UNKNOWN'));
      setSending(false);
    }
  }

  const fieldProblem = (field: string) =>
    error && error.field === field ? { message: error.message } : undefined;
  const general = error && !error.field ? error : null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Field label="E-mail" problem={fieldProblem('email')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="email"
            autoComplete="username"
            value={email}
            readOnly={fixedEmail !== undefined}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            required
          />
        )}
      </Field>
      <Field label="Password" problem={fieldProblem('password')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            required
          />
        )}
      </Field>
      {general && (
        <p className="problems" role="alert">
          {general.message}
        </p>
      )}
      <button type="submit" disabled={sending}>
        {submitLabel}
      </button>
    </form>
  );
}
