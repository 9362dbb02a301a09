import { createGatewayKeys } from '../../../test-support/gatewayKeys';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { createLocalIssuer } from '../../src/auth';
import { close, listen } from '../../src/http/createHttpServer';
import { defineSubgraph } from '../../src/subgraph/SubgraphModule';
import { startSubgraph, type SubgraphHarness } from '../../../test-support/startSubgraph';

const notes = defineSubgraph({
  name: 'notes',
  typeDefs: parse(`
    "Bounds a text argument or input field otherwise."
    directive @text(maxLength: Int, multiline: Boolean = false) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION

    input NoteInput {
      title: String!
      body: String @text(maxLength: 20, multiline: true)
      tags: [String!] @text(maxLength: 5)
      ownerId: ID
      inner: NoteInput
    }
    type Query {
      echo(text: String, id: ID, search: String @text(maxLength: 10)): String
    }
    type Mutation {
      note(input: NoteInput!): String
    }
  `),
  resolvers: {
    Query: { echo: () => 'ok' },
    Mutation: { note: () => 'ok' },
  },
  entities: [],
});

const NOTE = 'mutation ($input: NoteInput!) { note(input: $input) }';

describe('text inputs', () => {
  let h: SubgraphHarness;
  beforeAll(async () => (h = await startSubgraph(notes)));
  afterAll(() => h.stop());

  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const reply = await h.gql(query, variables);
    expect(reply.data ?? null).toBeNull();
    expect(reply.errors).toHaveLength(1);
    return reply.errors![0].extensions;
  };

  it('takes text within its bounds, tabs and line breaks only where it is free text', async () => {
    const input = { title: 'Shift notes', body: 'Line one\n\tline two\r\n', tags: ['a', 'bcdef'] };
    expect(await h.gql(NOTE, { input })).toEqual({ data: { note: 'ok' } });
    // Ten characters, twenty UTF-16 code units.
    expect(await h.gql('query ($s: String) { echo(search: $s) }', { s: '😀'.repeat(10) })).toEqual({
      data: { echo: 'ok' },
    });
    expect(await h.gql('{ echo(text: "x", id: 42) }')).toEqual({ data: { echo: 'ok' } });
  });

  it('refuses a control character, written in the operation or sent as a variable', async () => {
    expect(await refusal('{ echo(text: "Ada\\u0000") }')).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'text',
      reason: 'CONTROL_CHARACTER',
    });
    expect(await refusal(NOTE, { input: { title: 'Ada\nLovelace' } })).toMatchObject({
      field: 'input.title',
    });
    expect(await refusal(NOTE, { input: { title: 'x', body: 'bell \u0007' } })).toMatchObject({
      field: 'input.body',
    });
    expect(await refusal(NOTE, { input: { title: 'x', ownerId: 'id\u0085' } })).toMatchObject({
      field: 'input.ownerId',
    });
  });

  it('refuses text over its bound: the default for String and ID, or the field’s own', async () => {
    expect(await refusal('query ($t: String) { echo(text: $t) }', { t: 'x'.repeat(1001) })).toEqual(
      { code: 'BAD_USER_INPUT', field: 'text', reason: 'TEXT_TOO_LONG' },
    );
    expect(await h.gql('query ($t: String) { echo(text: $t) }', { t: 'x'.repeat(1000) })).toEqual({
      data: { echo: 'ok' },
    });
    expect(await refusal('query ($i: ID) { echo(id: $i) }', { i: 'x'.repeat(129) })).toMatchObject({
      field: 'id',
    });
    expect(await refusal('{ echo(search: "eleven char") }')).toMatchObject({ field: 'search' });
    expect(await refusal(NOTE, { input: { title: 'x', body: 'y'.repeat(21) } })).toMatchObject({
      field: 'input.body',
      reason: 'TEXT_TOO_LONG',
    });
  });

  it('names every bad value at once, one error per field', async () => {
    const input = { title: 'Ada\u0000', body: 'y'.repeat(21), tags: ['fine', 'too long'] };
    const reply = await h.gql(NOTE, { input });
    expect(reply.data ?? null).toBeNull();
    expect(reply.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.title', reason: 'CONTROL_CHARACTER' },
      { code: 'BAD_USER_INPUT', field: 'input.body', reason: 'TEXT_TOO_LONG' },
      { code: 'BAD_USER_INPUT', field: 'input.tags[1]', reason: 'TEXT_TOO_LONG' },
    ]);
    expect(reply.errors?.[0].message).toMatch(/input\.title/);
  });

  it('names the path into input objects and lists', async () => {
    expect(await refusal(NOTE, { input: { title: 'x', tags: ['ok', 'too long'] } })).toMatchObject({
      field: 'input.tags[1]',
    });
    expect(
      await refusal(NOTE, { input: { title: 'x', inner: { title: 'y', tags: ['\u0000'] } } }),
    ).toMatchObject({ field: 'input.inner.tags[0]' });
    expect(
      await refusal(
        'mutation ($t: String!) { note(input: { title: "x", inner: { title: $t } }) }',
        {
          t: 'a\u0000',
        },
      ),
    ).toMatchObject({ field: 'input.inner.title' });
    expect(await refusal('{ ...F } fragment F on Query { echo(text: "\\u0001") }')).toMatchObject({
      field: 'text',
    });
  });

  it('checks each request’s own values when the same operation comes again', async () => {
    const query = 'query ($s: String) { ...F } fragment F on Query { echo(search: $s) }';
    expect(await h.gql(query, { s: 'short' })).toEqual({ data: { echo: 'ok' } });
    expect(await refusal(query, { s: 'far too long' })).toMatchObject({ field: 'search' });
    expect(await refusal(query, { s: 'bell \u0007' })).toMatchObject({
      reason: 'CONTROL_CHARACTER',
    });
    expect(await h.gql(query, { s: 'short' })).toEqual({ data: { echo: 'ok' } });
  });

  it('answers HTTP 400 over HTTP', async () => {
    const gateway = createGatewayKeys();
    const server = h.runtime.createHttpServer({ gatewayAssertions: gateway.verifier });
    await listen(server, 0, '127.0.0.1');
    try {
      const issuer = createLocalIssuer({
        dataDir: h.db.dataDir,
        issuer: 'hr-platform-test',
        audience: 'hr-platform-test',
      });
      const response = await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await issuer.issue({ role: 'HR', sub: 'service:hr' })}`,
            ...(await gateway.headers()),
          },
          body: JSON.stringify({ query: NOTE, variables: { input: { title: '\u0000' } } }),
        },
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'input.title must not contain control characters.',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'input.title',
              reason: 'CONTROL_CHARACTER',
            },
          },
        ],
      });
    } finally {
      await close(server);
    }
  });
});
