import { authApi, type Session } from './authApi';

/**
 * `signed-out`: no session yet (the sign-in page); `expired`: the session ran out while the
 * app was open (a sign-in dialog over the page, which keeps what was typed).
 */
export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: Session }
  | { status: 'expired'; previous: Session };

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * The session, in memory only (never in localStorage or sessionStorage): the access token
 * is refreshed through the HttpOnly refresh cookie before it expires and after a 401.
 */
export function createSessionStore(api = authApi) {
  let state: SessionState = { status: 'starting' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<boolean> | undefined;
  const listeners = new Set<() => void>();
  let waiters: (() => void)[] = [];

  function set(next: SessionState) {
    state = next;
    clearTimeout(timer);
    if (next.status === 'signed-in') {
      const left = Date.parse(next.session.expiresAt) - Date.now();
      // A token shorter-lived than twice the margin is refreshed halfway through its life.
      const due = left > 2 * REFRESH_MARGIN_MS ? left - REFRESH_MARGIN_MS : left / 2;
      timer = setTimeout(() => void refresh(), Math.max(due, 1_000));
      for (const wake of waiters) wake();
      waiters = [];
    }
    for (const listener of listeners) listener();
  }

  /** Resolves true with a fresh token, false when the refresh cookie is no good. */
  function refresh(): Promise<boolean> {
    refreshing ??= api
      .refresh()
      .then((session) => {
        set({ status: 'signed-in', session });
        return true;
      })
      .catch(() => {
        if (state.status === 'signed-in') set({ status: 'expired', previous: state.session });
        else if (state.status === 'starting') set({ status: 'signed-out' });
        return false;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    token: () => (state.status === 'signed-in' ? state.session.accessToken : undefined),
    /** On load: a refresh cookie from an earlier visit signs the person straight in. */
    start: () => refresh(),
    refresh,
    signedIn: (session: Session) => set({ status: 'signed-in', session }),
    /** Marks the session over after a refusal; the sign-in dialog opens over the page. */
    expire() {
      if (state.status === 'signed-in') set({ status: 'expired', previous: state.session });
    },
    /** Resolves once signed in again (requests refused meanwhile wait here, then retry). */
    whenSignedIn(): Promise<void> {
      if (state.status === 'signed-in') return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async signOut() {
      await api.logout().catch(() => undefined);
      set({ status: 'signed-out' });
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
