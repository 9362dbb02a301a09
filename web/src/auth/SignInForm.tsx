import { useState, type FormEvent } from 'react';
import { useServices } from '../app/AppContext';
import { TextField } from '../ui/TextField';
import { AuthError, authApi } from './authApi';

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

  const general = error && !error.field ? error : null;
  // Each field is required, and a refusal naming it shows beside it.
  const field = (name: 'email' | 'password', value: string, onChange: (text: string) => void) => ({
    name,
    value,
    onChange,
    required: true,
    problem: error && error.field === name ? { message: error.message } : undefined,
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="E-mail"
        {...field('email', email, setEmail)}
        type="email"
        autoComplete="username"
        readOnly={fixedEmail !== undefined}
      />
      <TextField
        label="Password"
        {...field('password', password, setPassword)}
        type="password"
        autoComplete="current-password"
      />
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
