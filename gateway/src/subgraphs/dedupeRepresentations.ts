import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from '../context/GatewayContext';
import { errorAt, type AnswerError } from './errorAt';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

const ENTITIES = '_entities';

/** A copy of a JSON value: each position gets objects of its own, as a subgraph sends them. */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyJson(item);
  return copy;
}

/** Each error at an `_entities` index given once per position that asked for that entity. */
function spreadErrors(errors: readonly AnswerError[], positionsOf: number[][]): AnswerError[] {
  return errors.flatMap((error) => {
    const [head, index, ...rest] = error.path ?? [];
    const positions =
      head === ENTITIES && typeof index === 'number' ? positionsOf[index] : undefined;
    if (!positions) return [error];
    return positions.map((position) => errorAt(error, [ENTITIES, position, ...rest]));
  });
}

/** The answer to the distinct representations, as the answer to all of them in their order. */
function spread(response: Response, slots: number[], positionsOf: number[][]): Response {
  const entities = (response.data as Record<string, unknown> | null | undefined)?.[ENTITIES];
  const errors = response.errors && spreadErrors(response.errors, positionsOf);
  if (!Array.isArray(entities) || entities.length !== positionsOf.length) {
    return errors ? { ...response, errors } : response;
  }
  const given = new Set<number>();
  const all = slots.map((slot) => {
    if (given.has(slot)) return copyJson(entities[slot]);
    given.add(slot);
    return entities[slot];
  });
  const data = { ...response.data, [ENTITIES]: all };
  return errors ? { ...response, data, errors } : { ...response, data };
}

/**
 * Sends each distinct entity representation of a fetch once. Apollo's gateway sends one
 * per place the entity appears, so a wide query asks for the same few entities many times
 * over (96 representations of 5 products in one fetch of the public benchmark): each copy
 * cost the subgraph a resolution and the gateway JSON both ways. The answer is spread back
 * to one entity per representation Apollo made, each an object of its own, and errors at
 * an entity to each place it was asked for. Only this request's own fetch is involved.
 */
export function dedupeRepresentations(
  source: GraphQLDataSource<GatewayContext>,
): GraphQLDataSource<GatewayContext> {
  return {
    async process(options) {
      const { request } = options;
      const representations = request.variables?.representations;
      if (!Array.isArray(representations) || representations.length < 2) {
        return source.process(options);
      }
      const indexOf = new Map<string, number>();
      const unique: unknown[] = [];
      const positionsOf: number[][] = [];
      const slots = representations.map((representation: unknown, position) => {
        const key = JSON.stringify(representation);
        let slot = indexOf.get(key);
        if (slot === undefined) {
          slot = unique.push(representation) - 1;
          indexOf.set(key, slot);
          positionsOf.push([]);
        }
        positionsOf[slot]!.push(position);
        return slot;
      });
      if (unique.length === representations.length) return source.process(options);
      const variables = { ...request.variables, representations: unique };
      const response = await source.process({ ...options, request: { ...request, variables } });
      return spread(response, slots, positionsOf);
    },
  };
}
