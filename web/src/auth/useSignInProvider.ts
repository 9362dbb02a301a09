import { useEffect, useState } from 'react';
import { authApi, type SignInMethods } from './authApi';

/** The OpenID Connect provider to sign in with, when the platform has one (GET /auth/methods). */
export function useSignInProvider(): SignInMethods['oidc'] {
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
