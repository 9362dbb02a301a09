import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, findDomainError, formatError } from '../errors';
import type { Logger } from '../logger';
import { accessFactsOf } from './createHttpAccessLog';
import {
  inProcessStatus,
  loggableName,
  writeAccessLine,
  type AccessFacts,
  type AccessLogOptions,
} from './writeAccessLine';

/** What the access log reads from a request's context (the gateway's and the subgraphs' have it). */
export interface LoggedContext extends BaseContext {
  identity?: { subject: string } | null;
  requestId?: string;
  correlationId?: string;
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  if (!errors?.length) return [];
  const codes = (errors ?? []).map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL));
  return [...new Set(codes)];
}

/**
 * A call its subgraph's open breaker or full queue refused at once: /metrics counts
 * those, and the breaker's opening is logged once; a line for each would flood the log.
 */
function refusedWithoutTrying(error: GraphQLError): boolean {
  const reason = findDomainError(error)?.reason;
  return reason === 'CIRCUIT_OPEN' || reason === 'AT_CAPACITY';
}

/**
 * Logs an error the client only sees as INTERNAL (or UNAVAILABLE) once, here, with its
 * stack. A subgraph's error reaching the gateway is left to the subgraph, which logged it.
 */
function logFault(
  logger: Logger,
  error: GraphQLError,
  facts: AccessFacts,
  logged: Set<unknown>,
): void {
  // The gateway's own failure to reach a subgraph is placed on each field it was asked for:
  // those errors carry the subgraph's name too, and one cause is logged once.
  const own = findDomainError(error);
  if (error.extensions?.serviceName !== undefined && !own) return;
  if (own && logged.has(own)) return;
  if (own) logged.add(own);
  // The gateway hands on a data source's failure as it was thrown, not as a GraphQLError.
  const formatted = error instanceof GraphQLError ? error.toJSON() : { message: String(error) };
  const code = formatError(formatted, error).extensions?.code;
  if (code !== ErrorCode.INTERNAL && code !== ErrorCode.UNAVAILABLE) return;
  if (refusedWithoutTrying(error)) return;
  const fields = {
    err: error.originalError ?? error,
    code,
    requestId: facts.requestId,
    correlationId: facts.correlationId,
    operation: facts.operation,
    path: error.path,
  };
  if (code === ErrorCode.INTERNAL) logger.error(fields, 'unexpected error');
  else logger.warn(fields, 'a dependency is unavailable');
}

/**
 * The access and error log of one Apollo server, the gateway's or a subgraph's
 * (docs/logging.md): one line per operation with its ids, caller, name, type, status and
 * duration, and each unexpected error once with its stack. Over HTTP the server writes
 * the line when the response ends (see createHttpServer) and this plugin fills it in;
 * for a call made in-process it writes the line itself. Variables and results are never
 * logged: they may hold personal data.
 */
export function createAccessLogPlugin<C extends LoggedContext>(
  options: AccessLogOptions,
): ApolloServerPlugin<C> {
  const logger = options.logger.child({ service: options.service });
  return {
    async requestDidStart({ request, contextValue }) {
      const startedAt = performance.now();
      const shared = request.http && accessFactsOf(request.http);
      const facts: AccessFacts = shared ?? {};
      const logged = new Set<unknown>();
      Object.assign(facts, {
        requestId: contextValue.requestId,
        correlationId: contextValue.correlationId,
        userId: contextValue.identity?.subject,
        operation: loggableName(request.operationName),
      });
      return {
        async didResolveOperation({ operationName, operation }) {
          facts.operation = loggableName(operationName);
          facts.operationType = operation?.operation;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) logFault(logger, error, facts, logged);
        },
        async willSendResponse({ response }) {
          const body = response.body;
          facts.errors = codesOf(
            body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors,
          );
          if (shared) return;
          writeAccessLine(logger, {
            ...facts,
            status: request.http ? (response.http.status ?? 200) : inProcessStatus(facts.errors),
            durationMs: performance.now() - startedAt,
          });
        },
      };
    },
  };
}
