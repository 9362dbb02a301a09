import {
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from 'graphql';

/** What `@listSize` says about one field (https://specs.apollo.dev/cost/v0.1). */
export interface ListSize {
  /** Items assumed when no slicing argument gives the size. */
  assumedSize?: number;
  /** Arguments whose value is the size, e.g. `first` (dotted paths reach into input objects). */
  slicingArguments: readonly string[];
  /** Fields of the returned object the size applies to, e.g. a connection's `nodes`. */
  sizedFields: readonly string[];
  /** Whether exactly one slicing argument must be given (the spec's default: true). */
  requireOneSlicingArgument: boolean;
}

/**
 * The demand-control directives of a schema, by schema coordinate: `Type.field`,
 * `Type.field(arg:)` and `Input.field` for weights, `Type` for a type's weight.
 */
export interface CostDirectives {
  /** `@cost(weight:)` on fields, arguments, input fields and types. */
  weights: ReadonlyMap<string, number>;
  /** `@listSize` on fields. */
  listSizes: ReadonlyMap<string, ListSize>;
}

export const NO_COST_DIRECTIVES: CostDirectives = { weights: new Map(), listSizes: new Map() };

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v0\.\d+$/;
const FEDERATION_SPEC = /^https:\/\/specs\.apollo\.dev\/federation\/v2\.(\d+)$/;

interface Names {
  cost: Set<string>;
  listSize: Set<string>;
}

/**
 * Reads `@cost` and `@listSize` from an SDL: a supergraph (where they arrive through
 * the cost spec's `@link`) or a subgraph (through the cost spec's or federation 2.9's
 * `@link`). The names follow the links' `as` and `import`, so a renamed import is read
 * too. The API schema a gateway hands its plugins has them stripped, which is why the
 * SDL is read.
 */
export function readCostDirectives(sdl: string | DocumentNode): CostDirectives {
  const document = typeof sdl === 'string' ? parse(sdl, { noLocation: true }) : sdl;
  const names = linkedNames(document);
  if (names.cost.size === 0 && names.listSize.size === 0) return NO_COST_DIRECTIVES;
  const weights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  const weigh = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    const weight = directives?.find((d) => names.cost.has(d.name.value));
    const value = weight && argumentsOf(weight).weight;
    if (typeof value === 'number') weights.set(coordinate, value);
  };
  const readField = (type: string, field: FieldDefinitionNode | InputValueDefinitionNode) => {
    const coordinate = `${type}.${field.name.value}`;
    weigh(coordinate, field.directives);
    if (field.kind !== Kind.FIELD_DEFINITION) return;
    for (const argument of field.arguments ?? []) {
      weigh(`${coordinate}(${argument.name.value}:)`, argument.directives);
    }
    const listSize = field.directives?.find((d) => names.listSize.has(d.name.value));
    if (listSize) listSizes.set(coordinate, toListSize(argumentsOf(listSize)));
  };
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name) continue;
    const type = definition.name.value;
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        weigh(type, definition.directives);
        for (const field of definition.fields ?? []) readField(type, field);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        weigh(type, definition.directives);
        break;
    }
  }
  return { weights, listSizes };
}

/** The names the cost spec's two directives have in this document, from its `@link`s. */
function linkedNames(document: DocumentNode): Names {
  const names: Names = { cost: new Set(), listSize: new Set() };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const { url, as, import: imports } = argumentsOf(directive);
      if (typeof url !== 'string') continue;
      const federation = FEDERATION_SPEC.exec(url);
      let namespace: string;
      if (COST_SPEC.test(url)) {
        namespace = typeof as === 'string' ? as : 'cost';
        // A directive named like its spec is referred to by the namespace alone.
        names.cost.add(namespace);
        names.listSize.add(`${namespace}__listSize`);
      } else if (federation && Number(federation[1]) >= 9) {
        namespace = typeof as === 'string' ? as : 'federation';
        names.cost.add(`${namespace}__cost`);
        names.listSize.add(`${namespace}__listSize`);
      } else {
        continue;
      }
      for (const entry of Array.isArray(imports) ? imports : []) {
        const { name, alias } = importOf(entry);
        if (name === '@cost') names.cost.add(alias.slice(1));
        if (name === '@listSize') names.listSize.add(alias.slice(1));
      }
    }
  }
  return names;
}

function importOf(entry: unknown): { name?: string; alias: string } {
  if (typeof entry === 'string') return { name: entry, alias: entry };
  const { name, as } = (entry ?? {}) as { name?: unknown; as?: unknown };
  if (typeof name !== 'string') return { alias: '' };
  return { name, alias: typeof as === 'string' ? as : name };
}

function argumentsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries(
    (directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]),
  );
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function toListSize(args: Record<string, unknown>): ListSize {
  return {
    assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : undefined,
    slicingArguments: strings(args.slicingArguments),
    sizedFields: strings(args.sizedFields),
    requireOneSlicingArgument: args.requireOneSlicingArgument !== false,
  };
}
