import type { EventCatalogue, EventContract } from './catalogue';
import { markdownTable } from './markdownTable';

type Schema = Record<string, unknown>;

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return schema;
  const definitions = (root.definitions ?? {}) as Record<string, Schema>;
  return definitions[ref.slice('#/definitions/'.length)] ?? schema;
}

/** A short human reading of a property's schema: `string (uuid) or null`, `one of A, B`. */
function describeType(property: Schema, root: Schema): string {
  const schema = resolve(property, root);
  if (Array.isArray(schema.enum)) {
    return `one of ${schema.enum.map((value) => code(JSON.stringify(value).replace(/"/g, ''))).join(', ')}`;
  }
  const types = ([] as unknown[]).concat(schema.type ?? 'any').map(String);
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  const minimum = typeof schema.minimum === 'number' ? ` >= ${schema.minimum}` : '';
  const main = types.filter((type) => type !== 'null');
  const described = `${main.join(' or ')}${format}${minimum}`;
  return types.includes('null') ? `${described} or null` : described;
}

function fieldsTable(contract: EventContract): string {
  const root = contract.schema;
  const properties = (root.properties ?? {}) as Record<string, Schema>;
  const required = new Set((root.required ?? []) as string[]);
  const rows = Object.entries(properties).map(([name, property]) => [
    code(name),
    cell(describeType(property, root)),
    required.has(name) ? 'yes' : 'no',
    cell(String(resolve(property, root).description ?? property.description ?? '')),
  ]);
  return markdownTable(['field', 'type', 'required', 'meaning'], rows);
}

function contractSection(contract: EventContract): string {
  const consumers = contract.consumers.length > 0 ? contract.consumers.join(', ') : 'none';
  return [
    `## ${code(contract.type)} v${contract.version}`,
    cell(contract.description),
    `Producer: ${contract.producer}. Consumers: ${consumers}.`,
    ...(contract.renamedTo
      ? [
          `Former name, renamed to ${code(contract.renamedTo)}: consumers read its events ` +
            'as that type; see docs/events.md.',
        ]
      : []),
    fieldsTable(contract),
  ].join('\n\n');
}

/**
 * The catalogue as Markdown: one table of who emits and who consumes each event, then
 * the data fields of each contract. `messaging/CATALOGUE.md` is this output, regenerated
 * by `npx tsx messaging/scripts/catalogue-docs.ts`.
 */
export function renderCatalogueDocs(catalogue: EventCatalogue): string {
  const contracts = catalogue.contracts();
  const summary = markdownTable(
    ['type', 'version', 'producer', 'consumers', 'description'],
    contracts.map((contract) => [
      code(contract.type),
      String(contract.version),
      contract.producer,
      contract.consumers.join(', '),
      cell(contract.description),
    ]),
  );
  return [
    '<!-- Generated from messaging/catalogue/ by `npx tsx messaging/scripts/catalogue-docs.ts`; do not edit. -->',
    '# Event catalogue',
    'Every event type and version published on NATS (subject `hr.<type>` in stream `HR_EVENTS`), ' +
      'the subgraph that produces it and the subgraphs that consume it. Every type is ' +
      '`<domain>.<entity>.<past-tense verb>`; a former name (renamed to another type) stays ' +
      'here so that events already in the stream remain readable ([docs/events.md](../docs/events.md)).',
    summary,
    ...contracts.map(contractSection),
  ]
    .join('\n\n')
    .concat('\n');
}
