import type { FormattedExecutionResult } from 'graphql';

/** Each answer's data as JSON, made once per data object (held weakly, gone with it). */
const serialised = new WeakMap<object, string>();

/**
 * Apollo's serialisation of an answer (fields in the order errors, data, extensions, and a
 * trailing newline), with the data's JSON made once: requests that joined one run (see
 * createInflightSharing) hold the same data object, and a large answer's JSON was most of
 * what each of them cost.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const { data } = value;
  if (data === null || typeof data !== 'object') return `${JSON.stringify(value)}\n`;
  let json = serialised.get(data);
  if (json === undefined) {
    json = JSON.stringify(data);
    serialised.set(data, json);
  }
  const fields: string[] = [];
  if (value.errors !== undefined) fields.push(`"errors":${JSON.stringify(value.errors)}`);
  fields.push(`"data":${json}`);
  if (value.extensions !== undefined) {
    fields.push(`"extensions":${JSON.stringify(value.extensions)}`);
  }
  return `{${fields.join(',')}}\n`;
}
