/**
 * Operation limits: the one check every transport (the gateway's HTTP, graphql-ws and
 * SSE paths, and subgraphs) applies to an operation before any of it runs.
 */
export {
  DEFAULT_LIMITS,
  nameParseFailure,
  resolveLimits,
  type OperationLimits,
} from './OperationLimits';
export {
  createOperationAnalyzer,
  type CostOptions,
  type OperationAnalysis,
  type OperationAnalyzer,
  type RangeArguments,
} from './createOperationAnalyzer';
export {
  createOperationCheck,
  type CheckedOperation,
  type IntrospectionMode,
  type OperationCheck,
  type OperationCheckInput,
  type OperationCheckOptions,
  type OperationCheckResult,
} from './createOperationCheck';
export { countDirectives } from './countDirectives';
export { parseOperation } from './parseOperation';
export {
  OperationRefusedError,
  overLimit,
  refusalAsRequestError,
  type RefusalReason,
} from './OperationRefusedError';
export {
  NO_COST_DIRECTIVES,
  readCostDirectives,
  type CostDirectives,
  type ListSize,
} from './readCostDirectives';
