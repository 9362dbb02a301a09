import type { EntityManager } from '@mikro-orm/core';
import type { Cipher } from '../../../runtime/src/cipher';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import type { AccountsDeps } from './deps';
import {
  AccountSchema,
  EmployeeCopySchema,
  EXPLICIT_ROLES,
  TicketSchema,
  type Account,
  type ExplicitRole,
} from './entities';
import { AccountsError, AccountsErrorCode, forbiddenTo, invalid, notFound } from './errors';
import { roleChanged } from './events';
import { assertManagesAccounts } from './permissions';
import { roleOf } from './roles';
import { linkOf } from './tickets/tickets';
import { invite } from './tickets/invitations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function employeeIdOf(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value))
    throw invalid('employeeId', 'Not an employee id.');
  return value.toLowerCase();
}

/** The latest invitation of an account, as HR reads it. */
async function invitationOf(
  em: EntityManager,
  cipher: Cipher,
  deps: AccountsDeps,
  account: Account,
) {
  const [ticket] = await em.find(
    TicketSchema,
    { accountId: account.id, kind: 'INVITATION' },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 1 },
  );
  if (!ticket?.sealedToken) return null;
  return {
    url: linkOf(deps.settings.PUBLIC_URL, 'INVITATION', cipher.decrypt(ticket.sealedToken)),
    expiresAt: ticket.expiresAt,
    acceptedAt: ticket.usedAt,
  };
}

async function accountView(em: EntityManager, account: Account, now: Date) {
  return {
    email: account.email,
    role: await roleOf(em, account),
    explicitRole: account.explicitRole,
    activated: !!account.passwordHash,
    lockedUntil: account.lockedUntil && account.lockedUntil > now ? account.lockedUntil : null,
  };
}

type Ctx = SubgraphContext<unknown>;

/** Accounts' GraphQL: a person's invitation and account, resending, roles. */
export function createResolvers(
  deps: AccountsDeps,
  extra: Record<string, Record<string, unknown>> = {},
) {
  const accountOfEmployee = (em: EntityManager, employeeId: string) =>
    em.findOne(AccountSchema, { employeeId });
  return {
    Employee: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      async invitation(parent: { id: string }, _args: unknown, ctx: Ctx) {
        assertManagesAccounts(ctx.identity);
        const account = await accountOfEmployee(ctx.em, parent.id);
        return account ? invitationOf(ctx.em, ctx.cipher, deps, account) : null;
      },
      async account(parent: { id: string }, _args: unknown, ctx: Ctx) {
        assertManagesAccounts(ctx.identity);
        const account = await accountOfEmployee(ctx.em, parent.id);
        return account ? accountView(ctx.em, account, deps.now()) : null;
      },
    },
    Mutation: {
      async resendInvitation(_: unknown, args: { employeeId: string }, ctx: Ctx) {
        assertManagesAccounts(ctx.identity);
        const employeeId = employeeIdOf(args.employeeId);
        return ctx.em.transactional(async (tx) => {
          const account = await accountOfEmployee(tx, employeeId);
          if (!account) throw notFound(`An account of employee ${employeeId}`);
          if (account.passwordHash)
            throw new AccountsError(
              AccountsErrorCode.CONFLICT,
              'This person has chosen a password already; they can reset it.',
              { field: 'employeeId' },
            );
          const employee = await tx.findOne(EmployeeCopySchema, { id: employeeId });
          await invite(tx, deps, ctx.cipher, account, employee);
          return invitationOf(tx, ctx.cipher, deps, account);
        });
      },
      async setAccountRole(
        _: unknown,
        args: { employeeId: string; role?: ExplicitRole | null },
        ctx: Ctx,
      ) {
        assertManagesAccounts(ctx.identity);
        const employeeId = employeeIdOf(args.employeeId);
        const role = args.role ?? null;
        if (role !== null && !EXPLICIT_ROLES.includes(role)) throw invalid('role', 'Unknown role.');
        return ctx.em.transactional(async (tx) => {
          const account = await accountOfEmployee(tx, employeeId);
          if (!account) throw notFound(`An account of employee ${employeeId}`);
          const touchesAdmin = role === 'ADMIN' || account.explicitRole === 'ADMIN';
          if (touchesAdmin && ctx.identity.role !== 'ADMIN')
            throw forbiddenTo('Only an ADMIN gives or takes the ADMIN role.');
          if (account.explicitRole !== role) {
            ctx.emit(
              tx,
              roleChanged({
                accountId: account.id,
                employeeId,
                from: account.explicitRole,
                to: role,
              }),
            );
            Object.assign(account, { explicitRole: role, updatedAt: deps.now() });
          }
          await tx.flush();
          return accountView(tx, account, deps.now());
        });
      },
      ...extra.Mutation,
    },
    Query: { ...extra.Query },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'Mutation' && k !== 'Query')),
  };
}
