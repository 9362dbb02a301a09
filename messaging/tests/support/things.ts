import { CATALOGUE_DIR, createEvent, loadCatalogue, type EventCatalogue } from '../..';
import type { EventContract } from '../..';

/** A test-only event type `test.thing.<verb>` with data `{ n, version }`. */
export const thingContract = (verb: string): EventContract => ({
  type: `test.thing.${verb}`,
  version: 1,
  description: `A test thing was ${verb}.`,
  producer: 'test',
  consumers: ['test'],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['n', 'version'],
    properties: {
      n: { type: 'integer', minimum: 0 },
      version: { type: 'integer', minimum: 1 },
    },
  },
});

/** The shipped catalogue plus `test.thing.created|updated|deleted|noted`. */
export function testCatalogue(): EventCatalogue {
  const catalogue = loadCatalogue(CATALOGUE_DIR);
  for (const verb of ['created', 'updated', 'deleted', 'noted']) {
    catalogue.register(thingContract(verb));
  }
  return catalogue;
}

export const thingEvent = (verb: string, n: number, correlationId = `corr-${n}`) =>
  createEvent(
    { type: `test.thing.${verb}`, subject: `thing-${n}`, data: { n, version: 1 } },
    { source: '/subgraphs/test', correlationId },
  );
