import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../messaging/testing';
import { contractOperation } from '../../test-support/contractOperation';
import { personInput } from '../../test-support/seedOrganisation';
import {
  serveOnTestDatabase,
  type ServedParts,
  type ServedPlatform,
} from '../../test-support/servedParts';
import { waitFor } from '../../test-support/waitFor';

/** Large on purpose: an answer that waited for it shows at once. */
const SUBGRAPH_TIMEOUT_MS = 6_000;
const HEALTHY_PER_PHASE = 150;

const HEALTHY = 'query Healthy { employees(first: 5) { totalCount } }';
const TOUCHING = `query Touching($id: ID!) {
  employees(first: 1) { totalCount }
  employee(id: $id) { firstName auditTrail(first: 1) { totalCount } }
}`;

interface Answer {
  phase: string;
  ms: number;
  status: number;
  data?: { employees?: { totalCount: number } | null; employee?: unknown } | null;
  errors?: { extensions?: Record<string, unknown> }[];
}

interface Readiness {
  status: number;
  body: { unreachable?: string[]; subgraphs?: Record<string, { circuit: string }> };
}

/** Nearest-rank percentile of `values`, in ms. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

// The audit subgraph process is stopped (SIGSTOP: its connections hang), brought
// back, then killed and restarted, while a steady stream of queries runs through
// the gateway: those for the employees subgraph alone must keep coming back fast.
describe('a subgraph process stopped under load', () => {
  let served: ServedPlatform;
  let parts: ServedParts;
  let gatewayUrl: string;
  let auditPort: number;
  let audit: ChildProcess;
  let token: string;
  let employeeId: string;

  const readiness = async (base: string): Promise<Readiness> => {
    const response = await fetch(`${base}/health/ready`);
    return { status: response.status, body: (await response.json()) as Readiness['body'] };
  };

  beforeAll(async () => {
    served = await serveOnTestDatabase();
    parts = served.parts;
    token = await parts.issuer.issue({ role: 'ADMIN', sub: 'service:admin' });
    const [employeesPort, gatewayPort] = [await freePort(), await freePort()];
    auditPort = await freePort();
    parts.subgraph('employees', employeesPort, { LOG_LEVEL: 'error' });
    audit = parts.subgraph('audit', auditPort, { LOG_LEVEL: 'error' });
    await Promise.all([parts.ready(employeesPort), parts.ready(auditPort)]);
    parts.gateway(gatewayPort, {
      LOG_LEVEL: 'error',
      SUBGRAPH_URL_EMPLOYEES: `http://127.0.0.1:${employeesPort}/graphql`,
      SUBGRAPH_URL_AUDIT: `http://127.0.0.1:${auditPort}/graphql`,
      GATEWAY_REQUIRED_SUBGRAPHS: 'employees,audit',
      SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
      SUBGRAPH_BREAKER_THRESHOLD: '3',
      SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS: '500',
      SUBGRAPH_PROBE_TIMEOUT_MS: '500',
      // One load generator stands for many clients here.
      GATEWAY_MAX_CONCURRENT_PER_IDENTITY: '64',
      RATE_LIMIT_REQUESTS: '1000000',
      RATE_LIMIT_COST: '1000000000',
      RATE_LIMIT_ADDRESS_REQUESTS: '1000000',
      RATE_LIMIT_ADDRESS_COST: '1000000000',
    });
    await parts.ready(gatewayPort);
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;

    const created = await graphql(contractOperation('CreateEmployee'), {
      input: personInput('Ada', 'Outage'),
    });
    employeeId = (created.data as { createEmployee: { id: string } }).createEmployee.id;
  }, 600_000);

  afterAll(async () => {
    await served?.stop();
  });

  async function graphql(
    query: string,
    variables: Record<string, unknown> = {},
    phase = '',
  ): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Pick<Answer, 'data' | 'errors'>;
    return { phase, ms: performance.now() - started, status: response.status, ...body };
  }

  it('keeps answering for the healthy subgraph, fails fast for the stopped one, and recovers', async () => {
    let phase = 'warm-up';
    let running = true;
    const healthy: Answer[] = [];
    const touching: Answer[] = [];
    const loop = async (answers: Answer[], ask: () => Promise<Answer>) => {
      while (running) answers.push(await ask());
    };
    const load = [
      ...Array.from({ length: 4 }, () => loop(healthy, () => graphql(HEALTHY, {}, phase))),
      ...Array.from({ length: 3 }, () =>
        loop(touching, () => graphql(TOUCHING, { id: employeeId }, phase)),
      ),
    ];
    const inPhase = (answers: Answer[], name: string) => answers.filter((a) => a.phase === name);
    const fastFailed = (name: string) =>
      inPhase(touching, name)
        .filter((a) => a.errors?.some((e) => e.extensions?.reason === 'CIRCUIT_OPEN'))
        .map((a) => a.ms);
    /**
     * Waits until the phase has seen enough healthy answers to measure, and in an
     * outage enough answers touching audit that the open breaker refused at once.
     */
    const measured = (name: string, outage = false) =>
      waitFor(async () =>
        inPhase(healthy, name).length >= HEALTHY_PER_PHASE &&
        (!outage || fastFailed(name).length >= 20)
          ? true
          : undefined,
      );
    const circuit = async (state: string, status: number) => {
      const r = await readiness(gatewayUrl);
      return r.status === status && r.body.subgraphs?.audit?.circuit === state ? r : undefined;
    };
    // Back, audit first catches up on what it missed while the load goes on: on a busy
    // machine its first answers outlast its timeout and open the breaker again for a while.
    const auditAnswers = () =>
      waitFor(async () => {
        const answer = await graphql(TOUCHING, { id: employeeId });
        return answer.errors === undefined && answer.data?.employee ? true : undefined;
      }, 120_000);

    try {
      await measured('warm-up');
      phase = 'before';
      await measured('before');

      phase = 'stopped';
      audit.kill('SIGSTOP');
      const whileStopped = await waitFor(() => circuit('open', 503), 60_000);
      expect(whileStopped.body.unreachable).toEqual(['audit']);
      expect(whileStopped.body.subgraphs?.employees).toMatchObject({ reachable: true });
      await measured('stopped', true);

      phase = 'resumed';
      audit.kill('SIGCONT');
      await waitFor(() => circuit('closed', 200), 60_000);
      await auditAnswers();
      await measured('resumed');

      phase = 'killed';
      audit.kill('SIGKILL');
      const whileKilled = await waitFor(() => circuit('open', 503), 60_000);
      expect(whileKilled.body.unreachable).toEqual(['audit']);
      await measured('killed', true);

      phase = 'restarted';
      audit = parts.subgraph('audit', auditPort, { LOG_LEVEL: 'error' });
      await parts.ready(auditPort);
      await waitFor(() => circuit('closed', 200), 60_000);
      await auditAnswers();
      await measured('restarted');
    } finally {
      running = false;
      await Promise.all(load);
    }

    const line = (label: string, ms: number[]) =>
      `${label.padEnd(10)} n=${String(ms.length).padStart(4)}  p50=${percentile(ms, 0.5).toFixed(1)} ms  p99=${percentile(ms, 0.99).toFixed(1)} ms  max=${Math.max(...ms).toFixed(1)} ms`;
    const phases = ['before', 'stopped', 'resumed', 'killed', 'restarted'];
    console.log(
      [
        'Healthy answers (employees only), by phase of the audit outage:',
        ...phases.map((name) =>
          line(
            name,
            inPhase(healthy, name).map((a) => a.ms),
          ),
        ),
        'Answers touching audit that its open breaker refused at once:',
        ...['stopped', 'killed'].map((name) => line(name, fastFailed(name))),
      ].join('\n'),
    );

    // No answer for the healthy subgraph failed, and none waited for audit's timeout while
    // audit was away (the only time one could; afterwards a slow answer is the machine's load,
    // as audit catches up).
    for (const answer of healthy) {
      expect(answer).toMatchObject({ status: 200, data: { employees: { totalCount: 1 } } });
      expect(answer.errors).toBeUndefined();
    }
    for (const answer of [...inPhase(healthy, 'stopped'), ...inPhase(healthy, 'killed')])
      expect(answer.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS);
    // Those touching audit during an outage came back UNAVAILABLE naming it, with the
    // rest of the answer, and once the breaker opened without waiting for audit.
    for (const name of ['stopped', 'killed']) {
      for (const answer of inPhase(touching, name)) {
        expect(answer.data?.employees).toEqual({ totalCount: 1 });
        for (const error of answer.errors ?? []) {
          expect(error.extensions).toMatchObject({ code: 'UNAVAILABLE', subgraph: 'audit' });
        }
      }
    }
  }, 600_000);
});
