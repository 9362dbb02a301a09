import {
  Counter,
  Gauge,
  Histogram,
  collectDefaultMetrics,
  register,
  type Registry,
} from 'prom-client';
import { ErrorCode } from '../../../runtime/edge';
import { createLabelBound } from './createLabelBound';

export interface GatewayMetricsOptions {
  /**
   * Registry for the gateway's metrics (default: prom-client's process-wide one,
   * so `/metrics` also shows what other parts of the process record).
   */
  registry?: Registry;
  /** Distinct operation names kept as labels; later ones count as `other` (default 200). */
  maxOperationNames?: number;
  /** Characters kept of an operation name in its label (default 64). */
  maxLabelLength?: number;
}

export interface GatewayMetrics {
  readonly registry: Registry;
  /** Client requests by operation name; its `_count` is the request count. */
  readonly requestDuration: Histogram<'operation'>;
  /** Errors sent to clients, by their `extensions.code`. */
  readonly errors: Counter<'code'>;
  /** Subgraph fetches by subgraph and outcome (`ok`, `errors`, `failed`). */
  readonly subgraphDuration: Histogram<'subgraph' | 'outcome'>;
  /** Subscriptions open on this gateway (graphql-ws and SSE). */
  readonly openSubscriptions: Gauge;
  /** Each subgraph's circuit breaker: 1 for its current `state` (closed, half-open, open), else 0. */
  readonly subgraphCircuit: Gauge<'subgraph' | 'state'>;
  /** Calls refused without reaching the subgraph, by `reason` (`circuit_open`, `at_capacity`). */
  readonly subgraphRefused: Counter<'subgraph' | 'reason'>;
  /** The label for an operation name, bounded so clients cannot grow the series without end. */
  operationLabel(name: string | null | undefined): string;
  /** The label for an error code, bounded likewise. */
  codeLabel(code: unknown): string;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's Prometheus metrics, plus Node's default ones. A registry that
 * already has them (a second gateway in one process) shares them.
 */
export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = options.registry ?? register;
  if (!registry.getSingleMetric('process_cpu_seconds_total')) {
    collectDefaultMetrics({ register: registry });
  }
  const operationLabel = createLabelBound({
    maxValues: options.maxOperationNames,
    maxLength: options.maxLabelLength,
  });
  const codeLabel = createLabelBound({ maxValues: 50 });
  const once = <M>(name: string, create: () => M): M =>
    (registry.getSingleMetric(name) as M | undefined) ?? create();

  return {
    registry,
    requestDuration: once(
      'gateway_graphql_request_duration_seconds',
      () =>
        new Histogram({
          name: 'gateway_graphql_request_duration_seconds',
          help: 'GraphQL requests through the gateway, by operation name.',
          labelNames: ['operation'],
          buckets: LATENCY_BUCKETS,
          registers: [registry],
        }),
    ),
    errors: once(
      'gateway_graphql_errors_total',
      () =>
        new Counter({
          name: 'gateway_graphql_errors_total',
          help: 'GraphQL errors sent to clients, by code.',
          labelNames: ['code'],
          registers: [registry],
        }),
    ),
    subgraphDuration: once(
      'gateway_subgraph_request_duration_seconds',
      () =>
        new Histogram({
          name: 'gateway_subgraph_request_duration_seconds',
          help: 'Fetches from subgraphs, by subgraph and outcome.',
          labelNames: ['subgraph', 'outcome'],
          buckets: LATENCY_BUCKETS,
          registers: [registry],
        }),
    ),
    openSubscriptions: once(
      'gateway_subscriptions_open',
      () =>
        new Gauge({
          name: 'gateway_subscriptions_open',
          help: 'Subscriptions open on this gateway.',
          registers: [registry],
        }),
    ),
    subgraphCircuit: once(
      'gateway_subgraph_circuit_state',
      () =>
        new Gauge({
          name: 'gateway_subgraph_circuit_state',
          help: "Each subgraph's circuit breaker: 1 for its current state, else 0.",
          labelNames: ['subgraph', 'state'],
          registers: [registry],
        }),
    ),
    subgraphRefused: once(
      'gateway_subgraph_calls_refused_total',
      () =>
        new Counter({
          name: 'gateway_subgraph_calls_refused_total',
          help: 'Calls to subgraphs refused by their circuit breaker or concurrency cap.',
          labelNames: ['subgraph', 'reason'],
          registers: [registry],
        }),
    ),
    operationLabel: (name) => (name ? operationLabel(name) : 'anonymous'),
    codeLabel: (code) => codeLabel(code ?? ErrorCode.INTERNAL),
  };
}
