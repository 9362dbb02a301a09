/** Whether the subscription socket is up, for the banner that says when live updates stop. */
export type SocketState = 'idle' | 'up' | 'down';

export function createSocketStatus() {
  let state: SocketState = 'idle';
  const listeners = new Set<() => void>();
  const reconnectListeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: SocketState) {
      if (next === state) return;
      const back = state === 'down' && next === 'up';
      state = next;
      for (const listener of listeners) listener();
      if (back) for (const listener of reconnectListeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Called each time the socket is up again after it was down. */
    onReconnect(listener: () => void) {
      reconnectListeners.add(listener);
      return () => {
        reconnectListeners.delete(listener);
      };
    },
  };
}

export type SocketStatus = ReturnType<typeof createSocketStatus>;
