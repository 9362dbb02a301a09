import { useEffect, useRef } from 'react';
import { SignInForm } from '../auth/SignInForm';
import { useSignInProvider } from '../auth/useSignInProvider';

/**
 * Over the page when the session has run out: signing in again here leaves the page, and
 * whatever was typed in it, as it was; a request sent meanwhile goes once signed in.
 */
export function SessionExpiredDialog({ email }: { email: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const provider = useSignInProvider();
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div className="card" role="dialog" aria-modal="true" aria-labelledby="expired-title">
        <h2 id="expired-title" ref={heading} tabIndex={-1}>
          Your session has expired
        </h2>
        <p>Sign in again to carry on: what you typed is kept.</p>
        <SignInForm email={email} submitLabel="Sign in again" />
        {provider && (
          // The provider's page replaces this one, so what was typed here is lost.
          <p className="hint">
            Or <a href={provider.loginUrl}>sign in with {provider.name}</a>, which leaves this page.
          </p>
        )}
      </div>
    </div>
  );
}
