import { Link } from 'react-router';
import { SignInForm } from '../auth/SignInForm';
import { useSignInProvider } from '../auth/useSignInProvider';

export function SignInPage() {
  const provider = useSignInProvider();
  return (
    <main className="signin">
      <div className="card">
        <h1>Sign in</h1>
        {provider && (
          <>
            {/* A whole-page navigation: the provider's page, then back through the callback. */}
            <a className="button" href={provider.loginUrl}>
              Sign in with {provider.name}
            </a>
            <p className="hint">or with your e-mail and password:</p>
          </>
        )}
        <SignInForm />
        <p>
          <Link to="/reset">Forgotten your password?</Link>
        </p>
      </div>
    </main>
  );
}
