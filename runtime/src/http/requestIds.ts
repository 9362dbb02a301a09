import crypto from 'node:crypto';

// Ids from clients end up in logs and events: only short, plain tokens are taken.
const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * A request or correlation id from a header (`x-request-id`, `x-correlation-id`)
 * when it is a short plain token, otherwise a new one. The gateway and every
 * subgraph apply the same rule.
 */
export const validId = (value: string | undefined): string =>
  value && ID.test(value) ? value : crypto.randomUUID();

/** A W3C `traceparent` header when it is well formed, otherwise nothing. */
export const validTraceparent = (value: string | undefined): string | undefined =>
  value && TRACEPARENT.test(value) ? value : undefined;
