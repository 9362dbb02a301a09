/** Whether the subscription socket is up, for the banner that says when live updates stop. */
export type SocketState = 'idle' | 'up' | 'down';

export function createSocketStatus() {
  let state: SocketState = 'idle';
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: SocketState) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SocketStatus = ReturnType<typeof createSocketStatus>;
