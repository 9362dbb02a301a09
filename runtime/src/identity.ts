/** The roles of docs/domain.md#who-may-do-what. */
export const ROLES = [
  'EMPLOYEE',
  'MANAGER',
  'HR',
  'FINANCE',
  'AUDITOR',
  'ADMIN',
  'PARTNER',
  'SYSTEM',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Service principals (tokens for ADMIN or SYSTEM without a person) have subjects with this prefix. */
export const SERVICE_PREFIX = 'service:';

/** Who is calling, from a verified token. */
export interface Identity {
  /** The token's `sub`: an employee id, or `service:<name>` for a service principal. */
  subject: string;
  role: Role;
  /** The employee this identity is, or null for a service principal. */
  employeeId: string | null;
  /** PARTNER scopes such as `employees:read`. */
  scopes: string[];
  /**
   * For PARTNER tokens, the partner's client: the `client_id` or `azp` claim, else the
   * subject. A partner's quotas are counted per client, whichever user it acts for.
   */
  client?: string;
  /**
   * For PARTNER tokens, the quota per rate-limit window the issuer signed into the token
   * (`quota` claim); the gateway counts the client against it.
   */
  quota?: { requests?: number; cost?: number };
  /** The verified bearer token, forwarded unchanged to subgraphs. */
  token: string;
  /** Seconds since the epoch when the token expires. */
  expiresAt: number;
}

export const hasRole = (identity: Identity | null | undefined, ...roles: Role[]): boolean =>
  !!identity && (identity.role === 'ADMIN' || roles.includes(identity.role));

export const hasScope = (identity: Identity | null | undefined, scope: string): boolean =>
  !!identity && (identity.role === 'ADMIN' || identity.scopes.includes(scope));
