import { AccountsService, type AccountsContext } from './AccountsService';
import type { ExplicitRole } from './entities';
import { assertManagesAccounts } from './permissions';
import { accountOfEmployee, accountView, invitationOf } from './queries';
import type { AccountsDeps } from './settings';

/** Accounts' GraphQL: a person's invitation and account, resending, roles. */
export function createResolvers(
  deps: AccountsDeps,
  extra: Record<string, Record<string, unknown>> = {},
) {
  const service = (ctx: AccountsContext) => new AccountsService(ctx, deps);
  return {
    Employee: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      async invitation(parent: { id: string }, _args: unknown, ctx: AccountsContext) {
        assertManagesAccounts(ctx.identity);
        const account = await accountOfEmployee(ctx.em, parent.id);
        return account ? invitationOf(ctx.em, ctx.cipher, deps, account) : null;
      },
      async account(parent: { id: string }, _args: unknown, ctx: AccountsContext) {
        assertManagesAccounts(ctx.identity);
        const account = await accountOfEmployee(ctx.em, parent.id);
        return account ? accountView(ctx.em, account, deps.now()) : null;
      },
    },
    Mutation: {
      resendInvitation: (_: unknown, args: { employeeId: string }, ctx: AccountsContext) =>
        service(ctx).resendInvitation(args.employeeId),
      setAccountRole: (
        _: unknown,
        args: { employeeId: string; role?: ExplicitRole | null },
        ctx: AccountsContext,
      ) => service(ctx).setAccountRole(args.employeeId, args.role ?? null),
      ...extra.Mutation,
    },
    Query: { ...extra.Query },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'Mutation' && k !== 'Query')),
  };
}
