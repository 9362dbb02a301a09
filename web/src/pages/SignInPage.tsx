import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { SignInForm } from '../auth/SignInForm';
import { authApi, type SignInMethods } from '../auth/authApi';

/** The provider to sign in with, when the platform has one (GET /auth/methods). */
function useProvider(): SignInMethods['oidc'] {
  const [provider, setProvider] = useState<SignInMethods['oidc']>(null);
  useEffect(() => {
    let live = true;
    authApi
      .methods()
      .then((methods) => live && setProvider(methods.oidc))
      // Without the answer the page offers the password alone, which always works.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return provider;
}

export function SignInPage() {
  const provider = useProvider();
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
