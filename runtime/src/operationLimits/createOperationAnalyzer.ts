import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { measureSelectionSet } from './measureSelectionSet';
import { startWalk, UNSIZED, type CostSettings, type WalkInput } from './OperationWalk';
import { NO_COST_DIRECTIVES, type CostDirectives } from './readCostDirectives';

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
  const settings: CostSettings = {
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

/** Measures one operation: its root selection, fragments expanded. */
function analyze(input: WalkInput, settings: CostSettings): OperationAnalysis {
  const walk = startWalk(input, settings);
  const root = input.schema.getRootType(input.operation.operation) ?? undefined;
  const totals = measureSelectionSet(walk, input.operation.selectionSet, root, UNSIZED);
  return { ...totals, unsliced: [...walk.unsliced] };
}
