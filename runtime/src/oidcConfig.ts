import { z } from 'zod';

// Signing in through an external OpenID Connect provider (docs/sign-in.md, "OpenID Connect").
// Off unless OIDC_ISSUER is set; then the client id and the role map are required too.

/** The roles a provider's claim may map to (PARTNER and SYSTEM are never a person's). */
export const OIDC_ROLES = ['ADMIN', 'HR', 'FINANCE', 'AUDITOR', 'MANAGER', 'EMPLOYEE'] as const;
export type OidcRole = (typeof OIDC_ROLES)[number];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http on this machine only (a provider in a test or on a developer's laptop). */
const issuerUrl = z.string().refine((v) => {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}, 'must be an https: URL (http: only for localhost)');

const ROLE_MAP_EXAMPLE = '{"hr-team":"HR","staff":"EMPLOYEE"}';

/** A JSON object from claim value to role, e.g. {"hr-team":"HR"}; at least one entry. */
const roleMap = z.string().transform((raw, ctx): ReadonlyMap<string, OidcRole> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const entries =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? Object.entries(parsed)
      : [];
  const bad = entries.find(([, role]) => !OIDC_ROLES.includes(role as OidcRole));
  if (!entries.length || bad) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: bad
        ? `maps "${bad[0]}" to ${JSON.stringify(bad[1])}: a role is one of ${OIDC_ROLES.join(', ')}`
        : `must be a JSON object from claim value to role, e.g. ${ROLE_MAP_EXAMPLE}`,
    });
    return z.NEVER;
  }
  return new Map(entries as [string, OidcRole][]);
});

const claimName = z.string().min(1).max(200);

export const oidcFields = {
  /** The provider's issuer identifier; its discovery document and keys are read from it. */
  OIDC_ISSUER: issuerUrl.optional(),
  /** The platform's client id at the provider. */
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  /** The client secret (client_secret_basic); unset: a public client, PKCE alone. */
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** Scopes asked for, space separated ("openid" is always among them). */
  OIDC_SCOPES: z.string().max(1000).default('openid profile email'),
  /** The ID token claim that holds the person's groups or roles (a string or a list). */
  OIDC_ROLE_CLAIM: claimName.default('roles'),
  /** Which value of that claim gives which role, as JSON. */
  OIDC_ROLE_MAP: roleMap.optional(),
  /** The ID token claim that holds the person's employee id on this platform. */
  OIDC_EMPLOYEE_CLAIM: claimName.default('employee_id'),
  /** What the sign-in page calls the provider ("Sign in with …"); default its host name. */
  OIDC_PROVIDER_NAME: z.string().min(1).max(60).optional(),
};

type OidcRaw = z.infer<z.ZodObject<typeof oidcFields>>;

/** With OIDC_ISSUER, the client id and the role map must be set; without it, nothing of OIDC. */
export function checkOidc(raw: OidcRaw, ctx: z.RefinementCtx): void {
  const issue = (path: keyof OidcRaw, message: string) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
  if (raw.OIDC_ISSUER) {
    if (!raw.OIDC_CLIENT_ID) issue('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER');
    if (!raw.OIDC_ROLE_MAP)
      issue('OIDC_ROLE_MAP', `is required with OIDC_ISSUER, e.g. ${ROLE_MAP_EXAMPLE}`);
    if (!raw.OIDC_SCOPES.split(/\s+/).includes('openid'))
      issue('OIDC_SCOPES', 'must include openid');
    return;
  }
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const) {
    if (raw[name] !== undefined) issue(name, 'is set, but OIDC_ISSUER is not');
  }
}
