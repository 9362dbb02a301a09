import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { ClientAddress } from '../../../../runtime/edge';

/** Bounds on the sockets the gateway holds, checked before a socket is accepted. */
export interface SocketCaps {
  /** Open sockets from one client address. */
  maxSocketsPerAddress: number;
  /** Sockets from one address that have not yet sent a valid `connection_init`. */
  maxUninitialisedPerAddress: number;
  /** Sockets that have not yet sent a valid `connection_init`, from anywhere. */
  maxUninitialised: number;
}

export interface SocketGate {
  /** Why a socket asked for by this upgrade request is refused, or undefined to accept it. */
  refusal(req: IncomingMessage): string | undefined;
  /** Counts an accepted socket, until it closes. */
  opened(socket: WebSocket, req: IncomingMessage): void;
  /** The socket's `connection_init` was accepted: it no longer counts as uninitialised. */
  initialised(socket: WebSocket): void;
}

interface Counts {
  open: number;
  uninitialised: number;
}

/**
 * Counts sockets per client address, and those not yet initialised, so that one client
 * cannot hold thousands of sockets, nor anyone a crowd of sockets that never sign in
 * (each is held until its `connection_init` deadline).
 */
export function createSocketGate(caps: SocketCaps, clientAddress: ClientAddress): SocketGate {
  const byAddress = new Map<string, Counts>();
  const waiting = new Map<WebSocket, Counts>();

  const settle = (socket: WebSocket) => {
    const counts = waiting.get(socket);
    if (!counts) return;
    waiting.delete(socket);
    counts.uninitialised -= 1;
  };

  return {
    refusal(req) {
      const counts = byAddress.get(clientAddress(req));
      if (counts && counts.open >= caps.maxSocketsPerAddress) {
        return `At most ${caps.maxSocketsPerAddress} sockets per address.`;
      }
      if (counts && counts.uninitialised >= caps.maxUninitialisedPerAddress) {
        return `At most ${caps.maxUninitialisedPerAddress} sockets per address awaiting connection_init.`;
      }
      if (waiting.size >= caps.maxUninitialised)
        return 'Too many sockets awaiting connection_init.';
      return undefined;
    },
    opened(socket, req) {
      const address = clientAddress(req);
      let counts = byAddress.get(address);
      if (!counts) byAddress.set(address, (counts = { open: 0, uninitialised: 0 }));
      counts.open += 1;
      counts.uninitialised += 1;
      waiting.set(socket, counts);
      socket.once('close', () => {
        settle(socket);
        counts.open -= 1;
        if (counts.open === 0) byAddress.delete(address);
      });
    },
    initialised: settle,
  };
}
