import { knowEmployee } from '../../../../runtime';
import { employeeKnowing as knowing } from '../handlers';
import { EmployeeCopySchema } from '../entities';
import type { ComplianceContext } from '../resolvers';

/**
 * The employee's time zone, from compliance's copy (asking employees when the copy has not
 * heard of them yet). Someone nobody knows gets UTC: the deciding subgraph refuses them as
 * the real request would, so the check tells no more than the request.
 */
export async function employeeZone(ctx: ComplianceContext, employeeId: string): Promise<string> {
  const copy = await ctx.loaders.employee.load(employeeId);
  if (copy) return copy.timeZone;
  if (!(await knowEmployee(ctx, employeeId, knowing))) return 'UTC';
  const learnt = await ctx.em.fork().findOne(EmployeeCopySchema, { id: employeeId });
  return learnt?.timeZone ?? 'UTC';
}
