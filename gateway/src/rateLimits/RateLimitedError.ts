import { DomainError, ErrorCode } from '../../../runtime/edge';

/** Where a caller stands against one quota after a count. */
export interface QuotaState {
  /** Points of the quota per window. */
  limit: number;
  /** Points left in this window. */
  remaining: number;
  /** Seconds until the window (or a block) ends. */
  resetSeconds: number;
  /** Length of the quota's window, in seconds. */
  windowSeconds: number;
}

/** A request refused by a rate limit: HTTP 429, `RATE_LIMITED`, retry after the time it names. */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  constructor(
    readonly quota: QuotaState,
    message: string,
  ) {
    super(ErrorCode.RATE_LIMITED, `${message} Retry after ${quota.resetSeconds} s.`, undefined, {
      extensions: { retryAfterSeconds: quota.resetSeconds },
    });
  }
}
