import type { SeedCaller, SeedClient } from './createSeedClient';
import type { Person } from './organisation';
import type { SeedCalendar } from './seedCalendar';

/** What every step of the seed works with. */
export interface SeedContext {
  client: SeedClient;
  calendar: SeedCalendar;
  /** The people of this run, managers before their reports. */
  people: Person[];
  /** Each person's employee id by their key, filled by the people step. */
  ids: Map<string, string>;
  /** HR, who builds the organisation: a fixed subject, so idempotency keys hold across runs. */
  hr: SeedCaller;
  /** Progress, one line at a time (stderr for the command). */
  log(line: string): void;
}

/** The caller a person is: MANAGER when someone reports to them, else EMPLOYEE. */
export function callerOf(ctx: SeedContext, person: Person): SeedCaller {
  const manages = ctx.people.some((p) => p.manager === person.key);
  return { role: manages ? 'MANAGER' : 'EMPLOYEE', sub: idOf(ctx, person.key) };
}

export function idOf(ctx: SeedContext, key: string): string {
  const id = ctx.ids.get(key);
  if (!id) throw new Error(`No employee for ${key} yet.`);
  return id;
}

/** Staff: people who manage nobody, in the organisation's order. */
export function staffOf(ctx: SeedContext): Person[] {
  return ctx.people.filter((person) => !ctx.people.some((p) => p.manager === person.key));
}

/** Runs `work` for each item, `concurrency` at a time, in order of start. */
export async function inTurn<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Counts a long step's people and says every tenth, so a slow run shows it is moving. */
export function progressOf(ctx: SeedContext, step: string): () => void {
  let done = 0;
  return () => {
    done += 1;
    if (done % 10 === 0 && done < ctx.people.length)
      ctx.log(`${step}: ${done} of ${ctx.people.length} people`);
  };
}
