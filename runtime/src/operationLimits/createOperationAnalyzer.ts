import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { NO_COST_DIRECTIVES, type CostDirectives, type ListSize } from './readCostDirectives';

/** What an operation asks for, measured before it is planned. */
export interface OperationAnalysis {
  /** Deepest field nesting, root fields at 1 (introspection fields not counted). */
  depth: number;
  /** Aliased fields, fragments expanded. */
  aliases: number;
  /** Fields to resolve, each weighed and counted once per item of the lists it is inside. */
  cost: number;
  /** Whether it selects `__schema` or `__type`. */
  introspection: boolean;
  /** Fields whose `@listSize` asks for exactly one slicing argument and did not get one. */
  unsliced: string[];
}

/** Two arguments that bound a list by a period. */
export interface RangeArguments {
  from: string;
  to: string;
}

export interface CostOptions {
  /** Items assumed for a list whose size nothing gives (default 10). */
  defaultListSize?: number;
  /**
   * Arguments that give the size of a field without `@listSize`, e.g. `first`
   * (default first, last, limit, take).
   */
  listSizeArguments?: readonly string[];
  /**
   * Argument pairs that bound a list by a period (default `from` and `to`). When both
   * hold ISO dates or date-times the list holds one item per day: `days(to - from) + 1`,
   * at most the field's `@listSize(assumedSize:)` when it has one. A slicing argument,
   * when given, wins over the period.
   */
  rangeArguments?: readonly RangeArguments[];
}

export type OperationAnalyzer = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  /** The schema's `@cost` and `@listSize` (see `readCostDirectives`). */
  costs?: CostDirectives,
) => OperationAnalysis;

interface Totals {
  depth: number;
  aliases: number;
  cost: number;
  introspection: boolean;
}

/** How the parent sizes the fields directly under it. */
interface Sizing {
  /** The parent took its size from a size argument: lists directly inside count once. */
  sized: boolean;
  /** The parent's `@listSize(sizedFields:)`: these fields hold `size` items. */
  sizedFields?: ReadonlySet<string>;
  size?: number;
}

const NONE: Totals = { depth: 0, aliases: 0, cost: 0, introspection: false };
const UNSIZED: Sizing = { sized: false };
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Measures an operation in one pass with fragments expanded. Each fragment is
 * measured once per way it is sized and reused, so nested spreads cannot make the
 * walk itself expensive.
 *
 * Cost: a leaf costs its weight; a field with a selection costs its weight plus its
 * size times the cost of its selection. A weight is the field's `@cost`, else its
 * type's, else 1, plus the `@cost` of each argument and input field given. The size
 * of a field with `@listSize` is its slicing argument (given, or its default), else
 * its period (see `rangeArguments`), else its `assumedSize`, else the default; with
 * `sizedFields` the size applies to those fields instead of the field itself. Without
 * `@listSize`, a size argument gives it (and on a connection, which is not a list, a
 * list directly inside, like its `nodes`, then counts once), else a period for a list,
 * else a list counts the default and any other field 1.
 */
export function createOperationAnalyzer(options: CostOptions = {}): OperationAnalyzer {
  const settings: Settings = {
    defaultListSize: options.defaultListSize ?? 10,
    sizeArguments: new Set(options.listSizeArguments ?? ['first', 'last', 'limit', 'take']),
    rangeArguments: options.rangeArguments ?? [{ from: 'from', to: 'to' }],
  };
  // An operation without variables measures the same every time, and Apollo caches the
  // parsed operation and shares it between requests: keep its analysis as long as that lives.
  const cache = new WeakMap<
    OperationDefinitionNode,
    { schema: GraphQLSchema; costs: CostDirectives; analysis: OperationAnalysis }
  >();
  return (schema, document, operation, variables, costs = NO_COST_DIRECTIVES) => {
    const cached = cache.get(operation);
    if (cached && cached.schema === schema && cached.costs === costs) return cached.analysis;
    const analysis = analyze({ schema, document, operation, variables, costs }, settings);
    if (!operation.variableDefinitions?.length) cache.set(operation, { schema, costs, analysis });
    return analysis;
  };
}

