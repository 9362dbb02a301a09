import type { FormattedExecutionResult } from 'graphql';

/** Each answer's data as JSON, made once per data object (held weakly, gone with it). */
const serialised = new WeakMap<object, string>();
/** The whole answer when it is that data alone (the usual case), made once too. */
const dataAlone = new WeakMap<object, string>();

/** The value `make` gives for `key`, made on the first call only. */
function once(cache: WeakMap<object, string>, key: object, make: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * Apollo's serialisation of an answer (fields in the order errors, data, extensions, and a
 * trailing newline), with the data's JSON made once: requests that joined one run (see
 * createInflightSharing) hold the same data object, and a large answer's JSON was most of
 * what each of them cost. An answer of data alone is also kept whole, so that each request
 * does not make (and leave behind for the collector) a copy of a large answer.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const { data } = value;
  if (data === null || typeof data !== 'object') return `${JSON.stringify(value)}\n`;
  const json = () => once(serialised, data, () => JSON.stringify(data));
  if (value.errors === undefined && value.extensions === undefined) {
    return once(dataAlone, data, () => `{"data":${json()}}\n`);
  }
  const fields: string[] = [];
  if (value.errors !== undefined) fields.push(`"errors":${JSON.stringify(value.errors)}`);
  fields.push(`"data":${json()}`);
  if (value.extensions !== undefined) {
    fields.push(`"extensions":${JSON.stringify(value.extensions)}`);
  }
  return `{${fields.join(',')}}\n`;
}

/**
 * Apollo's serialisation, with nothing kept: without shared runs no two requests hold one
 * data object, and remembering each answer's JSON only gave the collector more to trace.
 */
export function stringifyUnshared(value: FormattedExecutionResult): string {
  return `${JSON.stringify(value)}\n`;
}
