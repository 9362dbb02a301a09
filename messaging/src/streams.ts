import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import {
  allDeadLettersSubject,
  allEventsSubject,
  deadLetterStream,
  eventsStream,
} from './envelope';
import { MessagingConfigError } from './errors';
import type { Namespace } from './types';
import { whileClusterForms, type ClusterFormingOptions } from './whileClusterForms';

/** Options of {@link ensureStreams}. */
export interface StreamOptions {
  /** How long JetStream remembers a msgID to drop a republished event (default 2 minutes). */
  duplicateWindowMs?: number;
  /** Copies kept in a cluster (default 1); more than one needs a JetStream cluster. */
  replicas?: number;
  /** Events older than this leave the events stream (default: kept). */
  maxAgeMs?: number;
  /** The most the events stream holds; the oldest events go first (default: no bound). */
  maxBytes?: number;
  /**
   * The most the dead-letter stream holds (default: a tenth of `maxBytes`, at least 64 MiB,
   * or no bound without `maxBytes`). When full it refuses new letters rather than dropping
   * old ones: the consumer then keeps the event unacknowledged until there is room.
   */
  deadLetterMaxBytes?: number;
  /**
   * The most one event may take, headers included (default {@link MAX_EVENT_BYTES}; -1 no
   * bound). Raise it only beside a server whose max_payload is larger, keeping 8 KiB of room.
   */
  maxEventBytes?: number;
  /** How long to wait for a cluster that is still forming (see {@link whileClusterForms}). */
  clusterForming?: ClusterFormingOptions;
}

const MIN_DEAD_LETTER_BYTES = 64 * 1024 ** 2;

/**
 * NATS's default max_payload (1 MiB) less room for a dead letter's headers (under 3 KiB): an
 * event the stream takes can always be dead-lettered whole. A larger one is refused when it
 * is published, not left for every consumer to fail on.
 */
const MAX_EVENT_BYTES = 1024 ** 2 - 8 * 1024;

/** The dead letters' bound: they wait for a person, so they never age out. */
function deadLetterBytes(options: StreamOptions): number {
  if (options.deadLetterMaxBytes !== undefined) return options.deadLetterMaxBytes;
  if (options.maxBytes === undefined) return -1;
  return Math.max(MIN_DEAD_LETTER_BYTES, Math.floor(options.maxBytes / 10));
}

const STREAM_IN_USE_WITH_OTHER_CONFIG = 10058;

async function addOrUpdate(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
): Promise<void> {
  try {
    // Adding a stream with the same configuration again succeeds, so this is the common path.
    await jsm.streams.add(config);
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== STREAM_IN_USE_WITH_OTHER_CONFIG) {
      throw error;
    }
    await jsm.streams.update(config.name, config);
  }
}

/** A refusal (e.g. more replicas than JetStream servers) names the stream and says why. */
async function addOrUpdateNamed(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
  forming?: ClusterFormingOptions,
): Promise<void> {
  try {
    await whileClusterForms(() => addOrUpdate(jsm, config), forming);
  } catch (error) {
    if (!(error instanceof JetStreamApiError)) throw error;
    throw new MessagingConfigError(
      `NATS refused stream ${config.name} with ${config.num_replicas} replica(s): ${error.message}`,
      { cause: error },
    );
  }
}

/**
 * Creates the events and dead-letter streams of a namespace, or brings an existing one's
 * configuration up to date. Safe to call at every start, by every replica.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  ns: Namespace,
  options: StreamOptions = {},
): Promise<void> {
  const duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
  const common: Partial<StreamConfig> = {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    num_replicas: options.replicas ?? 1,
  };
  const streams: (Partial<StreamConfig> & { name: string })[] = [
    {
      name: eventsStream(ns),
      subjects: [allEventsSubject(ns)],
      description: 'HR domain events (CloudEvents JSON), one subject per event type.',
      discard: DiscardPolicy.Old,
      // Zero and -1 say "no limit", so a limit removed from the configuration is lifted too.
      max_age: nanos(options.maxAgeMs ?? 0),
      max_bytes: options.maxBytes ?? -1,
      max_msg_size: options.maxEventBytes ?? MAX_EVENT_BYTES,
      // JetStream refuses a duplicate window longer than the stream's age.
      duplicate_window: nanos(Math.min(duplicateWindowMs, options.maxAgeMs ?? Infinity)),
    },
    {
      name: deadLetterStream(ns),
      subjects: [allDeadLettersSubject(ns)],
      description: 'Events a consumer gave up on, with the reason in the headers.',
      discard: DiscardPolicy.New,
      max_age: 0,
      max_bytes: deadLetterBytes(options),
      duplicate_window: nanos(duplicateWindowMs),
    },
  ];
  for (const stream of streams) {
    await addOrUpdateNamed(jsm, { ...common, ...stream }, options.clusterForming);
  }
}

/** Removes the namespace's streams (test clean-up); a stream that is already gone is fine. */
export async function deleteStreams(jsm: JetStreamManager, ns: Namespace): Promise<void> {
  for (const name of [eventsStream(ns), deadLetterStream(ns)]) {
    try {
      await jsm.streams.delete(name);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamNotFound)
        throw error;
    }
  }
}
