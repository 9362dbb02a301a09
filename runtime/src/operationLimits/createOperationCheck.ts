import {
  getOperationAST,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from '../errors';
import { hasRole, type Identity } from '../identity';
import { countDirectives } from './countDirectives';
import { nestingDepth } from './nestingDepth';
import {
  createOperationAnalyzer,
  type CostOptions,
  type OperationAnalysis,
} from './createOperationAnalyzer';
import { resolveLimits, type OperationLimits } from './OperationLimits';
import { OperationRefusedError, overLimit } from './OperationRefusedError';
import type { CostDirectives } from './readCostDirectives';

/** `restricted`: only ADMIN and PARTNER tokens may introspect; `open`: everyone (development). */
export type IntrospectionMode = 'open' | 'restricted';

export interface OperationCheckOptions {
  /** The limits (defaults: `DEFAULT_LIMITS`). */
  limits?: OperationLimits;
  /** Who may introspect (default `restricted`). */
  introspection?: IntrospectionMode;
  /** How lists are counted; `defaultListSize` comes from `limits` unless given here. */
  cost?: CostOptions;
}

/** One operation as a transport has it: parsed and validated, not yet run. */
export interface OperationCheckInput {
  schema: GraphQLSchema;
  /** The schema's `@cost` and `@listSize` (see `readCostDirectives`). */
  costs?: CostDirectives;
  document: DocumentNode;
  operationName?: string | null;
  variables?: unknown;
  /** The verified caller; null when auth is off. */
  identity: Identity | null;
}

export interface CheckedOperation {
  operation: OperationDefinitionNode;
  analysis: OperationAnalysis & { directives: number };
}

export type OperationCheckResult = { refusal: OperationRefusedError } | CheckedOperation;

export interface OperationCheck {
  (input: OperationCheckInput): OperationCheckResult;
  /** The limits it applies, for what runs before it (parsing with `maxTokens`, body size). */
  readonly limits: Required<OperationLimits>;
  /** The directive limit alone, which needs only the parsed document. */
  directives(document: DocumentNode): OperationRefusedError | undefined;
}

const MEASURED = [
  { limit: 'maxDepth', measure: 'depth', what: 'depth' },
  { limit: 'maxAliases', measure: 'aliases', what: 'number of aliases' },
  { limit: 'maxCost', measure: 'cost', what: 'cost' },
] as const;

/**
 * The one check every transport runs on an operation before anything of it runs:
 * directives, which operation, depth, aliases, cost and who may introspect. It is a
 * pure function of its input (analyses of operations without variables are cached),
 * so the gateway's HTTP and socket paths, its subscriptions and a subgraph all apply
 * the same rules. The token limit applies while parsing (`parseOperation`).
 */
export function createOperationCheck(options: OperationCheckOptions = {}): OperationCheck {
  const limits = resolveLimits(options.limits);
  const introspection = options.introspection ?? 'restricted';
  const analyze = createOperationAnalyzer({
    defaultListSize: limits.defaultListSize,
    ...options.cost,
  });

  const directives = (document: DocumentNode) => {
    const count = countDirectives(document);
    return count > limits.maxDirectives
      ? overLimit('maxDirectives', 'number of directives', count, limits.maxDirectives)
      : undefined;
  };

  const check = (input: OperationCheckInput): OperationCheckResult => {
    const { schema, document, identity } = input;
    const tooManyDirectives = directives(document);
    if (tooManyDirectives) return { refusal: tooManyDirectives };
    const operation = getOperationAST(document, input.operationName);
    if (!operation) return { refusal: unresolved(document, input.operationName) };
    if (!schema.getRootType(operation.operation)) {
      return {
        refusal: new OperationRefusedError(
          ErrorCode.BAD_USER_INPUT,
          `The schema has no ${operation.operation} type.`,
          'OPERATION_TYPE_UNKNOWN',
        ),
      };
    }
    const variables = input.variables ?? undefined;
    const badVariables = checkVariables(variables, limits.maxVariableDepth);
    if (badVariables) return { refusal: badVariables };
    const measured = analyze(
      schema,
      document,
      operation,
      variables as Record<string, unknown> | undefined,
      input.costs,
    );
    const analysis = { ...measured, directives: countDirectives(document) };
    if (analysis.introspection && introspection === 'restricted' && !hasRole(identity, 'PARTNER')) {
      return {
        refusal: new OperationRefusedError(
          ErrorCode.FORBIDDEN,
          'Introspection is open to ADMIN and PARTNER tokens only.',
          'INTROSPECTION_FORBIDDEN',
        ),
      };
    }
    if (analysis.unsliced.length > 0) {
      return {
        refusal: new OperationRefusedError(
          ErrorCode.BAD_USER_INPUT,
          `Give exactly one slicing argument (such as first) to ${analysis.unsliced.join(', ')}.`,
          'SLICING_ARGUMENT_REQUIRED',
          { extensions: { fields: analysis.unsliced } },
        ),
      };
    }
    for (const { limit, measure, what } of MEASURED) {
      if (analysis[measure] > limits[limit]) {
        return { refusal: overLimit(limit, what, analysis[measure], limits[limit]) };
      }
    }
    return { operation, analysis };
  };

  return Object.assign(check, { limits, directives });
}

/** Variables that are not an object, or nest deeper than `maxDepth`. */
function checkVariables(variables: unknown, maxDepth: number): OperationRefusedError | undefined {
  if (variables === undefined) return undefined;
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    return new OperationRefusedError(
      ErrorCode.BAD_USER_INPUT,
      'The variables must be an object.',
      'VARIABLES_INVALID',
      { field: 'variables' },
    );
  }
  const depth = nestingDepth(variables, maxDepth);
  return depth > maxDepth
    ? overLimit('maxVariableDepth', "variables' nesting", depth, maxDepth)
    : undefined;
}

/** Why no operation could be picked: the name is empty, unknown, or missing among several. */
function unresolved(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationRefusedError {
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
  let message: string;
  if (operations === 0) message = 'The document has no operation to run.';
  else if (operationName === '') message = 'operationName is empty: name the operation to run.';
  else if (operationName != null) message = 'The document has no operation of that name.';
  else message = 'The document has several operations: name the one to run in operationName.';
  return new OperationRefusedError(ErrorCode.BAD_USER_INPUT, message, 'OPERATION_NOT_RESOLVED', {
    field: 'operationName',
  });
}
