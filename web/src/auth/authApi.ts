/** The sign-in routes the gateway serves under /auth/ (docs/web.md). */

export type Role =
  'EMPLOYEE' | 'MANAGER' | 'HR' | 'ADMIN' | 'FINANCE' | 'AUDITOR' | 'PARTNER' | 'SYSTEM';

export interface SessionUser {
  email: string;
  role: Role;
  employeeId: string | null;
  name: string;
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

/** A refusal of a sign-in route, with the field at fault when there is one. */
export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  errors?: { message?: string; extensions?: { code?: string; field?: string } }[];
}

async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/auth${path}`, {
    method: init.method ?? 'POST',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }).catch(() => {
    throw new AuthError('The server cannot be reached; try again.', 0, 'NETWORK');
  });
  if (response.status === 204 || response.status === 202) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (!response.ok) {
    const first = body.errors?.[0];
    throw new AuthError(
      first?.message ?? `The server answered ${response.status}.`,
      response.status,
      first?.extensions?.code ?? 'UNKNOWN',
      first?.extensions?.field,
    );
  }
  return body;
}

/** How one may sign in: always a password; an OpenID Connect provider when one is configured. */
export interface SignInMethods {
  password: boolean;
  oidc: { name: string; loginUrl: string } | null;
}

export const authApi = {
  methods: () => call<SignInMethods>('/methods', { method: 'GET' }),
  login: (email: string, password: string) =>
    call<Session>('/login', { body: { email, password } }),
  refresh: () => call<Session>('/refresh'),
  logout: () => call<void>('/logout'),
  invitation: (token: string) =>
    call<{ email: string; name: string; expiresAt: string }>(
      `/invitations/${encodeURIComponent(token)}`,
      { method: 'GET' },
    ),
  acceptInvitation: (token: string, password: string) =>
    call<Session>(`/invitations/${encodeURIComponent(token)}/accept`, { body: { password } }),
  requestReset: (email: string) => call<void>('/password-reset', { body: { email } }),
  completeReset: (token: string, password: string) =>
    call<Session>(`/password-reset/${encodeURIComponent(token)}`, { body: { password } }),
};
