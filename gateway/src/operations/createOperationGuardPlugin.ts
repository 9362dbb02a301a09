import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type CheckedOperation,
  type CostDirectives,
  ErrorCode,
  type OperationCheck,
  OperationRefusedError,
  refusalAsRequestError,
} from '../../../runtime/edge';
import type { GatewayContext } from '../context/GatewayContext';

export type { IntrospectionMode } from '../../../runtime/edge';

export interface OperationGuardOptions {
  /** The operation check every transport shares. */
  check: OperationCheck;
  /** The `@cost` and `@listSize` of the schema a request runs on. */
  costsOf(schema: GraphQLSchema): CostDirectives | undefined;
  /** Called with each operation the check admits, before it is planned (e.g. to charge its cost). */
  admitted?(context: GatewayContext, checked: CheckedOperation): Promise<void>;
}

/**
 * Runs the operation check once Apollo has parsed and validated a request and before
 * the gateway plans it, so nothing is planned or sent to a subgraph for an operation
 * that is refused, or that cannot be resolved at all (an empty, unknown or missing
 * `operationName`).
 */
export function createOperationGuardPlugin(
  options: OperationGuardOptions,
): ApolloServerPlugin<GatewayContext> {
  const { check } = options;
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          // A document over the directive limit gets that one refusal instead of an error
          // per directive. Apollo hands its validation errors to this hook and sends them
          // on, so they are replaced in place (without awaiting: Apollo does not wait).
          return async (errors) => {
            if (!errors?.length) return;
            const refusal = check.directives(document);
            if (!refusal) return;
            (errors as GraphQLError[]).splice(0, errors.length, refusalAsRequestError(refusal));
          };
        },
        async didResolveOperation({ schema, document, request, contextValue }) {
          const result = check({
            schema,
            costs: options.costsOf(schema),
            document,
            operationName: request.operationName,
            variables: request.variables,
            identity: contextValue.identity,
          });
          if ('refusal' in result) throw refusalAsRequestError(result.refusal);
          if (result.operation.operation === 'subscription') {
            throw refusalAsRequestError(
              new OperationRefusedError(
                ErrorCode.BAD_USER_INPUT,
                'Subscriptions are served over graphql-ws, or over server-sent events (Accept: text/event-stream).',
                'TRANSPORT_UNSUPPORTED',
              ),
            );
          }
          await options.admitted?.(contextValue, result);
        },
      };
    },
  };
}
