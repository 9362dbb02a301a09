import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What an operation asks for, measured before it is planned. */
export interface OperationAnalysis {
  /** Deepest field nesting, root fields at 1 (introspection fields not counted). */
  depth: number;
  /** Aliased fields, fragments expanded. */
  aliases: number;
  /** Fields to resolve, each counted once per item of the lists it is inside. */
  cost: number;
  /** Whether it selects `__schema` or `__type`. */
  introspection: boolean;
}

export interface CostOptions {
  /** Items assumed for a list whose size no argument gives (default 10). */
  defaultListSize?: number;
  /** Arguments that give a list's size, e.g. `first` (default first, last, limit, take). */
  listSizeArguments?: readonly string[];
}

interface Totals {
  depth: number;
  aliases: number;
  cost: number;
  introspection: boolean;
}

export type OperationAnalyzer = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
) => OperationAnalysis;

const NONE: Totals = { depth: 0, aliases: 0, cost: 0, introspection: false };

/**
 * Measures an operation in one pass with fragments expanded. Each fragment is
 * measured once and reused, so nested spreads cannot make the walk itself
 * expensive. A list's size comes from its size argument (literal or
 * variable), else the default; a list directly inside a field that has a size
 * argument (a connection's `nodes`) counts once, as the size is already applied.
 */
export function createOperationAnalyzer(options: CostOptions = {}): OperationAnalyzer {
  const defaultListSize = options.defaultListSize ?? 10;
  const sizeArguments = new Set(options.listSizeArguments ?? ['first', 'last', 'limit', 'take']);
  // An analysis that used no variables depends only on the parsed operation,
  // which Apollo caches and shares between requests: keep it as long as that lives.
  const cache = new WeakMap<OperationDefinitionNode, OperationAnalysis>();
  return (schema, document, operation, variables) => {
    const cached = cache.get(operation);
    if (cached) return cached;
    const analysis = analyze(
      schema,
      document,
      operation,
      variables,
      defaultListSize,
      sizeArguments,
    );
    if (analysis.cacheable) cache.set(operation, analysis.totals);
    return analysis.totals;
  };
}

function analyze(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  defaultListSize: number,
  sizeArguments: ReadonlySet<string>,
): { totals: OperationAnalysis; cacheable: boolean } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const fragmentTotals = new Map<string, Totals>();
  let usedVariables = false;

  function listSize(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined) {
    for (const argument of field.arguments ?? []) {
      if (!sizeArguments.has(argument.name.value)) continue;
      const { value } = argument;
      if (value.kind === Kind.INT) return Number(value.value);
      if (value.kind === Kind.VARIABLE) {
        usedVariables = true;
        const given = variables?.[value.name.value];
        return typeof given === 'number' ? given : defaultListSize;
      }
    }
    // A size argument left out takes its schema default, e.g. `topProducts(first: Int = 5)`.
    const declared = definition?.args.find(
      (arg) => sizeArguments.has(arg.name) && typeof arg.defaultValue === 'number',
    );
    return declared?.defaultValue as number | undefined;
  }

  function measureField(
    field: FieldNode,
    parent: GraphQLCompositeType | undefined,
    sized: boolean,
  ): Totals {
    const name = field.name.value;
    const aliases = field.alias ? 1 : 0;
    if (name === '__schema' || name === '__type') return { ...NONE, aliases, introspection: true };
    const definition =
      parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[name]
        : undefined;
    if (!field.selectionSet) return { ...NONE, depth: 1, aliases, cost: 1 };
    const size = listSize(field, definition);
    const isList = !!definition && isListType(getNullableType(definition.type));
    const multiplier = Math.max(0, size ?? (isList && !sized ? defaultListSize : 1));
    const namedType = definition ? getNamedType(definition.type) : undefined;
    const child = measureSet(
      field.selectionSet,
      namedType && isCompositeType(namedType) ? namedType : undefined,
      size !== undefined,
    );
    return {
      depth: 1 + child.depth,
      aliases: aliases + child.aliases,
      cost: 1 + multiplier * child.cost,
      introspection: child.introspection,
    };
  }

  function measureSet(
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    sized: boolean,
  ): Totals {
    const totals = { ...NONE };
    for (const selection of set.selections) {
      let part: Totals;
      if (selection.kind === Kind.FIELD) {
        part = measureField(selection, parent, sized);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        part = measureSet(
          selection.selectionSet,
          condition && isCompositeType(condition) ? condition : undefined,
          sized,
        );
      } else {
        part = measureFragment(selection.name.value, sized);
      }
      totals.depth = Math.max(totals.depth, part.depth);
      totals.aliases += part.aliases;
      totals.cost += part.cost;
      totals.introspection ||= part.introspection;
    }
    return totals;
  }

  function measureFragment(name: string, sized: boolean): Totals {
    const key = `${sized ? '+' : '-'}${name}`;
    const known = fragmentTotals.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return NONE;
    // Validation has rejected cycles; the placeholder keeps a malformed document finite anyway.
    fragmentTotals.set(key, NONE);
    const type = schema.getType(fragment.typeCondition.name.value);
    const totals = measureSet(
      fragment.selectionSet,
      type && isCompositeType(type) ? type : undefined,
      sized,
    );
    fragmentTotals.set(key, totals);
    return totals;
  }

  const root = schema.getRootType(operation.operation) ?? undefined;
  const totals = measureSet(operation.selectionSet, root, false);
  return { totals, cacheable: !usedVariables };
}
