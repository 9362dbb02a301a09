import { compile } from 'json-schema-to-typescript';
import type { EventCatalogue, EventContract } from '../catalogue';

/** `time.entry.recorded` v1 -> `TimeEntryRecordedV1`. */
export function typeNameOf(contract: Pick<EventContract, 'type' | 'version'>): string {
  const words = contract.type.split(/[._]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${words.join('')}V${contract.version}`;
}

/**
 * TypeScript for the data of every catalogued event, from its JSON Schema
 * (json-schema-to-typescript), and a map from each type to its current version's data,
 * so a producer or consumer that no longer fits a schema fails to compile. Former names
 * (`renamedTo`) are left out: their data is the new type's.
 */
export async function renderEventTypes(catalogue: EventCatalogue): Promise<string> {
  const contracts = catalogue.contracts().filter((contract) => !contract.renamedTo);
  const parts: string[] = [];
  for (const contract of contracts) {
    const schema = { ...contract.schema, title: undefined, description: contract.description };
    parts.push(
      await compile(schema as never, typeNameOf(contract), {
        bannerComment: '',
        additionalProperties: false,
        format: false,
        strictIndexSignatures: true,
        // Tuples for every length up to maxItems help nobody: arrays stay arrays.
        maxItems: -1,
      }),
    );
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
