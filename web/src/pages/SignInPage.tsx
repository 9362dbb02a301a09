import { Link } from 'react-router';
import { SignInForm } from '../auth/SignInForm';

export function SignInPage() {
  return (
    <main className="signin">
      <div className="card">
        <h1>Sign in</h1>
        <SignInForm />
        <p>
          <Link to="/reset">Forgotten your password?</Link>
        </p>
      </div>
    </main>
  );
}
