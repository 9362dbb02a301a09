import type { Identity } from '../../../runtime/edge';

// setTimeout takes at most 2^31 - 1 ms; a later expiry is checked again then.
const MAX_DELAY = 2_147_483_647;

/** Calls `onExpired` when the identity's token expires; returns the function that cancels it. */
export function onTokenExpiry(identity: Identity | null, onExpired: () => void): () => void {
  if (!identity) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = identity.expiresAt * 1000 - Date.now();
    if (left <= 0) return onExpired();
    timer = setTimeout(arm, Math.min(left, MAX_DELAY));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
