import * as client from 'openid-client';
import type { DomainError } from '../../../../runtime';
import { accountsError, AccountsReason } from '../errors';
import type { Claims } from './claims';
import type { OidcFlow } from './flowCookie';
import type { OidcOptions } from './oidcOptions';

/** How long the provider may take to answer one request, in seconds. */
const TIMEOUT_SECONDS = 10;

/** Codes of openid-client's errors that say the provider could not be reached or answered badly. */
const UNREACHABLE = new Set([
  'OAUTH_TIMEOUT',
  'OAUTH_ABORT',
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
  'OAUTH_RESPONSE_IS_NOT_JSON',
]);

/** The provider did not answer (or not as a provider does); `cause` is what happened, for the log. */
export const providerUnavailable = (name: string, cause: unknown): DomainError =>
  accountsError(
    AccountsReason.OIDC_PROVIDER_UNAVAILABLE,
    `${name} cannot be reached just now; try again in a while.`,
    { cause },
  );

/**
 * What went wrong with the provider's answer, as a refusal. Errors are told apart by name and
 * code rather than by class, since fetch's errors come from another realm under test.
 */
function refusalOf(error: unknown, name: string): DomainError {
  const { name: kind, code } = (error ?? {}) as { name?: string; code?: string };
  if (kind === 'TypeError' || (code && UNREACHABLE.has(code)))
    return providerUnavailable(name, error);
  if (kind === 'AuthorizationResponseError' || kind === 'ResponseBodyError') {
    const reason = (error as { error?: string }).error;
    return accountsError(
      AccountsReason.OIDC_REJECTED,
      `${name} did not sign you in${reason ? ` (${reason})` : ''}; start again from the sign-in page.`,
    );
  }
  return accountsError(
    AccountsReason.OIDC_INVALID_TOKEN,
    `The answer from ${name} could not be verified, so nobody was signed in; start again from the sign-in page.`,
  );
}

/** The relying party: the provider's discovery read once (again after a failure), the flows run. */
export function createOidcClient(options: OidcOptions) {
  let configuration: Promise<client.Configuration> | undefined;

  function configured(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(
        options.issuer,
        options.clientId,
        options.clientSecret,
        options.clientSecret ? client.ClientSecretBasic() : client.None(),
        {
          execute: [
            // Without it an ID token from the token endpoint is trusted for arriving over TLS
            // (OIDC Core 3.1.3.7 allows that); its signature is checked against the JWKS here.
            client.enableNonRepudiationChecks,
            // The settings allow http: for a provider on this machine only.
            ...(options.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : []),
          ],
          timeout: TIMEOUT_SECONDS,
        },
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  return {
    /** A new flow and the provider's URL that starts it (code flow, PKCE S256, state, nonce). */
    async start(): Promise<{ url: URL; flow: OidcFlow }> {
      const config = await configured().catch((error: unknown) => {
        throw providerUnavailable(options.name, error);
      });
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: options.scopes,
        response_type: 'code',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
      });
      return { url, flow };
    },

    /**
     * Exchanges the callback's code (with the verifier) and returns the ID token's claims, once
     * its signature (the provider's JWKS), issuer, audience, expiry and nonce are checked.
     */
    async finish(query: URLSearchParams, flow: OidcFlow): Promise<Claims> {
      const config = await configured().catch((error: unknown) => {
        throw providerUnavailable(options.name, error);
      });
      const currentUrl = new URL(options.redirectUri);
      currentUrl.search = query.toString();
      try {
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new Error('no ID token');
        return claims as Claims;
      } catch (error) {
        throw refusalOf(error, options.name);
      }
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
