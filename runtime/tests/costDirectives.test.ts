import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, parse } from 'graphql';
import {
  createOperationAnalyzer,
  readCostDirectives,
  type CostOptions,
} from '../src/operationLimits';

// A subgraph that declares the demand-control directives, composed for real: the
// directives reach the analyzer only through the supergraph SDL.
const subgraph = parse(`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost", "@listSize"])

  scalar Date
  scalar DateTime

  type Query {
    people(first: Int = 20, after: String): PersonConnection!
      @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)
    search(first: Int, last: Int): [Person!]! @listSize(slicingArguments: ["first", "last"])
    report(input: ReportInput, detailed: Boolean @cost(weight: 5)): Report @cost(weight: 50)
    grades: [Grade!]! @listSize(assumedSize: 3)
    days(from: Date!, to: Date!): [Day!]! @listSize(assumedSize: 366)
    entries(from: DateTime!, to: DateTime!): [Entry!]!
    shifts(start: Date!, end: Date!): [Entry!]!
  }
  input ReportInput {
    heavy: Boolean @cost(weight: 25)
    parts: [ReportInput!]
  }
  type Report { id: ID! }
  type Grade @cost(weight: 4) { name: String! }
  type Day { date: Date! hours: Float! }
  type Entry { id: ID! }
  type PersonConnection { totalCount: Int! nodes: [Person!]! }
  type Person @key(fields: "id") {
    id: ID!
    name: String!
    days(from: Date!, to: Date!): [Day!]! @listSize(assumedSize: 366)
  }
`);

const composed = composeServices([{ name: 'hr', typeDefs: subgraph, url: 'http://hr.invalid' }]);
if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
const supergraphSdl = composed.supergraphSdl;
const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const costs = readCostDirectives(supergraphSdl);

const measure = (query: string, variables?: Record<string, unknown>, options: CostOptions = {}) => {
  const document = parse(query);
  return createOperationAnalyzer(options)(
    schema,
    document,
    getOperationAST(document)!,
    variables,
    costs,
  );
};

describe('readCostDirectives', () => {
  it('reads @listSize and @cost from a supergraph, whose API schema no longer has them', () => {
    expect(costs.listSizes.get('Query.people')).toEqual({
      assumedSize: undefined,
      slicingArguments: ['first'],
      sizedFields: ['nodes'],
      requireOneSlicingArgument: false,
    });
    expect(costs.listSizes.get('Person.days')).toMatchObject({ assumedSize: 366 });
    expect(costs.weights.get('Query.report')).toBe(50);
    expect(costs.weights.get('Query.report(detailed:)')).toBe(5);
    expect(costs.weights.get('ReportInput.heavy')).toBe(25);
    expect(costs.weights.get('Grade')).toBe(4);
    const people = schema.getQueryType()!.getFields().people;
    expect(people.astNode?.directives ?? []).toEqual([]);
  });

  it('follows the names a subgraph gives them: federation 2.9 imports, renames and prefixes', () => {
    const read = readCostDirectives(`
      extend schema @link(
        url: "https://specs.apollo.dev/federation/v2.9"
        import: ["@key", { name: "@listSize", as: "@size" }]
      )
      type Query {
        a: [Int] @size(assumedSize: 5)
        b: Int @federation__cost(weight: 3)
        c: [Int] @listSize(assumedSize: 9)
      }
    `);
    expect(read.listSizes.get('Query.a')).toMatchObject({ assumedSize: 5 });
    expect(read.weights.get('Query.b')).toBe(3);
    // Not imported under this name: another directive that happens to be called so.
    expect(read.listSizes.has('Query.c')).toBe(false);
  });

  it('finds nothing in a schema that links no cost spec', () => {
    const read = readCostDirectives('type Query { a: [Int] @listSize(assumedSize: 5) }');
    expect(read.listSizes.size).toBe(0);
  });
});

