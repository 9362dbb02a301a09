import fc from 'fast-check';
import {
  Kind,
  print,
  type OperationDefinitionNode,
  type TypeNode,
  type VariableDefinitionNode,
} from 'graphql';
import { loadContract } from '../schema/src/contract';

/** One HTTP request of a fuzz run. */
export interface FuzzRequest {
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzRequestOptions {
  /** GraphQL path of the target (default `/graphql`). */
  path?: string;
  /** Valid `Authorization` header values to pick from (others are made up). */
  authorizations: string[];
}

/** Documents worth mutating: the front end's operations plus classic abuse shapes. */
function seedDocuments(): { text: string; operation?: OperationDefinitionNode }[] {
  const contract = loadContract().map((o) => ({
    text: print(o.document),
    operation: o.document.definitions[0] as OperationDefinitionNode,
  }));
  const nested = (depth: number) => `${'{ a '.repeat(depth)}${'}'.repeat(depth)}`;
  const aliases = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  const abuse = [
    '{ __typename }',
    '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
    'query { __type(name: "Query") { name } }',
    nested(200),
    aliases(500),
    `{ __typename ${'@include(if: true)'.repeat(50)} }`,
    'fragment F on Query { ...G } fragment G on Query { ...F } { ...F }',
    `{ ${'__typename '.repeat(2000)}}`,
    'query A { __typename } query B { __typename }',
    'subscription { notificationReceived { id } }',
    'mutation { __typename }',
  ];
  return [...contract, ...abuse.map((text) => ({ text }))];
}

const CONTROL = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\ud800',
  '\u2028',
);
const TOKENS = fc.constantFrom(
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '...',
  ':',
  '$',
  '@',
  '"',
  '"""',
  '#',
  '!',
  '=',
  '@skip(if: $x)',
  '@deprecated',
  'fragment',
  'on',
  'query',
  'mutation',
  'subscription',
  '__typename',
  '__schema',
  'first: -1',
  'first: 2147483647',
  'id: "x"',
);

/** Small edits of a document: the kind of text a broken or hostile client sends. */
const mutated = (text: string) =>
  fc
    .array(
      fc.tuple(
        fc.nat({ max: Math.max(0, text.length) }),
        fc.nat({ max: 40 }),
        fc.oneof(TOKENS, CONTROL, fc.string({ maxLength: 8 }), fc.constant('')),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((edits) =>
      edits.reduce(
        (current, [at, cut, insert]) =>
          current.slice(0, at) + insert + current.slice(Math.min(current.length, at + cut)),
        text,
      ),
    );

// Header values that fetch itself would refuse to send are left out.
const isHeaderSafe = (s: string) =>
  [...s].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f);

const hugeString = fc.constantFrom(50_000, 200_000).map((n) => 'x'.repeat(n));
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), CONTROL).map(([a, b]) => a + b),
  hugeString,
  fc.constantFrom('', ' ', "' OR 1=1 --", '%', '_', '\\', '2024-02-30', '9999-12-31', '-1'),
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e308, -1e308),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A value for a variable of `type`, right in shape about half of the time. */
function valueFor(type: TypeNode): fc.Arbitrary<unknown> {
  if (type.kind === Kind.NON_NULL_TYPE) return valueFor(type.type);
  if (type.kind === Kind.LIST_TYPE) {
    return fc.oneof(fc.array(valueFor(type.type), { maxLength: 5 }), anyJson);
  }
  switch (type.name.value) {
    case 'Int':
    case 'Float':
      return fc.oneof(oddNumber, anyJson);
    case 'Boolean':
      return fc.oneof(fc.boolean(), anyJson);
    case 'Date':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        oddString,
      );
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        oddString,
      );
    case 'ID':
    case 'String':
      return fc.oneof(fc.uuid(), oddString);
    default:
      return fc.oneof(
        fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 6 }),
        anyJson,
      );
  }
}

function variablesFor(definitions: readonly VariableDefinitionNode[] = []) {
  const shaped = fc.record(
    Object.fromEntries(definitions.map((d) => [d.variable.name.value, valueFor(d.type)])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    fc.constant(undefined),
    fc.constant(null),
    anyJson,
  );
}

/** Everything but the document: what goes beside `query` in a GraphQL request. */
function envelope(operation?: OperationDefinitionNode) {
  const name = operation?.name?.value;
  return fc.record({
    variables: variablesFor(operation?.variableDefinitions),
    operationName: fc.oneof(
      { weight: 6, arbitrary: fc.constant(name) },
      fc.constantFrom('', null, 42, 'Nope', 'x'.repeat(100_000), 'a\u0000b'),
      oddString,
    ),
    extensions: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      fc.constantFrom(
        { persistedQuery: 'x' },
        { persistedQuery: { version: 9 } },
        { persistedQuery: { version: 1, sha256Hash: 'nothex' } },
        { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
        { cursor: '-1' },
      ),
      anyJson,
    ),
  });
}

function graphqlBody() {
  const seeds = seedDocuments();
  return fc
    .constantFrom(...seeds)
    .chain((seed) =>
      fc.tuple(
        fc.oneof({ weight: 2, arbitrary: fc.constant(seed.text) }, mutated(seed.text)),
        envelope(seed.operation),
      ),
    )
    .map(([query, rest]) => ({ query, ...rest }));
}

const garbageBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '[]',
    '[{"query":"{ __typename }"}]',
    'null',
    '42',
    '"x"',
    '{"query":1}',
  ),
  anyJson.map((v) => JSON.stringify(v)),
  fc.nat({ max: 5000 }).map((depth) => '['.repeat(depth)),
);

function authorization(valid: string[]) {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...valid) },
    fc.constantFrom(
      'Bearer',
      'Bearer x.y.z',
      'Basic dXNlcjpwYXNz',
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.',
      `Bearer ${'a'.repeat(10_000)}.b.c`,
    ),
    fc.constant(undefined),
  );
}

const CONTENT_TYPES = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
  ),
  fc.constant(undefined),
);

/**
 * Random and mutated HTTP requests to a GraphQL endpoint: mostly the front end's own
 * operations, edited, with odd variables, names, extensions, headers and methods.
 */
export function fuzzRequests(options: FuzzRequestOptions): fc.Arbitrary<FuzzRequest> {
  const path = options.path ?? '/graphql';
  const headersArb = fc
    .record({
      authorization: authorization(options.authorizations),
      'content-type': CONTENT_TYPES,
      'x-request-id': fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        oddString.filter((s) => s.length < 1000 && isHeaderSafe(s)),
      ),
      'apollo-require-preflight': fc.constantFrom(undefined, 'true'),
    })
    .map((h) =>
      Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)),
    ) as fc.Arbitrary<Record<string, string>>;
  const post = fc.record({
    method: fc.oneof(
      { weight: 10, arbitrary: fc.constant('POST') },
      fc.constantFrom('PUT', 'PATCH'),
    ),
    path: fc.constant(path),
    headers: headersArb,
    body: fc.oneof(
      { weight: 6, arbitrary: graphqlBody().map((b) => JSON.stringify(b)) },
      garbageBody,
    ),
  });
  const get = fc.tuple(graphqlBody(), headersArb).map(([body, headers]): FuzzRequest => {
    const params = new URLSearchParams();
    params.set('query', body.query);
    if (body.operationName !== undefined) params.set('operationName', String(body.operationName));
    if (body.variables !== undefined) params.set('variables', JSON.stringify(body.variables));
    return { method: 'GET', path: `${path}?${params}`, headers };
  });
  return fc.oneof({ weight: 8, arbitrary: post }, { weight: 2, arbitrary: get });
}
