import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Namespace } from '../../../messaging/src/types';
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
export function serveResponders(options: ServeRespondersOptions): () => Promise<void> {
  const subscriptions: Subscription[] = options.responders.map((responder) =>
    options.nc.subscribe(ownerSubject(options.namespace, responder.name), {
      queue: options.service,
      callback: (error, msg) => {
        if (!error) void respond(options, responder, msg);
      },
    }),
  );
  return async () => {
    await Promise.all(subscriptions.map((subscription) => subscription.drain()));
  };
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
  msg.respond(JSON.stringify(answer));
}
