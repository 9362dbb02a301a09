import type { PlatformProcess } from './startPlatformProcess';

/** The mutations used here answer one object of string fields, e.g. `createEmployee { id }`. */
export type Data = Record<string, Record<string, string>>;

export type Call = (
  query: string,
  variables: Record<string, unknown>,
  token: string,
) => Promise<Data>;

/** Posts an operation to the platform's gateway with a bearer token; throws on GraphQL errors. */
export const graphqlCall =
  (platform: PlatformProcess): Call =>
  async (query, variables, token) => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: Data; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
