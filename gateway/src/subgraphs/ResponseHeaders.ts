import type { IncomingHttpHeaders } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type FetcherHeaders = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>['headers'];

/**
 * A response's headers as the fetch API reads them, over the object Node parsed: a
 * WHATWG Headers built per subgraph call copied and validated every header again, only
 * for one or two of them to be read. Like a response's Headers, they cannot be changed.
 */
export class ResponseHeaders implements FetcherHeaders {
  constructor(private readonly incoming: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.incoming[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.incoming[name.toLowerCase()] !== undefined;
  }

  append(): void {
    throw new TypeError('The headers of a response cannot be changed.');
  }

  delete(): void {
    throw new TypeError('The headers of a response cannot be changed.');
  }

  set(): void {
    throw new TypeError('The headers of a response cannot be changed.');
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.incoming).sort()) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
