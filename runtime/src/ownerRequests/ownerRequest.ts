import type { EntityManager } from '@mikro-orm/knex';
import type { Namespace } from '../../../messaging';
import { DomainError, ErrorCode } from '../errors';

/**
 * Asks the domain that owns some data for it, at once: the exception to local copies
 * (docs/architecture.md#cross-domain-reads). `name` is the question, e.g.
 * `employees.employee`; the answer is the owner's JSON, unchecked. Throws
 * {@link OwnerUnavailableError} when the owner cannot answer.
 */
export type AskOwner = (name: string, question: Record<string, unknown>) => Promise<unknown>;

/** A question a subgraph answers for the others, over NATS request/reply. */
export interface ResponderDefinition {
  /** The question's name, `<domain>.<entity>`, e.g. `employees.employee`. */
  name: string;
  /** The answer; it must hold only what the domain's events would publish. */
  answer(question: Record<string, unknown>, ctx: { em: EntityManager }): Promise<unknown>;
}

/**
 * The NATS subject of a question. Outside `hr.>`, so the events stream does not take it
 * (a stream would acknowledge the request in the owner's place).
 */
export const ownerSubject = (ns: Namespace, name: string): string =>
  `${ns.subjectPrefix}hrask.${name}`;

/** The owner did not answer (down, slow, or paused by the breaker): the caller may retry. */
export class OwnerUnavailableError extends DomainError {
  constructor(
    readonly owner: string,
    message: string,
    cause?: unknown,
  ) {
    super(ErrorCode.UNAVAILABLE, message, 'OWNER_UNAVAILABLE', { cause });
  }
}

/**
 * The subgraph runs without NATS (a subgraph alone, in some tests): no owner can be
 * asked, and no event can come either, so what its copy holds is all it can know.
 */
export class NoOwnerError extends Error {
  override name = 'NoOwnerError';
}

/** A subgraph's answer when it could not work one out; the asker counts it as a failure. */
export interface FailedAnswer {
  error: 'INTERNAL';
}

export const isFailedAnswer = (answer: unknown): answer is FailedAnswer =>
  typeof answer === 'object' && answer !== null && 'error' in answer;
