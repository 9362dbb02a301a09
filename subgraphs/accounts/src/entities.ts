import type { InferEntity } from '@mikro-orm/core';
import {
  employeeNameColumns,
  type EmployeeStatus,
  mailOutboxColumns,
  type OidcRole,
  tableEntity,
  timestamps,
  uuidEntity,
} from '../../../runtime';

/** Roles an ADMIN or HR may give an account, above what its employee record makes it. */
export const EXPLICIT_ROLES = ['HR', 'FINANCE', 'AUDITOR', 'ADMIN'] as const;
export type ExplicitRole = (typeof EXPLICIT_ROLES)[number];

export const AccountSchema = uuidEntity('Account', 'accounts', (p) => ({
  /** Lower case; unique. */
  email: p.string().length(254).unique(),
  /** argon2id PHC string; null until the person sets a password. */
  passwordHash: p.string().length(200).nullable(),
  /** The employee this account is; null for an administrator without an employee record. */
  employeeId: p.string().length(36).nullable().unique(),
  /** A role given by ADMIN or HR; null: EMPLOYEE or MANAGER, from the employee record. */
  explicitRole: p.string().$type<ExplicitRole>().length(20).nullable(),
  /** Failed sign-ins in a row; 0 after a good one. */
  failedAttempts: p.integer().default(0),
  lockedUntil: p.datetime().nullable(),
  ...timestamps(p),
}));
/** A person's way in: an e-mail, a password (argon2id), and what locks it. */
export type Account = InferEntity<typeof AccountSchema>;

export const SessionSchema = uuidEntity('AccountSession', 'account_sessions', (p) => ({
  accountId: p.string().length(36).index(),
  createdAt: p.datetime(),
  expiresAt: p.datetime(),
  revokedAt: p.datetime().nullable(),
  /** SIGNED_OUT, REUSED (a rotated refresh token came back), or null while alive. */
  revokedBecause: p.string().length(20).nullable(),
  /**
   * The role an OpenID Connect provider's claims mapped to at sign-in, which the session keeps;
   * null for any other sign-in (the role is then the account's, docs/sign-in.md "Roles").
   */
  providerRole: p.string().$type<OidcRole>().length(20).nullable(),
}));
/** One signed-in browser: alive until it expires, is signed out, or a refresh token is reused. */
export type Session = InferEntity<typeof SessionSchema>;

export const RefreshTokenSchema = tableEntity(
  'AccountRefreshToken',
  'account_refresh_tokens',
  (p) => ({
    hash: p.string().primary().length(64),
    sessionId: p.string().length(36).index(),
    createdAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  }),
);
/**
 * A refresh token of a session, by its SHA-256 (the token itself is never stored). Each use
 * marks it used and makes the next; a used one coming back revokes the session.
 */
export type RefreshToken = InferEntity<typeof RefreshTokenSchema>;

export const TICKET_KINDS = ['INVITATION', 'PASSWORD_RESET'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TicketSchema = uuidEntity('AccountTicket', 'account_tickets', (p) => ({
  kind: p.string().$type<TicketKind>().length(20),
  tokenHash: p.string().length(64).unique(),
  /** The token, encrypted with the data key (invitations; null for resets). */
  sealedToken: p.text().nullable(),
  accountId: p.string().length(36).index(),
  createdAt: p.datetime(),
  expiresAt: p.datetime(),
  /** When it was used; a used ticket is gone for good. */
  usedAt: p.datetime().nullable(),
}));
/**
 * A one-time link: an invitation (set the first password) or a password reset. Found by the
 * SHA-256 of its token; the token itself is kept encrypted so HR can read an invitation's link.
 */
export type Ticket = InferEntity<typeof TicketSchema>;

export const EmployeeCopySchema = uuidEntity('AccountEmployee', 'account_employees', (p) => ({
  ...employeeNameColumns(p),
  managerId: p.string().length(36).nullable().index(),
  status: p.string().$type<EmployeeStatus>().length(20),
  version: p.integer(),
  updatedAt: p.datetime(),
}));
/** Accounts' copy of an employee, fed by employees' events: name, work e-mail, manager. */
export type EmployeeCopy = InferEntity<typeof EmployeeCopySchema>;

export const AccountMailSchema = uuidEntity(
  'AccountMail',
  'account_mail_outbox',
  (p) => ({
    ...mailOutboxColumns(p),
  }),
  {
    indexes: [{ name: 'account_mail_due', properties: ['status', 'nextAttemptAt'] }],
  },
);
/** An e-mail with a link, waiting to be sent; its text is erased once sent (the link is a secret). */
export type AccountMail = InferEntity<typeof AccountMailSchema>;

export const PartnerClientSchema = tableEntity('PartnerClient', 'partner_clients', (p) => ({
  /** The client_id. */
  id: p.string().primary().length(64),
  name: p.string().length(200),
  secretHash: p.string().length(64),
  scopes: p.json<string[]>(),
  /** Requests per rate-limit window; null: the platform's partner default. */
  quotaRequests: p.integer().nullable(),
  /** Cost per window; null: the default. */
  quotaCost: p.integer().nullable(),
  createdAt: p.datetime(),
  createdBy: p.string().length(200),
  revokedAt: p.datetime().nullable(),
}));
/** A partner's client: an id and a secret (SHA-256 only), the scopes and quota its tokens carry. */
export type PartnerClient = InferEntity<typeof PartnerClientSchema>;

export const entities = [
  AccountSchema,
  SessionSchema,
  RefreshTokenSchema,
  TicketSchema,
  EmployeeCopySchema,
  AccountMailSchema,
  PartnerClientSchema,
];
