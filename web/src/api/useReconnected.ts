import { useEffect, useEffectEvent } from 'react';
import { useServices } from '../app/AppContext';

/**
 * Runs `callback` each time the subscription socket is back after a drop. A subscription
 * that had received something resumes from its cursor by itself; one that had not has no
 * cursor to resume from, so a live page reads its list again here to miss nothing.
 */
export function useReconnected(callback: () => void): void {
  const { socket } = useServices();
  const onReconnect = useEffectEvent(callback);
  useEffect(() => socket.onReconnect(() => onReconnect()), [socket]);
}
