import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import fc from 'fast-check';
import {
  type CataloguedHandler,
  type EventEnvelope,
  type EventHandlerDefinition,
  loadCatalogue,
} from '../messaging';
import { followUpEmit, type SubgraphHarness } from './startSubgraph';

/** What the property needs of a subgraph's harness: transactions, and its runtime to read. */
export type Fed = Pick<SubgraphHarness, 'transaction' | 'runtime'>;

/** Options of {@link expectSameEffectInBatches}. */
export interface SameEffectOptions<S> {
  /** The subgraph the handler belongs to (the source of its follow-up events). */
  subgraph: string;
  /** The handler under test (as written, or as its module holds it): it must have a batch path. */
  handler: Pick<CataloguedHandler<never>, 'handle' | 'handleBatch'> | EventHandlerDefinition;
  /** Two harnesses of the same subgraph: one fed one event at a time, one in batches. */
  oneByOne: Fed;
  batched: Fed;
  /** Events of fresh entities (checked against the catalogue here), and what to compare them by. */
  scenario: fc.Arbitrary<{ events: EventEnvelope[]; stateOf(h: Fed): Promise<S> }>;
  numRuns?: number;
}

// Events come from the scenario, checked against the catalogue; the handler's types are its own.
const untyped = (o: SameEffectOptions<unknown>) => o.handler as EventHandlerDefinition;

const handleOne = (h: Fed, o: SameEffectOptions<unknown>, event: EventEnvelope) =>
  h.transaction((em) =>
    untyped(o).handle(event, { em, emit: followUpEmit(em, o.subgraph, event) as never }),
  );

const handleBatch = (h: Fed, o: SameEffectOptions<unknown>, events: EventEnvelope[]) =>
  h.transaction((em) =>
    untyped(o).handleBatch!(events, {
      em,
      emit: (cause, draft) => followUpEmit(em, o.subgraph, cause)(draft as never),
    }),
  );

/**
 * The property every batch path keeps: any events, cut into batches of any sizes, leave the
 * same tables (as `stateOf` reads them) as the same events handled one at a time.
 */
export async function expectSameEffectInBatches<S>(options: SameEffectOptions<S>): Promise<void> {
  const o = options as SameEffectOptions<unknown>;
  const sizes = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 });
  const catalogue = loadCatalogue();
  const property = fc.asyncProperty(o.scenario, sizes, async ({ events, stateOf }, cuts) => {
    // As the consumer does before it hands an event on.
    for (const event of events) catalogue.validate(event);
    for (const event of events) await handleOne(o.oneByOne, o, event);
    for (let at = 0, i = 0; at < events.length; i += 1) {
      const batch = events.slice(at, at + cuts[i % cuts.length]!);
      await handleBatch(o.batched, o, batch);
      at += batch.length;
    }
    const expected = await stateOf(o.oneByOne);
    expect(await stateOf(o.batched)).toEqual(expected);
  });
  await fc.assert(property, { numRuns: options.numRuns ?? 40 });
}

/** A scenario's `stateOf` that reads the rows of one table that match `where`, in id order. */
export function rowsOf<T extends object>(entity: EntityName<T>, where: FilterQuery<T>) {
  return (h: Fed) =>
    h.runtime.orm.em.fork().find(entity, where, { orderBy: { id: 'asc' } as QueryOrderMap<T> });
}

/**
 * Rows (or anything) as sorted JSON, for a scenario's `stateOf` to compare tables whatever
 * order their rows come in.
 */
export const sorted = <T>(list: T[]): string[] =>
  list.map((item) => JSON.stringify(item)).sort((a, b) => a.localeCompare(b));

/** A row without `keys`: what is random by nature (ids, times of writing), left out of a state. */
export const without = (row: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));

/** Options of {@link describeBatchPath}. */
export interface BatchPathOptions<H extends Fed, S> extends Omit<
  SameEffectOptions<S>,
  'oneByOne' | 'batched' | 'handler' | 'subgraph'
> {
  /** Starts a harness of the subgraph on a fresh database; the suite starts two. */
  start(): Promise<H & { stop(): Promise<void> }>;
  /** The handler under test, of a started harness (a module's own, say). */
  handler(h: H): SameEffectOptions<S>['handler'];
}

/** A suite holding a handler's batch path to `expectSameEffectInBatches`. */
export function describeBatchPath<H extends Fed, S>(
  title: string,
  options: BatchPathOptions<H, S>,
): void {
  describe(`${title}: the batch path has exactly the effect of one event at a time`, () => {
    let started: (H & { stop(): Promise<void> })[] = [];
    beforeAll(async () => {
      started = await Promise.all([options.start(), options.start()]);
    });
    afterAll(() => Promise.all(started.map((h) => h.stop())));

    it('leaves the same tables for any events, cut into batches of any sizes', async () => {
      const [oneByOne, batched] = started;
      const handler = options.handler(batched!);
      await expectSameEffectInBatches({
        ...options,
        subgraph: batched!.runtime.name,
        handler,
        oneByOne: oneByOne!,
        batched: batched!,
      });
    }, 300_000);
  });
}
