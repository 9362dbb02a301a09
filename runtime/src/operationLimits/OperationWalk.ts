import {
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { RangeArguments } from './createOperationAnalyzer';
import type { CostDirectives } from './readCostDirectives';

/** The analyzer's cost options, resolved. */
export interface CostSettings {
  defaultListSize: number;
  sizeArguments: ReadonlySet<string>;
  rangeArguments: readonly RangeArguments[];
}

/** What one operation is measured against. */
export interface WalkInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  costs: CostDirectives;
}

/** What one analysis reads, and what it gathers on its way through the operation. */
export interface OperationWalk {
  schema: GraphQLSchema;
  costs: CostDirectives;
  settings: CostSettings;
  /** The client's variables, with the operation's own defaults for those left out. */
  variables: Record<string, unknown>;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Each fragment's totals, by the way it is sized: measured once, then reused. */
  fragmentTotals: Map<string, Totals>;
  /** Fields whose `@listSize` asks for exactly one slicing argument and did not get one. */
  unsliced: Set<string>;
}

/** The measures of a selection, summed over its fields. */
export interface Totals {
  depth: number;
  aliases: number;
  cost: number;
  introspection: boolean;
}

/** How the parent sizes the fields directly under it. */
export interface Sizing {
  /** The parent took its size from a size argument: lists directly inside count once. */
  sized: boolean;
  /** The parent's `@listSize(sizedFields:)`: these fields hold `size` items. */
  sizedFields?: ReadonlySet<string>;
  size?: number;
}

/** A field as the schema defines it. */
export type FieldDefinition = GraphQLField<unknown, unknown>;

export const NONE: Totals = { depth: 0, aliases: 0, cost: 0, introspection: false };
export const UNSIZED: Sizing = { sized: false };

export function startWalk(input: WalkInput, settings: CostSettings): OperationWalk {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of input.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  return {
    schema: input.schema,
    costs: input.costs,
    settings,
    variables: withDefaults(input.operation, input.variables),
    fragments,
    fragmentTotals: new Map(),
    unsliced: new Set(),
  };
}

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
