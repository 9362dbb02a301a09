import { CloseCode } from 'graphql-ws';
import type { ContextFactory } from '../../context/createContextFactory';
import { onTokenExpiry } from '../tokenExpiry';
import { closeRateLimited, dropSocket, isRateLimited } from './closeSocket';
import type { SocketGate } from './createSocketGate';
import type { SocketContext } from './SocketConnection';

/** A string parameter of `connection_init`, under its name or with a capital first letter. */
const header = (params: Record<string, unknown> | undefined, name: string) => {
  const value = params?.[name] ?? params?.[name[0]!.toUpperCase() + name.slice(1)];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Accepts a socket's `connection_init`: the token in its `authorization` is verified like
 * a request's header, and the socket closes (4403) when it expires. Over a rate limit the
 * socket closes with 4429; any other failure refuses it (4403).
 */
export async function connectSocket(
  ctx: SocketContext,
  createContext: ContextFactory,
  gate: SocketGate,
): Promise<boolean> {
  const params = ctx.connectionParams;
  const socket = ctx.extra.socket;
  try {
    const headers = { authorization: header(params, 'authorization') };
    const context = await createContext(
      {
        ...headers,
        'x-request-id': header(params, 'x-request-id'),
        'x-correlation-id': header(params, 'x-correlation-id'),
      },
      ctx.extra.request,
    );
    const cancelExpiry = onTokenExpiry(context.identity, () =>
      socket.close(CloseCode.Forbidden, 'Token expired'),
    );
    ctx.extra.connection = { context, headers, cancelExpiry, drop: () => dropSocket(socket) };
    gate.initialised(socket);
    return true;
  } catch (error) {
    // Closed with 4429 first, graphql-ws's 4403 that follows changes nothing.
    if (isRateLimited(error)) closeRateLimited(socket);
    return false;
  }
}
