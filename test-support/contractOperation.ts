import { print } from 'graphql';
import { loadContract } from '../schema/src/contract';

const operations = new Map(loadContract().map((o) => [o.name, print(o.document)]));

/** The text of a named operation from the front end's contract (schema/contract/). */
export function contractOperation(name: string): string {
  const text = operations.get(name);
  if (!text) throw new Error(`No contract operation named ${name}.`);
  return text;
}
