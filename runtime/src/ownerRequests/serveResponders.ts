import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Namespace } from '../../../messaging';
import type { Logger } from '../logger';
import { ownerSubject, type FailedAnswer, type ResponderDefinition } from './ownerRequest';

export interface ServeRespondersOptions {
  nc: NatsConnection;
  namespace: Namespace;
  /** The subgraph's name: its replicas form one queue group, so one of them answers. */
  service: string;
  responders: readonly ResponderDefinition[];
  orm: MikroORM;
  logger: Logger;
}

/** Answers the subgraph's questions until the returned function is called. */
export function serveResponders(options: ServeRespondersOptions): () => void {
  const subscriptions: Subscription[] = options.responders.map((responder) =>
    options.nc.subscribe(ownerSubject(options.namespace, responder.name), {
      queue: options.service,
      callback: (error, msg) => {
        if (!error) void respond(options, responder, msg);
      },
    }),
  );
  // Not a drain: it would wait on a connection that may be down; an asker just retries.
  return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
}

async function respond(
  { orm, logger, service }: ServeRespondersOptions,
  responder: ResponderDefinition,
  msg: Msg,
): Promise<void> {
  let answer: unknown;
  try {
    const question = msg.json<Record<string, unknown>>();
    answer = await responder.answer(question, { em: orm.em.fork() as EntityManager });
  } catch (error) {
    logger.error({ err: error, service, question: responder.name }, 'unexpected error');
    answer = { error: 'INTERNAL' } satisfies FailedAnswer;
  }
  try {
    msg.respond(JSON.stringify(answer));
  } catch (error) {
    // The connection closed meanwhile: the asker times out and asks again.
    logger.warn({ err: error, service, question: responder.name }, 'answer not sent');
  }
}
