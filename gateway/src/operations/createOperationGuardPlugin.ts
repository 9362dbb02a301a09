import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../../runtime/src/errors';
import { hasRole } from '../../../runtime/src/identity';
import type { GatewayContext } from '../context/GatewayContext';
import type {
  OperationAnalysis,
  OperationAnalyzer,
  OperationLimits,
} from '../../../runtime/src/operationLimits';

export type IntrospectionMode = 'open' | 'restricted';

export interface OperationGuardOptions {
  limits: Required<OperationLimits>;
  /** `restricted`: only ADMIN and PARTNER tokens may introspect; `open`: everyone (development). */
  introspection: IntrospectionMode;
  analyze: OperationAnalyzer;
}

const MEASURED: { limit: keyof OperationLimits; measure: keyof OperationAnalysis; what: string }[] =
  [
    { limit: 'maxDepth', measure: 'depth', what: 'depth' },
    { limit: 'maxAliases', measure: 'aliases', what: 'number of aliases' },
    { limit: 'maxCost', measure: 'cost', what: 'cost' },
  ];

/**
 * Refuses an operation, once Apollo has resolved it and before the gateway
 * plans it, when it is too deep, too aliased or too costly, or when it
 * introspects the schema and the caller may not.
 */
export function createOperationGuardPlugin(
  options: OperationGuardOptions,
): ApolloServerPlugin<GatewayContext> {
  const { limits } = options;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const analysis = options.analyze(schema, document, operation, request.variables);
          if (
            analysis.introspection &&
            options.introspection === 'restricted' &&
            !hasRole(contextValue.identity, 'PARTNER')
          ) {
            throw requestError(
              ErrorCode.FORBIDDEN,
              403,
              'Introspection is open to ADMIN and PARTNER tokens only.',
            );
          }
          for (const { limit, measure, what } of MEASURED) {
            const value = analysis[measure] as number;
            if (value > limits[limit]) {
              throw requestError(
                ErrorCode.BAD_USER_INPUT,
                400,
                `The operation's ${what} is ${value}, above the limit of ${limits[limit]} (${limit}).`,
                { limit },
              );
            }
          }
        },
      };
    },
  };
}

function requestError(
  code: ErrorCode,
  status: number,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code, http: { status } } });
}