interface Settings {
  defaultListSize: number;
  sizeArguments: ReadonlySet<string>;
  rangeArguments: readonly RangeArguments[];
}

interface Input {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  costs: CostDirectives;
}

function analyze(input: Input, settings: Settings): OperationAnalysis {
  const { schema, document, operation, costs } = input;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const fragmentTotals = new Map<string, Totals>();
  const unsliced = new Set<string>();
  const variables = withDefaults(operation, input.variables);
  const weighsInputs = costs.weights.size > 0;

  /**
   * An argument's value as execution will see it (a variable left out takes the
   * argument's default), or a dotted path into it; null counts as not given.
   */
  function argument(field: FieldNode, definition: Definition | undefined, path: string): unknown {
    const [name, ...rest] = path.split('.');
    const node = field.arguments?.find((a) => a.name.value === name);
    let value = node ? valueFromASTUntyped(node.value, variables) : undefined;
    if (value === undefined) value = definition?.args.find((a) => a.name === name)?.defaultValue;
    for (const key of rest) value = (value as Record<string, unknown> | null)?.[key];
    return value ?? undefined;
  }

  function sizeArgument(field: FieldNode, definition: Definition | undefined) {
    const names = new Set([
      ...(field.arguments ?? []).map((a) => a.name.value),
      ...(definition?.args ?? []).map((a) => a.name),
    ]);
    for (const name of names) {
      if (!settings.sizeArguments.has(name)) continue;
      const value = argument(field, definition, name);
      if (typeof value === 'number') return value;
      // A list argument gives one item per element, like `_entities(representations:)`.
      if (Array.isArray(value)) return value.length;
      // Given, but null and without a default: the server picks; assume the default list size.
      if (field.arguments?.some((a) => a.name.value === name)) return settings.defaultListSize;
    }
    return undefined;
  }

  function rangeDays(field: FieldNode, definition: Definition | undefined) {
    for (const { from, to } of settings.rangeArguments) {
      const start = argument(field, definition, from);
      const end = argument(field, definition, to);
      if (typeof start !== 'string' || typeof end !== 'string') continue;
      if (!ISO_DATE.test(start) || !ISO_DATE.test(end)) continue;
      const span = Date.parse(end) - Date.parse(start);
      if (Number.isFinite(span)) return Math.floor(Math.abs(span) / DAY_MS) + 1;
    }
    return undefined;
  }

  /** The size `@listSize` gives a field, noting a missing required slicing argument. */
  function declaredSize(
    field: FieldNode,
    definition: Definition | undefined,
    listSize: ListSize,
    coordinate: string,
  ) {
    let size: number | undefined;
    let given = 0;
    for (const path of listSize.slicingArguments) {
      const value = argument(field, definition, path);
      if (typeof value !== 'number') continue;
      given += 1;
      size = Math.max(size ?? 0, value);
    }
    if (listSize.requireOneSlicingArgument && listSize.slicingArguments.length && given !== 1) {
      unsliced.add(coordinate);
    }
    if (size !== undefined) return size;
    const days = rangeDays(field, definition);
    if (days !== undefined) return Math.min(days, listSize.assumedSize ?? days);
    return listSize.assumedSize ?? settings.defaultListSize;
  }

  function weightOf(field: FieldNode, definition: Definition | undefined, coordinate: string) {
    const { weights } = costs;
    let weight =
      weights.get(coordinate) ??
      (definition ? weights.get(getNamedType(definition.type).name) : undefined) ??
      1;
    if (!weighsInputs || !definition) return weight;
    for (const node of field.arguments ?? []) {
      const arg = definition.args.find((a) => a.name === node.name.value);
      if (!arg) continue;
      weight += weights.get(`${coordinate}(${arg.name}:)`) ?? 0;
      weight += inputWeight(arg.type, valueFromASTUntyped(node.value, variables));
    }
    return weight;
  }

  /** The `@cost` of the input fields present in a value, however deep. */
  function inputWeight(type: GraphQLInputType, value: unknown): number {
    const nullable = getNullableType(type);
    if (value == null) return 0;
    if (isListType(nullable)) {
      const items = Array.isArray(value) ? value : [value];
      return items.reduce((sum: number, item) => sum + inputWeight(nullable.ofType, item), 0);
    }
    if (!isInputObjectType(nullable) || typeof value !== 'object') return 0;
    const fields = nullable.getFields();
    let weight = 0;
    for (const [key, item] of Object.entries(value)) {
      const inputField = fields[key];
      if (!inputField) continue;
      weight += costs.weights.get(`${nullable.name}.${key}`) ?? 0;
      weight += inputWeight(inputField.type, item);
    }
    return weight;
  }

  function measureField(
    field: FieldNode,
    parent: GraphQLCompositeType | undefined,
    sizing: Sizing,
  ): Totals {
    const name = field.name.value;
    const aliases = field.alias ? 1 : 0;
    if (name === '__schema' || name === '__type') return { ...NONE, aliases, introspection: true };
    const definition =
      parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[name]
        : undefined;
    const coordinate = `${parent?.name ?? ''}.${name}`;
    const weight = weightOf(field, definition, coordinate);
    if (!field.selectionSet) return { ...NONE, depth: 1, aliases, cost: weight };
    const isList = !!definition && isListType(getNullableType(definition.type));
    const listSize = costs.listSizes.get(coordinate);
    let multiplier: number;
    let inner: Sizing = UNSIZED;
    if (sizing.sizedFields?.has(name)) {
      multiplier = sizing.size ?? settings.defaultListSize;
    } else if (listSize) {
      const size = declaredSize(field, definition, listSize, coordinate);
      if (listSize.sizedFields.length > 0) {
        multiplier = 1;
        inner = { sized: false, sizedFields: new Set(listSize.sizedFields), size };
      } else {
        multiplier = isList ? size : 1;
      }
    } else {
      const size = sizeArgument(field, definition);
      const days = isList ? rangeDays(field, definition) : undefined;
      multiplier = size ?? days ?? (isList && !sizing.sized ? settings.defaultListSize : 1);
      // A size on a connection (not itself a list) is its page: its lists are that page.
      inner = { sized: size !== undefined && !isList };
    }
    const namedType = definition ? getNamedType(definition.type) : undefined;
    const child = measureSet(
      field.selectionSet,
      namedType && isCompositeType(namedType) ? namedType : undefined,
      inner,
    );
    return {
      depth: 1 + child.depth,
      aliases: aliases + child.aliases,
      cost: weight + Math.max(0, multiplier) * child.cost,
      introspection: child.introspection,
    };
  }

  function measureSet(
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    sizing: Sizing,
  ): Totals {
    const totals = { ...NONE };
    for (const selection of set.selections) {
      let part: Totals;
      if (selection.kind === Kind.FIELD) {
        part = measureField(selection, parent, sizing);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        part = measureSet(
          selection.selectionSet,
          condition && isCompositeType(condition) ? condition : undefined,
          sizing,
        );
      } else {
        part = measureFragment(selection.name.value, sizing);
      }
      totals.depth = Math.max(totals.depth, part.depth);
      totals.aliases += part.aliases;
      totals.cost += part.cost;
      totals.introspection ||= part.introspection;
    }
    return totals;
  }

  function measureFragment(name: string, sizing: Sizing): Totals {
    const sizedFields = sizing.sizedFields ? [...sizing.sizedFields].join(',') : '';
    const key = `${sizing.sized ? '+' : '-'}${sizing.size ?? ''}:${sizedFields}:${name}`;
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
      sizing,
    );
    fragmentTotals.set(key, totals);
    return totals;
  }

  const root = schema.getRootType(operation.operation) ?? undefined;
  const totals = measureSet(operation.selectionSet, root, UNSIZED);
  return { ...totals, unsliced: [...unsliced] };
}

type Definition = GraphQLField<unknown, unknown>;

/** The client's variables, with the operation's own defaults for those left out. */
function withDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) {
      values[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return values;
}
