import { JSONSchemaFaker } from 'json-schema-faker';
import { createEvent, type EventCatalogue, type EventContract } from '../messaging';
import { seededRandom } from './seededRandom';

/**
 * A valid `data` for each contract of the catalogue, generated from its JSON Schema with
 * a fixed seed (mixed with the contract's type): optional fields are filled, so every field of every contract is exercised.
 * The generator reads `exclusiveMinimum`/`exclusiveMaximum` in their draft-04 form, so it
 * is given that form; a sample it still gets wrong (`multipleOf` on fractions) is drawn
 * again, from the same seeded sequence.
 */
export function catalogueSamples(
  catalogue: EventCatalogue,
  seed = 20_261_202,
): Map<EventContract, Record<string, unknown>> {
  const options = {
    alwaysFakeOptionals: true,
    failOnInvalidTypes: true,
    failOnInvalidFormat: true,
    maxItems: 3,
  };
  return new Map(
    catalogue.contracts().map((contract) => {
      // A sequence of its own per contract: adding a contract changes no other's sample.
      JSONSchemaFaker.option({ ...options, random: seededRandom(seed ^ hashOf(contract.type)) });
      return [contract, sample(catalogue, contract)];
    }),
  );
}

/** FNV-1a of a text: a stable number per contract type. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function sample(catalogue: EventCatalogue, contract: EventContract): Record<string, unknown> {
  const meta = { source: `/subgraphs/${contract.producer}`, correlationId: 'sample' };
  let last: unknown;
  for (let draw = 0; draw < 100; draw++) {
    const data = JSONSchemaFaker.generate(draft04Bounds(contract.schema) as never) as Record<
      string,
      unknown
    >;
    fitPeriods(contract.schema, data);
    const draft = { type: contract.type, subject: 'sample', data, dataversion: contract.version };
    try {
      catalogue.validate(createEvent(draft, meta));
      return data;
    } catch (error) {
      last = error;
    }
  }
  throw new Error(`No valid sample of ${contract.type} v${contract.version}: ${String(last)}`);
}

type SchemaNode = { period?: { start: string; end: string }; properties?: object; items?: unknown };

/**
 * Ends each closed `period` of `data` an hour after its start: two random instants seldom
 * make one the catalogue accepts (ordered, at most a week apart).
 */
function fitPeriods(schema: unknown, data: unknown): void {
  if (typeof schema !== 'object' || schema === null || typeof data !== 'object' || !data) return;
  const node = schema as SchemaNode;
  if (Array.isArray(data)) return data.forEach((item) => fitPeriods(node.items, item));
  const fields = data as Record<string, unknown>;
  const start = node.period && fields[node.period.start];
  if (node.period && typeof start === 'string' && typeof fields[node.period.end] === 'string')
    fields[node.period.end] = new Date(Date.parse(start) + 3_600_000).toISOString();
  for (const [key, child] of Object.entries(node.properties ?? {})) fitPeriods(child, fields[key]);
}

/** `exclusiveMinimum: n` (draft-07) as `minimum: n, exclusiveMinimum: true` (draft-04), at any depth. */
function draft04Bounds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(draft04Bounds);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'exclusiveMinimum' && typeof value === 'number') {
      Object.assign(copy, { minimum: value, exclusiveMinimum: true });
    } else if (key === 'exclusiveMaximum' && typeof value === 'number') {
      Object.assign(copy, { maximum: value, exclusiveMaximum: true });
    } else {
      copy[key] = draft04Bounds(value);
    }
  }
  return copy;
}
