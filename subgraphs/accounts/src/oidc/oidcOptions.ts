import type { OidcRole, SignInSettings } from '../../../../runtime';

/** Where the provider sends the person back; register it at the provider. */
export const CALLBACK_PATH = '/auth/oidc/callback';

/** Sign-in through an OpenID Connect provider, as the settings describe it. */
export interface OidcOptions {
  issuer: URL;
  clientId: string;
  /** Unset: a public client (PKCE alone). */
  clientSecret?: string;
  scopes: string;
  roleClaim: string;
  roleMap: ReadonlyMap<string, OidcRole>;
  employeeClaim: string;
  /** What the sign-in page calls the provider. */
  name: string;
  /** PUBLIC_URL's callback: the browser must come back to where the web app is. */
  redirectUri: string;
  /** Where the person lands once signed in: the web app, which refreshes on load. */
  home: string;
}

/** The options of OIDC, or null when OIDC_ISSUER is unset (the routes then answer 404). */
export function oidcOptionsOf(settings: SignInSettings): OidcOptions | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_ROLE_MAP } = settings;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_ROLE_MAP) return null;
  const issuer = new URL(OIDC_ISSUER);
  const publicUrl = settings.PUBLIC_URL.replace(/\/+$/, '');
  return {
    issuer,
    clientId: OIDC_CLIENT_ID,
    clientSecret: settings.OIDC_CLIENT_SECRET,
    scopes: settings.OIDC_SCOPES,
    roleClaim: settings.OIDC_ROLE_CLAIM,
    roleMap: OIDC_ROLE_MAP,
    employeeClaim: settings.OIDC_EMPLOYEE_CLAIM,
    name: settings.OIDC_PROVIDER_NAME ?? issuer.hostname,
    redirectUri: `${publicUrl}${CALLBACK_PATH}`,
    home: `${publicUrl}/`,
  };
}
