import { EntitySchema } from '@mikro-orm/core';
import type { EmployeeStatus, OidcRole } from '../../../runtime';

/** Roles an ADMIN or HR may give an account, above what its employee record makes it. */
export const EXPLICIT_ROLES = ['HR', 'FINANCE', 'AUDITOR', 'ADMIN'] as const;
export type ExplicitRole = (typeof EXPLICIT_ROLES)[number];

/** A person's way in: an e-mail, a password (argon2id), and what locks it. */
export interface Account {
  id: string;
  /** Lower case; unique. */
  email: string;
  /** argon2id PHC string; null until the person sets a password. */
  passwordHash: string | null;
  /** The employee this account is; null for an administrator without an employee record. */
  employeeId: string | null;
  /** A role given by ADMIN or HR; null: EMPLOYEE or MANAGER, from the employee record. */
  explicitRole: ExplicitRole | null;
  /** Failed sign-ins in a row; 0 after a good one. */
  failedAttempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AccountSchema = new EntitySchema<Account>({
  name: 'Account',
  tableName: 'accounts',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    email: { type: 'string', length: 254, unique: true },
    passwordHash: { type: 'string', length: 200, nullable: true },
    employeeId: { type: 'string', length: 36, nullable: true, unique: true },
    explicitRole: { type: 'string', length: 20, nullable: true },
    failedAttempts: { type: 'integer', default: 0 },
    lockedUntil: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

/** One signed-in browser: alive until it expires, is signed out, or a refresh token is reused. */
export interface Session {
  id: string;
  accountId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  /** SIGNED_OUT, REUSED (a rotated refresh token came back), or null while alive. */
  revokedBecause: string | null;
  /**
   * The role an OpenID Connect provider's claims mapped to at sign-in, which the session keeps;
   * null for any other sign-in (the role is then the account's, docs/sign-in.md "Roles").
   */
  providerRole: OidcRole | null;
}

export const SessionSchema = new EntitySchema<Session>({
  name: 'AccountSession',
  tableName: 'account_sessions',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    accountId: { type: 'string', length: 36, index: true },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    revokedAt: { type: 'datetime', nullable: true },
    revokedBecause: { type: 'string', length: 20, nullable: true },
    providerRole: { type: 'string', length: 20, nullable: true },
  },
});

/**
 * A refresh token of a session, by its SHA-256 (the token itself is never stored). Each use
 * marks it used and makes the next; a used one coming back revokes the session.
 */
export interface RefreshToken {
  hash: string;
  sessionId: string;
  createdAt: Date;
  usedAt: Date | null;
}

export const RefreshTokenSchema = new EntitySchema<RefreshToken>({
  name: 'AccountRefreshToken',
  tableName: 'account_refresh_tokens',
  properties: {
    hash: { type: 'string', primary: true, length: 64 },
    sessionId: { type: 'string', length: 36, index: true },
    createdAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
  },
});

export const TICKET_KINDS = ['INVITATION', 'PASSWORD_RESET'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/**
 * A one-time link: an invitation (set the first password) or a password reset. Found by the
 * SHA-256 of its token; the token itself is kept encrypted so HR can read an invitation's link.
 */
export interface Ticket {
  id: string;
  kind: TicketKind;
  tokenHash: string;
  /** The token, encrypted with the data key (invitations; null for resets). */
  sealedToken: string | null;
  accountId: string;
  createdAt: Date;
  expiresAt: Date;
  /** When it was used; a used ticket is gone for good. */
  usedAt: Date | null;
}

export const TicketSchema = new EntitySchema<Ticket>({
  name: 'AccountTicket',
  tableName: 'account_tickets',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    kind: { type: 'string', length: 20 },
    tokenHash: { type: 'string', length: 64, unique: true },
    sealedToken: { type: 'text', nullable: true },
    accountId: { type: 'string', length: 36, index: true },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
  },
});

/** Accounts' copy of an employee, fed by employees' events: name, work e-mail, manager. */
export interface EmployeeCopy {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  managerId: string | null;
  status: EmployeeStatus;
  version: number;
  updatedAt: Date;
}

export const EmployeeCopySchema = new EntitySchema<EmployeeCopy>({
  name: 'AccountEmployee',
  tableName: 'account_employees',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    firstName: { type: 'string', length: 100, nullable: true },
    lastName: { type: 'string', length: 100, nullable: true },
    email: { type: 'string', length: 320, nullable: true },
    managerId: { type: 'string', length: 36, nullable: true, index: true },
    status: { type: 'string', length: 20 },
    version: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});

/** An e-mail with a link, waiting to be sent; its text is erased once sent (the link is a secret). */
export interface AccountMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const AccountMailSchema = new EntitySchema<AccountMail>({
  name: 'AccountMail',
  tableName: 'account_mail_outbox',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    to: { type: 'string', length: 320, fieldName: 'to_address' },
    subject: { type: 'string', length: 200 },
    text: { type: 'text' },
    status: { type: 'string', length: 10 },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ name: 'account_mail_due', properties: ['status', 'nextAttemptAt'] }],
});

/** A partner's client: an id and a secret (SHA-256 only), the scopes and quota its tokens carry. */
export interface PartnerClient {
  /** The client_id. */
  id: string;
  name: string;
  secretHash: string;
  scopes: string[];
  /** Requests per rate-limit window; null: the platform's partner default. */
  quotaRequests: number | null;
  /** Cost per window; null: the default. */
  quotaCost: number | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
}

export const PartnerClientSchema = new EntitySchema<PartnerClient>({
  name: 'PartnerClient',
  tableName: 'partner_clients',
  properties: {
    id: { type: 'string', primary: true, length: 64 },
    name: { type: 'string', length: 200 },
    secretHash: { type: 'string', length: 64 },
    scopes: { type: 'json' },
    quotaRequests: { type: 'integer', nullable: true },
    quotaCost: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
    createdBy: { type: 'string', length: 200 },
    revokedAt: { type: 'datetime', nullable: true },
  },
});

export const entities = [
  AccountSchema,
  SessionSchema,
  RefreshTokenSchema,
  TicketSchema,
  EmployeeCopySchema,
  AccountMailSchema,
  PartnerClientSchema,
];
