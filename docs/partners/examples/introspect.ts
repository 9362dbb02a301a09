import {
  buildClientSchema,
  getIntrospectionQuery,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';

/** The schema as a PARTNER token may read it (introspection is open to ADMIN and PARTNER). */
export async function fetchSchema(gateway: string, token: string): Promise<string> {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as {
    data?: IntrospectionQuery;
    errors?: { message: string; extensions: { code: string } }[];
  };
  if (body.errors) throw new Error(`${body.errors[0].extensions.code}: ${body.errors[0].message}`);
  return printSchema(buildClientSchema(body.data!));
}
