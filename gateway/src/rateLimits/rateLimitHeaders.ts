import type { QuotaState } from './RateLimitedError';

/**
 * The IETF draft's `RateLimit-Policy` and `RateLimit` fields (draft 7, as express-rate-limit
 * writes them), for the quota the caller is closest to using up (or the one that refused
 * it), plus `Retry-After` on a refusal.
 */
export function rateLimitHeaders(
  states: readonly QuotaState[],
  refused?: QuotaState,
): [string, string][] {
  const shown = refused ?? closest(states);
  if (!shown) return [];
  const headers: [string, string][] = [
    ['ratelimit-policy', `${shown.limit};w=${shown.windowSeconds}`],
    [
      'ratelimit',
      `limit=${shown.limit}, remaining=${shown.remaining}, reset=${shown.resetSeconds}`,
    ],
  ];
  if (refused) headers.push(['retry-after', String(refused.resetSeconds)]);
  return headers;
}

function closest(states: readonly QuotaState[]): QuotaState | undefined {
  let best: QuotaState | undefined;
  for (const state of states) {
    if (!best || state.remaining / state.limit < best.remaining / best.limit) best = state;
  }
  return best;
}
