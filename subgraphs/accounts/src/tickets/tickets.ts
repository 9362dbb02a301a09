import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { Cipher } from '../../../../runtime';
import { TicketSchema, type Ticket, type TicketKind } from '../entities';
import { ticketExpired, ticketNotFound } from '../errors';
import { isTokenShape, randomToken, tokenHash } from '../secrets';

/** The path of the web app's page for each kind of link. */
const PAGE: Record<TicketKind, string> = { INVITATION: 'invite', PASSWORD_RESET: 'reset' };

/** The link a person follows: PUBLIC_URL, the page, the token. */
export const linkOf = (publicUrl: string, kind: TicketKind, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/${PAGE[kind]}/${token}`;

/**
 * A new one-time link of `kind` for an account, valid `ttlMs`; the account's earlier open
 * links of that kind stop working (a `fresh` account, made in this transaction, has none). Returns the token (shown or mailed once; only its hash
 * is looked up, and an invitation's is kept encrypted for HR to read its link).
 */
export async function issueTicket(
  em: EntityManager,
  options: {
    kind: TicketKind;
    accountId: string;
    now: Date;
    ttlMs: number;
    cipher?: Cipher;
    fresh?: boolean;
  },
): Promise<{ token: string; ticket: Ticket }> {
  const { kind, accountId, now } = options;
  if (!options.fresh)
    await em.nativeUpdate(
      TicketSchema,
      { kind, accountId, usedAt: null, expiresAt: { $gt: now } },
      { expiresAt: now },
    );
  const token = randomToken();
  const ticket = em.create(TicketSchema, {
    id: uuidv7(),
    kind,
    tokenHash: tokenHash(token),
    sealedToken: options.cipher ? options.cipher.encrypt(token) : null,
    accountId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + options.ttlMs),
    usedAt: null,
  });
  em.persist(ticket);
  return { token, ticket };
}

/** The open ticket of `kind` a link's token names: 404 when there is none, 410 when spent. */
export async function openTicket(
  em: EntityManager,
  kind: TicketKind,
  token: string,
  now: Date,
): Promise<Ticket> {
  if (!isTokenShape(token)) throw ticketNotFound();
  const ticket = await em.findOne(TicketSchema, { tokenHash: tokenHash(token), kind });
  if (!ticket) throw ticketNotFound();
  if (ticket.usedAt || ticket.expiresAt <= now) throw ticketExpired();
  return ticket;
}
