import { isDeepStrictEqual } from 'node:util';
import { compile, type Options } from 'json-schema-to-typescript';
import type { EventCatalogue, EventContract } from '../catalogue';

type Schema = Record<string, unknown>;

/** `time.entry.recorded` v1 -> `TimeEntryRecordedV1`. */
export function typeNameOf(contract: Pick<EventContract, 'type' | 'version'>): string {
  const words = contract.type.split(/[._]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${words.join('')}V${contract.version}`;
}

const OPTIONS: Partial<Options> = {
  bannerComment: '',
  additionalProperties: false,
  format: false,
  strictIndexSignatures: true,
  // Tuples for every length up to maxItems help nobody: arrays stay arrays.
  maxItems: -1,
};

// Values, not schemas: a `title` inside them names nothing.
const VALUE_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Named types shared by contracts: each part of a schema with a `title` is declared once
 * under that name, however many contracts carry it (each contract stays whole, so it
 * repeats the part). One name must mean one schema everywhere.
 */
class NamedParts {
  readonly schemas = new Map<string, Schema>();

  /** `schema` with each titled part below its root replaced by a reference to its name. */
  extract(schema: Schema, where: string): Schema {
    const copy: Schema = {};
    for (const [key, value] of Object.entries(schema)) {
      copy[key] = VALUE_KEYWORDS.has(key) ? value : this.inside(value, where);
    }
    return copy;
  }

  private inside(value: unknown, where: string): unknown {
    if (Array.isArray(value)) return value.map((item) => this.inside(item, where));
    if (!isSchema(value)) return value;
    const part = this.extract(value, where);
    if (typeof part.title !== 'string') return part;
    const known = this.schemas.get(part.title);
    if (known && !isDeepStrictEqual(known, part)) {
      throw new Error(`${where}: ${part.title} differs from another part of that title`);
    }
    this.schemas.set(part.title, part);
    return { tsType: part.title, description: part.description };
  }
}

/**
 * TypeScript for the data of every catalogued event, from its JSON Schema
 * (json-schema-to-typescript), with each titled part and each schema several contracts share
 * declared once, and a map from each type to its current version's data, so a producer or
 * consumer that no longer fits a schema fails to compile. Former names (`renamedTo`) are left
 * out: their data is the new type's.
 */
export async function renderEventTypes(catalogue: EventCatalogue): Promise<string> {
  const contracts = catalogue.contracts().filter((contract) => !contract.renamedTo);
  const named = new NamedParts();
  const parts: string[] = [];
  // Contracts whose data is the same schema share one declaration: the later ones name it.
  const declared: { schema: Schema; name: string }[] = [];
  for (const contract of contracts) {
    const schema = named.extract(contract.schema, `${contract.type} v${contract.version}`);
    const same = declared.find((d) => isDeepStrictEqual(d.schema, schema));
    if (same) {
      parts.push(
        `/**\n * ${contract.description}\n */\nexport type ${typeNameOf(contract)} = ${same.name};\n`,
      );
      continue;
    }
    declared.push({ schema, name: typeNameOf(contract) });
    const data = { ...schema, title: undefined, description: contract.description };
    parts.push(await compile(data as never, typeNameOf(contract), OPTIONS));
  }
  for (const [title, schema] of named.schemas) {
    parts.push(await compile(schema as never, title, OPTIONS));
  }
  const current = new Map<string, EventContract>();
  for (const contract of contracts) current.set(contract.type, contract);
  const map = [...current.values()].map((c) => `  '${c.type}': ${typeNameOf(c)};`);
  return [
    '// Generated from messaging/catalogue/*.json by `npm run catalogue:types`; do not edit.',
    ...parts,
    '/** The data of each event type at its current version. */',
    'export interface EventDataMap {',
    ...map,
    '}',
    '',
  ].join('\n');
}
