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
import type { Namespace } from './types';

/** Options of {@link ensureStreams}. */
export interface StreamOptions {
  /** How long JetStream remembers a msgID to drop a republished event (default 2 minutes). */
  duplicateWindowMs?: number;
  /** Copies kept in a cluster (default 1). */
  replicas?: number;
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

/**
 * Creates the events and dead-letter streams of a namespace, or brings an existing one's
 * configuration up to date. Safe to call at every start, by every replica.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  ns: Namespace,
  options: StreamOptions = {},
): Promise<void> {
  const common: Partial<StreamConfig> = {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
    num_replicas: options.replicas ?? 1,
  };
  await addOrUpdate(jsm, {
    ...common,
    name: eventsStream(ns),
    subjects: [allEventsSubject(ns)],
    description: 'HR domain events (CloudEvents JSON), one subject per event type.',
  });
  await addOrUpdate(jsm, {
    ...common,
    name: deadLetterStream(ns),
    subjects: [allDeadLettersSubject(ns)],
    description: 'Events a consumer gave up on, with the reason in the headers.',
  });
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
