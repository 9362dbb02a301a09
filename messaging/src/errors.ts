import type { ErrorObject } from 'ajv';

/** The `code` of every error this package throws, to branch on without parsing messages. */
export type MessagingErrorCode =
  | 'EVENT_INVALID'
  | 'CATALOGUE_INVALID'
  | 'CONFIG_INVALID'
  | 'PUBLISH_FAILED'
  | 'JOB_LEASE_LOST'
  | 'DEAD_LETTER'
  | 'NATS_AUTH_FAILED';

/** Base of the package's errors: a stable `code`, and the underlying `cause` when there is one. */
export class MessagingError extends Error {
  override name = 'MessagingError';

  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An envelope or its data does not match the catalogue; consumers send such events to HR_DLQ. */
export class EventValidationError extends MessagingError {
  override name = 'EventValidationError';

  constructor(
    message: string,
    /** Ajv's findings, empty when the problem is not a schema mismatch (unknown type, bad JSON). */
    readonly errors: ErrorObject[] = [],
    options?: { cause?: unknown },
  ) {
    super('EVENT_INVALID', message, options);
  }
}

/** A contract file or registration is malformed or duplicates another. */
export class CatalogueError extends MessagingError {
  override name = 'CatalogueError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('CATALOGUE_INVALID', message, options);
  }
}

/** An option or name given to this package cannot work (bad namespace, consumer name, types). */
export class MessagingConfigError extends MessagingError {
  override name = 'MessagingConfigError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
  }
}

/** The outbox relay could not publish a row to JetStream; the row stays unsent and is retried. */
export class OutboxPublishError extends MessagingError {
  override name = 'OutboxPublishError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('PUBLISH_FAILED', message, options);
  }
}

/** The message of any thrown value, for logs and dead-letter headers. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A job occurrence's lease passed to another replica mid-run; the run is rolled back. */
export class JobLeaseLostError extends MessagingError {
  override name = 'JobLeaseLostError';

  constructor(readonly jobId: string) {
    super('JOB_LEASE_LOST', `The lease of job occurrence ${jobId} passed to another replica.`);
  }
}
