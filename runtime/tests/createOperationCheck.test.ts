import { buildSchema, parse } from 'graphql';
import type { Identity, Role } from '../src/identity';
import {
  OperationRefusedError,
  createOperationCheck,
  parseOperation,
  type OperationCheckInput,
} from '../src/operationLimits';

const schema = buildSchema(`
  type Query { me: Person people(first: Int): [Person!]! }
  type Person { id: ID! name: String! friends: [Person!]! }
`);

const as = (role: Role): Identity => ({
  subject: `${role.toLowerCase()}-1`,
  role,
  employeeId: null,
  scopes: [],
  token: 't',
  expiresAt: 0,
});

const check = createOperationCheck();
const run = (query: string, input: Partial<OperationCheckInput> = {}) =>
  check({ schema, document: parse(query), identity: as('EMPLOYEE'), ...input });
const refusal = (query: string, input: Partial<OperationCheckInput> = {}) => {
  const result = run(query, input);
  if (!('refusal' in result)) throw new Error(`not refused: ${query}`);
  return result.refusal;
};

describe('createOperationCheck', () => {
  it('passes an operation within the limits, with its analysis', () => {
    const result = run('query Me { me { id name } }');
    expect(result).toMatchObject({
      operation: { name: { value: 'Me' } },
      analysis: { depth: 2, aliases: 0, cost: 3, directives: 0, introspection: false },
    });
  });

  describe('refuses an operation it cannot resolve, naming operationName', () => {
    const two = 'query A { me { id } } query B { me { name } }';
    it.each([
      ['an empty name', two, '', /operationName is empty/],
      ['an unknown name', two, 'C', /no operation of that name/],
      [
        'a name of a single operation that is not its own',
        'query A { me { id } }',
        'B',
        /no operation of that name/,
      ],
      ['no name among several', two, undefined, /several operations/],
      [
        'a document of fragments only',
        'fragment F on Query { me { id } }',
        undefined,
        /no operation/,
      ],
    ])('%s', (_case, query, operationName, message) => {
      const refused = refusal(query, { operationName });
      expect(refused).toBeInstanceOf(OperationRefusedError);
      expect(refused).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'OPERATION_NOT_RESOLVED',
        field: 'operationName',
        status: 400,
      });
      expect(refused.message).toMatch(message);
    });

    it('still runs the named one', () => {
      expect(run(two, { operationName: 'B' })).toHaveProperty('operation.name.value', 'B');
    });
  });

  it('passes variables nested to maxVariableDepth and refuses one level more, arrays or objects', () => {
    const nest = (depth: number, wrap: (inner: unknown) => unknown) => {
      let value: unknown = 'x';
      for (let i = 0; i < depth; i++) value = wrap(value);
      return value;
    };
    const query = 'query Me { me { id } }';
    expect(run(query, { variables: { a: nest(31, (v) => [v]) } })).toHaveProperty('operation');
    for (const wrap of [(v: unknown) => [v], (v: unknown) => ({ v })]) {
      const refused = refusal(query, { variables: { a: nest(32, wrap) } });
      expect(refused.message).toBe(
        "The operation's variables' nesting is 33, above the limit of 32 (maxVariableDepth).",
      );
      expect(refused.extensions).toEqual({ limit: 'maxVariableDepth' });
    }
    // Far past the limit, the count stops there rather than walk it all.
    expect(refusal(query, { variables: { a: nest(100_000, (v) => [v]) } }).message).toMatch(
      /nesting is 33,/,
    );
  });

  it("parses a document nested past the parser's stack into a refusal, not a crash", () => {
    const refused = parseOperation(
      `{ me(x: ${'['.repeat(5000)}1${']'.repeat(5000)}) { id } }`,
      20_000,
    );
    expect(refused).toBeInstanceOf(OperationRefusedError);
    expect(refused).toMatchObject({
      message: 'The operation nests too deeply to be read.',
      reason: 'SYNTAX_ERROR',
    });
  });

  it('refuses more directives than maxDirectives, counted over the whole document', () => {
    const eight = Array.from({ length: 8 }, () => '@include(if: true)').join(' ');
    expect(run(`{ me ${eight} { id } }`)).toHaveProperty('analysis.directives', 8);
    const refused = refusal(
      `{ me ${eight} { id } ...F } fragment F on Query { me @skip(if: false) { id } }`,
    );
    expect(refused.message).toBe(
      "The operation's number of directives is 9, above the limit of 8 (maxDirectives).",
    );
    expect(refused.extensions).toEqual({ limit: 'maxDirectives' });
    expect(check.directives(parse('{ me @a @a @a @a @a @a @a @a @a @a { id } }'))).toBeInstanceOf(
      OperationRefusedError,
    );
  });

  it.each([
    [
      'maxDepth',
      '{ me { friends { friends { friends { friends { friends { friends { friends { friends { friends { friends { friends { id } } } } } } } } } } } } }',
    ],
    ['maxAliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`],
    ['maxCost', '{ people(first: 1000) { friends { friends { id } } } }'],
  ])('refuses an operation over %s, naming the limit', (limit, query) => {
    const refused = refusal(query);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIMIT_EXCEEDED' });
    expect(refused.extensions).toEqual({ limit });
    expect(refused.message).toContain(`(${limit})`);
  });

  it('leaves introspection to ADMIN and PARTNER tokens unless it is open', () => {
    const query = '{ __schema { queryType { name } } }';
    expect(refusal(query)).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(refusal(query, { identity: null })).toMatchObject({ code: 'FORBIDDEN' });
    expect(run(query, { identity: as('ADMIN') })).toHaveProperty('analysis.introspection', true);
    expect(run(query, { identity: as('PARTNER') })).toHaveProperty('operation');
    const open = createOperationCheck({ introspection: 'open' });
    expect(open({ schema, document: parse(query), identity: null })).toHaveProperty('operation');
  });

  it('refuses variables that are not an object, and an operation type the schema lacks', () => {
    expect(refusal('{ me { id } }', { variables: [1] })).toMatchObject({
      reason: 'VARIABLES_INVALID',
      field: 'variables',
    });
    expect(refusal('mutation { x }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'OPERATION_TYPE_UNKNOWN',
    });
  });

  it('takes its limits as options', () => {
    const strict = createOperationCheck({ limits: { maxDepth: 2 } });
    expect(strict.limits.maxDepth).toBe(2);
    const result = strict({ schema, document: parse('{ me { friends { id } } }'), identity: null });
    expect(result).toHaveProperty('refusal.extensions.limit', 'maxDepth');
    expect(() => createOperationCheck({ limits: { maxCost: -1 } })).toThrow(/maxCost/);
  });
});

describe('parseOperation', () => {
  it('refuses a document over maxTokens while parsing, and a syntax error, as the client’s', () => {
    const fields = Array.from({ length: 150 }, () => 'id').join(' ');
    expect(parseOperation(`{ me { ${fields} } }`, 100)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'The operation has more than 100 tokens, the limit (maxTokens).',
      extensions: { limit: 'maxTokens' },
    });
    expect(parseOperation('{ me { ', 100)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SYNTAX_ERROR',
    });
    expect(parseOperation('{ me { id } }', 100)).toHaveProperty('kind', 'Document');
  });
});
