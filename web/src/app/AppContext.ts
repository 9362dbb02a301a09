import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SocketStatus } from '../api/socketStatus';
import type { SessionUser } from '../auth/authApi';
import type { SessionStore } from '../auth/sessionStore';

export interface AppServices {
  session: SessionStore;
  socket: SocketStatus;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside AppContext');
  return services;
}

export function useSessionState() {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in person (also while the expired-session dialog is open). */
export function useUser(): SessionUser {
  const state = useSessionState();
  if (state.status === 'signed-in') return state.session.user;
  if (state.status === 'expired') return state.previous.user;
  throw new Error('useUser while signed out');
}

/** The signed-in person's employee id; screens of one's own work need one. */
export function useEmployeeId(): string {
  const id = useUser().employeeId;
  if (!id) throw new Error('This account is not an employee.');
  return id;
}

export function useSocketState() {
  const { socket } = useServices();
  return useSyncExternalStore(socket.subscribe, socket.get);
}
