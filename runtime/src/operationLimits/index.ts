export {
  DEFAULT_LIMITS,
  nameTokenLimit,
  resolveLimits,
  type OperationLimits,
} from './OperationLimits';
export {
  createOperationAnalyzer,
  type CostOptions,
  type OperationAnalysis,
  type OperationAnalyzer,
} from './createOperationAnalyzer';
