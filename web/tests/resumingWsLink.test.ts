import { ApolloLink, execute, gql } from '@apollo/client';
import type { Client, Sink, SubscribePayload } from 'graphql-ws';
import { ResumingWsLink } from '../src/api/ResumingWsLink';

/** A graphql-ws client that records each subscribe and lets the test answer it. */
function recordingClient() {
  const calls: { payload: SubscribePayload; sink: Sink }[] = [];
  const client = {
    subscribe(payload: SubscribePayload, sink: Sink) {
      calls.push({ payload: structuredClone(payload), sink });
      return () => undefined;
    },
  } as unknown as Client;
  return { client, calls };
}

const FOLLOW = gql`
  subscription Follow {
    notificationReceived {
      id
    }
  }
`;

describe('ResumingWsLink', () => {
  it('resumes from the last cursor, and goes on live without one the gateway refuses as too old', () => {
    const { client, calls } = recordingClient();
    const link = ApolloLink.from([new ResumingWsLink(client)]);
    const seen: unknown[] = [];
    const errors: unknown[] = [];
    execute(link, { query: FOLLOW }, { client: {} as never }).subscribe({
      next: (result) => seen.push(result.data),
      error: (error) => errors.push(error),
    });
    calls[0]!.sink.next({
      data: { notificationReceived: { id: 'a' } },
      extensions: { cursor: '5' },
    });
    expect(calls[0]!.payload.extensions).toEqual({});

    calls[0]!.sink.error([
      { message: 'too far back', extensions: { code: 'BAD_USER_INPUT', reason: 'CURSOR_TOO_OLD' } },
    ]);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.payload.extensions).toEqual({});
    calls[1]!.sink.next({
      data: { notificationReceived: { id: 'b' } },
      extensions: { cursor: '9' },
    });
    expect(seen).toEqual([
      { notificationReceived: { id: 'a' } },
      { notificationReceived: { id: 'b' } },
    ]);
    expect(errors).toEqual([]);

    // Any other refusal reaches the page.
    calls[1]!.sink.error([{ message: 'no', extensions: { code: 'FORBIDDEN' } }]);
    expect(calls).toHaveLength(2);
    expect(errors).toHaveLength(1);
  });
});
