import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const FOLLOW = `subscription { notificationReceived { id title } }`;

export interface Followed {
  notifications: { id: string; title: string }[];
  /** The cursor of the last result: subscribe with it to get what came after. */
  cursor?: string;
  stop(): Promise<void>;
}

/**
 * Follows the caller's notifications over graphql-ws. With `cursor`, the events missed
 * since that cursor come first, in order, then the live ones.
 */
export function followNotifications(gateway: string, token: string, cursor?: string): Followed {
  const client = createClient({
    url: `${gateway.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const followed: Followed = {
    notifications: [],
    cursor,
    stop: async () => {
      await client.dispose();
    },
  };
  client.subscribe(
    { query: FOLLOW, ...(cursor && { extensions: { cursor } }) },
    {
      next(result) {
        followed.notifications.push(result.data!.notificationReceived as never);
        followed.cursor = String((result.extensions as { cursor: string }).cursor);
      },
      error: (error) => console.error(error),
      complete: () => {},
    },
  );
  return followed;
}
