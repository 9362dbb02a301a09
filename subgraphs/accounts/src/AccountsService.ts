import { notFound, type SubgraphContext } from '../../../runtime';
import { EmployeeCopySchema, EXPLICIT_ROLES, type ExplicitRole } from './entities';
import { accountsError, AccountsReason, forbiddenTo, invalid } from './errors';
import { roleChanged } from './events';
import { assertManagesAccounts } from './permissions';
import { accountOfEmployee, accountView, invitationOf } from './queries';
import type { AccountsDeps } from './settings';
import { invite } from './tickets/invitations';

export type AccountsContext = SubgraphContext<unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function employeeIdOf(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value))
    throw invalid('employeeId', 'Not an employee id.');
  return value.toLowerCase();
}

/** Accounts' GraphQL commands: resending an invitation, giving a role; HR and ADMIN only. */
export class AccountsService {
  constructor(
    private readonly ctx: AccountsContext,
    private readonly deps: AccountsDeps,
  ) {}

  /** A new invitation link for a person who has not chosen a password yet. */
  resendInvitation(rawEmployeeId: string) {
    const { ctx, deps } = this;
    assertManagesAccounts(ctx.identity);
    const employeeId = employeeIdOf(rawEmployeeId);
    return ctx.em.transactional(async (tx) => {
      const account = await accountOfEmployee(tx, employeeId);
      if (!account) throw notFound('An account of employee', employeeId);
      if (account.passwordHash)
        throw accountsError(
          AccountsReason.ALREADY_ACTIVATED,
          'This person has chosen a password already; they can reset it.',
          { field: 'employeeId' },
        );
      const employee = await tx.findOne(EmployeeCopySchema, { id: employeeId });
      await invite(tx, deps, ctx.cipher, account, employee);
      return invitationOf(tx, ctx.cipher, deps, account);
    });
  }

  /** Gives a person's account a role, or takes it back; only an ADMIN touches ADMIN. */
  setAccountRole(rawEmployeeId: string, role: ExplicitRole | null) {
    const { ctx, deps } = this;
    assertManagesAccounts(ctx.identity);
    const employeeId = employeeIdOf(rawEmployeeId);
    if (role !== null && !EXPLICIT_ROLES.includes(role)) throw invalid('role', 'Unknown role.');
    return ctx.em.transactional(async (tx) => {
      const account = await accountOfEmployee(tx, employeeId);
      if (!account) throw notFound('An account of employee', employeeId);
      const touchesAdmin = role === 'ADMIN' || account.explicitRole === 'ADMIN';
      if (touchesAdmin && ctx.identity.role !== 'ADMIN')
        throw forbiddenTo('Only an ADMIN gives or takes the ADMIN role.');
      if (account.explicitRole !== role) {
        const change = {
          accountId: account.id,
          employeeId,
          from: account.explicitRole ?? null,
          to: role,
        };
        ctx.emit(tx, roleChanged(change));
        Object.assign(account, { explicitRole: role, updatedAt: deps.now() });
      }
      await tx.flush();
      return accountView(tx, account, deps.now());
    });
  }
}
