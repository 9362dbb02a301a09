import { longerThan } from '../../../runtime';
import { invalid } from './errors';

export const MAX_TITLE = 200;
export const MAX_BODY = 5000;
export const MAX_BULK = 1000;
const MAX_FIRST = 100;
const DEFAULT_FIRST = 20;
const MAX_KEY = 200;

/** What HR or SYSTEM sends. */
export interface SendInput {
  title: string;
  body: string;
  idempotencyKey?: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  unreadOnly?: boolean | null;
}

function checkText(field: string, value: string, max: number): void {
  if (value.trim() === '') throw invalid(field, `${field} must not be empty.`);
  if (longerThan(value, max)) throw invalid(field, `${field} is at most ${max} characters.`);
}

/** A message's title, body and idempotency key, the first bad one refused. */
export function checkSendInput(input: SendInput): void {
  checkText('title', input.title, MAX_TITLE);
  checkText('body', input.body, MAX_BODY);
  const key = input.idempotencyKey;
  if (key != null && (key === '' || key.length > MAX_KEY))
    throw invalid('idempotencyKey', `idempotencyKey is 1 to ${MAX_KEY} characters.`);
}

/** A bulk send's recipients: 1 to 1000, none twice. */
export function checkRecipientIds(ids: string[]): void {
  if (ids.length === 0 || ids.length > MAX_BULK)
    throw invalid('recipientIds', `recipientIds holds 1 to ${MAX_BULK} ids.`);
  if (new Set(ids).size !== ids.length)
    throw invalid('recipientIds', 'recipientIds must not repeat an id.');
}

/** The inbox's page size: 1 to 100, 20 when not given (an inbox is read a screen at a time). */
export function inboxPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(size) || size < 1 || size > MAX_FIRST)
    throw invalid('first', `first is 1 to ${MAX_FIRST}.`);
  return size;
}
