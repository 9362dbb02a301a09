import {
  getDirectiveValues,
  getNamedType,
  isInputObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** How long a text input may be, and whether it may hold tabs and line breaks. */
export interface TextBound {
  /** In characters (Unicode code points). */
  maxLength: number;
  multiline: boolean;
}

/** The bound of every String and ID a field does not bound itself (docs/input-bounds.md). */
export const DEFAULT_BOUNDS: Readonly<Record<'String' | 'ID', TextBound>> = {
  String: { maxLength: 1000, multiline: false },
  ID: { maxLength: 128, multiline: false },
};

/** The subgraph-local directive that bounds an argument or input field otherwise. */
export const TEXT_DIRECTIVE = 'text';

/** Why a text input is refused, as `extensions.reason`. */
export type TextProblemReason = 'TEXT_TOO_LONG' | 'CONTROL_CHARACTER';

export interface TextProblem {
  reason: TextProblemReason;
  message: string;
}

/** `String` or `ID` when `type` holds that scalar (through lists and non-null), else undefined. */
export function textScalarOf(type: GraphQLInputType): 'String' | 'ID' | undefined {
  const named = getNamedType(type);
  return isScalarType(named) && (named.name === 'String' || named.name === 'ID')
    ? named.name
    : undefined;
}

const textHolders = new WeakMap<GraphQLNamedType, boolean>();

/** Whether a value of `type` can hold a String or ID anywhere inside it. */
export function holdsText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  let holds = textHolders.get(named);
  if (holds === undefined) {
    holds = searchText(type, new Set());
    textHolders.set(named, holds);
  }
  return holds;
}

function searchText(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return textScalarOf(type) !== undefined;
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => searchText(field.type, seen));
}

/** The bound of an argument or input field holding text: its `@text`, else the scalar's default. */
export function boundOf(
  schema: GraphQLSchema,
  element: GraphQLArgument | GraphQLInputField,
): TextBound | undefined {
  if (bounds.has(element)) return bounds.get(element);
  const bound = readBound(schema, element);
  bounds.set(element, bound);
  return bound;
}

// Schemas do not change while they serve: each element's bound is read once.
const bounds = new WeakMap<GraphQLArgument | GraphQLInputField, TextBound | undefined>();

function readBound(
  schema: GraphQLSchema,
  element: GraphQLArgument | GraphQLInputField,
): TextBound | undefined {
  const scalar = textScalarOf(element.type);
  if (!scalar) return undefined;
  const directive = schema.getDirective(TEXT_DIRECTIVE);
  const declared = directive && element.astNode && getDirectiveValues(directive, element.astNode);
  return {
    maxLength: (declared?.maxLength as number | undefined) ?? DEFAULT_BOUNDS[scalar].maxLength,
    multiline: (declared?.multiline as boolean | undefined) ?? DEFAULT_BOUNDS[scalar].multiline,
  };
}

// C0 and C1 controls and DEL; the second also lets tab, line feed and carriage return through.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Whether `text` holds more than `max` characters, counted as the schema's bounds count them:
 * code points, so an emoji is one character, not two.
 */
export function longerThan(text: string, max: number): boolean {
  // Code units are never fewer than code points: count the points only when it matters.
  if (text.length <= max) return false;
  let points = 0;
  for (const _ of text) if (++points > max) return true;
  return false;
}

/** What is wrong with `text` at `path` under `bound`, or undefined when nothing is. */
export function checkText(text: string, bound: TextBound, path: string): TextProblem | undefined {
  if (longerThan(text, bound.maxLength)) {
    const message = `${path} must be at most ${bound.maxLength} characters.`;
    return { reason: 'TEXT_TOO_LONG', message };
  }
  if ((bound.multiline ? CONTROL_BUT_LINES : CONTROL).test(text)) {
    const allowed = bound.multiline ? ' other than tabs and line breaks' : '';
    return {
      reason: 'CONTROL_CHARACTER',
      message: `${path} must not contain control characters${allowed}.`,
    };
  }
  return undefined;
}
