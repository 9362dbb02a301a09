import pino from 'pino';
import { startFixture, type Fixture } from './support/twoSubgraphs';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const aliases = (count: number, field = 'users { id }') =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

describe('client mistakes', () => {
  let fx: Fixture;
  let token: string;
  const logged: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => logged.push(JSON.parse(line)) },
    );
    fx = await startFixture('in-process', { logger });
    token = await fx.token('EMPLOYEE', 'u1');
  });
  afterAll(() => fx.stop());
  beforeEach(() => {
    fx.calls.length = 0;
    logged.length = 0;
  });
  afterEach(() => {
    // A client's mistake is no server fault: nothing at error level, no stack.
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
  });

  const post = async (body: unknown) => {
    const response = await fx.post(body, { authorization: `Bearer ${token}` });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Body };
  };

  describe('an operation that cannot be resolved is refused before any subgraph is called', () => {
    it.each([
      [
        'an empty operationName, over 31 aliases',
        { query: `query Flood { ${aliases(31)} }`, operationName: '' },
        /operationName is empty/,
      ],
      [
        'an unknown operationName',
        { query: 'query A { users { id } }', operationName: 'B' },
        /no operation of that name/,
      ],
      [
        'no operationName among several',
        { query: 'query A { users { id } } query B { reviews { id } }' },
        /several operations/,
      ],
      [
        'an empty operationName on a mutation',
        {
          query: 'mutation M { addReview(input: { body: "long enough" }) { id } }',
          operationName: '',
        },
        /operationName is empty/,
      ],
    ])('%s', async (_case, body, message) => {
      const { status, body: answer } = await post(body);
      expect(status).toBe(400);
      expect(answer.data).toBeUndefined();
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0].message).toMatch(message);
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'operationName',
      });
      expect(fx.calls).toEqual([]);
    });

    it('still limits the document once it is named', async () => {
      const { status, body } = await post({
        query: `query Flood { ${aliases(31)} }`,
        operationName: 'Flood',
      });
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions).toMatchObject({ limit: 'maxAliases' });
      expect(fx.calls).toEqual([]);
    });
  });

  it.each([
    [
      'a persistedQuery that is a string',
      { query: '{ users { id } }', extensions: { persistedQuery: 'x' } },
    ],
    [
      'a persistedQuery of an unknown version',
      { query: '{ users { id } }', extensions: { persistedQuery: { version: 9 } } },
    ],
    [
      'a persistedQuery whose hash is not the query’s',
      {
        query: '{ users { id } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      },
    ],
    ['a query that is not a string', { query: 5 }],
    ['a query that is an object', { query: { kind: 'Document' } }],
    ['no query', { variables: {} }],
    ['variables that are not an object', { query: '{ users { id } }', variables: [1] }],
    ['variables as a string', { query: '{ users { id } }', variables: '{}' }],
    ['an operationName that is not a string', { query: '{ users { id } }', operationName: 5 }],
    ['a syntax error', { query: '{ users { ' }],
    ['a subscription over plain HTTP', { query: 'subscription { users { id } }' }],
    ['a body that is a JSON string', '"{ users { id } }"'],
    ['an empty batch', []],
    [
      'a NUL in the operation name',
      { query: 'query A { users { id } }', operationName: 'A\u0000' },
    ],
  ])('%s: 4xx with a code, never INTERNAL', async (_case, body) => {
    const { status, text, body: answer } = await post(body);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(text).not.toMatch(/INTERNAL|stack|exception/i);
    expect(fx.calls).toEqual([]);
  });

  it('a mutation over GET: 405, never run', async () => {
    const query = encodeURIComponent(
      'mutation { addReview(input: { body: "long enough" }) { id } }',
    );
    const response = await fetch(`${fx.url}?query=${query}`, {
      headers: { authorization: `Bearer ${token}`, 'graphql-require-preflight': '1' },
    });
    expect(response.status).toBe(405);
    const body = (await response.json()) as Body;
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fx.calls).toEqual([]);
  });

  // Sent as text: JSON.stringify itself runs out of stack on such a value.
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it.each([
    ['undeclared', `{"query":"{ users { id } }","variables":{"deep":${nested(6000)}}}`],
    [
      'declared',
      '{"query":"mutation M($input: AddReviewInput!) { addReview(input: $input) { id } }",' +
        `"variables":{"input":{"body":${nested(6000)}}}}`,
    ],
  ])('variables nested 6,000 deep (%s): one refusal naming the limit', async (_case, body) => {
    const { status, body: answer } = await post(body);
    expect(status).toBe(400);
    expect(answer.errors).toEqual([
      {
        message:
          "The operation's variables' nesting is 33, above the limit of 32 (maxVariableDepth).",
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'LIMIT_EXCEEDED',
          limit: 'maxVariableDepth',
        },
      },
    ]);
    expect(fx.calls).toEqual([]);
  });

  it.each([
    ['a value of the wrong type', { input: { body: 5 } }, 'input.body'],
    ['no value for a required variable', {}, 'input'],
  ])(
    'a variable with %s: 400 naming where, before any subgraph',
    async (_case, variables, field) => {
      const { status, body: answer } = await post({
        query: 'mutation M($input: AddReviewInput!) { addReview(input: $input) { id } }',
        variables,
      });
      expect(status).toBe(400);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(fx.calls).toEqual([]);
    },
  );

  it('a document nested past what the parser can walk: a refusal saying so', async () => {
    const { status, body: answer } = await post({
      query: `{ users(filter: ${'['.repeat(2400)}"x"${']'.repeat(2400)}) { id } }`,
    });
    expect(status).toBe(400);
    expect(answer.errors?.[0]).toEqual({
      message: 'The operation nests too deeply to be read.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'SYNTAX_ERROR' },
    });
  });

  it('directive overloading: one refusal naming the limit, not an error per directive', async () => {
    const { status, body } = await post({
      query: 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }',
      operationName: 'cop',
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message:
          "The operation's number of directives is 10, above the limit of 8 (maxDirectives).",
        extensions: { code: 'BAD_USER_INPUT', reason: 'LIMIT_EXCEEDED', limit: 'maxDirectives' },
      },
    ]);
  });
});