describe('cost with @listSize and @cost', () => {
  it('sizes a connection by its slicing argument and applies it to the sized field only', () => {
    // people 1 + totalCount 1 + nodes (1 + 25 × (id + name))
    const literal = measure('{ people(first: 25) { totalCount nodes { id name } } }');
    expect(literal.cost).toBe(1 + 1 + (1 + 25 * 2));
    const variable = measure('query ($n: Int) { people(first: $n) { totalCount nodes { id } } }', {
      n: 25,
    });
    expect(variable.cost).toBe(1 + 1 + (1 + 25 * 1));
  });

  it("takes the slicing argument's default when it is left out, or given as a missing variable", () => {
    const expected = 1 + (1 + 20 * 1);
    expect(measure('{ people { nodes { id } } }').cost).toBe(expected);
    expect(measure('query ($n: Int) { people(first: $n) { nodes { id } } }', {}).cost).toBe(
      expected,
    );
  });

  it('applies the size inside fragments spread under the connection', () => {
    const inline = measure('{ people(first: 30) { nodes { id name } } }').cost;
    const spread = measure(
      '{ people(first: 30) { ...Page } } fragment Page on PersonConnection { nodes { ...Who } } fragment Who on Person { id name }',
    ).cost;
    expect(spread).toBe(inline);
  });

  it('notes a field that needs exactly one slicing argument and got none, or two', () => {
    expect(measure('{ search { id } }').unsliced).toEqual(['Query.search']);
    expect(measure('{ search(first: 5, last: 5) { id } }').unsliced).toEqual(['Query.search']);
    const one = measure('{ search(last: 5) { id } }');
    expect(one.unsliced).toEqual([]);
    expect(one.cost).toBe(1 + 5 * 1);
  });

  it('weighs fields, types, arguments and input fields by @cost', () => {
    expect(measure('{ report { id } }').cost).toBe(50 + 1);
    expect(measure('{ report(detailed: true) { id } }').cost).toBe(50 + 5 + 1);
    expect(
      measure('query ($i: ReportInput) { report(input: $i) { id } }', {
        i: { heavy: true, parts: [{ heavy: true }, { heavy: false }] },
      }).cost,
    ).toBe(50 + 25 * 3 + 1);
    // Each grade is a Grade (weight 4) of one field; assumedSize 3.
    expect(measure('{ grades { name } }').cost).toBe(4 + 3 * 1);
  });
});

describe('cost of lists over a period', () => {
  it('counts a date range by its days, capped by assumedSize', () => {
    const year = measure('{ days(from: "2024-01-01", to: "2024-12-31") { date hours } }');
    expect(year.cost).toBe(1 + 366 * 2);
    const week = measure('{ days(from: "2025-03-03", to: "2025-03-09") { date hours } }');
    expect(week.cost).toBe(1 + 7 * 2);
    const decade = measure('{ days(from: "2020-01-01", to: "2029-12-31") { date } }');
    expect(decade.cost).toBe(1 + 366 * 1);
  });

  it('reads the period from variables too', () => {
    const query = 'query ($from: Date!, $to: Date!) { days(from: $from, to: $to) { date } }';
    expect(measure(query, { from: '2025-01-01', to: '2025-01-31' }).cost).toBe(1 + 31);
    expect(measure(query, { from: '2025-01-01', to: '2025-12-31' }).cost).toBe(1 + 365);
  });

  it('counts date-times by the days they span, without a ceiling when no @listSize sets one', () => {
    const month = measure(
      '{ entries(from: "2025-01-01T00:00:00Z", to: "2025-01-31T00:00:00Z") { id } }',
    );
    expect(month.cost).toBe(1 + 31);
    const decade = measure(
      '{ entries(from: "2015-01-01T00:00:00+01:00", to: "2025-01-01T00:00:00+01:00") { id } }',
    );
    expect(decade.cost).toBe(1 + 3654);
  });

  it('falls back to assumedSize, or the default list size, when the period is not dates', () => {
    expect(measure('{ days(from: "soon", to: "later") { date } }').cost).toBe(1 + 366);
    expect(measure('{ entries(from: "soon", to: "later") { id } }').cost).toBe(1 + 10);
  });

  it('takes other argument names for a period as an option', () => {
    const query = '{ shifts(start: "2025-01-01", end: "2025-03-31") { id } }';
    expect(measure(query).cost).toBe(1 + 10);
    expect(measure(query, {}, { rangeArguments: [{ from: 'start', to: 'end' }] }).cost).toBe(
      1 + 90,
    );
  });

  it('multiplies a year of days by the people asked for', () => {
    const analysis = measure(
      `{ people(first: 100) { nodes { id days(from: "2025-01-01", to: "2025-12-31") { date hours } } } }`,
    );
    // people 1 + nodes (1 + 100 × (id 1 + days (1 + 365 × 2)))
    expect(analysis.cost).toBe(1 + (1 + 100 * (1 + (1 + 365 * 2))));
  });
});
