import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { print } from '@apollo/client/utilities';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { Observable } from 'rxjs';

interface Payload {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions: Record<string, unknown>;
}

/** graphql-ws hands over a close event or an error list; Apollo wants an Error. */
function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, reason } = error as { code: number; reason?: string };
    return new Error(`Socket closed with event ${code} ${reason ?? ''}`.trim());
  }
  return new CombinedGraphQLErrors({ errors: Array.isArray(error) ? error : [error] });
}

/**
 * Subscriptions over graphql-ws that resume where they stopped. The gateway gives each
 * result its stream position in `extensions.cursor`; the link keeps the last one in the
 * subscription's own payload, which graphql-ws sends again at every reconnection, so the
 * gateway first replays what was missed while the socket was down, in order, then goes on
 * live (docs/partners.md, "resuming from a cursor").
 */
export class ResumingWsLink extends ApolloLink {
  constructor(private readonly client: Client) {
    super();
  }

  override request(operation: ApolloLink.Operation): Observable<ApolloLink.Result> {
    return new Observable((observer) => {
      const payload: Payload = {
        query: print(operation.query),
        variables: operation.variables,
        operationName: operation.operationName,
        extensions: { ...operation.extensions },
      };
      let stop = (): void => undefined;
      const start = () => {
        stop = this.client.subscribe(payload, {
          next: (result: FormattedExecutionResult) => {
            const cursor = result.extensions?.cursor;
            if (typeof cursor === 'string' || typeof cursor === 'number') {
              payload.extensions = { ...payload.extensions, cursor: String(cursor) };
            }
            observer.next(result as ApolloLink.Result);
          },
          complete: () => observer.complete(),
          error: (error: unknown) => {
            // Away so long that the gateway will not replay it all: go on live without the
            // cursor; the page reads its list again as it does after any reconnection.
            if (!isCursorTooOld(error)) return observer.error(toError(error));
            const { cursor: _dropped, ...rest } = payload.extensions;
            payload.extensions = rest;
            start();
          },
        });
      };
      start();
      return () => stop();
    });
  }
}

/** The gateway's refusal of a cursor further back than a replay may reach. */
function isCursorTooOld(error: unknown): boolean {
  return (
    Array.isArray(error) &&
    error.some(
      (e: { extensions?: Record<string, unknown> }) => e.extensions?.reason === 'CURSOR_TOO_OLD',
    )
  );
}
