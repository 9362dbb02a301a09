import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { notFound, type SubgraphContext } from '../../../../runtime';
import { PartnerClientSchema, type PartnerClient } from '../entities';
import { accountsError, AccountsReason, invalid } from '../errors';
import { partnerClientCreated, partnerClientRevoked } from '../events';
import { readText } from '../inputs';
import { assertAdmin } from '../permissions';
import { randomToken, tokenHash } from '../secrets';
import type { AccountsDeps } from '../settings';

/** A scope is `<domain>:<read|write>`, as the subgraphs check them (`employees:read`). */
const SCOPE = /^[a-z][a-z_]{0,30}:(read|write)$/;
const MAX_SCOPES = 20;
const MAX_QUOTA = 1_000_000_000;

export interface CreatePartnerClientInput {
  name: string;
  scopes: string[];
  quotaRequests?: number | null;
  quotaCost?: number | null;
}

function readScopes(scopes: unknown): string[] {
  if (!Array.isArray(scopes) || scopes.length === 0 || scopes.length > MAX_SCOPES)
    throw invalid('scopes', `Give 1 to ${MAX_SCOPES} scopes.`);
  const bad = scopes.find((s) => typeof s !== 'string' || !SCOPE.test(s));
  if (bad !== undefined)
    throw invalid('scopes', `"${String(bad)}" is not a scope such as employees:read.`);
  return [...new Set(scopes as string[])].sort();
}

function readQuota(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_QUOTA)
    throw invalid(field, `${field} is a whole number from 1 to ${MAX_QUOTA}.`);
  return value as number;
}

const view = (client: PartnerClient) => ({
  id: client.id,
  name: client.name,
  scopes: client.scopes,
  quotaRequests: client.quotaRequests ?? null,
  quotaCost: client.quotaCost ?? null,
  createdAt: client.createdAt,
  revokedAt: client.revokedAt ?? null,
});

type Ctx = SubgraphContext<unknown>;

/** ADMIN's partner clients: list, create (the secret is shown once), revoke. */
export function partnerClientResolvers(deps: AccountsDeps) {
  return {
    Query: {
      async partnerClients(_: unknown, __: unknown, ctx: Ctx) {
        assertAdmin(ctx.identity);
        const clients = await ctx.em.find(
          PartnerClientSchema,
          {},
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        );
        return clients.map(view);
      },
    },
    Mutation: {
      async createPartnerClient(_: unknown, args: { input: CreatePartnerClientInput }, ctx: Ctx) {
        assertAdmin(ctx.identity);
        const input = args.input as unknown as Record<string, unknown>;
        const name = readText(input, 'name', 200);
        const scopes = readScopes(input.scopes);
        const quotaRequests = readQuota(input.quotaRequests, 'quotaRequests');
        const quotaCost = readQuota(input.quotaCost, 'quotaCost');
        const secret = randomToken();
        const client = await ctx.em.transactional(async (tx: EntityManager) => {
          const created = tx.create(PartnerClientSchema, {
            id: `partner-${crypto.randomBytes(12).toString('base64url')}`,
            name,
            secretHash: tokenHash(secret),
            scopes,
            quotaRequests,
            quotaCost,
            createdAt: deps.now(),
            createdBy: ctx.identity.subject,
            revokedAt: null,
          });
          tx.persist(created);
          ctx.emit(tx, partnerClientCreated(view(created)));
          return created;
        });
        return { client: view(client), clientSecret: secret };
      },
      async revokePartnerClient(_: unknown, args: { id: string }, ctx: Ctx) {
        assertAdmin(ctx.identity);
        return ctx.em.transactional(async (tx: EntityManager) => {
          const client = await tx.findOne(PartnerClientSchema, { id: String(args.id) });
          if (!client) throw notFound('Partner client', String(args.id));
          if (client.revokedAt)
            throw accountsError(AccountsReason.CLIENT_REVOKED, 'This client is revoked already.', {
              field: 'id',
            });
          client.revokedAt = deps.now();
          const revoked = { clientId: client.id, revokedAt: client.revokedAt };
          ctx.emit(tx, partnerClientRevoked(revoked));
          return view(client);
        });
      },
    },
  };
}

/** Whether `secret` is the client's, compared in constant time. */
export function secretMatches(client: PartnerClient | null, secret: string): boolean {
  const given = Buffer.from(tokenHash(secret), 'hex');
  const stored = Buffer.from(client?.secretHash ?? '0'.repeat(64), 'hex');
  return crypto.timingSafeEqual(given, stored) && !!client;
}
