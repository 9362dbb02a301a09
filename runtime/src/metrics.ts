import { Counter, Gauge, register, type Metric } from 'prom-client';

// Several runtimes share one registry in all-in-one; each metric is registered once.
function once<M extends Metric>(name: string, make: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? make();
}

/** SQL statements sent to the database, per subgraph. */
export const dbQueries = once(
  'hr_db_queries_total',
  () =>
    new Counter({
      name: 'hr_db_queries_total',
      help: 'SQL statements sent, per subgraph',
      labelNames: ['subgraph'],
    }),
);

type Probe = () => Promise<number>;

/** How long a scrape waits for one probe: a NATS or database outage must not stall /metrics. */
export const PROBE_TIMEOUT_MS = 1000;

/** The probe's value, or undefined when it fails or does not answer in time. */
function readProbe(probe: Probe): Promise<number | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), PROBE_TIMEOUT_MS);
  });
  const value = probe().catch(() => undefined);
  return Promise.race([value, late]).finally(() => clearTimeout(timer));
}

/** A gauge read at scrape time from probes that runtimes add and remove. */
function probedGauge(name: string, help: string, label: string) {
  const probes = new Map<string, Probe>();
  once(
    name,
    () =>
      new Gauge({
        name,
        help,
        labelNames: [label],
        async collect() {
          // Probes run together; one that fails or hangs (database or NATS down) leaves
          // its series out of this scrape.
          const entries = [...probes];
          const values = await Promise.all(entries.map(([, probe]) => readProbe(probe)));
          this.reset();
          entries.forEach(([key], i) => {
            const value = values[i];
            if (value !== undefined) this.set({ [label]: key }, value);
          });
        },
      }),
  );
  return (key: string, probe: Probe): (() => void) => {
    probes.set(key, probe);
    return () => probes.delete(key);
  };
}

/** Events recorded in a subgraph's outbox and not yet published. */
export const watchOutboxBacklog = probedGauge(
  'hr_outbox_backlog',
  'Events in the outbox not yet published, per subgraph',
  'subgraph',
);

/** Events a durable consumer has yet to handle or acknowledge. */
export const watchConsumerLag = probedGauge(
  'hr_consumer_pending',
  'Events not yet acknowledged by a durable consumer',
  'consumer',
);

/** Events a durable consumer gave up on, waiting in the dead-letter stream. */
export const watchDeadLetters = probedGauge(
  'hr_dead_letters',
  'Events in the dead-letter stream, per consumer that gave up on them',
  'consumer',
);
