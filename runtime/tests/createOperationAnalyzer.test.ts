import { buildSchema, getOperationAST, parse } from 'graphql';
import { createOperationAnalyzer } from '../src/operationLimits';

const schema = buildSchema(`
  type Query {
    me: Person
    people(first: Int, after: String): PersonConnection!
    teams: [Team!]!
    top(first: Int = 3): [Person!]!
  }
  type PersonConnection { nodes: [Person!]! totalCount: Int! }
  type Team { name: String! members: [Person!]! }
  type Person { id: ID! name: String! friends: [Person!]! }
`);

const measure = (
  query: string,
  variables?: Record<string, unknown>,
  analyze = createOperationAnalyzer(),
) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return analyze(schema, document, operation, variables);
};

describe('createOperationAnalyzer', () => {
  it('counts depth from the root fields, and aliases', () => {
    expect(measure('{ me { id friends { a: name b: name } } }')).toMatchObject({
      depth: 3,
      aliases: 2,
      introspection: false,
    });
  });

  it('multiplies a field by the sizes of the lists it is inside', () => {
    // teams: 1, each of 10 teams: name + members (1 + 10 × 1 each) = 12 → 1 + 10 × 12
    expect(measure('{ teams { name members { id } } }').cost).toBe(121);
  });

  it('takes a size argument, literal or variable, and applies it once to a connection', () => {
    // people: 1 + 25 × (totalCount: 1 + nodes: 1 + 1 × (id + name)); nodes is not multiplied again
    const literal = measure('{ people(first: 25) { totalCount nodes { id name } } }').cost;
    expect(literal).toBe(1 + 25 * (1 + (1 + 1 * 2)));
    const variable = measure(
      'query ($n: Int) { people(first: $n) { totalCount nodes { id name } } }',
      {
        n: 25,
      },
    ).cost;
    expect(variable).toBe(literal);
  });

  it("uses a size argument's schema default when it is left out", () => {
    expect(measure('{ top { id } }').cost).toBe(1 + 3 * 1);
  });

  it('expands fragments, measuring each once however often it is spread', () => {
    let fragments = 'fragment F0 on Person { id }';
    for (let i = 1; i <= 40; i++) {
      fragments += ` fragment F${i} on Person { ...F${i - 1} ...F${i - 1} }`;
    }
    const started = Date.now();
    const analysis = measure(`{ me { ...F40 } } ${fragments}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(analysis.cost).toBe(1 + 2 ** 40);
    expect(analysis.depth).toBe(2);
  });

  it('sees introspection anywhere and leaves it out of depth and cost', () => {
    const analysis = measure(
      '{ me { id } ...Q } fragment Q on Query { __schema { types { fields { type { ofType { ofType { name } } } } } } }',
    );
    expect(analysis).toMatchObject({ introspection: true, depth: 2, cost: 2 });
  });

  it('caches analyses that used no variables, per parsed operation', () => {
    const analyze = createOperationAnalyzer();
    const document = parse('query ($n: Int) { people(first: $n) { nodes { id } } }');
    const operation = getOperationAST(document)!;
    const small = analyze(schema, document, operation, { n: 1 });
    const large = analyze(schema, document, operation, { n: 1000 });
    expect(large.cost).toBeGreaterThan(small.cost);

    const fixed = parse('{ teams { name } }');
    const fixedOperation = getOperationAST(fixed)!;
    expect(analyze(schema, fixed, fixedOperation, undefined)).toBe(
      analyze(schema, fixed, fixedOperation, undefined),
    );
  });
});
