import { DomainError, ErrorCode, findWrapped } from '../../../runtime/edge';

/**
 * Why a subgraph gave no answer: `UNREACHABLE` (no connection, or it broke),
 * `UNAVAILABLE` (it, or a proxy in front of it, answered HTTP 502 to 504),
 * `TIMEOUT` (no answer within the deadline), `CIRCUIT_OPEN` (refused at once
 * while its breaker is open), `AT_CAPACITY` (refused: its concurrency cap and
 * queue were full).
 */
export type UnavailableReason =
  'UNREACHABLE' | 'UNAVAILABLE' | 'TIMEOUT' | 'CIRCUIT_OPEN' | 'AT_CAPACITY';

export interface SubgraphUnavailableOptions {
  cause?: unknown;
  /**
   * The request never reached the subgraph, or the subgraph said it is unavailable
   * (HTTP 503): a read may be sent again.
   */
  safeToRetry?: boolean;
}

/**
 * A subgraph could not answer. The client sees `UNAVAILABLE` with the subgraph's
 * name and the reason in `extensions`; the other subgraphs' fields still come.
 */
export class SubgraphUnavailableError extends DomainError {
  override name = 'SubgraphUnavailableError';
  readonly safeToRetry: boolean;

  constructor(
    readonly subgraph: string,
    reason: UnavailableReason,
    message: string,
    options: SubgraphUnavailableOptions = {},
  ) {
    super(ErrorCode.UNAVAILABLE, message, reason, {
      cause: options.cause,
      extensions: { subgraph },
    });
    this.safeToRetry = options.safeToRetry ?? false;
  }
}

/** The SubgraphUnavailableError behind `error` (as thrown, or wrapped by GraphQL), if any. */
export const subgraphUnavailable = (error: unknown): SubgraphUnavailableError | undefined =>
  findWrapped(error, SubgraphUnavailableError, 3);
