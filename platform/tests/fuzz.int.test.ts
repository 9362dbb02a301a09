import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { createTestPlatform, type TestPlatform } from '../../test-support/createTestPlatform';
import { fuzzRequests, type FuzzRequest } from '../../test-support/fuzzRequests';
import { createPerson } from '../../test-support/seedOrganisation';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const IN_FLIGHT = 8;

// What an answer must never carry: stack frames, file paths, SQL or driver text.
const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /\.ts:\d+:\d+/,
  /node_modules|\/work\/|\/home\/|\/usr\//,
  /\bstacktrace\b|"exception"/,
  /\b(select|insert into|update|delete from)\b.+\b(from|values|set|where)\b/i,
  /SQLITE_|syntax error at or near|relation "[^"]+" does not exist|violates .* constraint/i,
  /TypeError|ReferenceError|RangeError|Cannot read propert/,
];

// Forces a full collection, so heap figures compare what is still referenced.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

interface Outcome {
  request: FuzzRequest;
  status: number;
  problem?: string;
}

async function send(base: string, request: FuzzRequest): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(base + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
  } catch (error) {
    return { request, status: 0, problem: `no answer: ${(error as Error).message}` };
  }
  const text = await response.text();
  const outcome: Outcome = { request, status: response.status };
  if (response.status >= 500) outcome.problem = `HTTP ${response.status}: ${text.slice(0, 300)}`;
  const leak = LEAKS.find((pattern) => pattern.test(text));
  if (leak) outcome.problem = `answer matches ${leak}: ${text.slice(0, 300)}`;
  return outcome;
}

async function runAll(base: string, requests: FuzzRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) outcomes.push(await send(base, requests[next++]!));
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return outcomes;
}

const describe_ = (request: FuzzRequest) =>
  JSON.stringify({ ...request, body: request.body?.slice(0, 400) });

describe('fuzzing the gateway with random and mutated requests', () => {
  let tp: TestPlatform;
  let base: string;
  let authorizations: string[];

  beforeAll(async () => {
    // The bad tokens among the requests would soon block the one address they come from, and
    // the partner's quota would refuse most of its share; those limits have their own suite,
    // and here every request should reach the checks behind them.
    tp = await createTestPlatform({
      env: {
        RATE_LIMIT_AUTH_FAILURES: '1000000',
        RATE_LIMIT_PARTNER_REQUESTS: '1000000',
        RATE_LIMIT_PARTNER_COST: '1000000000',
      },
    });
    base = new URL(tp.url).origin;
    const person = await createPerson(tp, 'Fuzz', 'Target');
    const tokens = await Promise.all([
      tp.token({ role: 'ADMIN' }),
      tp.token({ role: 'HR', sub: person.id }),
      tp.token({ role: 'EMPLOYEE', sub: person.id }),
      tp.token({ role: 'AUDITOR', sub: person.id }),
      tp.token({ role: 'PARTNER', sub: 'service:fuzz-partner', scopes: ['employees:read'] }),
    ]);
    authorizations = tokens.map((token) => `Bearer ${token}`);
  });

  afterAll(() => tp?.stop());

  it(`answers ${RUNS} requests without a 5xx or a leak, and stays up with its memory`, async () => {
    const requests = fc.sample(fuzzRequests({ authorizations }), { numRuns: RUNS, seed: SEED });
    // A first pass warms the caches (parsed documents, query plans), which are bounded.
    await runAll(base, requests.slice(0, 500));
    const before = heapUsed();
    const started = Date.now();
    const outcomes = await runAll(base, requests);
    const seconds = (Date.now() - started) / 1000;
    const after = heapUsed();

    const byStatus: Record<number, number> = {};
    for (const { status } of outcomes) byStatus[status] = (byStatus[status] ?? 0) + 1;
    const problems = outcomes.filter((o) => o.problem);
    console.log(
      `fuzz (seed ${SEED}): ${outcomes.length} requests in ${seconds.toFixed(1)} s; ` +
        `statuses ${JSON.stringify(byStatus)}; heap ${(before / 2 ** 20).toFixed(0)} → ` +
        `${(after / 2 ** 20).toFixed(0)} MiB; ${problems.length} problems`,
    );
    expect(problems.slice(0, 5).map((p) => `${p.problem} ← ${describe_(p.request)}`)).toEqual([]);
    expect(outcomes).toHaveLength(RUNS);

    const alive = await tp.graphql('{ __typename }');
    expect(alive.data).toEqual({ __typename: 'Query' });
    // Caches are bounded, so what 5,000 requests leave behind is small beside the heap.
    expect(after - before).toBeLessThan(64 * 2 ** 20);
    // A fixed amount of work, which a machine busy with other suites does more slowly: 5,500
    // requests took 263 s on PostgreSQL in a full run, close to the old 300 s.
  }, 900_000);
});
