import { getIntrospectionQuery } from 'graphql';
import { createTestPlatform, type TestPlatform } from '../../test-support/createTestPlatform';

// graphql-cop's checks (github.com/dolevf/graphql-cop, lib/tests), each sent as the tool
// sends it and judged as the tool judges it, then held to what the platform promises,
// against the whole platform in production and in development settings. graphql-cop
// names its operation `cop` and sends `operationName: "cop"`; the gateway needs a token,
// so each request carries one, as graphql-cop's `-H` would.

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

describe.each([
  { mode: 'production', introspectionOpen: false },
  { mode: 'development', introspectionOpen: true },
])('graphql-cop against the gateway in $mode', ({ mode, introspectionOpen }) => {
  let tp: TestPlatform;
  let employee: string;
  let admin: string;
  const answers: Answer[] = [];

  beforeAll(async () => {
    // Apollo reads NODE_ENV when the gateway is made; the configuration reads its own copy.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = mode;
    try {
      tp = await createTestPlatform({ env: { NODE_ENV: mode } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    employee = await tp.token({ role: 'EMPLOYEE', sub: 'cop-employee' });
    admin = await tp.token({ role: 'ADMIN' });
  });
  afterAll(() => tp.stop());

  const keep = async (response: Response): Promise<Answer> => {
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const answer = { status: response.status, headers: response.headers, text, json };
    answers.push(answer);
    return answer;
  };

  /** graphql-cop's `graph_query`: a JSON POST of `{query, operationName: "cop"}`, or a batch. */
  const graphQuery = (
    query: string,
    { token = employee, batch = false, headers = {} as Record<string, string> } = {},
  ) =>
    fetch(tp.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...headers,
      },
      body: JSON.stringify(
        batch ? Array.from({ length: 10 }, () => ({ query })) : { query, operationName: 'cop' },
      ),
    }).then(keep);

  /** graphql-cop's `request`: GET with `?query=`, or a POST of form fields. */
  const request = (
    params: Record<string, string>,
    { verb = 'GET', headers = {} as Record<string, string>, url = tp.url } = {},
  ) => {
    const form = new URLSearchParams(params).toString();
    return fetch(verb === 'GET' && form ? `${url}?${form}` : url, {
      method: verb,
      headers: { authorization: `Bearer ${employee}`, ...headers },
      ...(verb === 'POST' && {
        body: form,
        headers: {
          authorization: `Bearer ${employee}`,
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
      }),
    }).then(keep);
  };

  const codes = (answer: Answer) =>
    (answer.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);

  it('is a GraphQL endpoint by graphql-cop’s own probe', async () => {
    const answer = await graphQuery('query cop { __typename }');
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('alias overloading: 101 aliases are refused, nothing runs', async () => {
    let aliases = '';
    for (let i = 0; i <= 100; i += 1) aliases += `alias${i}:__typename \n`;
    const answer = await graphQuery(`query cop { ${aliases} }`);
    expect(answer.json?.data?.alias100).toBeUndefined();
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'maxAliases',
    });
  });

  it('array-based batching: ten queries in one body are refused', async () => {
    const answer = await graphQuery('query cop { __typename }', { batch: true });
    expect(Array.isArray(answer.json)).toBe(false);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
  });

  it(`field suggestions: ${introspectionOpen ? 'given in development' : 'none'}`, async () => {
    const answer = await graphQuery('query cop { __schema { directive } }');
    expect(answer.status).toBe(400);
    const message = answer.json.errors[0].message as string;
    expect(message).toMatch(/Cannot query field "directive" on type "__Schema"/);
    if (introspectionOpen) expect(message).toMatch(/Did you mean/);
    else expect(message).not.toMatch(/Did you mean/);
  });

  it('directive overloading: one refusal at the directive limit, not ten errors', async () => {
    const answer = await graphQuery('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
    expect(answer.json.errors).toHaveLength(1);
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].extensions).toMatchObject({ limit: 'maxDirectives' });
  });

  describe('introspection-based circular query', () => {
    const circular =
      'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';

    it.each([
      ['an EMPLOYEE', () => employee],
      ['an ADMIN, bounded by the introspection depth', () => admin],
    ])('is refused for %s', async (_who, token) => {
      const answer = await graphQuery(circular, { token: token() });
      expect(answer.json?.data?.__schema).toBeUndefined();
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    });

    it('while an ADMIN still introspects the schema in full', async () => {
      const full = await fetch(tp.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: getIntrospectionQuery() }),
      }).then(keep);
      expect(full.status).toBe(200);
      expect(full.json.data.__schema.types.length).toBeGreaterThan(25);
    });
  });

  describe('GET', () => {
    it('a query without a preflight header is refused (CSRF prevention)', async () => {
      const answer = await request({ query: 'query cop {__typename}' });
      expect(answer.json?.data?.__typename).toBeUndefined();
      expect(answer.status).toBe(400);
      expect(answer.json.errors[0].message).toMatch(/cross-site request forgery/);
    });

    it('a mutation is refused, with a preflight header too', async () => {
      const bare = await request({ query: 'mutation cop {__typename}' });
      expect(bare.json?.data?.__typename).toBeUndefined();
      expect(bare.status).toBe(400);
      const preflighted = await request(
        { query: 'mutation cop {__typename}' },
        { headers: { 'graphql-require-preflight': '1' } },
      );
      expect(preflighted.json?.data?.__typename).toBeUndefined();
      expect(preflighted.status).toBe(405);
    });
  });

  it('POST form-encoded (application/x-www-form-urlencoded) is refused', async () => {
    const answer = await request({ query: 'query cop { __typename }' }, { verb: 'POST' });
    expect(answer.json?.data?.__typename).toBeUndefined();
    expect(answer.status).toBe(400);
    const preflighted = await request(
      { query: 'query cop { __typename }' },
      { verb: 'POST', headers: { 'graphql-require-preflight': '1' } },
    );
    expect(preflighted.json?.data?.__typename).toBeUndefined();
    expect(preflighted.status).toBe(400);
  });

  it('trace mode: no tracing or ftv1 in answers, even when asked for', async () => {
    const answer = await graphQuery('query cop { __typename }', {
      headers: { 'apollo-federation-include-trace': 'ftv1' },
    });
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
    const me = await graphQuery('query cop { verifyEmployee(id: "none") { exists } }', {
      headers: { 'apollo-federation-include-trace': 'ftv1' },
    });
    expect(me.json.extensions).toBeUndefined();
    expect(me.text).not.toMatch(/tracing|ftv1/);
  });

  it('engine fingerprinting: graphw00f’s probes for Apollo find nothing of theirs', async () => {
    // graphw00f (github.com/dolevf/graphw00f, graphw00f/lib.py, engine_apollo) sends these
    // over POST and GET and matches these messages.
    const probes: [string, string][] = [
      [
        'query @skip { __typename }',
        'Directive "@skip" argument "if" of type "Boolean!" is required, but it was not provided.',
      ],
      ['query @deprecated { __typename }', 'Directive "@deprecated" may not be used on QUERY.'],
    ];
    for (const [query, tell] of probes) {
      const post = await fetch(tp.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${employee}` },
        body: JSON.stringify({ query }),
      }).then(keep);
      const get = await request({ query });
      for (const answer of [post, get]) {
        expect(answer.status).toBe(400);
        expect(answer.text.toLowerCase()).not.toContain(tell.toLowerCase());
      }
    }
    // graphql-yoga's tell, probed first.
    const yoga = await graphQuery('subscription { __typename }');
    expect(yoga.text).not.toMatch(/Unexpected error\.|asyncIterator/);
    expect(yoga.status).toBe(400);
  });

  it(`introspection: ${introspectionOpen ? 'open in development' : 'refused for an EMPLOYEE'}`, async () => {
    const query = 'query cop { __schema { types { name fields { name } } } }';
    const answer = await graphQuery(query);
    if (introspectionOpen) {
      expect(answer.json.data.__schema.types.length).toBeGreaterThan(0);
    } else {
      expect(answer.json?.data?.__schema).toBeUndefined();
      expect(answer.status).toBe(403);
      expect(codes(answer)).toEqual(['FORBIDDEN']);
    }
    const partner = await tp.token({ role: 'PARTNER', sub: 'partner-cop', scopes: [] });
    const allowed = await graphQuery(query, { token: partner });
    expect(allowed.json.data.__schema.types.length).toBeGreaterThan(0);
  });

  it('IDE: no GraphiQL, Playground or Sandbox page on any of the paths graphql-cop tries', async () => {
    const heuristics = ['graphiql.min.css', 'GraphQL Playground', 'GraphiQL', 'graphql-playground'];
    const base = tp.url.replace(/\/graphql$/, '');
    for (const path of ['/', '/graphiql', '/playground', '/console', '/graphql']) {
      const answer = await request({}, { url: `${base}${path}`, headers: { accept: 'text/html' } });
      for (const word of [...heuristics, 'Sandbox', 'landing-page', '<html']) {
        expect(answer.text).not.toContain(word);
      }
      expect(answer.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    }
  });

  it('field duplication: 500 copies are one field, and a duplicated list is bounded by cost', async () => {
    const answer = await graphQuery(`query cop { ${'__typename \n'.repeat(500)}} `);
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
    const lists = await graphQuery(
      `query cop { ${'employees(first: 100) { nodes { id } } '.repeat(300)}}`,
    );
    expect(lists.status).toBe(400);
    expect(lists.json.errors[0].extensions).toMatchObject({ limit: 'maxCost' });
  });

  it('unhandled errors: a document that does not parse is a plain 400', async () => {
    const answer = await graphQuery('qwerty cop { abc }');
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
  });

  it('no answer above named the engine; no error held a stack, an exception, a path or SQL', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers) {
      const headers = [...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      expect(`${headers}\n${answer.text}`).not.toMatch(/apollo/i);
      expect(answer.status).toBeLessThan(500);
      // Answers with data may hold the schema's own words (introspection); errors may not.
      if (answer.status === 200 && !answer.json?.errors) continue;
      expect(answer.text).not.toMatch(
        /stacktrace|"exception"|\bat .+:\d+:\d+|node_modules|\/work\/|\.ts:\d+|\b(select|insert into|update|delete from)\b.*\b(from|where|values|set)\b/i,
      );
    }
  });
});
