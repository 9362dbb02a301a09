import type { JSONWebKeySet } from 'jose';
import type { ProcessMetrics } from '../../../runtime/edge';

/**
 * One subgraph's listening socket, sent with the message as its handle: the first process
 * binds the port and hands it over, before the start message.
 */
export interface PortMessage {
  type: 'port';
  /** The subgraph that serves on it. */
  name: string;
}

/** What the first process tells the second one, once, after forking it and its ports. */
export interface StartMessage {
  type: 'start';
  /** The subgraphs to run, by name. */
  names: string[];
  natsUrl: string | string[];
  /** The namespace id (NATS_NAMESPACE), so both processes use the same streams. */
  namespaceId?: string;
  /** The first process's gateway key: the subgraphs answer only calls signed with it. */
  gatewayJwks: JSONWebKeySet;
}

/** The first process asks the second to stop. */
export interface StopMessage {
  type: 'stop';
}

/** The first process asks for the second's metrics, to serve them with its own. */
export interface MetricsRequest {
  type: 'metrics';
  /** Repeated in the answer, which may come after a later request's. */
  id: number;
}

export type ToChild = PortMessage | StartMessage | StopMessage | MetricsRequest;

/**
 * From the second process: `listening` once it can take messages (a message sent before
 * would be lost), then its answer to `start`, ready or failed with a reason.
 */
export type FromChild =
  | { type: 'listening' }
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'metrics'; id: number; metrics: ProcessMetrics };
