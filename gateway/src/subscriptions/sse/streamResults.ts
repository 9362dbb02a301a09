import type { ServerResponse } from 'node:http';
import type { GatewayContext } from '../../context/GatewayContext';
import { onTokenExpiry } from '../tokenExpiry';

/** The streams open now, each with the function that ends it. */
export type OpenStreams = Map<ServerResponse, () => void>;

export interface StreamOptions {
  open: OpenStreams;
  /** Interval of keep-alive comments. */
  keepAliveMs: number;
  /** Bytes waiting in the answer's buffer before the client is dropped as too slow. */
  maxBufferedBytes: number;
}

const COMPLETE = 'event: complete\ndata:\n\n';

/** One result as an `event: next`, with its cursor as the event `id`. */
const nextEvent = (result: { extensions?: Record<string, unknown> }) => {
  const id = result.extensions?.cursor;
  return `${id ? `id: ${String(id)}\n` : ''}event: next\ndata: ${JSON.stringify(result)}\n\n`;
};

/**
 * Writes a subscription's results as an event stream until they end, the client leaves
 * or its token expires; then `event: complete`, unless the connection is gone.
 */
export async function streamResults(
  res: ServerResponse,
  context: GatewayContext,
  results: AsyncIterableIterator<{ extensions?: Record<string, unknown> }>,
  options: StreamOptions,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const end = () => void results.return?.();
  options.open.set(res, end);
  const cancelExpiry = onTokenExpiry(context.identity, end);
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), options.keepAliveMs);
  res.on('close', end);
  try {
    for await (const result of results) {
      res.write(nextEvent(result));
      // A client that does not read fills the buffer; it alone is dropped.
      if (res.writableLength > options.maxBufferedBytes) res.destroy();
    }
  } catch {
    // The results failed (a replay, say): the stream completes all the same.
  } finally {
    if (!res.destroyed) res.end(COMPLETE);
    options.open.delete(res);
    cancelExpiry();
    clearInterval(keepAlive);
  }
}
