import type { Client } from 'graphql-ws';
import { DateTime } from 'luxon';
import { parse, getOperationAST } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import fs from 'node:fs';
import { createOperationAnalyzer } from '../../runtime';
import { contractOperation as op } from '../../test-support/contractOperation';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';
import { agreementInput, createAgreement } from '../../test-support/seedOrganisation';
import { connectSubscriptions } from '../../test-support/subscriptionClient';
import { waitFor } from '../../test-support/waitFor';
import { SUPERGRAPH_FILE } from '../src/createPlatform';

type Loose = any;

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

/** One page of 100 employees with a year of their days, `copies` times under aliases. */
const yearOfDays = (copies: number) => `query YearOfDays {
  ${Array.from(
    { length: copies },
    (_, i) => `p${i}: employees(first: 100) { nodes { id
      accrualDays(type: ANNUAL_TARGET_HOURS, from: "${YEAR.from}", to: "${YEAR.to}") { date dayTotal cumulativeTotal }
      attendance(from: "${YEAR.from}", to: "${YEAR.to}") { date status workedHours } } }`,
  ).join('\n')}
}`;

// The gateway's limits hold whatever the request: an operation it cannot resolve, a
// subscription, HTTP, graphql-ws or SSE. Subgraph calls are counted where the gateway
// hands them over, so "refused" means no subgraph saw anything.
describe('operation limits through the platform', () => {
  const tp = platformSuite();
  const nurse = hireBeforeAll(tp, 'Ada', 'Flood');
  let subgraphCalls = 0;
  const clients: Client[] = [];
  const asNurse = () => ({ role: 'EMPLOYEE' as const, sub: nurse.id });
  const hr = { role: 'HR' as const, sub: 'service:hr' };
  const today = DateTime.now().setZone('Europe/London').startOf('day');

  /** The n-th Wednesday from three weeks ahead, past any notice period, never a holiday. */
  const wednesday = (n: number) => {
    const first = today.plus({ weeks: 3 }).set({ weekday: 3 });
    let day = first.plus({ weeks: n });
    if (day.month === 12 && day.day >= 24) day = day.plus({ weeks: 2 });
    return day.toISODate()!;
  };

  beforeAll(async () => {
    const start = today.minus({ months: 1 }).startOf('month');
    await createAgreement(
      tp,
      agreementInput(nurse.id, start.toISODate()!, start.plus({ years: 2 }).toISODate()!),
    );
    await waitFor(async () => {
      const { data } = await tp.graphql(
        op('LeaveBalances'),
        { id: nurse.id, on: wednesday(0) },
        asNurse(),
      );
      return data?.employee?.leaveBalances?.length ? true : undefined;
    });
    for (const runtime of Object.values(tp.platform.runtimes)) {
      const execute = runtime.execute.bind(runtime);
      runtime.execute = (request, headers) => {
        subgraphCalls += 1;
        return execute(request, headers);
      };
    }
  });
  // Each test's sockets are closed after it, before the platform stops after the last.
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  const post = async (body: Record<string, unknown>, token?: string, accept?: string) => {
    const response = await fetch(tp.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token ?? (await tp.token(asNurse()))}`,
        ...(accept && { accept }),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Loose };
  };

  /** Sends over a graphql-ws socket and resolves with what ended it. */
  const overSocket = async (payload: {
    query: string;
    operationName?: string;
    variables?: Record<string, unknown>;
  }) => {
    const client = connectSubscriptions(tp.url, await tp.token(asNurse()));
    clients.push(client);
    return new Promise<Loose>((resolve) => {
      const results: unknown[] = [];
      client.subscribe(payload, {
        next: (value) => results.push(value),
        error: (error) => resolve({ error }),
        complete: () => resolve({ results }),
      });
    });
  };

  const requests = async () => {
    const { data, errors } = await tp.graphql(op('LeaveHistory'), { id: nurse.id }, asNurse());
    expect(errors).toBeUndefined();
    return data!.employee.leaveRequests.nodes as { startDate: string }[];
  };

  const requestLeave = (count: number) => `mutation Flood {
    ${Array.from(
      { length: count },
      (_, i) =>
        `r${i}: requestLeave(input: { leaveType: UNPAID, startDate: "${wednesday(i)}", endDate: "${wednesday(i)}" }) { id status }`,
    ).join('\n')}
  }`;

  describe('an operation that cannot be resolved: 400 before any subgraph is called', () => {
    it('operationName "" over 31 aliases of a year of days', async () => {
      const aliased = Array.from(
        { length: 31 },
        (_, i) =>
          `a${i}: employee(id: "${nurse.id}") { accrualDays(type: ANNUAL_TARGET_HOURS, from: "${YEAR.from}", to: "${YEAR.to}") { date } }`,
      ).join('\n');
      const before = subgraphCalls;
      const { status, body } = await post({
        query: `query Days { ${aliased} }`,
        operationName: '',
      });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        {
          message: 'operationName is empty: name the operation to run.',
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'OPERATION_NOT_RESOLVED',
            field: 'operationName',
          },
        },
      ]);
      expect(subgraphCalls).toBe(before);
    });

    it('operationName "" over 35 aliased requestLeave: nothing is written', async () => {
      const before = subgraphCalls;
      const { status, body } = await post({ query: requestLeave(35), operationName: '' });
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'operationName',
      });
      expect(subgraphCalls).toBe(before);
      expect(await requests()).toEqual([]);

      // The same mutation, named and once, is one the leave subgraph takes.
      const once = await post({ query: requestLeave(1), operationName: 'Flood' });
      expect(once.body.errors).toBeUndefined();
      expect(once.body.data.r0).toMatchObject({ status: 'PENDING' });
      expect((await requests()).map((r) => r.startDate)).toEqual([wednesday(0)]);
    });

    it.each([
      ['an unknown name', { query: 'query A { me { id } }', operationName: 'B' }],
      ['no name among several', { query: 'query A { me { id } } query B { me { firstName } }' }],
    ])('%s', async (_case, body) => {
      const before = subgraphCalls;
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions).toMatchObject({ field: 'operationName' });
      expect(subgraphCalls).toBe(before);
    });

    it.each([
      ['a query, operationName ""', { query: 'query A { me { id } }', operationName: '' }],
      ['35 aliased requestLeave, operationName ""', { query: requestLeave(35), operationName: '' }],
      ['an unknown name', { query: 'query A { me { id } }', operationName: 'B' }],
      ['no name among several', { query: 'query A { me { id } } query B { me { firstName } }' }],
    ])('over graphql-ws: %s', async (_case, payload) => {
      const before = subgraphCalls;
      const { error } = await overSocket(payload);
      expect(error).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'operationName' }),
        }),
      ]);
      expect(subgraphCalls).toBe(before);
    });

    const nested = (depth: number): unknown => (depth === 0 ? 'x' : [nested(depth - 1)]);

    it.each([
      [
        'a document nested 2,400 deep',
        { query: `{ me(x: ${'['.repeat(2400)}1${']'.repeat(2400)}) { id } }` },
        { code: 'BAD_USER_INPUT', reason: 'SYNTAX_ERROR' },
      ],
      [
        'variables nested 40 deep',
        { query: 'query Me { me { id } }', variables: { deep: nested(40) } },
        { code: 'BAD_USER_INPUT', limit: 'maxVariableDepth' },
      ],
      [
        'a subscription with variables nested 40 deep',
        { query: 'subscription { leaveRequestUpdated { id } }', variables: { deep: nested(40) } },
        { code: 'BAD_USER_INPUT', limit: 'maxVariableDepth' },
      ],
    ])('over graphql-ws, %s: refused with a code', async (_case, payload, extensions) => {
      const before = subgraphCalls;
      // A query's refusal is its result; a subscription's, the subscribe's error.
      const { error, results } = await overSocket(payload);
      expect(error ?? (results as Loose[])[0].errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining(extensions) }),
      ]);
      expect(subgraphCalls).toBe(before);
    });

    it('over SSE', async () => {
      const before = subgraphCalls;
      const { status, body } = await post(
        { query: op('NotificationReceived'), operationName: '' },
        undefined,
        'text/event-stream',
      );
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toMatchObject({ field: 'operationName' });
      expect(subgraphCalls).toBe(before);
    });

    it.each([
      ['null', 'null'],
      ['an array', '[{"query": "subscription { notificationReceived { id } }"}]'],
      ['not JSON', '{"query": '],
      ['no query', '{}'],
      ['a query that is not a string', '{"query": 5}'],
      [
        'an operationName that is not a string',
        '{"query": "subscription { notificationReceived { id } }", "operationName": 5}',
      ],
    ])('an SSE body that is %s: 400 with a code', async (_case, body) => {
      const response = await fetch(tp.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${await tp.token(asNurse())}`,
        },
        body,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Loose).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('leaves no leave request written by any of them', async () => {
      expect((await requests()).map((r) => r.startDate)).toEqual([wednesday(0)]);
    });
  });

  it('refuses six HR queries for a year of days of many employees at the cost limit', async () => {
    const query = yearOfDays(7);
    // Counted with every list as 10 items, each was under the old limit of 50 000.
    const document = parse(query);
    const schema = Supergraph.build(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'))
      .apiSchema()
      .toGraphQLJSSchema();
    const asTen = createOperationAnalyzer({ rangeArguments: [] });
    expect(asTen(schema, document, getOperationAST(document)!, {}).cost).toBeLessThan(50_000);

    const token = await tp.token(hr);
    const before = subgraphCalls;
    const answers = await Promise.all(Array.from({ length: 6 }, () => post({ query }, token)));
    for (const { status, body } of answers) {
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxCost' });
      expect(body.errors[0].message).toMatch(/cost is \d{6,}, above the limit of 20000/);
    }
    expect(subgraphCalls).toBe(before);
    // One person's year is within the limit.
    const one = await post(
      {
        query: op('AccrualDays'),
        variables: { id: nurse.id, type: 'ANNUAL_TARGET_HOURS', ...YEAR },
      },
      token,
    );
    expect(one.status).toBe(200);
    expect(one.body.data.employee.accrualDays).toHaveLength(365);
  });

  describe('subscriptions get the same limits over graphql-ws and SSE', () => {
    let deep = 'id';
    for (let i = 0; i < 6; i += 1) deep = `manager { directReports { ${deep} } }`;
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ');
    const cases: [string, string][] = [
      ['maxDepth', `subscription { leaveRequestUpdated { employee { ${deep} } } }`],
      ['maxAliases', `subscription { leaveRequestUpdated { ${aliases} } }`],
      [
        'maxCost',
        `subscription { leaveRequestUpdated { employee { reports(first: 100) { nodes {
          accrualDays(type: ANNUAL_TARGET_HOURS, from: "${YEAR.from}", to: "${YEAR.to}") { date } } } } } }`,
      ],
      [
        'maxDirectives',
        `subscription { leaveRequestUpdated { ${Array.from({ length: 9 }, (_, i) => `f${i}: id @include(if: true)`).join(' ')} } }`,
      ],
      [
        'maxTokens',
        `subscription { leaveRequestUpdated { ${Array.from({ length: 5000 }, () => 'id').join(' ')} } }`,
      ],
    ];

    it.each(cases)('over graphql-ws: %s', async (limit, query) => {
      const before = subgraphCalls;
      const { error } = await overSocket({ query });
      expect(error).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', limit }),
        }),
      ]);
      expect(tp.platform.gateway.subscriptions!.engine.open()).toBe(0);
      expect(subgraphCalls).toBe(before);
    });

    it.each(cases)('over SSE: %s', async (limit, query) => {
      const before = subgraphCalls;
      const { status, body } = await post({ query }, undefined, 'text/event-stream');
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
      expect(subgraphCalls).toBe(before);
    });

    it('while one within them is served', async () => {
      const { error, results } = await Promise.race([
        overSocket({ query: op('LeaveRequestUpdated') }),
        new Promise<Loose>((resolve) =>
          waitFor(async () =>
            tp.platform.gateway.subscriptions!.engine.open() > 0 ? true : undefined,
          ).then(() => resolve({})),
        ),
      ]);
      expect(error).toBeUndefined();
      expect(results).toBeUndefined();
    });
  });
});
