import type { DomainError } from './errors';
import type { Identity } from './identity';
import { firstFault } from './inputCheck';
import { type ComplianceAnswer, readCaller, refusedQuestion } from './policies';

/** How a domain answers a compliance question once its caller is read. */
export interface ComplianceAnswering {
  /** The domain's errors: a refusal of the question or of what it asks about. */
  answers(error: unknown): error is DomainError;
  /** The answer for the caller, by the very checks the write makes; writes nothing. */
  check(identity: Identity): Promise<ComplianceAnswer>;
  /** The answer a refusal gives; by default it refuses the question itself. */
  refused?(error: DomainError): ComplianceAnswer;
}

/**
 * Answers `validateCompliance` for the question's caller. A malformed caller refuses the
 * question; of a refusal `check` throws, the first fault counts, as a request's refusal
 * names one field; an error not the domain's is thrown on.
 */
export async function answerCompliance(
  question: Record<string, unknown>,
  { answers, check, refused = (error) => refusedQuestion(error) }: ComplianceAnswering,
): Promise<ComplianceAnswer> {
  const caller = readCaller(question.caller);
  if ('refusal' in caller) return { allowed: false, findings: [], refusal: caller.refusal };
  try {
    return await check(caller.identity);
  } catch (thrown) {
    const error = firstFault(thrown);
    if (!answers(error)) throw thrown;
    return refused(error);
  }
}
